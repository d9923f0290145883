package lifake

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// maxUpload bounds an uploaded image.
const maxUpload = 50 << 20

// initializeUpload handles POST /rest/images?action=initializeUpload. The
// upload URL points back at the fake.
func (f *Fake) initializeUpload(w http.ResponseWriter, r *http.Request) {
	if a := r.URL.Query().Get("action"); a != "initializeUpload" {
		reply(w, http.StatusBadRequest, bodyStatus(http.StatusBadRequest, "Unsupported action: "+quote(a)))
		return
	}
	var b struct {
		InitializeUploadRequest *struct {
			Owner string `json:"owner"`
		} `json:"initializeUploadRequest"`
	}
	if err := decodeStrict(r, &b); err != nil {
		reply(w, http.StatusBadRequest, bodyStatus(http.StatusBadRequest, "Unable to parse the request body: "+err.Error()))
		return
	}
	if b.InitializeUploadRequest == nil || b.InitializeUploadRequest.Owner == "" {
		reply(w, http.StatusUnprocessableEntity, BodyInvalid("initializeUploadRequest/owner", "field is required"))
		return
	}
	if b.InitializeUploadRequest.Owner != f.cfg.Organization {
		reply(w, http.StatusForbidden, BodyAccessDenied)
		return
	}
	f.mu.Lock()
	f.seq++
	n := strconv.FormatInt(f.seq, 10)
	urn := "urn:li:image:C4E10AQ" + n
	f.images[urn] = &Image{ID: urn, Owner: f.cfg.Organization, Status: "WAITING_UPLOAD"}
	f.uploads[n] = urn
	f.mu.Unlock()
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	uploadURL := fmt.Sprintf("%s://%s/dms-uploads/%s?ca=vector_feedshare&cn=uploads&sync=0&v=beta&ut=fake-signature", scheme, r.Host, n)
	b2, _ := json.Marshal(map[string]any{"value": map[string]any{
		"uploadUrlExpiresAt": f.cfg.Now().Add(time.Hour).UnixMilli(),
		"uploadUrl":          uploadURL,
		"image":              urn,
	}})
	reply(w, http.StatusOK, string(b2))
}

// putUpload handles PUT on an upload URL: the raw image bytes.
func (f *Fake) putUpload(w http.ResponseWriter, r *http.Request) {
	data, err := io.ReadAll(io.LimitReader(r.Body, maxUpload+1))
	if err != nil {
		return // the client went away
	}
	if len(data) == 0 || len(data) > maxUpload {
		reply(w, http.StatusBadRequest, bodyStatus(http.StatusBadRequest, "The upload must hold the image bytes"))
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	img, ok := f.images[f.uploads[r.PathValue("id")]]
	if !ok || img.Status != "WAITING_UPLOAD" {
		reply(w, http.StatusNotFound, bodyStatus(http.StatusNotFound, "Not Found"))
		return
	}
	img.Data, img.ContentType, img.Status = data, r.Header.Get("Content-Type"), f.imageStatus
	w.WriteHeader(http.StatusCreated)
}

// getImage handles GET /rest/images/{urn}.
func (f *Fake) getImage(w http.ResponseWriter, r *http.Request) {
	if !strings.Contains(r.URL.EscapedPath(), "urn%3Ali%3Aimage%3A") {
		reply(w, http.StatusBadRequest, bodyStatus(http.StatusBadRequest, "Invalid key: the URN must be URL-encoded"))
		return
	}
	f.mu.Lock()
	img, ok := f.images[r.PathValue("urn")]
	var c Image
	if ok {
		c = *img
	}
	f.mu.Unlock()
	if !ok || c.Owner != f.cfg.Organization {
		reply(w, http.StatusNotFound, bodyStatus(http.StatusNotFound, "Not Found"))
		return
	}
	b, _ := json.Marshal(map[string]any{"id": c.ID, "owner": c.Owner, "status": c.Status})
	reply(w, http.StatusOK, string(b))
}

// getOrganization handles GET /rest/organizations/{id}: only the page the
// token's member administers is readable.
func (f *Fake) getOrganization(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if "urn:li:organization:"+id != f.cfg.Organization {
		reply(w, http.StatusForbidden, BodyAccessDenied)
		return
	}
	n, _ := strconv.ParseInt(id, 10, 64)
	b, _ := json.Marshal(map[string]any{
		"id": n, "localizedName": f.cfg.Name,
		"vanityName": strings.ToLower(strings.ReplaceAll(f.cfg.Name, " ", "-")),
	})
	reply(w, http.StatusOK, string(b))
}
