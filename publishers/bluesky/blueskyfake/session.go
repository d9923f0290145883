package blueskyfake

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
)

// createSession handles com.atproto.server.createSession: the identifier
// (handle or DID) and app password give a new pair of tokens.
func (f *Fake) createSession(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Identifier string `json:"identifier"`
		Password   string `json:"password"`
	}
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil || in.Identifier == "" || in.Password == "" {
		reply(w, http.StatusBadRequest, BodyInvalidRequest("Input must have the properties \"identifier\", \"password\""))
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if !f.allowLogin(w) {
		reply(w, http.StatusTooManyRequests, BodyRateLimited)
		return
	}
	id := strings.ToLower(strings.TrimPrefix(in.Identifier, "@"))
	if (id != strings.ToLower(f.cfg.Handle) && id != f.cfg.DID) || in.Password != f.cfg.AppPassword {
		reply(w, http.StatusUnauthorized, BodyAuthRequired)
		return
	}
	if f.status == "takendown" {
		reply(w, http.StatusUnauthorized, BodyAccountTakedown)
		return
	}
	f.logins = append(f.logins, f.cfg.Now())
	replyJSON(w, f.sessionBody())
}

// allowLogin counts a createSession call against LoginLimit and sets the
// RateLimit-* headers. The caller holds f.mu.
func (f *Fake) allowLogin(w http.ResponseWriter) bool {
	now := f.cfg.Now()
	recent := 0
	for _, t := range f.logins {
		if now.Sub(t) < loginWindow {
			recent++
		}
	}
	h := w.Header()
	h.Set("RateLimit-Limit", strconv.Itoa(LoginLimit))
	h.Set("RateLimit-Remaining", strconv.Itoa(max(LoginLimit-recent-1, 0)))
	h.Set("RateLimit-Reset", strconv.FormatInt(now.Add(loginWindow).Unix(), 10))
	h.Set("RateLimit-Policy", strconv.Itoa(LoginLimit)+";w=300")
	return recent < LoginLimit
}

// refreshSession handles com.atproto.server.refreshSession: a valid
// refresh token, which is spent, gives a new pair.
func (f *Fake) refreshSession(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	c, te := f.verify(bearer(r), scopeRefresh)
	if te != nil {
		reply(w, te.status, body(te.name, te.msg))
		return
	}
	f.spent[c.JTI] = true
	replyJSON(w, f.sessionBody())
}

// sessionBody is the answer to createSession and refreshSession. The
// caller holds f.mu.
func (f *Fake) sessionBody() map[string]any {
	return map[string]any{
		"did": f.cfg.DID, "handle": f.cfg.Handle,
		"accessJwt":  f.issue(scopeAccess, f.cfg.AccessTTL),
		"refreshJwt": f.issue(scopeRefresh, f.cfg.RefreshTTL),
		"active":     f.status == "",
		"didDoc":     map[string]any{"id": f.cfg.DID},
	}
}

// getSession handles com.atproto.server.getSession.
func (f *Fake) getSession(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := map[string]any{"did": f.cfg.DID, "handle": f.cfg.Handle, "active": f.status == ""}
	if f.status != "" {
		out["status"] = f.status
	}
	replyJSON(w, out)
}
