package linkedin

import (
	"cmp"
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"regexp"
	"strings"
	"time"

	"github.com/connections/postgate"
	"github.com/connections/postgate/publishers"
)

// Defaults for the optional settings.
const (
	DefaultAPIBase = "https://api.linkedin.com"
	// DefaultVersion is the LinkedIn-Version sent when the version setting
	// is empty. LinkedIn retires each monthly version about a year after its
	// release, so move it forward when the account check warns.
	DefaultVersion = "202610"
)

// Setting keys.
const (
	keyAPIBase      = "api_base"
	keyAuthor       = "author"
	keyVersion      = "version"
	keyAccessToken  = "access_token"
	keyTokenExpires = "token_expires"
)

var (
	knownKeys  = []string{keyAPIBase, keyAuthor, keyVersion, keyTokenExpires}
	secretKeys = []string{keyAccessToken}
)

var (
	organizationURN = regexp.MustCompile(`^urn:li:organization:([0-9]+)$`)
	versionForm     = regexp.MustCompile(`^[0-9]{6}(\.[0-9]{2})?$`)
)

// Publisher posts to one LinkedIn organisation page through the Posts API.
type Publisher struct {
	base    string // API origin, no trailing slash
	author  string // urn:li:organization:N
	orgID   string // N
	version string // LinkedIn-Version header
	token   publishers.Secret
	expires time.Time // from token_expires; zero when not set
	client  *http.Client
	log     *slog.Logger
	now     func() time.Time
}

var (
	_ publishers.Publisher      = (*Publisher)(nil)
	_ publishers.Preflighter    = (*Publisher)(nil)
	_ publishers.Reconciler     = (*Publisher)(nil)
	_ publishers.AccountChecker = (*Publisher)(nil)
)

// New validates s and returns a Publisher. Errors name the offending key,
// never its value.
func New(s publishers.Settings, d publishers.Deps) (*Publisher, error) {
	if err := s.CheckKeys(knownKeys, secretKeys); err != nil {
		return nil, fmt.Errorf("linkedin: %w", err)
	}
	if err := s.Require(keyAuthor, keyAccessToken); err != nil {
		return nil, fmt.Errorf("linkedin: %w", err)
	}
	m := organizationURN.FindStringSubmatch(s[keyAuthor])
	if m == nil {
		return nil, fmt.Errorf("linkedin: %s must be an organisation URN like urn:li:organization:123", keyAuthor)
	}
	token, err := s.Secret(keyAccessToken)
	if err != nil {
		return nil, fmt.Errorf("linkedin: %w", err)
	}
	if token.IsZero() {
		return nil, fmt.Errorf("linkedin: %s is empty", keyAccessToken)
	}
	p := &Publisher{
		base:    strings.TrimRight(cmp.Or(s[keyAPIBase], DefaultAPIBase), "/"),
		author:  m[0],
		orgID:   m[1],
		version: cmp.Or(s[keyVersion], DefaultVersion),
		token:   token,
		client:  d.Client(),
		log:     d.Log(),
		now:     d.Clock(),
	}
	if !versionForm.MatchString(p.version) {
		return nil, fmt.Errorf("linkedin: %s must be YYYYMM, like %s", keyVersion, DefaultVersion)
	}
	if !strings.HasPrefix(p.base, "http://") && !strings.HasPrefix(p.base, "https://") {
		return nil, fmt.Errorf("linkedin: %s must be an http(s) URL like %s", keyAPIBase, DefaultAPIBase)
	}
	if v := s[keyTokenExpires]; v != "" {
		if p.expires, err = parseDate(v); err != nil {
			return nil, fmt.Errorf("linkedin: %s must be an RFC 3339 date like 2026-03-31", keyTokenExpires)
		}
	}
	return p, nil
}

// parseDate accepts an RFC 3339 timestamp or a full date (midnight UTC).
func parseDate(v string) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339, v); err == nil {
		return t, nil
	}
	return time.Parse(time.DateOnly, v)
}

// Publish makes one attempt to post req.Content on the organisation page:
// it uploads the images, if any, then creates the post. It never retries.
func (p *Publisher) Publish(ctx context.Context, req publishers.Request) (publishers.Receipt, error) {
	if err := ctx.Err(); err != nil {
		return publishers.Receipt{}, p.fail(publishers.KindTransient, "not sent", err)
	}
	images, err := p.uploadAll(ctx, req.Content.Media)
	if err != nil {
		return publishers.Receipt{}, err
	}
	body := newPost(p.author, commentary(req.Content), images)
	id, err := p.createPost(ctx, body)
	if err != nil {
		return publishers.Receipt{}, err
	}
	return publishers.Receipt{ID: id, URL: postURL(id), PublishedAt: p.now()}, nil
}

// commentary is the text LinkedIn receives: the post text, the link on a
// line of its own unless the text already holds it, in little text format.
func commentary(c postgate.Content) string {
	text := c.Text
	if c.Link != "" && !strings.Contains(text, c.Link) {
		text = strings.TrimRight(text, " \t\n") + "\n" + c.Link
	}
	return Escape(text)
}

// postURL is where a person sees the post.
func postURL(urn string) string {
	return "https://www.linkedin.com/feed/update/" + urn + "/"
}
