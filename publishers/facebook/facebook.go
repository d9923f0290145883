package facebook

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"regexp"
	"strings"
	"time"

	fb "github.com/huandu/facebook/v2"

	"github.com/connections/postgate"
	"github.com/connections/postgate/publishers"
	"github.com/connections/postgate/publishers/graph"
)

const platform = string(postgate.Facebook)

// Settings keys.
var (
	knownKeys  = []string{"api_base", "page_id", "graph_version"}
	secretKeys = []string{"page_access_token", "app_secret"}
)

var (
	pageIDPattern  = regexp.MustCompile(`^[0-9]+$`)
	versionPattern = regexp.MustCompile(`^v[0-9]+\.[0-9]+$`)
)

// Publisher posts to one Facebook Page through the Graph API.
type Publisher struct {
	pageID  string
	token   publishers.Secret
	session *fb.Session
	log     *slog.Logger
	now     func() time.Time
}

var (
	_ publishers.Publisher      = (*Publisher)(nil)
	_ publishers.Reconciler     = (*Publisher)(nil)
	_ publishers.Preflighter    = (*Publisher)(nil)
	_ publishers.AccountChecker = (*Publisher)(nil)
)

// New returns a Publisher for the Page configured in s. It checks the
// settings only; CheckAccount verifies them against Facebook.
func New(s publishers.Settings, d publishers.Deps) (*Publisher, error) {
	if err := s.CheckKeys(knownKeys, secretKeys); err != nil {
		return nil, fmt.Errorf("facebook: %w", err)
	}
	if err := s.Require("page_id", "page_access_token"); err != nil {
		return nil, fmt.Errorf("facebook: %w", err)
	}
	cfg := graph.Config{APIBase: s["api_base"], Version: s["graph_version"]}
	if err := checkSettings(s["page_id"], cfg); err != nil {
		return nil, fmt.Errorf("facebook: %w", err)
	}
	var err error
	if cfg.Token, err = s.Secret("page_access_token"); err != nil {
		return nil, fmt.Errorf("facebook: %w", err)
	}
	if cfg.AppSecret, err = s.Secret("app_secret"); err != nil {
		return nil, fmt.Errorf("facebook: %w", err)
	}
	if cfg.Token.IsZero() {
		return nil, errors.New("facebook: page_access_token is empty")
	}
	return &Publisher{
		pageID:  s["page_id"],
		token:   cfg.Token,
		session: graph.NewSession(cfg, d.Client()),
		log:     d.Log().With("platform", platform),
		now:     d.Clock(),
	}, nil
}

// checkSettings validates the non-secret settings, naming the bad key.
func checkSettings(pageID string, cfg graph.Config) error {
	if !pageIDPattern.MatchString(pageID) {
		return errors.New("page_id must be the Page's numeric id")
	}
	if cfg.Version != "" && !versionPattern.MatchString(cfg.Version) {
		return errors.New(`graph_version must look like "v25.0"`)
	}
	if cfg.APIBase != "" {
		u, err := url.Parse(cfg.APIBase)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.RawQuery != "" {
			return errors.New("api_base must be an http(s) URL such as https://graph.facebook.com")
		}
	}
	return nil
}

// call sends one Graph request, logs it without its parameters, and
// returns Graph's answer or a classified *publishers.Error. write marks the
// final, non-idempotent write.
func (p *Publisher) call(ctx context.Context, method fb.Method, path string, params fb.Params, write bool) (fb.Result, error) {
	start := time.Now()
	res, err := p.session.WithContext(ctx).Api(path, method, params)
	e := graph.ClassifyAt(p.now(), platform, res, err, write)
	if e != nil {
		e.Message = strings.ReplaceAll(e.Message, p.token.Reveal(), "[redacted]") // Graph may quote a malformed token
		p.log.DebugContext(ctx, "graph request failed", "method", method, "path", path,
			"duration", time.Since(start), "kind", e.Kind.String(), "error", e.Error())
		return nil, e
	}
	p.log.DebugContext(ctx, "graph request", "method", method, "path", path, "duration", time.Since(start))
	return res, nil
}

// stringField returns res[key] as a string, or an error naming it. A
// missing id after a write means the outcome is unknown.
func stringField(res fb.Result, key string, write bool) (string, error) {
	if v, ok := res.Get(key).(string); ok && v != "" {
		return v, nil
	}
	kind := publishers.KindTransient
	if write {
		kind = publishers.KindUnknown
	}
	return "", &publishers.Error{Platform: platform, Kind: kind, Message: "Graph answered without " + key}
}

// postURL returns the public link of a post id "{page-id}_{post-id}".
func postURL(id string) string {
	page, post, ok := strings.Cut(id, "_")
	if !ok {
		return "https://www.facebook.com/" + url.PathEscape(id)
	}
	return "https://www.facebook.com/" + url.PathEscape(page) + "/posts/" + url.PathEscape(post)
}
