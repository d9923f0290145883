package mastodonfake

import (
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"regexp"
	"slices"
	"strings"

	"github.com/rivo/uniseg"
)

// maxAttachments is how many media a status may carry.
const maxAttachments = 4

// statusForm is the body of POST /api/v1/statuses, sent as JSON or form.
type statusForm struct {
	Status      string   `json:"status"`
	MediaIDs    []string `json:"media_ids"`
	Visibility  string   `json:"visibility"`
	Language    string   `json:"language"`
	Sensitive   bool     `json:"sensitive"`
	SpoilerText string   `json:"spoiler_text"`
}

// readStatusForm decodes the body by its content type, as Rails does.
func readStatusForm(r *http.Request) (statusForm, error) {
	var sf statusForm
	if strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
		err := json.NewDecoder(r.Body).Decode(&sf)
		return sf, err
	}
	if err := r.ParseForm(); err != nil {
		return sf, err
	}
	sf.Status, sf.Visibility, sf.Language = r.PostForm.Get("status"), r.PostForm.Get("visibility"), r.PostForm.Get("language")
	sf.SpoilerText = r.PostForm.Get("spoiler_text")
	sf.MediaIDs = r.PostForm["media_ids[]"]
	return sf, nil
}

// postStatus handles POST /api/v1/statuses.
func (f *Fake) postStatus(w http.ResponseWriter, r *http.Request) {
	sf, err := readStatusForm(r)
	if err != nil {
		reply(w, http.StatusBadRequest, `{"error":"Error occurred while parsing request parameters"}`)
		return
	}
	key := r.Header.Get("Idempotency-Key")
	st, created, status, body := f.create(sf, key)
	if status != http.StatusOK {
		reply(w, status, body)
		return
	}
	if created {
		if f.hold.Apply(w, r, f.takeFault()) {
			return
		}
	}
	replyJSON(w, http.StatusOK, f.entity(st))
}

// create returns the status key already created, or validates sf and
// records a new status. created reports which; a status other than 200
// comes with its error body.
func (f *Fake) create(sf statusForm, key string) (st Status, created bool, status int, body string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	now := f.cfg.Now()
	if e, ok := f.keys[key]; ok && key != "" && now.Sub(e.at) < idempotencyTTL {
		for _, s := range f.statuses {
			if s.ID == e.statusID {
				return s, false, http.StatusOK, ""
			}
		}
	}
	if msg := f.invalid(sf); msg != "" {
		return Status{}, false, http.StatusUnprocessableEntity, BodyValidation(msg)
	}
	st = Status{ID: f.nextID(), Text: sf.Status, Content: Render(sf.Status), Visibility: sf.Visibility,
		Language: sf.Language, MediaIDs: sf.MediaIDs, IdempotencyKey: key, CreatedAt: now}
	if st.Visibility == "" {
		st.Visibility = "public"
	}
	for _, id := range sf.MediaIDs {
		f.media[id].StatusID = st.ID
	}
	f.statuses = append(f.statuses, st)
	if key != "" {
		f.keys[key] = keyEntry{statusID: st.ID, at: now}
	}
	return st, true, http.StatusOK, ""
}

// invalid returns Mastodon's validation message for sf, or "". The
// caller holds f.mu.
func (f *Fake) invalid(sf statusForm) string {
	switch {
	case strings.TrimSpace(sf.Status) == "" && len(sf.MediaIDs) == 0:
		return "Text can't be blank"
	case Length(sf.SpoilerText+sf.Status) > f.cfg.MaxCharacters:
		return fmt.Sprintf("Text character limit of %d exceeded", f.cfg.MaxCharacters)
	case sf.Visibility != "" && !slices.Contains([]string{"public", "unlisted", "private", "direct"}, sf.Visibility):
		return "Visibility is not included in the list"
	case len(sf.MediaIDs) > maxAttachments:
		return fmt.Sprintf("Media attachments cannot be more than %d", maxAttachments)
	}
	for _, id := range sf.MediaIDs {
		a, ok := f.media[id]
		switch {
		case !ok:
			return "Media attachment " + id + " not found"
		case a.StatusID != "":
			return "Media attachment " + id + " is already attached to a status"
		case a.Processing:
			return "Cannot attach files that have not finished processing. Try again in a moment!"
		}
	}
	return ""
}

// takeFault returns the fault to apply after a creation and clears it.
func (f *Fake) takeFault() Fault {
	f.mu.Lock()
	defer f.mu.Unlock()
	fault := f.afterWrite
	f.afterWrite = Answer
	return fault
}

// entity is a status as the API returns it.
func (f *Fake) entity(st Status) map[string]any {
	f.mu.Lock()
	attachments := []map[string]any{}
	for _, id := range st.MediaIDs {
		attachments = append(attachments, attachmentEntity(f.media[id]))
	}
	f.mu.Unlock()
	var lang any
	if st.Language != "" {
		lang = st.Language
	}
	return map[string]any{
		"id": st.ID, "created_at": timestamp(st.CreatedAt),
		"uri":        "https://fake.example/users/" + f.cfg.Username + "/statuses/" + st.ID,
		"url":        "https://fake.example/@" + f.cfg.Username + "/" + st.ID,
		"content":    st.Content,
		"visibility": st.Visibility, "language": lang, "sensitive": false, "spoiler_text": "",
		"media_attachments": attachments, "mentions": []any{}, "tags": []any{},
		"account":     f.accountEntity(),
		"application": map[string]any{"name": "postgate", "website": nil},
	}
}

// URLs are what the fake links: http(s) followed by non-space characters,
// without trailing sentence punctuation.
var (
	urlRE         = regexp.MustCompile(`https?://[^\s<>"]+[^\s<>".,;:!?'")\]]`)
	remoteMention = regexp.MustCompile(`(?i)(^|[^\w/=@])(@[a-z0-9_](?:[a-z0-9_.-]*[a-z0-9_])?)@[\w.-]*\w`)
)

// Length counts text as Mastodon's StatusLengthValidator does: every URL
// is 23 characters, a remote mention counts its local part, and the rest
// is counted in grapheme clusters.
func Length(text string) int {
	text = urlRE.ReplaceAllString(text, strings.Repeat("x", 23))
	text = remoteMention.ReplaceAllString(text, "$1$2")
	return uniseg.GraphemeClusterCount(text)
}

// Render turns status text into HTML as Mastodon's formatter does:
// paragraphs for blank-line breaks, <br /> for single ones, links with the
// scheme in an invisible span, everything else escaped.
func Render(text string) string {
	var b strings.Builder
	for _, para := range strings.Split(strings.TrimSpace(text), "\n\n") {
		b.WriteString("<p>")
		for i, line := range strings.Split(para, "\n") {
			if i > 0 {
				b.WriteString("<br />")
			}
			b.WriteString(linkify(line))
		}
		b.WriteString("</p>")
	}
	return b.String()
}

// linkify escapes line and wraps its URLs in anchors.
func linkify(line string) string {
	var b strings.Builder
	start := 0
	for _, m := range urlRE.FindAllStringIndex(line, -1) {
		b.WriteString(html.EscapeString(line[start:m[0]]))
		u := line[m[0]:m[1]]
		scheme, rest, _ := strings.Cut(u, "://")
		fmt.Fprintf(&b, `<a href="%s" target="_blank" rel="nofollow noopener"><span class="invisible">%s://</span><span class="">%s</span><span class="invisible"></span></a>`,
			html.EscapeString(u), scheme, html.EscapeString(rest))
		start = m[1]
	}
	b.WriteString(html.EscapeString(line[start:]))
	return b.String()
}
