package graph

import (
	"errors"
	"io"
	"net/http"
	"net/url"
	"strings"

	fb "github.com/huandu/facebook/v2"

	"github.com/connections/postgate/publishers"
)

// DefaultAPIBase is the Graph API host.
const DefaultAPIBase = "https://graph.facebook.com"

// DefaultVersion is the Graph API version postgate is written against.
const DefaultVersion = "v25.0"

// Config is what a Graph session needs.
type Config struct {
	APIBase   string // scheme and host, e.g. DefaultAPIBase; empty means DefaultAPIBase
	Version   string // e.g. DefaultVersion; empty means DefaultVersion
	Token     publishers.Secret
	AppSecret publishers.Secret // optional; when set every call carries appsecret_proof
}

// NewSession returns a huandu session for cfg that sends every request
// through hc to cfg.APIBase under cfg.Version, with the token as the
// access_token parameter and, when cfg.AppSecret is set, appsecret_proof.
// Transport errors it returns carry the request URL without its query, so
// that neither the token nor the proof can leak through them.
func NewSession(cfg Config, hc *http.Client) *fb.Session {
	if hc == nil {
		hc = publishers.DefaultHTTPClient
	}
	app := fb.New("", cfg.AppSecret.Reveal())
	app.EnableAppsecretProof = !cfg.AppSecret.IsZero()
	s := app.Session(cfg.Token.Reveal())
	s.HttpClient = redactingClient{hc}
	s.BaseURL = strings.TrimSuffix(or(cfg.APIBase, DefaultAPIBase), "/") + "/"
	s.Version = or(cfg.Version, DefaultVersion)
	return s
}

func or(s, fallback string) string {
	if s == "" {
		return fallback
	}
	return s
}

// redactingClient sends requests through an *http.Client and strips the
// query from the URL of any error, because Graph GET requests carry
// access_token, appsecret_proof and sometimes input_token there.
type redactingClient struct{ hc *http.Client }

func (c redactingClient) Do(req *http.Request) (*http.Response, error) {
	resp, err := c.hc.Do(req)
	return resp, redactError(err)
}

func (c redactingClient) Get(u string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		return nil, redactError(&url.Error{Op: "Get", URL: u, Err: err})
	}
	return c.Do(req)
}

func (c redactingClient) Post(u, contentType string, body io.Reader) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodPost, u, body)
	if err != nil {
		return nil, redactError(&url.Error{Op: "Post", URL: u, Err: err})
	}
	req.Header.Set("Content-Type", contentType)
	return c.Do(req)
}

// redactError returns err with the query removed from the URL of the
// *url.Error it wraps. The result is deliberately not a bare *url.Error:
// huandu rewrites the URL of one (putting the query minus access_token
// back), but leaves other errors alone.
func redactError(err error) error {
	var ue *url.Error
	if err == nil || !errors.As(err, &ue) {
		return err
	}
	return transportError{&url.Error{Op: ue.Op, URL: redactURL(ue.URL), Err: ue.Err}}
}

// transportError is a redacted *url.Error that huandu passes through as is.
type transportError struct{ err *url.Error }

func (e transportError) Error() string { return e.err.Error() }
func (e transportError) Unwrap() error { return e.err }

// redactURL returns u without its query and user info. A URL that does not
// parse is dropped entirely.
func redactURL(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return "[url withheld]"
	}
	p.User = nil
	p.RawQuery = ""
	p.ForceQuery = false
	p.Fragment = ""
	return p.String()
}
