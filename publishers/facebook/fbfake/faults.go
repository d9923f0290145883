package fbfake

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"time"

	"github.com/connections/postgate/publishers/internal/fakehttp"
)

// Fault is a failure to inject into matching requests. The zero Fault
// answers HTTP 500 with Graph's code 2 error without doing anything; a
// Fault with only Delay set slows the request down and then serves it.
type Fault struct {
	Status int         // HTTP status of the answer; 0 means 500
	Body   string      // answer body; "" means Graph's code 2 error
	Header http.Header // extra answer headers, e.g. X-Page-Usage
	// After lets the request take effect first (a post is recorded), then
	// fails it: the answer is replaced by this fault.
	After bool
	Hang  bool          // never answer, until the client gives up or the fake closes
	Drop  bool          // close the connection without an answer
	Delay time.Duration // wait this long first; alone, it only slows the request
}

type fault struct {
	method, path string
	left         int
	Fault
}

// FailNext injects f into the next n requests with this method and path.
// path is the Graph path without the version, e.g. "/1234567890/feed";
// an empty method or path matches any.
func (s *Server) FailNext(method, path string, n int, f Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = append(s.faults, &fault{method: method, path: path, left: n, Fault: f})
}

// takeFault returns the first fault matching r, using it up, or nil.
func (s *Server) takeFault(method, path string) *Fault {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, f := range s.faults {
		if (f.method == "" || f.method == method) && (f.path == "" || f.path == path) {
			f.left--
			if f.left <= 0 {
				s.faults = append(s.faults[:i], s.faults[i+1:]...)
			}
			return &f.Fault
		}
	}
	return nil
}

// ErrorBody returns a Graph error body (platform-apis.md §2.3).
func ErrorBody(code, subcode int, message string) string {
	e := map[string]any{"message": message, "type": "OAuthException", "code": code, "fbtrace_id": "AfakeTraceID"}
	if subcode != 0 {
		e["error_subcode"] = subcode
	}
	if code == 1 || code == 2 {
		e["is_transient"] = true
	}
	b, _ := json.Marshal(map[string]any{"error": e})
	return string(b)
}

// RateLimited returns a fault that answers Graph's throttling error code
// (4, 17, 32, 613 or 80001) with a X-Business-Use-Case-Usage header for
// pageID saying access returns in minutes.
func RateLimited(code int, pageID string, minutes int) Fault {
	usage := fmt.Sprintf(`{%q:[{"type":"pages","call_count":100,"total_cputime":30,"total_time":30,"estimated_time_to_regain_access":%d}]}`, pageID, minutes)
	return Fault{
		Status: http.StatusBadRequest,
		Body:   ErrorBody(code, 0, "("+"#"+strconv.Itoa(code)+") Page request limit reached"),
		Header: http.Header{"X-Business-Use-Case-Usage": {usage}},
	}
}

// onlyDelay reports whether f just slows the request down.
func (f *Fault) onlyDelay() bool {
	return f.Delay > 0 && !f.After && !f.Hang && !f.Drop && f.Status == 0 && f.Body == ""
}

// serveFault answers r as f says, instead of the real answer.
func (s *Server) serveFault(w http.ResponseWriter, r *http.Request, f *Fault) {
	switch {
	case f.Drop:
		fakehttp.DropConnection(w)
	case f.Hang:
		io.Copy(io.Discard, r.Body)
		select {
		case <-r.Context().Done():
		case <-s.closing:
		}
	default:
		for k, v := range f.Header {
			w.Header()[k] = v
		}
		body := f.Body
		if body == "" {
			body = ErrorBody(2, 0, "An unexpected error has occurred. Please retry your request later.")
		}
		status := f.Status
		if status == 0 {
			status = http.StatusInternalServerError
		}
		writeRaw(w, status, body)
	}
}

// wait sleeps for d, or less if the request or the fake ends first.
func (s *Server) wait(r *http.Request, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
	case <-r.Context().Done():
	case <-s.closing:
	}
}

// copyRecorded writes a recorded answer to w.
func copyRecorded(w http.ResponseWriter, rec *httptest.ResponseRecorder) {
	for k, v := range rec.Header() {
		w.Header()[k] = v
	}
	w.WriteHeader(rec.Code)
	io.Copy(w, bytes.NewReader(rec.Body.Bytes()))
}

// graphPath returns the request path without the version prefix, or ""
// when the path has another version.
func (s *Server) graphPath(r *http.Request) string {
	rest, ok := strings.CutPrefix(r.URL.Path, "/"+s.cfg.Version+"/")
	if !ok {
		return ""
	}
	return "/" + rest
}
