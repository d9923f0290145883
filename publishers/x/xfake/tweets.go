package xfake

import (
	"encoding/json"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/connections/postgate/publishers/textcount"
)

// tweetRequest is the body of POST /2/tweets. Fields postgate does not
// send are accepted as documented but not interpreted.
type tweetRequest struct {
	Text  *string `json:"text"`
	Media *struct {
		MediaIDs      []string `json:"media_ids"`
		TaggedUserIDs []string `json:"tagged_user_ids"`
	} `json:"media"`
	Reply                 json.RawMessage `json:"reply"`
	QuoteTweetID          json.RawMessage `json:"quote_tweet_id"`
	Poll                  json.RawMessage `json:"poll"`
	ReplySettings         json.RawMessage `json:"reply_settings"`
	Geo                   json.RawMessage `json:"geo"`
	ForSuperFollowersOnly json.RawMessage `json:"for_super_followers_only"`
	Nullcast              json.RawMessage `json:"nullcast"`
	CardURI               json.RawMessage `json:"card_uri"`
	CommunityID           json.RawMessage `json:"community_id"`
	DirectMessageDeepLink json.RawMessage `json:"direct_message_deep_link"`
	EditOptions           json.RawMessage `json:"edit_options"`
	MadeWithAI            json.RawMessage `json:"made_with_ai"`
	PaidPartnership       json.RawMessage `json:"paid_partnership"`
	ShareWithFollowers    json.RawMessage `json:"share_with_followers"`
}

// decodeJSON decodes a JSON request body strictly, answering 400 itself
// when the body is not JSON of the expected shape.
func decodeJSON(w http.ResponseWriter, r *http.Request, v any) bool {
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mt != "application/json" {
		writeInvalid(w, "Content-Type", "Content-Type must be application/json")
		return false
	}
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		writeInvalid(w, "body", "Invalid JSON body: "+err.Error())
		return false
	}
	return true
}

func (f *Fake) createTweet(w http.ResponseWriter, r *http.Request) {
	var req tweetRequest
	if !decodeJSON(w, r, &req) {
		return
	}
	text := ""
	if req.Text != nil {
		text = *req.Text
	}
	var ids []string
	if req.Media != nil {
		ids = req.Media.MediaIDs
	}
	switch {
	case text == "" && len(ids) == 0:
		writeInvalid(w, "text", "Tweet text or media is required.")
		return
	case textcount.X(text) > textcount.XLimit:
		writeInvalid(w, "text", "Tweet text is too long.")
		return
	case req.Media != nil && (len(ids) == 0 || len(ids) > 4):
		writeInvalid(w, "media.media_ids", "media_ids must hold 1 to 4 items.")
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	media, err := f.attachable(ids)
	if err != nil {
		writeInvalid(w, "media.media_ids", err.Error())
		return
	}
	if text != "" && slices.ContainsFunc(f.posts, func(p Post) bool { return p.Text == text }) {
		writeProblem(w, http.StatusForbidden, duplicate)
		return
	}
	p := Post{ID: f.newID(), Text: text, Media: media, CreatedAt: f.now()}
	f.posts = append(f.posts, p)
	writeJSON(w, http.StatusCreated, map[string]any{
		"data": map[string]any{"id": p.ID, "text": displayText(p), "edit_history_tweet_ids": []string{p.ID}},
	})
}

// attachable returns the uploads named by ids if a post may use them:
// finalized, processed, unexpired, and not a GIF next to other media.
// Callers hold f.mu.
func (f *Fake) attachable(ids []string) ([]Media, error) {
	var media []Media
	for _, id := range ids {
		u := f.uploads[id]
		if u == nil || !u.finalized || u.state != "succeeded" || f.now().After(u.expires) {
			return nil, errors.New("Your media IDs are invalid.")
		}
		if u.category == "tweet_gif" && len(ids) > 1 {
			return nil, errors.New("A GIF cannot be combined with other media.")
		}
		media = append(media, u.media())
	}
	return media, nil
}

// displayText is a post's text as X returns it: &, < and > escaped, each
// link replaced by a t.co link, and a t.co link to the media appended.
func displayText(p Post) string {
	var b strings.Builder
	start := 0
	for i, u := range textcount.URLs(p.Text) {
		b.WriteString(p.Text[start:u[0]])
		fmt.Fprintf(&b, "https://t.co/%s%02d", p.ID[len(p.ID)-8:], i)
		start = u[1]
	}
	b.WriteString(p.Text[start:])
	if len(p.Media) > 0 {
		fmt.Fprintf(&b, " https://t.co/%sm", p.ID[len(p.ID)-9:])
	}
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(b.String())
}

func (f *Fake) me(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]any{
		"data": map[string]string{"id": UserID, "name": Name, "username": Username},
	})
}

// userTweetsParams are the query parameters GET /2/users/{id}/tweets takes.
var userTweetsParams = []string{
	"max_results", "start_time", "end_time", "since_id", "until_id", "pagination_token",
	"exclude", "expansions", "tweet.fields", "user.fields", "media.fields", "place.fields", "poll.fields",
}

// userTweets lists the account's posts, newest first, filtered by
// start_time and end_time, at most max_results (5 to 100, default 10).
func (f *Fake) userTweets(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	for k := range q {
		if !slices.Contains(userTweetsParams, k) {
			writeInvalid(w, k, fmt.Sprintf("The query parameter [%s] is not one of %v", k, userTweetsParams))
			return
		}
	}
	limit := 10
	if s := q.Get("max_results"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 5 || n > 100 {
			writeInvalid(w, "max_results", "The `max_results` query parameter value ["+s+"] is not between 5 and 100")
			return
		}
		limit = n
	}
	from, okFrom := parseTime(w, q, "start_time")
	until, okUntil := parseTime(w, q, "end_time")
	if !okFrom || !okUntil {
		return
	}
	id := strings.TrimSuffix(strings.TrimPrefix(r.URL.Path, "/2/users/"), "/tweets")
	if id != UserID {
		writeJSON(w, http.StatusOK, map[string]any{"errors": []map[string]string{{
			"title": "Not Found Error", "detail": "Could not find user with id: [" + id + "].",
			"type": "https://api.twitter.com/2/problems/resource-not-found",
		}}})
		return
	}
	writeJSON(w, http.StatusOK, f.timeline(from, until, limit, strings.Contains(q.Get("tweet.fields"), "created_at")))
}

// timeline builds the answer of userTweets. Posts are kept oldest first.
func (f *Fake) timeline(from, until time.Time, limit int, withCreatedAt bool) map[string]any {
	f.mu.Lock()
	defer f.mu.Unlock()
	var data []map[string]any
	for _, p := range slices.Backward(f.posts) {
		if len(data) == limit || p.CreatedAt.Before(from) || (!until.IsZero() && !p.CreatedAt.Before(until)) {
			continue
		}
		t := map[string]any{"id": p.ID, "text": displayText(p), "edit_history_tweet_ids": []string{p.ID}}
		if withCreatedAt {
			t["created_at"] = p.CreatedAt.UTC().Format("2006-01-02T15:04:05.000Z")
		}
		data = append(data, t)
	}
	meta := map[string]any{"result_count": len(data)}
	if len(data) == 0 {
		return map[string]any{"meta": meta}
	}
	meta["newest_id"], meta["oldest_id"] = data[0]["id"], data[len(data)-1]["id"]
	return map[string]any{"data": data, "meta": meta}
}

// parseTime reads an RFC 3339 query parameter; absent is the zero time.
func parseTime(w http.ResponseWriter, q map[string][]string, key string) (time.Time, bool) {
	vs := q[key]
	if len(vs) == 0 {
		return time.Time{}, true
	}
	t, err := time.Parse(time.RFC3339, vs[0])
	if err != nil {
		writeInvalid(w, key, "Invalid '"+key+"':'"+vs[0]+"'. '"+key+"' must be a valid RFC 3339 date-time.")
		return time.Time{}, false
	}
	return t, true
}
