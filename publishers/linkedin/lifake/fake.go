package lifake

import (
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/connections/postgate/publishers/internal/fakehttp"
)

// Values used when a Config field is empty.
const (
	DefaultToken        = "lifake-access-token"
	DefaultOrganization = "urn:li:organization:5515715"
	DefaultName         = "Connections Counselling"
)

// Config describes the account the fake serves.
type Config struct {
	Token        string           // the one valid access token
	Organization string           // the page the token's member administers
	Name         string           // the page's localizedName
	Now          func() time.Time // the clock; nil means time.Now
	// DailyLimit is how many posts a UTC day allows before 429; 0 is no limit.
	DailyLimit int
}

// Post is a post the fake created.
type Post struct {
	ID         string // urn:li:share:…
	Author     string
	Commentary string // as sent, in little text format
	Text       string // as LinkedIn would show it (see Render)
	Cut        bool   // Text is shorter than intended: an unescaped reserved character
	Media      []PostImage
	CreatedAt  time.Time
}

// PostImage is an image as a post references it.
type PostImage struct {
	ID      string `json:"id"` // urn:li:image:…
	AltText string `json:"altText,omitempty"`
}

// Image is an uploaded image.
type Image struct {
	ID          string // urn:li:image:…
	Owner       string
	ContentType string
	Data        []byte
	Status      string // WAITING_UPLOAD until its bytes arrive, then the upload status
}

// Request is a summary of one request the fake received.
type Request struct {
	Method  string
	Path    string
	Query   string // raw
	Version string // LinkedIn-Version header
}

// Fault is what the fake does after it has created a post.
type Fault = fakehttp.Fault

// Faults for AfterWrite.
const (
	Answer = fakehttp.Answer // answer as usual
	Hang   = fakehttp.Hang   // never answer (until the client gives up or the fake closes)
	Drop   = fakehttp.Drop   // close the connection without answering
)

// Fake is the fake API as an http.Handler, for use without a *testing.T:
//
//	srv := httptest.NewServer(lifake.NewFake(lifake.Config{}))
type Fake struct {
	cfg  Config
	mux  *http.ServeMux
	hold *fakehttp.Hold

	mu          sync.Mutex
	seq         int64
	posts       []Post
	images      map[string]*Image
	uploads     map[string]string // upload id → image URN
	requests    []Request
	failures    fakehttp.Failures
	afterWrite  Fault
	delay       time.Duration
	imageStatus string
	expired     bool
}

// failure is an injected error answer.

// NewFake returns a fake serving the account cfg describes.
func NewFake(cfg Config) *Fake {
	if cfg.Token == "" {
		cfg.Token = DefaultToken
	}
	if cfg.Organization == "" {
		cfg.Organization = DefaultOrganization
	}
	if cfg.Name == "" {
		cfg.Name = DefaultName
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	f := &Fake{
		cfg:         cfg,
		hold:        fakehttp.NewHold(),
		seq:         7400000000000000000,
		images:      map[string]*Image{},
		uploads:     map[string]string{},
		imageStatus: "AVAILABLE",
	}
	f.routes()
	return f
}

// Server is a running fake. Its URL is the api_base to configure.
type Server struct {
	*httptest.Server
	*Fake
}

// New starts a fake server. With a non-nil t it is closed when the test
// ends; otherwise call Close.
func New(t testing.TB, cfg Config) *Server {
	f := NewFake(cfg)
	s := &Server{Server: httptest.NewServer(f), Fake: f}
	if t != nil {
		t.Cleanup(s.Close)
	}
	return s
}

// Close releases hung requests and shuts the server down.
func (s *Server) Close() {
	s.Fake.Release()
	s.Server.Close()
}

// Release ends every request held by a Hang fault, without an answer.
func (f *Fake) Release() { f.hold.Release() }

// FailNext makes the next n requests matching pattern get status and body
// (JSON) instead of their answer. pattern is a path prefix, optionally
// after a method: "POST /rest/posts", "/rest/images", "PUT /dms-uploads/".
func (f *Fake) FailNext(pattern string, n, status int, body string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.failures.Add(pattern, n, status, body, nil)
}

// AfterWrite sets what happens after the next post is created: it is
// recorded in every case, then answered, hung or dropped. It applies once.
func (f *Fake) AfterWrite(fault Fault) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.afterWrite = fault
}

// SetDelay makes every request wait d before it is handled.
func (f *Fake) SetDelay(d time.Duration) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.delay = d
}

// SetImageStatus sets the status images take once their bytes arrive:
// AVAILABLE (the default), PROCESSING or PROCESSING_FAILED.
func (f *Fake) SetImageStatus(status string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.imageStatus = status
}

// ExpireToken makes the valid token answer 401 EXPIRED_ACCESS_TOKEN from now on.
func (f *Fake) ExpireToken() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.expired = true
}

// Posts returns a copy of the posts created so far, oldest first.
func (f *Fake) Posts() []Post {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := make([]Post, len(f.posts))
	for i, p := range f.posts {
		p.Media = append([]PostImage(nil), p.Media...)
		out[i] = p
	}
	return out
}

// Images returns a copy of the images registered so far, oldest first.
func (f *Fake) Images() []Image {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := make([]Image, 0, len(f.images))
	for _, img := range f.images {
		c := *img
		c.Data = append([]byte(nil), img.Data...)
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b Image) int { return strings.Compare(a.ID, b.ID) })
	return out
}

// Requests returns a summary of every request received, in order.
func (f *Fake) Requests() []Request {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]Request(nil), f.requests...)
}
