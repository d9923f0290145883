package igfake

import (
	"net/http"
	"os"
	"path/filepath"

	"github.com/connections/postgate/publishers/media"
)

// debugToken answers GET /debug_token?input_token=… for the configured
// token, as Graph does for a token inspecting itself.
func (s *Server) debugToken(w http.ResponseWriter, r *http.Request) {
	if r.Form.Get("input_token") != s.opts.Token {
		writeError(w, ErrBadToken)
		return
	}
	var expires int64
	if !s.opts.TokenExpiresAt.IsZero() {
		expires = s.opts.TokenExpiresAt.Unix()
	}
	writeObject(w, map[string]any{"data": map[string]any{
		"app_id": "1234567890", "type": "USER", "application": "postgate",
		"is_valid": true, "expires_at": expires, "data_access_expires_at": 0,
		"scopes": s.opts.Scopes, "user_id": "1000000000001",
	}})
}

// serveMedia serves a file of MediaDir like a plain web server, stripped
// of metadata unless ServeRaw is set.
func (s *Server) serveMedia(w http.ResponseWriter, r *http.Request, name string) {
	root, err := os.OpenRoot(s.opts.MediaDir)
	if err != nil {
		http.Error(w, "media folder missing", http.StatusInternalServerError)
		return
	}
	defer root.Close()
	data, err := root.ReadFile(filepath.FromSlash(name))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	if !s.opts.ServeRaw {
		img, err := media.Strip(data)
		if err != nil {
			http.Error(w, "not an image", http.StatusInternalServerError)
			return
		}
		data = img.Data
	}
	w.Header().Set("Content-Type", http.DetectContentType(data))
	w.Write(data)
}
