package xfake

import (
	"bytes"
	"encoding/json"
	"io"
	"maps"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// upload is one media upload in progress or finished.
type upload struct {
	id, mediaType, category string
	total                   int
	segments                map[int][]byte
	finalized               bool
	async                   bool   // needs processing after finalize
	state                   string // pending, in_progress, succeeded, failed
	pollsLeft               int
	fail                    bool
	expires                 time.Time
	data                    []byte
	alt                     string
}

func (u *upload) media() Media {
	return Media{ID: u.id, Type: u.mediaType, Category: u.category, Data: u.data, Alt: u.alt}
}

const (
	maxImageBytes  = 5 << 20  // tweet_image
	maxGIFBytes    = 15 << 20 // tweet_gif
	maxSegment     = 5 << 20
	expiresAfter   = 1295999 // seconds, as X answers
	checkAfterSecs = 1
)

var imageTypes = []string{"image/jpeg", "image/png", "image/gif", "image/webp"}

// initRequest is the JSON body of POST /2/media/upload/initialize.
type initRequest struct {
	MediaType        string   `json:"media_type"`
	TotalBytes       int      `json:"total_bytes"`
	MediaCategory    string   `json:"media_category"`
	AdditionalOwners []string `json:"additional_owners"`
	Shared           bool     `json:"shared"`
}

func (f *Fake) initialize(w http.ResponseWriter, r *http.Request) {
	var req initRequest
	if decodeJSON(w, r, &req) {
		f.startUpload(w, req)
	}
}

// startUpload validates an initialize request and answers with the new id.
func (f *Fake) startUpload(w http.ResponseWriter, req initRequest) {
	u, param, msg := f.createUpload(req)
	if u == nil {
		writeInvalid(w, param, msg)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"data": map[string]any{
		"id": u.id, "media_key": mediaKey(u), "expires_after_secs": expiresAfter,
	}})
}

// createUpload checks an initialize request and starts the upload. On a bad
// request it returns nil and the parameter and message to answer with.
func (f *Fake) createUpload(req initRequest) (u *upload, param, msg string) {
	if req.MediaCategory == "" {
		req.MediaCategory = "tweet_image"
	}
	switch {
	case !slices.Contains(imageTypes, req.MediaType):
		return nil, "media_type", "media_type must be one of " + strings.Join(imageTypes, ", ")
	case req.MediaCategory != "tweet_image" && req.MediaCategory != "tweet_gif":
		return nil, "media_category", "media_category " + req.MediaCategory + " does not take images"
	case req.TotalBytes <= 0 || req.TotalBytes > maxBytes(req.MediaCategory):
		return nil, "total_bytes", "total_bytes must be between 1 and " + strconv.Itoa(maxBytes(req.MediaCategory))
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	u = &upload{
		id: f.newID(), mediaType: req.MediaType, category: req.MediaCategory, total: req.TotalBytes,
		segments: map[int][]byte{}, state: "succeeded", expires: f.now().Add(expiresAfter * time.Second),
	}
	if f.processing.on || u.category == "tweet_gif" {
		u.async, u.state, u.pollsLeft, u.fail = true, "pending", f.processing.polls, f.processing.fail
	}
	f.uploads[u.id] = u
	return u, "", ""
}

func maxBytes(category string) int {
	if category == "tweet_gif" {
		return maxGIFBytes
	}
	return maxImageBytes
}

func mediaKey(u *upload) string {
	if u.category == "tweet_gif" {
		return "16_" + u.id
	}
	return "3_" + u.id
}

// pathID returns the {id} of /2/media/upload/{id}/<verb>.
func pathID(r *http.Request) string {
	id, _, _ := strings.Cut(strings.TrimPrefix(r.URL.Path, "/2/media/upload/"), "/")
	return id
}

func (f *Fake) appendPath(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseMultipartForm(2 * maxSegment); err != nil {
		writeInvalid(w, "media", "APPEND needs a multipart/form-data body: "+err.Error())
		return
	}
	f.appendSegment(w, r, pathID(r))
}

// appendSegment stores the multipart media field of r as one segment.
func (f *Fake) appendSegment(w http.ResponseWriter, r *http.Request, id string) {
	index, err := strconv.Atoi(r.FormValue("segment_index"))
	if err != nil || index < 0 || index > 999 {
		writeInvalid(w, "segment_index", "segment_index must be an integer from 0 to 999")
		return
	}
	chunk, ok := formMedia(r)
	if !ok || len(chunk) == 0 || len(chunk) > maxSegment {
		writeInvalid(w, "media", "media must hold 1 byte to 5 MB")
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	u := f.uploads[id]
	if u == nil || u.finalized {
		writeInvalid(w, "media_id", "The media_id ["+id+"] is unknown or already finalized.")
		return
	}
	u.segments[index] = chunk
	writeJSON(w, http.StatusOK, map[string]any{"data": map[string]any{"expires_at": u.expires.Unix()}})
}

// formMedia returns the "media" field of a parsed multipart form, sent
// either as a file part or as a plain field.
func formMedia(r *http.Request) ([]byte, bool) {
	if r.MultipartForm == nil {
		return nil, false
	}
	if fhs := r.MultipartForm.File["media"]; len(fhs) == 1 {
		file, err := fhs[0].Open()
		if err != nil {
			return nil, false
		}
		defer file.Close()
		b, err := io.ReadAll(file)
		return b, err == nil
	}
	if vs := r.MultipartForm.Value["media"]; len(vs) == 1 {
		return []byte(vs[0]), true
	}
	return nil, false
}

func (f *Fake) finalizePath(w http.ResponseWriter, r *http.Request) {
	f.finalize(w, pathID(r))
}

// finalize joins the segments, checks their size and type, and answers
// with the media, including processing_info when processing is pending.
func (f *Fake) finalize(w http.ResponseWriter, id string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	u := f.uploads[id]
	if u == nil || u.finalized {
		writeInvalid(w, "media_id", "The media_id ["+id+"] is unknown or already finalized.")
		return
	}
	var data bytes.Buffer
	for i, index := range slices.Sorted(maps.Keys(u.segments)) {
		if i != index {
			writeInvalid(w, "segment_index", "Segment "+strconv.Itoa(i)+" is missing.")
			return
		}
		data.Write(u.segments[index])
	}
	if data.Len() != u.total {
		writeInvalid(w, "total_bytes", "Segments do not add up to provided total file size.")
		return
	}
	if got := http.DetectContentType(data.Bytes()); got != u.mediaType {
		writeInvalid(w, "media", "InvalidMedia: the file is "+got+", not "+u.mediaType)
		return
	}
	u.finalized, u.data, u.segments = true, data.Bytes(), nil
	writeJSON(w, http.StatusOK, map[string]any{"data": mediaData(u, true)})
}

// mediaData is the data object of finalize and STATUS answers.
func mediaData(u *upload, withSize bool) map[string]any {
	d := map[string]any{"id": u.id, "media_key": mediaKey(u), "expires_after_secs": expiresAfter}
	if withSize {
		d["size"] = len(u.data)
	}
	if u.async {
		info := map[string]any{"state": u.state}
		switch u.state {
		case "pending", "in_progress":
			info["check_after_secs"] = checkAfterSecs
		case "failed":
			info["error"] = map[string]any{"code": 1, "name": "InvalidMedia", "message": "Unsupported media."}
		}
		d["processing_info"] = info
	}
	return d
}

// status answers GET /2/media/upload?command=STATUS&media_id=…, moving
// processing on by one step per poll.
func (f *Fake) status(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if q.Get("command") != "STATUS" {
		writeInvalid(w, "command", "command must be STATUS")
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	u := f.uploads[q.Get("media_id")]
	if u == nil || !u.finalized {
		writeInvalid(w, "media_id", "The media_id ["+q.Get("media_id")+"] is unknown or not finalized.")
		return
	}
	switch {
	case u.state != "pending" && u.state != "in_progress":
	case u.pollsLeft > 0:
		u.state = "in_progress"
		u.pollsLeft--
	case u.fail:
		u.state = "failed"
	default:
		u.state = "succeeded"
	}
	writeJSON(w, http.StatusOK, map[string]any{"data": mediaData(u, false)})
}

// metadataRequest is the JSON body of POST /2/media/metadata.
type metadataRequest struct {
	ID       string `json:"id"`
	Metadata struct {
		AltText *struct {
			Text string `json:"text"`
		} `json:"alt_text"`
		AllowDownloadStatus   json.RawMessage `json:"allow_download_status"`
		AudiencePolicy        json.RawMessage `json:"audience_policy"`
		ContentExpiration     json.RawMessage `json:"content_expiration"`
		DomainRestrictions    json.RawMessage `json:"domain_restrictions"`
		FoundMediaOrigin      json.RawMessage `json:"found_media_origin"`
		GeoRestrictions       json.RawMessage `json:"geo_restrictions"`
		ManagementInfo        json.RawMessage `json:"management_info"`
		PreviewImage          json.RawMessage `json:"preview_image"`
		SensitiveMediaWarning json.RawMessage `json:"sensitive_media_warning"`
		SharedInfo            json.RawMessage `json:"shared_info"`
		StickerInfo           json.RawMessage `json:"sticker_info"`
		UploadSource          json.RawMessage `json:"upload_source"`
	} `json:"metadata"`
}

// metadata sets a finalized upload's alt text (at most 1,000 characters).
func (f *Fake) metadata(w http.ResponseWriter, r *http.Request) {
	var req metadataRequest
	if !decodeJSON(w, r, &req) {
		return
	}
	alt := req.Metadata.AltText
	if alt != nil && utf8.RuneCountInString(alt.Text) > 1000 {
		writeInvalid(w, "metadata.alt_text.text", "alt_text.text must be at most 1000 characters")
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	u := f.uploads[req.ID]
	if u == nil || !u.finalized {
		writeInvalid(w, "id", "The media id ["+req.ID+"] is unknown or not finalized.")
		return
	}
	meta := map[string]any{}
	if alt != nil {
		u.alt = alt.Text
		meta["alt_text"] = map[string]string{"text": alt.Text}
	}
	writeJSON(w, http.StatusOK, map[string]any{"data": map[string]any{"id": u.id, "associated_metadata": meta}})
}
