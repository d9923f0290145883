package x

import (
	"context"
	"fmt"
	"log/slog"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/connections/postgate"
	"github.com/connections/postgate/publishers"
	"github.com/dghubble/oauth1"
)

// DefaultAPIBase is the X API host used when api_base is not set.
const DefaultAPIBase = "https://api.x.com"

// platform names X in errors.
const platform = string(postgate.X)

// The settings New reads.
var (
	knownKeys  = []string{"api_base"}
	secretKeys = []string{"consumer_key", "consumer_secret", "access_token", "access_token_secret"}
)

// Publisher posts to one X account through API v2 with OAuth 1.0a user
// context.
type Publisher struct {
	base    string       // API base URL, no trailing slash
	http    *http.Client // signs every request
	log     *slog.Logger
	now     func() time.Time
	secrets []string // credential values, scrubbed from every error
}

var (
	_ publishers.Publisher      = (*Publisher)(nil)
	_ publishers.Preflighter    = (*Publisher)(nil)
	_ publishers.Reconciler     = (*Publisher)(nil)
	_ publishers.AccountChecker = (*Publisher)(nil)
)

// New builds a Publisher from settings: api_base (optional) and the secrets
// consumer_key, consumer_secret, access_token and access_token_secret, each
// also accepted as <key>_file. Errors name the key, never a value.
func New(s publishers.Settings, d publishers.Deps) (*Publisher, error) {
	if err := s.CheckKeys(knownKeys, secretKeys); err != nil {
		return nil, fmt.Errorf("x: %w", err)
	}
	if err := s.Require(secretKeys...); err != nil {
		return nil, fmt.Errorf("x: %w", err)
	}
	creds := make(map[string]string, len(secretKeys))
	for _, k := range secretKeys {
		v, err := s.Secret(k)
		if err != nil {
			return nil, fmt.Errorf("x: %w", err)
		}
		if v.IsZero() {
			return nil, fmt.Errorf("x: %s is empty", k)
		}
		creds[k] = v.Reveal()
	}
	base, err := apiBase(s["api_base"])
	if err != nil {
		return nil, fmt.Errorf("x: api_base: %w", err)
	}
	return &Publisher{
		base:    base,
		http:    signingClient(d.Client(), creds),
		log:     d.Log().With("platform", platform),
		now:     d.Clock(),
		secrets: slices.Collect(maps.Values(creds)),
	}, nil
}

// apiBase checks an api_base setting and returns it without a trailing
// slash; empty means DefaultAPIBase.
func apiBase(s string) (string, error) {
	if s == "" {
		return DefaultAPIBase, nil
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" {
		return "", fmt.Errorf("want an http(s) URL such as %s", DefaultAPIBase)
	}
	return strings.TrimSuffix(s, "/"), nil
}

// signingClient wraps base in dghubble/oauth1's signing transport. The
// transport folds only form-encoded bodies into the signature, so JSON and
// multipart bodies stay unsigned as X requires. base's timeout and
// redirect policy carry over.
func signingClient(base *http.Client, creds map[string]string) *http.Client {
	config := oauth1.NewConfig(creds["consumer_key"], creds["consumer_secret"])
	token := oauth1.NewToken(creds["access_token"], creds["access_token_secret"])
	ctx := context.WithValue(context.Background(), oauth1.HTTPClient, base)
	c := config.Client(ctx, token)
	c.Timeout, c.CheckRedirect, c.Jar = base.Timeout, base.CheckRedirect, base.Jar
	return c
}

// Publish makes one attempt to post req.Content: it uploads the images (with
// their alt text), then creates the post. It neither sleeps nor retries.
func (p *Publisher) Publish(ctx context.Context, req publishers.Request) (publishers.Receipt, error) {
	c := req.Content
	if probs := checkText(c); len(probs) > 0 {
		return publishers.Receipt{}, rejected(probs)
	}
	mediaIDs, err := p.uploadAll(ctx, c.Media)
	if err != nil {
		return publishers.Receipt{}, err
	}
	body := tweetBody{Text: postText(c)}
	if len(mediaIDs) > 0 {
		body.Media = &tweetMedia{MediaIDs: mediaIDs}
	}
	var out struct {
		Data struct {
			ID string `json:"id"`
		} `json:"data"`
	}
	if err := p.do(ctx, jsonCall(http.MethodPost, "/2/tweets", body).final(), &out); err != nil {
		return publishers.Receipt{}, err
	}
	if out.Data.ID == "" {
		return publishers.Receipt{}, &publishers.Error{
			Platform: platform, Kind: publishers.KindUnknown, Message: "X answered without a post id",
		}
	}
	return publishers.Receipt{ID: out.Data.ID, URL: postURL(out.Data.ID), PublishedAt: p.now()}, nil
}

// tweetBody is the JSON body of POST /2/tweets.
type tweetBody struct {
	Text  string      `json:"text,omitempty"`
	Media *tweetMedia `json:"media,omitempty"`
}

type tweetMedia struct {
	MediaIDs []string `json:"media_ids"`
}

// postText is the text X receives: the content's text, with the link on a
// new line unless the text already holds it.
func postText(c postgate.Content) string {
	if c.Link == "" || strings.Contains(c.Text, c.Link) {
		return c.Text
	}
	if c.Text == "" {
		return c.Link
	}
	return c.Text + "\n" + c.Link
}

// postURL links to a post without knowing the account's handle.
func postURL(id string) string { return "https://x.com/i/status/" + id }

// rejected turns preflight problems into a permanent rejection.
func rejected(probs []publishers.Problem) error {
	msgs := make([]string, len(probs))
	for i, pr := range probs {
		msgs[i] = pr.Field + ": " + pr.Message
	}
	return &publishers.Error{Platform: platform, Kind: publishers.KindRejected, Message: strings.Join(msgs, "; ")}
}
