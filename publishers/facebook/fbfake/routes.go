package fbfake

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// maxPhoto is the largest photo the fake accepts (platform-apis.md gives
// no number; 4 MB is the connector's documented limit, verify).
const maxPhoto = 4 << 20

// createdTimeLayout is how Graph writes created_time.
const createdTimeLayout = "2006-01-02T15:04:05-0700"

// authParams may accompany any request.
var authParams = []string{"access_token", "appsecret_proof", "format", "method"}

// unknownParam returns the first form field not in allowed (nor an auth
// parameter, nor matching attached), or "".
func unknownParam(r *http.Request, allowed []string, attached *regexp.Regexp) string {
	for k := range r.Form {
		if slices.Contains(allowed, k) || slices.Contains(authParams, k) || (attached != nil && attached.MatchString(k)) {
			continue
		}
		return k
	}
	if r.MultipartForm != nil {
		for k := range r.MultipartForm.File {
			if !slices.Contains(allowed, k) {
				return k
			}
		}
	}
	return ""
}

var attachedField = regexp.MustCompile(`^attached_media\[(\d+)\]$`)

// createPost is POST /{page-id}/feed: message, link and attached_media.
func (s *Server) createPost(w http.ResponseWriter, r *http.Request) {
	if k := unknownParam(r, []string{"message", "link"}, attachedField); k != "" {
		writeError(w, http.StatusBadRequest, 100, 0, "(#100) Unexpected parameter "+k+" (the fake refuses parameters postgate should not send)")
		return
	}
	msg, link := r.Form.Get("message"), r.Form.Get("link")
	ids, err := attachedIDs(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, 100, 0, "(#100) "+err.Error())
		return
	}
	if msg == "" && link == "" && len(ids) == 0 {
		writeError(w, http.StatusBadRequest, 100, 0, "(#100) Missing message or attachment")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cfg.RejectDuplicates && len(s.posts) > 0 {
		if last := s.posts[len(s.posts)-1]; last.Message == msg && last.Link == link {
			writeError(w, http.StatusBadRequest, 506, 0, "(#506) Duplicate status message")
			return
		}
	}
	post := Post{ID: s.cfg.PageID + "_" + s.nextID(), Message: msg, Link: link, CreatedTime: s.cfg.Now().UTC()}
	for _, id := range ids {
		ph, ok := s.photos[id]
		if !ok {
			writeError(w, http.StatusBadRequest, 100, 0, "(#100) param attached_media must be an array of unpublished photo ids: "+id)
			return
		}
		ph.Published = true
		post.Photos = append(post.Photos, ph)
	}
	for _, id := range ids {
		delete(s.photos, id)
	}
	s.posts = append(s.posts, post)
	writeJSON(w, map[string]string{"id": post.ID})
}

// attachedIDs reads attached_media[0..n-1], each {"media_fbid":"<id>"}.
func attachedIDs(r *http.Request) ([]string, error) {
	n := 0
	for k := range r.Form {
		if attachedField.MatchString(k) {
			n++
		}
	}
	ids := make([]string, n)
	for i := range ids {
		raw := r.Form.Get("attached_media[" + strconv.Itoa(i) + "]")
		var m struct {
			MediaFBID string `json:"media_fbid"`
		}
		if err := json.Unmarshal([]byte(raw), &m); err != nil || m.MediaFBID == "" {
			return nil, fmt.Errorf("param attached_media[%d] must be a JSON object with media_fbid", i)
		}
		ids[i] = m.MediaFBID
	}
	return ids, nil
}

// uploadPhoto is POST /{page-id}/photos: multipart source, message, published.
func (s *Server) uploadPhoto(w http.ResponseWriter, r *http.Request) {
	if k := unknownParam(r, []string{"message", "published", "source"}, nil); k != "" {
		writeError(w, http.StatusBadRequest, 100, 0, "(#100) Unexpected parameter "+k+" (the fake refuses parameters postgate should not send)")
		return
	}
	published := r.Form.Get("published")
	if published != "" && published != "true" && published != "false" {
		writeError(w, http.StatusBadRequest, 100, 0, "(#100) param published must be a boolean")
		return
	}
	ph, err := readPhoto(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, 324, 0, "(#324) Missing or invalid image file: "+err.Error())
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	ph.ID = s.nextID()
	if published == "false" {
		s.photos[ph.ID] = ph
		writeJSON(w, map[string]string{"id": ph.ID})
		return
	}
	ph.Published = true
	post := Post{ID: s.cfg.PageID + "_" + s.nextID(), Message: r.Form.Get("message"), Photos: []Photo{ph}, CreatedTime: s.cfg.Now().UTC()}
	s.posts = append(s.posts, post)
	writeJSON(w, map[string]string{"id": ph.ID, "post_id": post.ID})
}

// readPhoto reads the multipart source part and checks it is an image
// Facebook takes.
func readPhoto(r *http.Request) (Photo, error) {
	if r.MultipartForm == nil || len(r.MultipartForm.File["source"]) != 1 {
		return Photo{}, fmt.Errorf("send one multipart file part named source")
	}
	fh := r.MultipartForm.File["source"][0]
	if fh.Size > maxPhoto {
		return Photo{}, fmt.Errorf("file is %d bytes, over %d", fh.Size, maxPhoto)
	}
	f, err := fh.Open()
	if err != nil {
		return Photo{}, err
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		return Photo{}, err
	}
	sniffed := sniff(data)
	if sniffed == "" {
		return Photo{}, fmt.Errorf("not a JPEG, PNG, GIF, BMP or TIFF image")
	}
	ct := fh.Header.Get("Content-Type")
	if ct != sniffed {
		return Photo{}, fmt.Errorf("part Content-Type %q does not match the %s bytes", ct, sniffed)
	}
	return Photo{Data: data, ContentType: ct, Filename: fh.Filename}, nil
}

// sniff returns the MIME type of an image format Facebook accepts, or "".
func sniff(b []byte) string {
	if bytes.HasPrefix(b, []byte("II*\x00")) || bytes.HasPrefix(b, []byte("MM\x00*")) {
		return "image/tiff"
	}
	switch ct := http.DetectContentType(b); ct {
	case "image/jpeg", "image/png", "image/gif", "image/bmp":
		return ct
	}
	return ""
}

// listFeed is GET /{page-id}/feed?fields=…&limit=…, newest first.
func (s *Server) listFeed(w http.ResponseWriter, r *http.Request) {
	fields, bad := requestedFields(r, "id,message,created_time", []string{"id", "message", "created_time"})
	if bad != "" {
		writeError(w, http.StatusBadRequest, 100, 0, "(#100) Tried accessing nonexisting field ("+bad+") on node type (Post)")
		return
	}
	limit := 25
	if v := r.Form.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			writeError(w, http.StatusBadRequest, 100, 0, "(#100) param limit must be a positive integer")
			return
		}
		limit = min(n, 100)
	}
	s.mu.Lock()
	posts := slices.Clone(s.posts)
	s.mu.Unlock()
	slices.SortStableFunc(posts, func(a, b Post) int { return b.CreatedTime.Compare(a.CreatedTime) })
	data := []map[string]string{}
	for _, p := range posts[:min(limit, len(posts))] {
		item := map[string]string{"id": p.ID}
		if slices.Contains(fields, "message") && p.Message != "" {
			item["message"] = p.Message
		}
		if slices.Contains(fields, "created_time") {
			item["created_time"] = p.CreatedTime.UTC().Format(createdTimeLayout)
		}
		data = append(data, item)
	}
	writeJSON(w, map[string]any{"data": data, "paging": map[string]any{"cursors": map[string]string{"before": "QVFIUmFk", "after": "QVFIUmFl"}}})
}

// requestedFields returns the fields parameter (or def) and the first one
// not in known.
func requestedFields(r *http.Request, def string, known []string) (fields []string, unknown string) {
	v := r.Form.Get("fields")
	if v == "" {
		v = def
	}
	fields = strings.Split(v, ",")
	for _, f := range fields {
		if !slices.Contains(known, f) {
			return nil, f
		}
	}
	return fields, ""
}

// page is GET /{page-id}?fields=id,name.
func (s *Server) page(w http.ResponseWriter, r *http.Request) {
	fields, bad := requestedFields(r, "id,name", []string{"id", "name"})
	if bad != "" {
		writeError(w, http.StatusBadRequest, 100, 0, "(#100) Tried accessing nonexisting field ("+bad+") on node type (Page)")
		return
	}
	out := map[string]string{"id": s.cfg.PageID}
	if slices.Contains(fields, "name") {
		out["name"] = s.cfg.PageName
	}
	writeJSON(w, out)
}

// debugToken is GET /debug_token?input_token=…, answering as Graph does
// for a Page token: expires_at 0 means never.
func (s *Server) debugToken(w http.ResponseWriter, r *http.Request) {
	input := r.Form.Get("input_token")
	if input == "" {
		writeError(w, http.StatusBadRequest, 100, 0, "(#100) The parameter input_token is required")
		return
	}
	if input != s.cfg.Token {
		writeJSON(w, map[string]any{"data": map[string]any{
			"error":    map[string]any{"code": 190, "message": "Invalid OAuth access token."},
			"is_valid": false, "scopes": []string{},
		}})
		return
	}
	now := s.cfg.Now()
	var expires int64
	if !s.cfg.TokenExpiresAt.IsZero() {
		expires = s.cfg.TokenExpiresAt.Unix()
	}
	writeJSON(w, map[string]any{"data": map[string]any{
		"app_id": DefaultAppID, "type": "PAGE", "application": "postgate",
		"data_access_expires_at": now.Add(90 * 24 * time.Hour).Unix(),
		"expires_at":             expires,
		"is_valid":               true,
		"issued_at":              now.Add(-24 * time.Hour).Unix(),
		"profile_id":             s.cfg.PageID,
		"scopes":                 s.cfg.Scopes,
		"user_id":                "987654321",
	}})
}
