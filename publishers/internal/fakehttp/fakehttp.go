// Package fakehttp holds what the platform fakes share to misbehave like a
// real server does: after a write is recorded, answer, hang, or drop the
// connection.
package fakehttp

import (
	"net"
	"net/http"
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
