package igfake

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"time"

	"github.com/connections/postgate/publishers/internal/fakehttp"
)

// Action is what a Failure does with a matching request.
type Action int

// The actions a Failure can take.
const (
	// Respond answers Status and Body without processing the request.
	Respond Action = iota
	// Process handles the request normally after Delay (a slow answer).
	Process
	// Hang never answers, until the client gives up or the fake closes.
	Hang
	// Drop closes the connection without answering.
	Drop
	// ProcessThenHang handles the request (a write takes effect), then
	// never answers.
	ProcessThenHang
	// ProcessThenDrop handles the request (a write takes effect), then
	// closes the connection without answering.
	ProcessThenDrop
)

// Failure makes the next Times requests that match Method and Path fail.
type Failure struct {
	Method string        // "GET" or "POST"; empty matches both
	Path   string        // suffix of the path after the version, e.g. "/media_publish"; empty matches all
	Times  int           // how many requests to affect; 0 means 1
	Action Action        // what to do; Respond by default
	Status int           // for Respond: the HTTP status; 0 means 400
	Body   string        // for Respond: the body; empty means a Graph error fitting Status
	Header http.Header   // for Respond: extra headers, e.g. X-App-Usage
	Delay  time.Duration // wait this long before acting
}

// Fail queues a failure. Failures are matched in the order queued.
func (s *Server) Fail(f Failure) {
	if f.Times <= 0 {
		f.Times = 1
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failures = append(s.failures, &f)
}

// takeFailure returns the first queued failure matching the request and
// uses up one of its times.
func (s *Server) takeFailure(method, path string) *Failure {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, f := range s.failures {
		if (f.Method != "" && f.Method != method) || !strings.HasSuffix(path, f.Path) {
			continue
		}
		f.Times--
		if f.Times == 0 {
			s.failures = append(s.failures[:i], s.failures[i+1:]...)
		}
		return f
	}
	return nil
}

// fail carries out f for one request.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, f *Failure) {
	if f.Delay > 0 && !s.wait(r, time.After(f.Delay)) {
		return
	}
	rest := strings.TrimPrefix(r.URL.Path, "/"+s.opts.Version+"/")
	switch f.Action {
	case Process:
		s.serve(w, r, rest)
	case Hang:
		s.wait(r, nil)
	case Drop:
		fakehttp.DropConnection(w)
	case ProcessThenHang:
		s.serve(httptest.NewRecorder(), r, rest)
		s.wait(r, nil)
	case ProcessThenDrop:
		s.serve(httptest.NewRecorder(), r, rest)
		fakehttp.DropConnection(w)
	default:
		respond(w, f)
	}
}

// wait blocks until done fires (true), or the client goes away or the fake
// closes (false).
func (s *Server) wait(r *http.Request, done <-chan time.Time) bool {
	select {
	case <-done:
		return true
	case <-r.Context().Done():
	case <-s.closing:
	}
	return false
}

func respond(w http.ResponseWriter, f *Failure) {
	status := f.Status
	if status == 0 {
		status = http.StatusBadRequest
	}
	for k, vs := range f.Header {
		for _, v := range vs {
			w.Header().Add(k, v)
		}
	}
	body := f.Body
	if body == "" {
		body = errorForStatus(status).Body()
	}
	writeJSON(w, status, body)
}
