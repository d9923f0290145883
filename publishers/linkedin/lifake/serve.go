package lifake

import (
	"net/http"
	"regexp"
	"strings"
	"time"

	"github.com/connections/postgate/publishers/internal/fakehttp"
)

var versionHeader = regexp.MustCompile(`^([0-9]{6})(\.[0-9]{2})?$`)

// routes registers the endpoints the fake serves.
func (f *Fake) routes() {
	f.mux = http.NewServeMux()
	f.mux.HandleFunc("POST /rest/posts", f.createPost)
	f.mux.HandleFunc("GET /rest/posts", f.listPosts)
	f.mux.HandleFunc("POST /rest/images", f.initializeUpload)
	f.mux.HandleFunc("GET /rest/images/{urn}", f.getImage)
	f.mux.HandleFunc("PUT /dms-uploads/{id}", f.putUpload)
	f.mux.HandleFunc("GET /rest/organizations/{id}", f.getOrganization)
	f.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		reply(w, http.StatusNotFound, bodyStatus(http.StatusNotFound, "Not Found"))
	})
}

// ServeHTTP records the request, applies the delay and any injected
// failure, checks the credentials and headers, then routes it.
func (f *Fake) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	delay, fail, ok := f.admit(r)
	if delay > 0 {
		select {
		case <-time.After(delay):
		case <-r.Context().Done():
			return
		case <-f.hold.Done():
			return
		}
	}
	if ok {
		fail.Write(w)
		return
	}
	if status, body := f.checkAuth(r); status != 0 {
		reply(w, status, body)
		return
	}
	if strings.HasPrefix(r.URL.Path, "/rest/") {
		if status, body := f.checkHeaders(r); status != 0 {
			reply(w, status, body)
			return
		}
	}
	f.mux.ServeHTTP(w, r)
}

// admit records r and returns the delay to apply and the injected failure
// it consumes, if any.
func (f *Fake) admit(r *http.Request) (time.Duration, fakehttp.Failure, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.requests = append(f.requests, Request{Method: r.Method, Path: r.URL.Path,
		Query: r.URL.RawQuery, Version: r.Header.Get("LinkedIn-Version")})
	fail, ok := f.failures.Take(r)
	return f.delay, fail, ok
}

// checkAuth answers 401 as LinkedIn does unless r carries the valid token.
func (f *Fake) checkAuth(r *http.Request) (int, string) {
	token, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	f.mu.Lock()
	expired := f.expired
	f.mu.Unlock()
	switch {
	case !ok || token == "":
		return http.StatusUnauthorized, BodyEmptyToken
	case token != f.cfg.Token:
		return http.StatusUnauthorized, BodyInvalidToken
	case expired:
		return http.StatusUnauthorized, BodyExpiredToken
	}
	return 0, ""
}

// checkHeaders enforces the versioned API's headers: LinkedIn-Version must
// name a version released within the last year, and the Rest.li protocol
// must be 2.0.0 (which decides how URNs in URLs are encoded).
func (f *Fake) checkHeaders(r *http.Request) (int, string) {
	v := r.Header.Get("LinkedIn-Version")
	if v == "" {
		return http.StatusBadRequest, BodyVersionMissing
	}
	m := versionHeader.FindStringSubmatch(v)
	if m == nil || !f.active(m[1]) {
		return http.StatusUpgradeRequired, bodyNonexistentVersion(v)
	}
	if p := r.Header.Get("X-Restli-Protocol-Version"); p != "2.0.0" {
		return http.StatusBadRequest, bodyStatus(http.StatusBadRequest,
			"X-Restli-Protocol-Version 2.0.0 is required, got "+quote(p))
	}
	if r.Method == http.MethodPost && !strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
		return http.StatusUnsupportedMediaType, bodyStatus(http.StatusUnsupportedMediaType,
			"Unsupported Media Type: "+quote(r.Header.Get("Content-Type")))
	}
	return 0, ""
}

// active reports whether version YYYYMM is live: released, and less than a
// year old, by the fake's clock.
func (f *Fake) active(yyyymm string) bool {
	released, err := time.Parse("200601", yyyymm)
	if err != nil {
		return false
	}
	now := f.cfg.Now().UTC()
	return !released.After(now) && released.AddDate(1, 0, 0).After(now)
}

func quote(s string) string { return `'` + s + `'` }
