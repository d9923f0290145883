package mastodonfake

import (
	"fmt"
	"io"
	"net/http"
	"slices"
	"unicode/utf8"
)

// Limits on uploads.
const (
	// ImageSizeLimit is Mastodon's default image_size_limit: 16 MB.
	ImageSizeLimit = 16 << 20
	// maxDescription is the longest alt text.
	maxDescription = 1500
)

var imageTypes = []string{"image/jpeg", "image/png", "image/gif", "image/webp"}

// postMedia handles POST /api/v2/media (multipart: file, description):
// 200 with the attachment, or 202 with "url": null while processing.
func (f *Fake) postMedia(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseMultipartForm(ImageSizeLimit + 1<<20); err != nil {
		reply(w, http.StatusUnprocessableEntity, BodyValidation("File can't be blank"))
		return
	}
	file, hdr, err := r.FormFile("file")
	if err != nil {
		reply(w, http.StatusUnprocessableEntity, BodyValidation("File can't be blank"))
		return
	}
	defer file.Close()
	data, err := io.ReadAll(file)
	if err != nil {
		reply(w, http.StatusBadRequest, `{"error":"Error occurred while parsing request parameters"}`)
		return
	}
	a := &Attachment{ContentType: http.DetectContentType(data), Filename: hdr.Filename, Data: data,
		Description: r.FormValue("description")}
	switch {
	case !slices.Contains(imageTypes, a.ContentType):
		reply(w, http.StatusUnprocessableEntity, BodyValidation("File content type is invalid, File is invalid"))
		return
	case len(data) > ImageSizeLimit:
		reply(w, http.StatusUnprocessableEntity, BodyValidation(fmt.Sprintf("File file size must be less than %d Bytes", ImageSizeLimit)))
		return
	case utf8.RuneCountInString(a.Description) > maxDescription:
		reply(w, http.StatusUnprocessableEntity, BodyValidation(fmt.Sprintf("Description is too long (maximum is %d characters)", maxDescription)))
		return
	}
	f.mu.Lock()
	a.ID = f.nextID()
	a.Processing = f.processing
	f.media[a.ID] = a
	body := attachmentEntity(a)
	f.mu.Unlock()
	status := http.StatusOK
	if a.Processing {
		status = http.StatusAccepted
	}
	replyJSON(w, status, body)
}

// getMedia handles GET /api/v1/media/:id: 206 while processing, 200 when done.
func (f *Fake) getMedia(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	a, ok := f.media[r.PathValue("id")]
	var body map[string]any
	if ok {
		body = attachmentEntity(a)
	}
	f.mu.Unlock()
	switch {
	case !ok:
		reply(w, http.StatusNotFound, BodyNotFound)
	case a.Processing:
		replyJSON(w, http.StatusPartialContent, body)
	default:
		replyJSON(w, http.StatusOK, body)
	}
}

// attachmentEntity is an attachment as the API returns it. The caller
// holds f.mu.
func attachmentEntity(a *Attachment) map[string]any {
	var url, preview any
	if !a.Processing {
		url = "https://files.fake.example/media_attachments/" + a.ID + "/original"
		preview = "https://files.fake.example/media_attachments/" + a.ID + "/small"
	}
	var desc any
	if a.Description != "" {
		desc = a.Description
	}
	return map[string]any{"id": a.ID, "type": "image", "url": url, "preview_url": preview,
		"remote_url": nil, "description": desc, "blurhash": nil, "meta": map[string]any{}}
}
