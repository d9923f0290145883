package mastodonfake

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
	DefaultToken         = "mastodonfake-access-token"
	DefaultUsername      = "connections"
	DefaultMaxCharacters = 500
	// DefaultRateLimit is Mastodon's per-account limit: 300 requests in
	// five minutes.
	DefaultRateLimit = 300
)

// rateWindow is the period of the rate limit.
const rateWindow = 5 * time.Minute

// idempotencyTTL is how long a key is remembered.
const idempotencyTTL = time.Hour

// Config describes the account and instance the fake serves.
type Config struct {
	Token         string           // the one valid access token
	Username      string           // the account's username
	MaxCharacters int              // the instance's status length limit
	RateLimit     int              // requests per five minutes
	Now           func() time.Time // the clock; nil means time.Now
}

// Status is a status the fake created.
type Status struct {
	ID             string
	Text           string // as sent
	Content        string // as Mastodon renders it, HTML
	Visibility     string
	Language       string
	MediaIDs       []string
	IdempotencyKey string
	CreatedAt      time.Time
}

// Attachment is an uploaded media attachment.
type Attachment struct {
	ID          string
	ContentType string // as sniffed from the bytes
	Filename    string
	Data        []byte
	Description string
	Processing  bool   // still being processed (answered 202)
	StatusID    string // the status it is attached to, once posted
}

// Request is a summary of one request the fake received.
type Request struct {
	Method         string
	Path           string
	Query          string
	IdempotencyKey string
	ContentType    string
}

// Fault is what the fake does after it has created a status.
type Fault = fakehttp.Fault

// Faults for AfterWrite.
const (
	Answer = fakehttp.Answer // answer as usual
	Hang   = fakehttp.Hang   // never answer (until the client gives up or the fake closes)
	Drop   = fakehttp.Drop   // close the connection without answering
)

// Fake is the fake instance as an http.Handler.
type Fake struct {
	cfg  Config
	mux  *http.ServeMux
	hold *fakehttp.Hold

	mu         sync.Mutex
	seq        int64
	statuses   []Status
	keys       map[string]keyEntry // Idempotency-Key → the status it created
	media      map[string]*Attachment
	requests   []Request
	failures   fakehttp.Failures
	afterWrite Fault
	processing bool
	revoked    bool
	window     time.Time // start of the current rate-limit window
	used       int       // requests in the window
}

type keyEntry struct {
	statusID string
	at       time.Time
}

// failure is an injected error answer.

// NewFake returns a fake serving the account cfg describes.
func NewFake(cfg Config) *Fake {
	if cfg.Token == "" {
		cfg.Token = DefaultToken
	}
	if cfg.Username == "" {
		cfg.Username = DefaultUsername
	}
	if cfg.MaxCharacters == 0 {
		cfg.MaxCharacters = DefaultMaxCharacters
	}
	if cfg.RateLimit == 0 {
		cfg.RateLimit = DefaultRateLimit
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	f := &Fake{
		cfg:   cfg,
		hold:  fakehttp.NewHold(),
		seq:   113500000000000000,
		keys:  map[string]keyEntry{},
		media: map[string]*Attachment{},
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
// (JSON) with header instead of their answer. pattern is a path prefix,
// optionally after a method: "POST /api/v1/statuses", "/api/v2/media".
func (f *Fake) FailNext(pattern string, n, status int, body string, header http.Header) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.failures.Add(pattern, n, status, body, header)
}

// AfterWrite sets what happens after the next status is created: it is
// recorded in every case, then answered, hung or dropped. It applies once.
func (f *Fake) AfterWrite(fault Fault) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.afterWrite = fault
}

// SetProcessing makes uploads answer 202 and stay processing (true), or be
// processed at once (false, the default). Finish ends all processing.
func (f *Fake) SetProcessing(on bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.processing = on
}

// Finish marks every attachment as processed.
func (f *Fake) Finish() {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, a := range f.media {
		a.Processing = false
	}
}

// RevokeToken makes the valid token answer 401 from now on.
func (f *Fake) RevokeToken() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.revoked = true
}

// Statuses returns a copy of the statuses created so far, oldest first.
func (f *Fake) Statuses() []Status {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := make([]Status, len(f.statuses))
	for i, s := range f.statuses {
		s.MediaIDs = slices.Clone(s.MediaIDs)
		out[i] = s
	}
	return out
}

// Media returns a copy of the attachments uploaded so far, oldest first.
func (f *Fake) Media() []Attachment {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := make([]Attachment, 0, len(f.media))
	for _, a := range f.media {
		c := *a
		c.Data = slices.Clone(a.Data)
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b Attachment) int { return strings.Compare(a.ID, b.ID) })
	return out
}

// Requests returns a summary of every request received, in order.
func (f *Fake) Requests() []Request {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.requests)
}

// nextID returns a fresh snowflake-like id. The caller holds f.mu.
func (f *Fake) nextID() string {
	f.seq++
	return itoa(f.seq)
}
