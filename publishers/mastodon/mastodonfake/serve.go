package mastodonfake

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/connections/postgate/publishers/internal/fakehttp"
)

// Mastodon's error bodies. Tests may pass them to FailNext.
const (
	BodyInvalidToken   = `{"error":"The access token is invalid"}`
	BodyOutsideScopes  = `{"error":"This action is outside the authorized scopes"}`
	BodyTooManyRequest = `{"error":"Too many requests"}`
	BodyNotFound       = `{"error":"Record not found"}`
	BodyServerError    = `{"error":"We're sorry, but something went wrong on our end."}`
)

// BodyValidation is a 422 answer with Mastodon's validation message.
func BodyValidation(msg string) string {
	b, _ := json.Marshal(map[string]string{"error": "Validation failed: " + msg})
	return string(b)
}

// routes registers the endpoints the fake serves.
func (f *Fake) routes() {
	f.mux = http.NewServeMux()
	f.mux.HandleFunc("POST /api/v1/statuses", f.postStatus)
	f.mux.HandleFunc("POST /api/v2/media", f.postMedia)
	f.mux.HandleFunc("GET /api/v1/media/{id}", f.getMedia)
	f.mux.HandleFunc("GET /api/v1/accounts/verify_credentials", f.verifyCredentials)
	f.mux.HandleFunc("GET /api/v1/accounts/{id}/statuses", f.accountStatuses)
	f.mux.HandleFunc("GET /api/v2/instance", f.instance)
	f.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		reply(w, http.StatusNotFound, BodyNotFound)
	})
}

// ServeHTTP records the request, applies the rate limit and any injected
// failure, checks the token, then routes it.
func (f *Fake) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	fail, failed, limited := f.admit(w, r)
	switch {
	case failed:
		fail.Write(w)
	case limited:
		reply(w, http.StatusTooManyRequests, BodyTooManyRequest)
	case !f.authorised(r):
		reply(w, http.StatusUnauthorized, BodyInvalidToken)
	default:
		f.mux.ServeHTTP(w, r)
	}
}

// admit records r, counts it against the rate limit (setting the
// X-RateLimit-* headers) and returns the injected failure it consumes, if
// any, and whether the limit is exceeded.
func (f *Fake) admit(w http.ResponseWriter, r *http.Request) (fail fakehttp.Failure, failed, limited bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.requests = append(f.requests, Request{Method: r.Method, Path: r.URL.Path, Query: r.URL.RawQuery,
		IdempotencyKey: r.Header.Get("Idempotency-Key"), ContentType: r.Header.Get("Content-Type")})
	now := f.cfg.Now()
	if now.Sub(f.window) >= rateWindow {
		f.window, f.used = now.Truncate(rateWindow), 0
	}
	f.used++
	h := w.Header()
	h.Set("X-RateLimit-Limit", strconv.Itoa(f.cfg.RateLimit))
	h.Set("X-RateLimit-Remaining", strconv.Itoa(max(f.cfg.RateLimit-f.used, 0)))
	h.Set("X-RateLimit-Reset", f.window.Add(rateWindow).UTC().Format("2006-01-02T15:04:05.000Z"))
	if fail, ok := f.failures.Take(r); ok {
		return fail, true, false
	}
	return fakehttp.Failure{}, false, f.used > f.cfg.RateLimit
}

// authorised reports whether r carries the valid, unrevoked token.
func (f *Fake) authorised(r *http.Request) bool {
	token, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	f.mu.Lock()
	defer f.mu.Unlock()
	return ok && token == f.cfg.Token && !f.revoked
}

// reply writes a JSON answer.
func reply(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	fmt.Fprint(w, body)
}

// replyJSON writes v as a JSON answer.
func replyJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		reply(w, http.StatusInternalServerError, BodyServerError)
		return
	}
	reply(w, status, string(b))
}

// timestamp formats t as Mastodon does.
func timestamp(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000Z") }

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
