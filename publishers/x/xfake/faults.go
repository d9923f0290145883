package xfake

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"path"
	"strings"
	"time"
)

// Action is what a Fault does with a request it matches.
type Action int

const (
	// Respond answers with the fault's Status, Header and Body without
	// processing the request (nothing is published).
	Respond Action = iota
	// Delay waits for the fault's Delay, then processes the request
	// normally (or gives up if the client goes away first).
	Delay
	// ProcessThenHang processes the request (a post is published) and then
	// never answers, until the client gives up or the fake is released.
	ProcessThenHang
	// ProcessThenDrop processes the request and then closes the connection
	// without an answer.
	ProcessThenDrop
	// Drop closes the connection without processing the request.
	Drop
)

// Fault is an injected failure for the next Times requests that match
// Method and Path.
type Fault struct {
	Method string // "" matches any method
	Path   string // the URL path, or a path.Match pattern such as /2/media/upload/*/append
	Times  int    // how many requests it applies to; 0 means 1
	Action Action
	Status int         // for Respond
	Header http.Header // for Respond
	Body   string      // for Respond; sent as application/json when it starts with "{"
	Delay  time.Duration
}

// Inject queues a fault. Faults match in the order they were injected.
func (f *Fake) Inject(flt Fault) {
	if flt.Times <= 0 {
		flt.Times = 1
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.faults = append(f.faults, &flt)
}

// FailNext makes the next n requests to path answer status with body,
// without processing them.
func (f *Fake) FailNext(path string, n, status int, body string) {
	f.Inject(Fault{Path: path, Times: n, Action: Respond, Status: status, Body: body})
}

// takeFault returns the first queued fault matching r and counts one use.
func (f *Fake) takeFault(r *http.Request) *Fault {
	f.mu.Lock()
	defer f.mu.Unlock()
	for i, flt := range f.faults {
		if !flt.matches(r) {
			continue
		}
		flt.Times--
		if flt.Times == 0 {
			f.faults = append(f.faults[:i], f.faults[i+1:]...)
		}
		return flt
	}
	return nil
}

func (flt *Fault) matches(r *http.Request) bool {
	if flt.Method != "" && flt.Method != r.Method {
		return false
	}
	ok, err := path.Match(flt.Path, r.URL.Path)
	return ok && err == nil
}

// serveFault carries out flt's action on r.
func (f *Fake) serveFault(w http.ResponseWriter, r *http.Request, flt *Fault) {
	switch flt.Action {
	case Respond:
		for k, vs := range flt.Header {
			w.Header()[k] = vs
		}
		if strings.HasPrefix(flt.Body, "{") && w.Header().Get("Content-Type") == "" {
			w.Header().Set("Content-Type", "application/json; charset=utf-8")
		}
		w.WriteHeader(flt.Status)
		w.Write([]byte(flt.Body))
	case Delay:
		// Read the body first: only then does the server notice a client
		// that gives up and cancel r's context.
		body, _ := io.ReadAll(r.Body)
		r.Body = io.NopCloser(bytes.NewReader(body))
		select {
		case <-time.After(flt.Delay):
			f.serve(w, r)
		case <-r.Context().Done():
		case <-f.done:
		}
	case ProcessThenHang:
		f.serve(httptest.NewRecorder(), r)
		select {
		case <-r.Context().Done():
		case <-f.done:
			panic(http.ErrAbortHandler)
		}
	case ProcessThenDrop:
		f.serve(httptest.NewRecorder(), r)
		panic(http.ErrAbortHandler)
	case Drop:
		panic(http.ErrAbortHandler)
	}
}
