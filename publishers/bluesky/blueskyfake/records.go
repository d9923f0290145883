package blueskyfake

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// Lexicon limits of app.bsky.feed.post and app.bsky.embed.images.
const (
	maxGraphemes = 300
	maxTextBytes = 3000
	maxImages    = 4
	// MaxImageBytes is the largest image blob an embed may reference.
	MaxImageBytes = 1_000_000
)

const collection = "app.bsky.feed.post"

// Post is an app.bsky.feed.post record as the fake decodes it.
type Post struct {
	Type      string   `json:"$type"`
	Text      string   `json:"text"`
	CreatedAt string   `json:"createdAt"`
	Langs     []string `json:"langs,omitempty"`
	Facets    []Facet  `json:"facets,omitempty"`
	Embed     *Embed   `json:"embed,omitempty"`
}

// Facet annotates text[ByteStart:ByteEnd].
type Facet struct {
	Index struct {
		ByteStart int `json:"byteStart"`
		ByteEnd   int `json:"byteEnd"`
	} `json:"index"`
	Features []Feature `json:"features"`
}

// Feature is a link, mention or tag.
type Feature struct {
	Type string `json:"$type"`
	URI  string `json:"uri,omitempty"`
	DID  string `json:"did,omitempty"`
	Tag  string `json:"tag,omitempty"`
}

// Embed is an app.bsky.embed.images embed.
type Embed struct {
	Type   string       `json:"$type"`
	Images []EmbedImage `json:"images"`
}

// EmbedImage is one image of an embed.
type EmbedImage struct {
	Alt         *string `json:"alt"`
	Image       BlobRef `json:"image"`
	AspectRatio *struct {
		Width  int `json:"width"`
		Height int `json:"height"`
	} `json:"aspectRatio,omitempty"`
}

// BlobRef is a blob as a record references it.
type BlobRef struct {
	Type string `json:"$type"`
	Ref  struct {
		Link string `json:"$link"`
	} `json:"ref"`
	MimeType string `json:"mimeType"`
	Size     int    `json:"size"`
}

// rkeyForm is the record key syntax.
var rkeyForm = regexp.MustCompile(`^[A-Za-z0-9._:~-]{1,512}$`)

// createRecord handles com.atproto.repo.createRecord.
func (f *Fake) createRecord(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Repo       string          `json:"repo"`
		Collection string          `json:"collection"`
		RKey       string          `json:"rkey"`
		Validate   *bool           `json:"validate"`
		Record     json.RawMessage `json:"record"`
	}
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&in); err != nil {
		reply(w, http.StatusBadRequest, BodyInvalidRequest("Invalid request body: "+err.Error()))
		return
	}
	rec, status, answer, fault := f.store(in.Repo, in.Collection, in.RKey, in.Record)
	if status != http.StatusOK {
		reply(w, status, answer)
		return
	}
	if f.hold.Apply(w, r, fault) {
		return
	}
	replyJSON(w, map[string]any{"uri": rec.URI, "cid": rec.CID,
		"commit": map[string]any{"cid": cid("bafyrei", []byte(rec.CID)), "rev": rec.RKey}, "validationStatus": "valid"})
}

// store validates a record and stores it, returning the status and body
// of an error answer, or 200 and the fault to apply after storing.
func (f *Fake) store(repo, coll, rkey string, raw json.RawMessage) (Record, int, string, Fault) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if repo != f.cfg.DID && repo != f.cfg.Handle {
		return Record{}, http.StatusBadRequest, BodyInvalidRequest("Could not find repo: " + repo), Answer
	}
	if coll != collection {
		return Record{}, http.StatusBadRequest, BodyInvalidRequest("Unsupported collection: " + coll), Answer
	}
	if f.status != "" {
		return Record{}, http.StatusBadRequest, body("AccountDeactivated", "Account is deactivated"), Answer
	}
	var p Post
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&p); err != nil {
		return Record{}, http.StatusBadRequest, BodyInvalidRequest("Invalid app.bsky.feed.post record: " + err.Error()), Answer
	}
	if msg := f.invalid(p); msg != "" {
		return Record{}, http.StatusBadRequest, BodyInvalidRequest("Invalid app.bsky.feed.post record: " + msg), Answer
	}
	if rkey == "" {
		f.seq++
		rkey = fmt.Sprintf("3mfake%07d", f.seq)
	}
	if !rkeyForm.MatchString(rkey) || rkey == "." || rkey == ".." {
		return Record{}, http.StatusBadRequest, BodyInvalidRequest("Invalid record key: " + rkey), Answer
	}
	if _, ok := f.records[rkey]; ok {
		// What the PDS answers today (atproto issue 3718).
		return Record{}, http.StatusInternalServerError, BodyInternal, Answer
	}
	rec := &Record{RKey: rkey, URI: "at://" + f.cfg.DID + "/" + collection + "/" + rkey,
		CID: cid("bafyrei", raw), Value: raw, Post: p}
	f.records[rkey] = rec
	f.order = append(f.order, rkey)
	fault := f.afterWrite
	f.afterWrite = Answer
	return *rec, http.StatusOK, "", fault
}

// invalid returns why p breaks the lexicon, or "". The caller holds f.mu.
func (f *Fake) invalid(p Post) string {
	switch {
	case p.Type != collection:
		return `Record/$type must be "app.bsky.feed.post"`
	case !validDatetime(p.CreatedAt):
		return "Record/createdAt must be an valid atproto datetime (both RFC-3339 and ISO-8601)"
	case !utf8.ValidString(p.Text):
		return "Record/text must be valid UTF-8"
	case len(p.Text) > maxTextBytes:
		return fmt.Sprintf("Record/text must not be longer than %d characters", maxTextBytes)
	case uniseg.GraphemeClusterCount(p.Text) > maxGraphemes:
		return fmt.Sprintf("Record/text must not be longer than %d graphemes", maxGraphemes)
	case len(p.Langs) > 3:
		return "Record/langs must not have more than 3 elements"
	}
	for i, fc := range p.Facets {
		if msg := facetProblem(p.Text, fc); msg != "" {
			return fmt.Sprintf("Record/facets/%d/%s", i, msg)
		}
	}
	if p.Embed != nil {
		return f.embedProblem(*p.Embed)
	}
	return ""
}

// validDatetime reports whether s is an RFC 3339 time with a time zone.
func validDatetime(s string) bool {
	_, err := time.Parse(time.RFC3339Nano, s)
	return err == nil && strings.ContainsAny(s[len(s)-1:], "Z0123456789")
}

// facetProblem checks one facet against text.
func facetProblem(text string, fc Facet) string {
	start, end := fc.Index.ByteStart, fc.Index.ByteEnd
	switch {
	case start < 0 || end <= start || end > len(text):
		return fmt.Sprintf("index [%d, %d) is outside the text's %d bytes", start, end, len(text))
	case !boundary(text, start) || !boundary(text, end):
		return fmt.Sprintf("index [%d, %d) splits a character", start, end)
	case len(fc.Features) == 0:
		return "features must not be empty"
	}
	for _, ft := range fc.Features {
		switch ft.Type {
		case "app.bsky.richtext.facet#link":
			if !strings.HasPrefix(ft.URI, "https://") && !strings.HasPrefix(ft.URI, "http://") {
				return "features/uri must be a valid uri"
			}
		case "app.bsky.richtext.facet#mention":
			if !strings.HasPrefix(ft.DID, "did:") {
				return "features/did must be a valid did"
			}
		case "app.bsky.richtext.facet#tag":
			if ft.Tag == "" {
				return "features/tag must not be empty"
			}
		default:
			return "features/$type is unknown: " + ft.Type
		}
	}
	return ""
}

// boundary reports whether byte offset i of s starts a character (or is
// the end).
func boundary(s string, i int) bool {
	return i == len(s) || utf8.RuneStart(s[i])
}

// embedProblem checks an embed against the uploaded blobs. The caller
// holds f.mu.
func (f *Fake) embedProblem(e Embed) string {
	if e.Type != "app.bsky.embed.images" {
		return "Record/embed/$type is not a supported embed: " + e.Type
	}
	if len(e.Images) == 0 || len(e.Images) > maxImages {
		return fmt.Sprintf("Record/embed/images must have 1 to %d elements", maxImages)
	}
	for i, img := range e.Images {
		path := fmt.Sprintf("Record/embed/images/%d", i)
		b, ok := f.blobs[img.Image.Ref.Link]
		switch {
		case img.Alt == nil:
			return path + ` must have the property "alt"`
		case img.Image.Type != "blob":
			return path + `/image should be a blob ref`
		case !ok:
			return path + "/image: could not find blob " + img.Image.Ref.Link
		case img.Image.MimeType != b.MimeType || img.Image.Size != len(b.Data):
			return path + "/image does not match the uploaded blob"
		case !strings.HasPrefix(b.MimeType, "image/"):
			return path + "/image has the wrong mime type: " + b.MimeType
		case len(b.Data) > MaxImageBytes:
			return fmt.Sprintf("%s/image file too big (max %d bytes)", path, MaxImageBytes)
		case img.AspectRatio != nil && (img.AspectRatio.Width < 1 || img.AspectRatio.Height < 1):
			return path + "/aspectRatio must be positive"
		}
	}
	return ""
}

// getRecord handles com.atproto.repo.getRecord.
func (f *Fake) getRecord(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	repo, coll, rkey := q.Get("repo"), q.Get("collection"), q.Get("rkey")
	if repo == "" || coll == "" || rkey == "" {
		reply(w, http.StatusBadRequest, BodyInvalidRequest(`Error: Params must have the properties "repo", "collection", "rkey"`))
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if repo != f.cfg.DID && repo != f.cfg.Handle {
		reply(w, http.StatusBadRequest, BodyInvalidRequest("Could not find repo: "+repo))
		return
	}
	rec, ok := f.records[rkey]
	if !ok || coll != collection {
		reply(w, http.StatusBadRequest, body("RecordNotFound", "Could not locate record: at://"+f.cfg.DID+"/"+coll+"/"+rkey))
		return
	}
	replyJSON(w, map[string]any{"uri": rec.URI, "cid": rec.CID, "value": rec.Value})
}
