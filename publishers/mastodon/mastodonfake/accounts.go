package mastodonfake

import (
	"net/http"
	"strconv"
)

// accountID is the fake account's id.
const accountID = "109302118540327051"

// accountEntity is the account as the API returns it.
func (f *Fake) accountEntity() map[string]any {
	return map[string]any{"id": accountID, "username": f.cfg.Username, "acct": f.cfg.Username,
		"display_name": "Connections Counselling", "url": "https://fake.example/@" + f.cfg.Username}
}

// verifyCredentials handles GET /api/v1/accounts/verify_credentials.
func (f *Fake) verifyCredentials(w http.ResponseWriter, r *http.Request) {
	replyJSON(w, http.StatusOK, f.accountEntity())
}

// accountStatuses handles GET /api/v1/accounts/:id/statuses?limit=N,
// newest first (default 20, at most 40).
func (f *Fake) accountStatuses(w http.ResponseWriter, r *http.Request) {
	if r.PathValue("id") != accountID {
		reply(w, http.StatusNotFound, BodyNotFound)
		return
	}
	limit := 20
	if v := r.URL.Query().Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			reply(w, http.StatusBadRequest, `{"error":"limit is invalid"}`)
			return
		}
		limit = min(n, 40)
	}
	statuses := f.Statuses()
	out := []map[string]any{}
	for i := len(statuses) - 1; i >= 0 && len(out) < limit; i-- {
		out = append(out, f.entity(statuses[i]))
	}
	replyJSON(w, http.StatusOK, out)
}

// instance handles GET /api/v2/instance.
func (f *Fake) instance(w http.ResponseWriter, r *http.Request) {
	replyJSON(w, http.StatusOK, map[string]any{
		"domain": "fake.example", "title": "Fake Mastodon", "version": "4.5.0",
		"configuration": map[string]any{
			"statuses": map[string]any{"max_characters": f.cfg.MaxCharacters, "max_media_attachments": maxAttachments,
				"characters_reserved_per_url": 23},
			"media_attachments": map[string]any{"image_size_limit": ImageSizeLimit,
				"supported_mime_types": imageTypes},
		},
	})
}
