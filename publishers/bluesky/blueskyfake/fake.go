package blueskyfake

import (
	"crypto/rand"
	"encoding/json"
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
	DefaultHandle      = "connections.bsky.social"
	DefaultDID         = "did:plc:ewvi7nxzyoun6zhxrhs64oiz"
	DefaultAppPassword = "abcd-efgh-ijkl-mnop"
	DefaultAccessTTL   = 2 * time.Hour
	DefaultRefreshTTL  = 90 * 24 * time.Hour
	// LoginLimit is how many createSession calls five minutes allow.
	LoginLimit = 30
)

// loginWindow is the period of LoginLimit.
const loginWindow = 5 * time.Minute

// Config describes the account the fake serves.
type Config struct {
	Handle      string
	DID         string
	AppPassword string
	AccessTTL   time.Duration    // lifetime of an access token
	RefreshTTL  time.Duration    // lifetime of a refresh token
	Now         func() time.Time // the clock; nil means time.Now
}

// Record is a post record the fake stored.
type Record struct {
	RKey  string
	URI   string
	CID   string
	Value json.RawMessage // the record as sent
	Post  Post            // the record, decoded
}

// Blob is an uploaded blob.
type Blob struct {
	CID      string
	MimeType string // the Content-Type it was sent with
	Data     []byte
}

// Request is a summary of one request the fake received.
type Request struct {
	Method string // the XRPC method (NSID)
	Query  string
	Token  string // "access", "refresh", "" (none), or "bad"
}

// Fault is what the fake does after it has stored a record.
type Fault = fakehttp.Fault

// Faults for AfterWrite.
const (
	Answer = fakehttp.Answer // answer as usual
	Hang   = fakehttp.Hang   // never answer (until the client gives up or the fake closes)
	Drop   = fakehttp.Drop   // close the connection without answering
)

// Fake is the fake PDS as an http.Handler.
type Fake struct {
	cfg  Config
	key  []byte // signs the tokens
	mux  *http.ServeMux
	hold *fakehttp.Hold

	mu         sync.Mutex
	seq        int
	records    map[string]*Record // by rkey
	order      []string           // rkeys, oldest first
	blobs      map[string]*Blob
	spent      map[string]bool // refresh token ids already used
	generation int             // tokens of an earlier generation are revoked
	logins     []time.Time
	requests   []Request
	failures   fakehttp.Failures
	afterWrite Fault
	status     string // "" when active, else deactivated, takendown…
}

// failure is an injected error answer.

// NewFake returns a fake serving the account cfg describes.
func NewFake(cfg Config) *Fake {
	if cfg.Handle == "" {
		cfg.Handle = DefaultHandle
	}
	if cfg.DID == "" {
		cfg.DID = DefaultDID
	}
	if cfg.AppPassword == "" {
		cfg.AppPassword = DefaultAppPassword
	}
	if cfg.AccessTTL == 0 {
		cfg.AccessTTL = DefaultAccessTTL
	}
	if cfg.RefreshTTL == 0 {
		cfg.RefreshTTL = DefaultRefreshTTL
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	f := &Fake{
		cfg:     cfg,
		key:     make([]byte, 32),
		hold:    fakehttp.NewHold(),
		records: map[string]*Record{},
		blobs:   map[string]*Blob{},
		spent:   map[string]bool{},
	}
	rand.Read(f.key)
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

// FailNext makes the next n requests whose XRPC method starts with nsid
// get status, body and header instead of their answer.
func (f *Fake) FailNext(nsid string, n, status int, body string, header http.Header) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.failures.Add("/xrpc/"+nsid, n, status, body, header)
}

// AfterWrite sets what happens after the next record is stored: it is
// stored in every case, then answered, hung or dropped. It applies once.
func (f *Fake) AfterWrite(fault Fault) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.afterWrite = fault
}

// ChangePassword sets a new app password and revokes every token issued
// so far, as revoking an app password does.
func (f *Fake) ChangePassword(password string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.cfg.AppPassword = password
	f.generation++
}

// SetStatus marks the account deactivated, takendown… ("" is active).
func (f *Fake) SetStatus(status string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.status = status
}

// Records returns a copy of the stored records, oldest first.
func (f *Fake) Records() []Record {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := make([]Record, 0, len(f.order))
	for _, k := range f.order {
		out = append(out, *f.records[k])
	}
	return out
}

// Blobs returns a copy of the uploaded blobs, sorted by CID.
func (f *Fake) Blobs() []Blob {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := make([]Blob, 0, len(f.blobs))
	for _, b := range f.blobs {
		c := *b
		c.Data = slices.Clone(b.Data)
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b Blob) int { return strings.Compare(a.CID, b.CID) })
	return out
}

// Logins returns the times of the successful createSession calls.
func (f *Fake) Logins() []time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.logins)
}

// Requests returns a summary of every request received, in order.
func (f *Fake) Requests() []Request {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.requests)
}
