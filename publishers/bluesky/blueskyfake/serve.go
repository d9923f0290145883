package blueskyfake

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"

	"github.com/connections/postgate/publishers/internal/fakehttp"
)

// XRPC error bodies. Tests may pass them to FailNext.
const (
	BodyExpiredToken    = `{"error":"ExpiredToken","message":"Token has expired"}`
	BodyInvalidToken    = `{"error":"InvalidToken","message":"Token could not be verified"}`
	BodyAuthRequired    = `{"error":"AuthenticationRequired","message":"Invalid identifier or password"}`
	BodyAuthFactor      = `{"error":"AuthFactorTokenRequired","message":"A sign in code has been sent to your email address"}`
	BodyAccountTakedown = `{"error":"AccountTakedown","message":"Account has been taken down"}`
	BodyRateLimited     = `{"error":"RateLimitExceeded","message":"Rate Limit Exceeded"}`
	BodyInternal        = `{"error":"InternalServerError","message":"Internal Server Error"}`
	BodyPayloadTooLarge = `{"error":"PayloadTooLarge","message":"request entity too large"}`
)

// BodyInvalidRequest is a 400 InvalidRequest answer with msg.
func BodyInvalidRequest(msg string) string { return body("InvalidRequest", msg) }

func body(name, msg string) string {
	b, _ := json.Marshal(map[string]string{"error": name, "message": msg})
	return string(b)
}

// routes registers the XRPC methods the fake serves.
func (f *Fake) routes() {
	f.mux = http.NewServeMux()
	f.mux.HandleFunc("POST /xrpc/com.atproto.server.createSession", f.createSession)
	f.mux.HandleFunc("POST /xrpc/com.atproto.server.refreshSession", f.refreshSession)
	f.mux.HandleFunc("GET /xrpc/com.atproto.server.getSession", f.authed(f.getSession))
	f.mux.HandleFunc("POST /xrpc/com.atproto.repo.uploadBlob", f.authed(f.uploadBlob))
	f.mux.HandleFunc("POST /xrpc/com.atproto.repo.createRecord", f.authed(f.createRecord))
	f.mux.HandleFunc("GET /xrpc/com.atproto.repo.getRecord", f.authed(f.getRecord))
	f.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/xrpc/") {
			reply(w, http.StatusNotImplemented, body("MethodNotImplemented", "Method Not Implemented"))
			return
		}
		reply(w, http.StatusNotFound, body("NotFound", "Not Found"))
	})
}

// ServeHTTP records the request, applies any injected failure, then routes it.
func (f *Fake) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if fl, ok := f.admit(r); ok {
		fl.Write(w)
		return
	}
	f.mux.ServeHTTP(w, r)
}

// admit records r and returns the injected failure it consumes, if any.
func (f *Fake) admit(r *http.Request) (fakehttp.Failure, bool) {
	nsid := strings.TrimPrefix(r.URL.Path, "/xrpc/")
	f.mu.Lock()
	defer f.mu.Unlock()
	f.requests = append(f.requests, Request{Method: nsid, Query: r.URL.RawQuery, Token: f.tokenKind(r)})
	return f.failures.Take(r)
}

// tokenKind names the kind of bearer token r carries, for Requests. The
// caller holds f.mu.
func (f *Fake) tokenKind(r *http.Request) string {
	token := bearer(r)
	if token == "" {
		return ""
	}
	c, ok := f.parse(token)
	switch {
	case !ok:
		return "bad"
	case c.Scope == scopeRefresh:
		return "refresh"
	default:
		return "access"
	}
}

func bearer(r *http.Request) string {
	token, _ := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	return token
}

// authed wraps h so that it runs only with a valid access token.
func (f *Fake) authed(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		_, te := f.verify(bearer(r), scopeAccess)
		f.mu.Unlock()
		if te != nil {
			reply(w, te.status, body(te.name, te.msg))
			return
		}
		h(w, r)
	}
}

// reply writes a JSON answer.
func reply(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	fmt.Fprint(w, body)
}

// replyJSON writes v as a JSON answer.
func replyJSON(w http.ResponseWriter, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		reply(w, http.StatusInternalServerError, BodyInternal)
		return
	}
	reply(w, http.StatusOK, string(b))
}
