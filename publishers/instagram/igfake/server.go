package igfake

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"mime"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// Container status codes, as GET /{container-id}?fields=status_code answers.
const (
	StatusInProgress = "IN_PROGRESS"
	StatusFinished   = "FINISHED"
	StatusPublished  = "PUBLISHED"
	StatusError      = "ERROR"
	StatusExpired    = "EXPIRED"
)

// Options configure a Server. Zero fields take the defaults shown.
type Options struct {
	Token      string           // the valid access token; default "igfake-token"
	AppSecret  string           // when set, every request must carry a valid appsecret_proof
	Version    string           // the path prefix; default "v25.0"
	UserID     string           // the IG user id; default "17841400000000001"
	Username   string           // the account's username; default "connections.practice"
	QuotaTotal int              // posts allowed per 24 h; default 50
	QuotaUsage int              // posts already published in the window before the fake started
	Now        func() time.Time // the clock; default time.Now
	// FetchImages makes container creation fetch image_url, as Meta does,
	// and refuse what is not a JPEG of at most 8 MiB. The fetched bytes are
	// recorded in Post.Images.
	FetchImages bool
	// MediaDir, when set, makes the fake also play the practice's web
	// server: GET /media/<path> serves MediaDir/<path> stripped of metadata
	// (as the practice is told to publish it), so media_base_url can be
	// URL+"/media".
	MediaDir string
	// ServeRaw serves MediaDir's files as they are, metadata included: a
	// practice that forgot to strip them.
	ServeRaw bool
	// TokenExpiresAt is what debug_token reports as expires_at; zero means
	// the token never expires.
	TokenExpiresAt time.Time
	// Scopes is what debug_token reports; nil means the permissions the
	// connector needs.
	Scopes []string
}

func (o Options) withDefaults() Options {
	def := func(s *string, v string) {
		if *s == "" {
			*s = v
		}
	}
	def(&o.Token, "igfake-token")
	def(&o.Version, "v25.0")
	def(&o.UserID, "17841400000000001")
	def(&o.Username, "connections.practice")
	if o.QuotaTotal == 0 {
		o.QuotaTotal = 50
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Scopes == nil {
		o.Scopes = []string{"instagram_basic", "instagram_content_publish", "pages_read_engagement"}
	}
	return o
}

// Image is one image of a published post.
type Image struct {
	URL     string // the image_url Meta was given
	AltText string
	Data    []byte // the bytes fetched from URL, when Options.FetchImages is set
}

// Post is one published media as the fake recorded it.
type Post struct {
	ID          string
	ContainerID string
	MediaType   string // IMAGE, or CAROUSEL_ALBUM
	Caption     string
	Images      []Image // one, or a carousel's items in order
	Permalink   string
	Timestamp   time.Time
}

// Call is one request the fake received, without credentials.
type Call struct {
	Method string
	Path   string // without the version prefix, e.g. "/17841400000000001/media_publish"
}

// Server is a running fake. Its methods are safe for concurrent use.
type Server struct {
	// URL is the base URL to configure as api_base (no trailing slash).
	URL string

	srv     *httptest.Server
	opts    Options
	closing chan struct{}
	once    sync.Once

	mu           sync.Mutex
	tokenExpired bool
	containers   map[string]*container
	order        []string // container ids in creation order
	posts        []Post
	nextID       int
	script       []string
	errorStatus  string
	failures     []*Failure
	calls        []Call
}

// New starts a fake for a test and closes it when the test ends.
func New(t testing.TB, opts Options) *Server {
	t.Helper()
	s := NewServer(opts)
	t.Cleanup(s.Close)
	return s
}

// NewServer starts a fake on 127.0.0.1. The caller must Close it.
func NewServer(opts Options) *Server {
	s := newState(opts)
	s.srv = httptest.NewServer(s)
	s.URL = s.srv.URL
	return s
}

// NewHandler returns a fake that is not listening, for callers that serve
// it themselves (its URL field stays empty).
func NewHandler(opts Options) *Server { return newState(opts) }

func newState(opts Options) *Server {
	return &Server{
		opts:        opts.withDefaults(),
		closing:     make(chan struct{}),
		containers:  map[string]*container{},
		errorStatus: "Error: Media upload has failed with error code 2207001",
	}
}

// Close releases hung requests and stops the server.
func (s *Server) Close() {
	s.once.Do(func() { close(s.closing) })
	if s.srv != nil {
		s.srv.Close()
	}
}

// Options returns the options in force, defaults filled in.
func (s *Server) Options() Options { return s.opts }

// Posts returns a copy of everything published so far, oldest first.
func (s *Server) Posts() []Post {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Post, len(s.posts))
	for i, p := range s.posts {
		p.Images = slices.Clone(p.Images)
		for j := range p.Images {
			p.Images[j].Data = slices.Clone(p.Images[j].Data)
		}
		out[i] = p
	}
	return out
}

// Calls returns every request received so far, in order.
func (s *Server) Calls() []Call {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Call(nil), s.calls...)
}

// ExpireToken makes every later request fail with code 190, subcode 463.
func (s *Server) ExpireToken() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.tokenExpired = true
}

// ServeHTTP checks the version, credentials and encoding of a request,
// applies any matching failure, and routes it.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if file, ok := strings.CutPrefix(r.URL.Path, "/media/"); ok && s.opts.MediaDir != "" {
		s.serveMedia(w, r, file)
		return
	}
	rest, ok := strings.CutPrefix(r.URL.Path, "/"+s.opts.Version+"/")
	if !ok {
		writeError(w, errUnknownPath(r.URL.Path))
		return
	}
	s.record(Call{Method: r.Method, Path: "/" + rest})
	if f := s.takeFailure(r.Method, "/"+rest); f != nil {
		s.fail(w, r, f)
		return
	}
	s.serve(w, r, rest)
}

func (s *Server) record(c Call) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls = append(s.calls, c)
}

// serve answers a request whose version prefix is already stripped.
func (s *Server) serve(w http.ResponseWriter, r *http.Request, rest string) {
	w.Header().Set("X-App-Usage", `{"call_count":1,"total_time":1,"total_cputime":1}`)
	if e, ok := s.checkRequest(r); !ok {
		writeError(w, e)
		return
	}
	parts := strings.Split(rest, "/")
	switch {
	case rest == "debug_token" && r.Method == http.MethodGet:
		s.debugToken(w, r)
	case len(parts) == 1 && r.Method == http.MethodGet:
		s.getObject(w, r, parts[0])
	case len(parts) == 2 && parts[0] == s.opts.UserID:
		s.userEdge(w, r, parts[1])
	case len(parts) == 2:
		writeError(w, errNoObject(r.Method, parts[0]))
	default:
		writeError(w, errUnknownPath(rest))
	}
}

func (s *Server) userEdge(w http.ResponseWriter, r *http.Request, edge string) {
	switch {
	case edge == "media" && r.Method == http.MethodPost:
		s.createContainer(w, r)
	case edge == "media" && r.Method == http.MethodGet:
		s.listMedia(w, r)
	case edge == "media_publish" && r.Method == http.MethodPost:
		s.publish(w, r)
	case edge == "content_publishing_limit" && r.Method == http.MethodGet:
		s.quota(w, r)
	default:
		writeError(w, errUnknownPath(edge))
	}
}

// checkRequest parses the form and verifies encoding, token and proof.
func (s *Server) checkRequest(r *http.Request) (Error, bool) {
	if r.Method == http.MethodPost && r.Header.Get("Content-Type") != "" {
		ct, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
		if err != nil || (ct != "application/x-www-form-urlencoded" && ct != "multipart/form-data") {
			return errParam("Unsupported content type: " + r.Header.Get("Content-Type")), false
		}
	}
	if err := r.ParseMultipartForm(8 << 20); err != nil && err != http.ErrNotMultipart {
		return errParam("Could not parse the request body"), false
	}
	token := r.Form.Get("access_token")
	if bearer, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer "); ok {
		token = bearer
	}
	s.mu.Lock()
	expired := s.tokenExpired
	s.mu.Unlock()
	switch {
	case token == "":
		return ErrNoToken, false
	case !hmac.Equal([]byte(token), []byte(s.opts.Token)):
		return ErrBadToken, false
	case expired:
		return ErrExpiredToken, false
	}
	if s.opts.AppSecret == "" {
		return Error{}, true
	}
	proof := r.Form.Get("appsecret_proof")
	if proof == "" {
		return ErrNoProof, false
	}
	if !hmac.Equal([]byte(proof), []byte(Proof(s.opts.AppSecret, token))) {
		return ErrBadProof, false
	}
	return Error{}, true
}

// Proof returns the appsecret_proof for token: lowercase hex HMAC-SHA256
// keyed with the app secret.
func Proof(appSecret, token string) string {
	m := hmac.New(sha256.New, []byte(appSecret))
	m.Write([]byte(token))
	return hex.EncodeToString(m.Sum(nil))
}
