package fbfake

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"mime"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
)

// maxMemory bounds the multipart form kept in memory; larger parts spill
// to temporary files, as net/http does.
const maxMemory = 32 << 20

// ServeHTTP answers one Graph request, applying any injected fault.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.requests++
	s.mu.Unlock()
	f := s.takeFault(r.Method, s.graphPath(r))
	if f != nil && f.Delay > 0 {
		s.wait(r, f.Delay)
	}
	if f != nil && !f.After && !f.onlyDelay() {
		s.serveFault(w, r, f)
		return
	}
	rec := httptest.NewRecorder()
	s.handle(rec, r)
	if f != nil && f.After {
		s.serveFault(w, r, f)
		return
	}
	copyRecorded(w, rec)
}

// handle checks the version, the body, the token and the proof, then routes.
func (s *Server) handle(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Facebook-Api-Version", s.cfg.Version)
	w.Header().Set("X-Business-Use-Case-Usage", fmt.Sprintf(
		`{%q:[{"type":"pages","call_count":1,"total_cputime":1,"total_time":1,"estimated_time_to_regain_access":0}]}`, s.cfg.PageID))
	path := s.graphPath(r)
	if path == "" {
		writeError(w, http.StatusBadRequest, 2500, 0, "Unknown path components: "+r.URL.Path)
		return
	}
	if err := parseForm(r); err != nil {
		writeError(w, http.StatusBadRequest, 100, 0, "(#100) "+err.Error())
		return
	}
	if !s.authorised(w, r) {
		return
	}
	s.route(w, r, strings.Split(strings.Trim(path, "/"), "/"))
}

// parseForm reads the query and, for a POST, a form or multipart body.
func parseForm(r *http.Request) error {
	if r.Method != http.MethodPost {
		return r.ParseForm()
	}
	ct, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch {
	case err != nil:
		return fmt.Errorf("missing or invalid Content-Type")
	case ct == "multipart/form-data":
		return r.ParseMultipartForm(maxMemory)
	case ct == "application/x-www-form-urlencoded":
		return r.ParseForm()
	default:
		return fmt.Errorf("unsupported Content-Type %s", ct)
	}
}

// authorised checks the access token and appsecret_proof the way Graph
// does, answering the error itself when they fail.
func (s *Server) authorised(w http.ResponseWriter, r *http.Request) bool {
	token := r.Form.Get("access_token")
	if bearer, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer "); ok && token == "" {
		token = bearer
	}
	now := s.cfg.Now()
	switch {
	case token == "":
		writeAuthError(w, 104, 0, "An access token is required to request this resource.")
		return false
	case token != s.cfg.Token:
		writeAuthError(w, 190, 0, "Invalid OAuth access token - Cannot parse access token")
		return false
	case !s.cfg.TokenExpiresAt.IsZero() && !now.Before(s.cfg.TokenExpiresAt):
		writeAuthError(w, 190, 463, "Error validating access token: Session has expired on "+
			s.cfg.TokenExpiresAt.UTC().Format("Monday, 02-Jan-06 15:04:05 MST")+". The current time is "+now.UTC().Format("Monday, 02-Jan-06 15:04:05 MST")+".")
		return false
	}
	if s.cfg.AppSecret == "" {
		return true
	}
	got := r.Form.Get("appsecret_proof")
	if got == "" {
		writeError(w, http.StatusBadRequest, 100, 0, "API calls from the server require an appsecret_proof argument")
		return false
	}
	mac := hmac.New(sha256.New, []byte(s.cfg.AppSecret))
	mac.Write([]byte(token))
	if !hmac.Equal([]byte(got), []byte(hex.EncodeToString(mac.Sum(nil)))) {
		writeError(w, http.StatusBadRequest, 100, 0, "Invalid appsecret_proof provided in the API argument")
		return false
	}
	return true
}

// route dispatches on the path segments after the version.
func (s *Server) route(w http.ResponseWriter, r *http.Request, seg []string) {
	get, post := r.Method == http.MethodGet, r.Method == http.MethodPost
	switch {
	case len(seg) == 1 && seg[0] == "debug_token" && get:
		s.debugToken(w, r)
	case seg[0] != s.cfg.PageID:
		writeError(w, http.StatusBadRequest, 100, 33, fmt.Sprintf("Unsupported %s request. Object with ID '%s' does not exist, "+
			"cannot be loaded due to missing permissions, or does not support this operation.", strings.ToLower(r.Method), seg[0]))
	case len(seg) == 1 && get:
		s.page(w, r)
	case len(seg) == 2 && seg[1] == "feed" && get:
		s.listFeed(w, r)
	case len(seg) == 2 && seg[1] == "feed" && post:
		s.createPost(w, r)
	case len(seg) == 2 && seg[1] == "photos" && post:
		s.uploadPhoto(w, r)
	default:
		writeError(w, http.StatusBadRequest, 2500, 0, "Unknown path components: /"+strings.Join(seg[1:], "/"))
	}
}

// writeJSON answers 200 with v and Graph's usage headers.
func writeJSON(w http.ResponseWriter, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	writeRaw(w, http.StatusOK, string(b))
}

// writeError answers a Graph error body.
func writeError(w http.ResponseWriter, status, code, subcode int, message string) {
	writeRaw(w, status, ErrorBody(code, subcode, message))
}

// writeAuthError answers a token error with the WWW-Authenticate header Graph sends.
func writeAuthError(w http.ResponseWriter, code, subcode int, message string) {
	w.Header().Set("WWW-Authenticate", `OAuth "Facebook Platform" "invalid_token" "`+message+`"`)
	writeError(w, http.StatusUnauthorized, code, subcode, message)
}

// writeRaw answers body as JSON with Graph's usage headers, unless the
// headers were already set (by a fault).
func writeRaw(w http.ResponseWriter, status int, body string) {
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=UTF-8")
	h.Set("X-Fb-Trace-Id", "AfakeTraceID")
	if h.Get("X-App-Usage") == "" {
		h.Set("X-App-Usage", `{"call_count":1,"total_time":1,"total_cputime":1}`)
	}
	w.WriteHeader(status)
	fmt.Fprint(w, body)
}

func itoa(n int) string { return strconv.Itoa(n) }
