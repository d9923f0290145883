package xfake

import (
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// The account the fake answers for.
const (
	UserID   = "1612480399431581696"
	Username = "connectionscounsel"
	Name     = "Connections Counselling"
)

// Post is one post the fake has published.
type Post struct {
	ID        string
	Text      string // as the client sent it
	Media     []Media
	CreatedAt time.Time
}

// Media is one uploaded image as the fake holds it.
type Media struct {
	ID       string
	Type     string // media_type declared at initialize
	Category string // media_category
	Data     []byte // the bytes received, segments joined
	Alt      string // alt text set through /2/media/metadata
}

// Fake is the X API as an http.Handler. Its methods are safe for
// concurrent use. Use Server to run it on a local port.
type Fake struct {
	creds Credentials

	mu         sync.Mutex
	now        func() time.Time
	lastID     int64
	posts      []Post
	uploads    map[string]*upload
	nonces     map[string]bool
	faults     []*Fault
	windows    map[string]*window
	daily      *window
	processing processing
	done       chan struct{}
	closeOnce  sync.Once
}

// NewFake returns a fake X that accepts requests signed with creds.
func NewFake(creds Credentials) *Fake {
	return &Fake{
		creds:   creds,
		now:     time.Now,
		lastID:  1861000000000000000,
		uploads: map[string]*upload{},
		nonces:  map[string]bool{},
		windows: map[string]*window{},
		daily:   &window{limit: 100, length: 24 * time.Hour},
		done:    make(chan struct{}),
	}
}

// Server runs a Fake on a local httptest server; URL is its base URL.
type Server struct {
	*httptest.Server
	*Fake
}

// New starts a fake X on 127.0.0.1. With a non-nil t the server is closed
// when the test ends; with nil the caller must call Close.
func New(t testing.TB, creds Credentials) *Server {
	f := NewFake(creds)
	s := &Server{Server: httptest.NewServer(f), Fake: f}
	if t != nil {
		t.Cleanup(s.Close)
	}
	return s
}

// Close releases hanging requests and shuts the server down.
func (s *Server) Close() {
	s.Fake.Release()
	s.Server.Close()
}

// Release ends every request held by a Hang fault: their connections are
// closed without an answer.
func (f *Fake) Release() { f.closeOnce.Do(func() { close(f.done) }) }

// Posts returns a copy of every post published so far, oldest first.
func (f *Fake) Posts() []Post {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := make([]Post, len(f.posts))
	for i, p := range f.posts {
		p.Media = slices.Clone(p.Media)
		out[i] = p
	}
	return out
}

// AddPost puts a post on the account's timeline as if it had been
// published at p.CreatedAt (now when zero), and returns its id.
func (f *Fake) AddPost(p Post) string {
	f.mu.Lock()
	defer f.mu.Unlock()
	if p.CreatedAt.IsZero() {
		p.CreatedAt = f.now()
	}
	p.ID = f.newID()
	f.posts = append(f.posts, p)
	return p.ID
}

// SetNow replaces the fake's clock (used for created_at, rate-limit resets
// and the oauth_timestamp check).
func (f *Fake) SetNow(now func() time.Time) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.now = now
}

// SetDailyLimit sets how many posts the user may create per 24 hours
// (default 100, X's Basic tier); the 101st answers 429.
func (f *Fake) SetDailyLimit(n int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.daily.limit = n
}

// SetProcessing makes every following upload need asynchronous
// processing: finalize returns processing_info, and the STATUS command
// reports in_progress for polls calls, then succeeded (or failed when fail
// is set). polls < 0 turns processing off again.
func (f *Fake) SetProcessing(polls int, fail bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.processing = processing{on: polls >= 0, polls: polls, fail: fail}
}

type processing struct {
	on    bool
	polls int
	fail  bool
}

// newID returns a fresh snowflake-like numeric id. Callers hold f.mu.
func (f *Fake) newID() string {
	f.lastID += 4096
	return strconv.FormatInt(f.lastID, 10)
}

// ServeHTTP applies any matching fault, then answers as X would.
func (f *Fake) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if fault := f.takeFault(r); fault != nil {
		f.serveFault(w, r, fault)
		return
	}
	f.serve(w, r)
}

// serve checks authentication and rate limits and routes the request.
func (f *Fake) serve(w http.ResponseWriter, r *http.Request) {
	if !f.authenticate(w, r) {
		return
	}
	route, handler := f.route(r)
	if handler == nil {
		writeProblem(w, http.StatusNotFound, notFound)
		return
	}
	if !f.admit(w, route) {
		return
	}
	handler(w, r)
}

// route finds the handler for r and the name its rate limit is kept under.
func (f *Fake) route(r *http.Request) (string, http.HandlerFunc) {
	p := r.URL.Path
	switch {
	case r.Method == http.MethodPost && p == "/2/tweets":
		return "tweets", f.createTweet
	case r.Method == http.MethodPost && p == "/2/media/upload/initialize":
		return "media", f.initialize
	case r.Method == http.MethodPost && strings.HasPrefix(p, "/2/media/upload/") && strings.HasSuffix(p, "/append"):
		return "media", f.appendPath
	case r.Method == http.MethodPost && strings.HasPrefix(p, "/2/media/upload/") && strings.HasSuffix(p, "/finalize"):
		return "media", f.finalizePath
	case r.Method == http.MethodPost && p == "/2/media/upload":
		return "media", f.uploadCommand
	case r.Method == http.MethodGet && p == "/2/media/upload":
		return "media-status", f.status
	case r.Method == http.MethodPost && p == "/2/media/metadata":
		return "media-metadata", f.metadata
	case r.Method == http.MethodGet && p == "/2/users/me":
		return "users-me", f.me
	case r.Method == http.MethodGet && strings.HasPrefix(p, "/2/users/") && strings.HasSuffix(p, "/tweets"):
		return "user-tweets", f.userTweets
	}
	return "", nil
}

// authenticate verifies the OAuth 1.0a signature, the timestamp (within
// five minutes of the fake's clock) and that the nonce is new; on failure it
// answers 401 with X's body.
func (f *Fake) authenticate(w http.ResponseWriter, r *http.Request) bool {
	oauth, err := f.creds.Verify(r)
	if err == nil {
		f.mu.Lock()
		ts, _ := strconv.ParseInt(oauth["oauth_timestamp"], 10, 64)
		skew := f.now().Sub(time.Unix(ts, 0)).Abs()
		nonce := oauth["oauth_nonce"] + "|" + oauth["oauth_timestamp"]
		fresh := skew <= 5*time.Minute && !f.nonces[nonce]
		f.nonces[nonce] = true
		f.mu.Unlock()
		if fresh {
			return true
		}
	}
	writeProblem(w, http.StatusUnauthorized, unauthorized)
	return false
}
