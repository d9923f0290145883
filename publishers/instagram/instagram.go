package instagram

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"path"
	"regexp"
	"strings"
	"time"

	fb "github.com/huandu/facebook/v2"

	"github.com/connections/postgate"
	"github.com/connections/postgate/publishers"
	"github.com/connections/postgate/publishers/graph"
)

// platform names the connector in errors.
const platform = string(postgate.Instagram)

var (
	_ publishers.Publisher      = (*Publisher)(nil)
	_ publishers.Preparer       = (*Publisher)(nil)
	_ publishers.Reconciler     = (*Publisher)(nil)
	_ publishers.Preflighter    = (*Publisher)(nil)
	_ publishers.AccountChecker = (*Publisher)(nil)
)

// Setting keys.
var (
	knownKeys  = []string{"api_base", "ig_user_id", "graph_version", "media_base_url"}
	secretKeys = []string{"access_token", "app_secret"}
)

var (
	numericID = regexp.MustCompile(`^[0-9]+$`)
	versionRE = regexp.MustCompile(`^v[0-9]+\.[0-9]+$`)
)

// Publisher publishes to one Instagram professional account through the
// Graph API's container flow. It is safe for concurrent use.
type Publisher struct {
	userID    string
	mediaBase string // media_base_url without a trailing slash
	session   *fb.Session
	client    *http.Client // for fetching the served images
	log       *slog.Logger
	now       func() time.Time
}

// New validates the settings and returns a Publisher. Errors name the
// offending key, never its value.
func New(s publishers.Settings, d publishers.Deps) (*Publisher, error) {
	if err := s.CheckKeys(knownKeys, secretKeys); err != nil {
		return nil, fmt.Errorf("instagram: %w", err)
	}
	if err := s.Require("ig_user_id", "access_token", "media_base_url"); err != nil {
		return nil, fmt.Errorf("instagram: %w", err)
	}
	cfg := graph.Config{APIBase: s["api_base"], Version: s["graph_version"]}
	var err error
	if cfg.Token, err = s.Secret("access_token"); err != nil {
		return nil, fmt.Errorf("instagram: %w", err)
	}
	if cfg.AppSecret, err = s.Secret("app_secret"); err != nil {
		return nil, fmt.Errorf("instagram: %w", err)
	}
	if cfg.Token.IsZero() {
		return nil, errors.New("instagram: access_token is empty")
	}
	if err := checkSettings(s); err != nil {
		return nil, fmt.Errorf("instagram: %w", err)
	}
	return &Publisher{
		userID:    s["ig_user_id"],
		mediaBase: strings.TrimSuffix(s["media_base_url"], "/"),
		session:   graph.NewSession(cfg, d.Client()),
		client:    d.Client(),
		log:       d.Log().With("platform", platform),
		now:       d.Clock(),
	}, nil
}

// checkSettings validates the shape of the non-secret settings.
func checkSettings(s publishers.Settings) error {
	if !numericID.MatchString(s["ig_user_id"]) {
		return errors.New("ig_user_id must be the numeric Instagram user id")
	}
	if v := s["graph_version"]; v != "" && !versionRE.MatchString(v) {
		return errors.New(`graph_version must look like "v25.0"`)
	}
	if v := s["api_base"]; v != "" && !isHTTPURL(v) {
		return errors.New("api_base must be an http or https URL")
	}
	if !isHTTPURL(s["media_base_url"]) {
		return errors.New("media_base_url must be an http or https URL without query or fragment")
	}
	return nil
}

func isHTTPURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != "" &&
		u.RawQuery == "" && u.Fragment == "" && u.User == nil
}

// imageURL is where Meta fetches the image at calendar path p:
// media_base_url, a slash, and p with each segment escaped.
func (p *Publisher) imageURL(mediaPath string) string {
	clean := strings.TrimPrefix(path.Clean("/"+filepathToSlash(mediaPath)), "/")
	segs := strings.Split(clean, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return p.mediaBase + "/" + strings.Join(segs, "/")
}

// filepathToSlash turns Windows separators in a calendar path into slashes.
func filepathToSlash(s string) string { return strings.ReplaceAll(s, `\`, "/") }

// caption is the text Instagram shows under the image: the post's text,
// then its link on a line of its own unless the text already has it.
// Instagram has no link field and does not make caption links clickable.
func caption(c postgate.Content) string {
	if c.Link == "" || strings.Contains(c.Text, c.Link) {
		return c.Text
	}
	if c.Text == "" {
		return c.Link
	}
	return c.Text + "\n" + c.Link
}
