// Package fakehttp holds what the platform fakes share to misbehave like a
// real server does: after a write is recorded, answer, hang, or drop the
// connection; or answer the next matching requests with an injected error.
package fakehttp

import (
	"fmt"
	"net"
	"net/http"
	"strings"
	"sync"
)

// Fault is what a fake does after it has recorded a write.
type Fault int

// The faults.
const (
	Answer Fault = iota // answer as usual
	Hang                // never answer (until the client gives up or the fake is released)
	Drop                // close the connection without answering
)

// Hold is what hung requests wait on until the fake is released.
type Hold struct {
	once sync.Once
	ch   chan struct{}
}

// NewHold returns a Hold that is not released.
func NewHold() *Hold { return &Hold{ch: make(chan struct{})} }

// Release ends every hung request, without an answer. It may be called
// more than once.
func (h *Hold) Release() { h.once.Do(func() { close(h.ch) }) }

// Done is closed once the Hold is released.
func (h *Hold) Done() <-chan struct{} { return h.ch }

// Apply carries out fault on the request and reports whether it did; the
// handler then returns without writing anything. Answer does nothing.
func (h *Hold) Apply(w http.ResponseWriter, r *http.Request, fault Fault) bool {
	switch fault {
	case Hang:
		select {
		case <-r.Context().Done():
		case <-h.ch:
		}
		return true
	case Drop:
		DropConnection(w)
		return true
	}
	return false
}

// DropConnection closes the client's connection without an answer, with a
// reset rather than a clean close.
func DropConnection(w http.ResponseWriter) {
	conn, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		panic(http.ErrAbortHandler) // HTTP/2: abort the stream instead
	}
	if tc, ok := conn.(*net.TCPConn); ok {
		tc.SetLinger(0)
	}
	conn.Close()
}

// Failures are answers injected in place of the next matching requests.
// The fake that owns them guards them with its own lock.
type Failures struct {
	list []Failure
}

// Failure is one injected answer: status and body (JSON), with header.
type Failure struct {
	method, path string // method "" matches any method
	left         int
	Status       int
	Body         string
	Header       http.Header
}

// Add makes the next n requests matching pattern get the failure instead
// of their answer. pattern is a path prefix, optionally after a method:
// "POST /api/v1/statuses", "/api/v2/media".
func (fs *Failures) Add(pattern string, n, status int, body string, header http.Header) {
	method, path, ok := strings.Cut(pattern, " ")
	if !ok {
		method, path = "", pattern
	}
	fs.list = append(fs.list, Failure{method: method, path: path, left: n, Status: status, Body: body, Header: header})
}

// Take consumes and returns the first failure that matches r, if any.
func (fs *Failures) Take(r *http.Request) (Failure, bool) {
	for i := range fs.list {
		f := &fs.list[i]
		if f.left > 0 && (f.method == "" || f.method == r.Method) && strings.HasPrefix(r.URL.Path, f.path) {
			f.left--
			return *f, true
		}
	}
	return Failure{}, false
}

// Write answers with the failure.
func (f Failure) Write(w http.ResponseWriter) {
	for k, vs := range f.Header {
		w.Header()[k] = vs
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(f.Status)
	fmt.Fprint(w, f.Body)
}
