package mastodon

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/connections/postgate"
	"github.com/connections/postgate/publishers"
)

// platform names Mastodon in errors.
const platform = string(postgate.Mastodon)

// Setting keys.
const (
	keyAPIBase       = "api_base"
	keyAccessToken   = "access_token"
	keyVisibility    = "visibility"
	keyLanguage      = "language"
	keyMaxCharacters = "max_characters"
)

var (
	knownKeys  = []string{keyAPIBase, keyVisibility, keyLanguage, keyMaxCharacters}
	secretKeys = []string{keyAccessToken}
)

// DefaultVisibility is used when the visibility setting is empty.
const DefaultVisibility = "public"

var (
	visibilities = []string{"public", "unlisted", "private", "direct"}
	languageCode = regexp.MustCompile(`^[a-z]{2,3}$`)
)

// Publisher posts statuses to one Mastodon account.
type Publisher struct {
	base       string // the instance's origin, no trailing slash
	token      publishers.Secret
	visibility string
	language   string // ISO 639 code; "" lets the instance guess
	maxChars   int    // 0 means DefaultMaxCharacters
	client     *http.Client
	log        *slog.Logger
	now        func() time.Time
}

var (
	_ publishers.Publisher      = (*Publisher)(nil)
	_ publishers.Preparer       = (*Publisher)(nil)
	_ publishers.Preflighter    = (*Publisher)(nil)
	_ publishers.Reconciler     = (*Publisher)(nil)
	_ publishers.AccountChecker = (*Publisher)(nil)
)

// New validates s and returns a Publisher. Errors name the offending key,
// never its value.
func New(s publishers.Settings, d publishers.Deps) (*Publisher, error) {
	if err := s.CheckKeys(knownKeys, secretKeys); err != nil {
		return nil, fmt.Errorf("mastodon: %w", err)
	}
	if err := s.Require(keyAPIBase, keyAccessToken); err != nil {
		return nil, fmt.Errorf("mastodon: %w", err)
	}
	token, err := s.Secret(keyAccessToken)
	if err != nil {
		return nil, fmt.Errorf("mastodon: %w", err)
	}
	if token.IsZero() {
		return nil, fmt.Errorf("mastodon: %s is empty", keyAccessToken)
	}
	base, err := instance(s[keyAPIBase])
	if err != nil {
		return nil, fmt.Errorf("mastodon: %s: %w", keyAPIBase, err)
	}
	p := &Publisher{
		base:       base,
		token:      token,
		visibility: cmp.Or(s[keyVisibility], DefaultVisibility),
		language:   s[keyLanguage],
		client:     d.Client(),
		log:        d.Log().With("platform", platform),
		now:        d.Clock(),
	}
	if !slices.Contains(visibilities, p.visibility) {
		return nil, fmt.Errorf("mastodon: %s must be one of %s", keyVisibility, strings.Join(visibilities, ", "))
	}
	if p.language != "" && !languageCode.MatchString(p.language) {
		return nil, fmt.Errorf("mastodon: %s must be an ISO 639 code such as en", keyLanguage)
	}
	if v := s[keyMaxCharacters]; v != "" {
		if p.maxChars, err = strconv.Atoi(v); err != nil || p.maxChars < 1 {
			return nil, fmt.Errorf("mastodon: %s must be a positive whole number", keyMaxCharacters)
		}
	}
	return p, nil
}

// instance checks an api_base setting: the instance's http(s) origin.
func instance(s string) (string, error) {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" {
		return "", fmt.Errorf("want the instance's URL, such as https://mastodon.social")
	}
	return strings.TrimRight(s, "/"), nil
}

// Prepare returns the Idempotency-Key for req's delivery: the same key for
// every attempt, so that Mastodon creates at most one status for it within
// the hour it remembers keys. A handle already set is returned unchanged.
// Prepare does no I/O.
func (p *Publisher) Prepare(_ context.Context, req publishers.Request) (string, error) {
	if req.Handle != "" {
		return req.Handle, nil
	}
	return IdempotencyKey(req.Delivery), nil
}

// IdempotencyKey derives a delivery's Idempotency-Key: the first 32 hex
// digits of the SHA-256 of its key.
func IdempotencyKey(d postgate.Delivery) string {
	sum := sha256.Sum256([]byte(d.Key()))
	return hex.EncodeToString(sum[:16])
}

// Publish makes one attempt to post req.Content: it uploads the images
// with their alt text, then creates the status with req.Handle (or the key
// Prepare would give) as its Idempotency-Key. It neither sleeps nor
// retries. An image Mastodon is still processing fails the attempt as
// KindTransient with a RetryAt a few seconds ahead.
func (p *Publisher) Publish(ctx context.Context, req publishers.Request) (publishers.Receipt, error) {
	if err := ctx.Err(); err != nil {
		return publishers.Receipt{}, p.fail(publishers.KindTransient, "not sent", err)
	}
	key := req.Handle
	if key == "" {
		key = IdempotencyKey(req.Delivery)
	}
	if probs := checkText(req.Content, p.maxChars); len(probs) > 0 {
		return publishers.Receipt{}, p.fail(publishers.KindRejected, probs[0].Message, nil)
	}
	ids, err := p.uploadAll(ctx, req.Content.Media)
	if err != nil {
		return publishers.Receipt{}, err
	}
	st, err := p.postStatus(ctx, key, newStatus(statusText(req.Content), ids, p.visibility, p.language))
	if err != nil {
		return publishers.Receipt{}, err
	}
	return st.receipt(), nil
}

// statusText is the text Mastodon receives: the post text, and the link on
// a line of its own unless the text already holds it.
func statusText(c postgate.Content) string {
	if c.Link == "" || strings.Contains(c.Text, c.Link) {
		return c.Text
	}
	if c.Text == "" {
		return c.Link
	}
	return strings.TrimRight(c.Text, " \t\n") + "\n" + c.Link
}
