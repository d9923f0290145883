package xfake

import (
	"mime"
	"net/http"
	"strconv"
)

// uploadCommand serves the single-URL form of the v2 upload that X's
// quickstart still shows: POST /2/media/upload with command=INIT, APPEND or
// FINALIZE as form fields, or, without a command, a one-shot multipart
// upload of a small image (fields media and media_category).
func (f *Fake) uploadCommand(w http.ResponseWriter, r *http.Request) {
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	var err error
	switch mt {
	case "multipart/form-data":
		err = r.ParseMultipartForm(2 * maxSegment)
	case "application/x-www-form-urlencoded":
		err = r.ParseForm()
	default:
		writeInvalid(w, "Content-Type", "POST /2/media/upload takes form or multipart bodies")
		return
	}
	if err != nil {
		writeInvalid(w, "body", "Unreadable form: "+err.Error())
		return
	}
	switch r.FormValue("command") {
	case "INIT":
		total, _ := strconv.Atoi(r.FormValue("total_bytes"))
		f.startUpload(w, initRequest{
			MediaType: r.FormValue("media_type"), TotalBytes: total, MediaCategory: r.FormValue("media_category"),
		})
	case "APPEND":
		f.appendSegment(w, r, r.FormValue("media_id"))
	case "FINALIZE":
		f.finalize(w, r.FormValue("media_id"))
	case "":
		f.oneShot(w, r)
	default:
		writeInvalid(w, "command", "command must be INIT, APPEND or FINALIZE")
	}
}

// oneShot uploads and finalizes a whole image sent in one multipart request.
func (f *Fake) oneShot(w http.ResponseWriter, r *http.Request) {
	data, ok := formMedia(r)
	if !ok || len(data) == 0 {
		writeInvalid(w, "media", "media is required")
		return
	}
	u, param, msg := f.createUpload(initRequest{
		MediaType: http.DetectContentType(data), TotalBytes: len(data), MediaCategory: r.FormValue("media_category"),
	})
	if u == nil {
		writeInvalid(w, param, msg)
		return
	}
	f.mu.Lock()
	u.segments[0] = data
	f.mu.Unlock()
	f.finalize(w, u.id)
}
