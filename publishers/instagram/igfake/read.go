package igfake

import (
	"encoding/json"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

// quotaUsage counts posts in the rolling 24 h window. Call with s.mu held.
func (s *Server) quotaUsage() int {
	n := s.opts.QuotaUsage
	for _, p := range s.posts {
		if s.opts.Now().Sub(p.Timestamp) < 24*time.Hour {
			n++
		}
	}
	return n
}

func (s *Server) quota(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	entry := map[string]any{"quota_usage": s.quotaUsage()}
	s.mu.Unlock()
	if wants(r, "config") {
		entry["config"] = map[string]int{"quota_total": s.opts.QuotaTotal, "quota_duration": 86400}
	}
	writeObject(w, map[string]any{"data": []any{entry}})
}

// getObject answers a read of the account, a container or a media.
func (s *Server) getObject(w http.ResponseWriter, r *http.Request, id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	obj := map[string]any{"id": id}
	if id == s.opts.UserID {
		if wants(r, "username") {
			obj["username"] = s.opts.Username
		}
		writeObject(w, obj)
		return
	}
	if c, ok := s.containers[id]; ok {
		st := s.status(c, true)
		if wants(r, "status_code") {
			obj["status_code"] = st
		}
		if wants(r, "status") {
			obj["status"] = s.statusText(st)
		}
		writeObject(w, obj)
		return
	}
	for _, p := range s.posts {
		if p.ID == id {
			writeObject(w, mediaFields(r, p))
			return
		}
	}
	writeError(w, errNoObject(r.Method, id))
}

func (s *Server) statusText(st string) string {
	switch st {
	case StatusError:
		return s.errorStatus
	case StatusExpired:
		return "Error: The media container has expired"
	case StatusInProgress:
		return "In Progress"
	case StatusPublished:
		return "Published"
	}
	return "Finished"
}

func (s *Server) listMedia(w http.ResponseWriter, r *http.Request) {
	limit := 25
	if n, err := strconv.Atoi(r.Form.Get("limit")); err == nil && n > 0 {
		limit = min(n, 100)
	}
	s.mu.Lock()
	data := []map[string]any{}
	for i := len(s.posts) - 1; i >= 0 && len(data) < limit; i-- {
		data = append(data, mediaFields(r, s.posts[i]))
	}
	s.mu.Unlock()
	writeObject(w, map[string]any{"data": data})
}

// mediaFields returns the requested fields of a published media.
func mediaFields(r *http.Request, p Post) map[string]any {
	obj := map[string]any{"id": p.ID}
	for name, v := range map[string]string{
		"caption": p.Caption, "permalink": p.Permalink, "media_type": p.MediaType, "media_url": p.Images[0].URL,
		"timestamp": p.Timestamp.Format("2006-01-02T15:04:05-0700"),
	} {
		if wants(r, name) {
			obj[name] = v
		}
	}
	return obj
}

// wants reports whether the request's fields parameter names field.
func wants(r *http.Request, field string) bool {
	return slices.Contains(strings.Split(r.Form.Get("fields"), ","), field)
}

func writeObject(w http.ResponseWriter, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		writeError(w, errorForStatus(http.StatusInternalServerError))
		return
	}
	writeJSON(w, http.StatusOK, string(b))
}
