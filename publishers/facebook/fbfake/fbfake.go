// Package fbfake is a fake Facebook Graph API for one Page, faithful to the
// wire format in platform-apis.md §2: versioned paths, the access token as
// a form or query field or a Bearer header, appsecret_proof recomputed when
// the fake knows the app secret, form and multipart bodies, Graph's error
// bodies and usage headers. It records what was published and can inject
// failures: an error answer, a hang, a dropped connection or a delay,
// before or after the request took effect.
//
// It is stricter than Graph in one way: a write with a parameter the
// connector has no business sending is refused, to catch typos.
package fbfake

import (
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"testing"
	"time"
)

// Defaults used for empty Config fields.
const (
	DefaultPageID   = "1234567890"
	DefaultPageName = "Riverside Counselling"
	DefaultToken    = "EAAfakePageToken"
	DefaultVersion  = "v25.0"
	DefaultAppID    = "100200300400500"
)

// Config describes the Page the fake serves.
type Config struct {
	PageID    string
	PageName  string
	Token     string // the one valid Page access token
	AppSecret string // when set, every request must carry a matching appsecret_proof
	Version   string // the only Graph version served, e.g. "v25.0"
	// TokenExpiresAt is when the token expires; zero means never. After it,
	// every call fails with code 190/463, and debug_token reports it.
	TokenExpiresAt time.Time
	// Scopes are the token's permissions as debug_token reports them;
	// nil means pages_manage_posts and pages_read_engagement.
	Scopes []string
	// RejectDuplicates makes a post whose message and link repeat the
	// latest post's fail with code 506, as Graph does for recent repeats.
	RejectDuplicates bool
	// Now is the fake's clock for created_time; nil means time.Now.
	Now func() time.Time
}

func (c Config) withDefaults() Config {
	set := func(v *string, d string) {
		if *v == "" {
			*v = d
		}
	}
	set(&c.PageID, DefaultPageID)
	set(&c.PageName, DefaultPageName)
	set(&c.Token, DefaultToken)
	set(&c.Version, DefaultVersion)
	if c.Scopes == nil {
		c.Scopes = []string{"pages_manage_posts", "pages_read_engagement", "pages_show_list"}
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	return c
}

// Photo is an uploaded image as the fake received it.
type Photo struct {
	ID          string
	Data        []byte
	ContentType string // of the multipart part
	Filename    string
	Published   bool // false for photos uploaded to attach to a feed post later
}

// Post is a published Page post.
type Post struct {
	ID          string // "{page-id}_{post-id}"
	Message     string
	Link        string
	Photos      []Photo
	CreatedTime time.Time
}

// Server is a running fake. It is also an http.Handler.
type Server struct {
	URL string // base URL, e.g. http://127.0.0.1:41234; use it as api_base

	cfg     Config
	srv     *httptest.Server
	closing chan struct{}
	close   sync.Once

	mu       sync.Mutex
	posts    []Post           // oldest first
	photos   map[string]Photo // unpublished photos by id, waiting for attached_media
	faults   []*fault
	seq      int
	requests int
}

// NewServer starts a fake on 127.0.0.1. The caller must Close it.
func NewServer(cfg Config) *Server {
	s := &Server{cfg: cfg.withDefaults(), closing: make(chan struct{}), photos: map[string]Photo{}, seq: 100000000000000}
	s.srv = httptest.NewServer(s)
	s.URL = s.srv.URL
	return s
}

// New starts a fake that t closes when the test ends. t may be nil, and
// then the caller must Close it.
func New(t testing.TB, cfg Config) *Server {
	s := NewServer(cfg)
	if t != nil {
		t.Cleanup(s.Close)
	}
	return s
}

// Close releases hanging requests and stops the server.
func (s *Server) Close() {
	s.close.Do(func() {
		close(s.closing)
		s.srv.Close()
	})
}

// Config returns the configuration the fake runs with, defaults filled in.
func (s *Server) Config() Config { return s.cfg }

// Client returns an HTTP client for the fake.
func (s *Server) Client() *http.Client { return s.srv.Client() }

// Posts returns a copy of the published posts, oldest first.
func (s *Server) Posts() []Post {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Post, len(s.posts))
	for i, p := range s.posts {
		p.Photos = slices.Clone(p.Photos)
		out[i] = p
	}
	return out
}

// Requests returns how many requests the fake has received.
func (s *Server) Requests() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.requests
}

// AddPost publishes a post as if someone had written it on Facebook, and
// returns its id.
func (s *Server) AddPost(message string, created time.Time) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	p := Post{ID: s.cfg.PageID + "_" + s.nextID(), Message: message, CreatedTime: created.UTC()}
	s.posts = append(s.posts, p)
	return p.ID
}

// nextID returns a fresh numeric id. The caller holds s.mu.
func (s *Server) nextID() string {
	s.seq++
	return itoa(s.seq)
}
