package lifake

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// maxCommentary is the longest commentary accepted, in UTF-16 code units.
const maxCommentary = 3000

// postBody is the shape of POST /rest/posts. Pointers tell a missing field
// from a zero one.
type postBody struct {
	Author       *string `json:"author"`
	Commentary   *string `json:"commentary"`
	Visibility   *string `json:"visibility"`
	Distribution *struct {
		FeedDistribution               *string  `json:"feedDistribution"`
		TargetEntities                 []string `json:"targetEntities"`
		ThirdPartyDistributionChannels []string `json:"thirdPartyDistributionChannels"`
	} `json:"distribution"`
	Content *struct {
		Media      *PostImage `json:"media"`
		MultiImage *struct {
			Images []PostImage `json:"images"`
		} `json:"multiImage"`
	} `json:"content"`
	LifecycleState            *string `json:"lifecycleState"`
	IsReshareDisabledByAuthor *bool   `json:"isReshareDisabledByAuthor"`
}

// decodeStrict decodes a JSON body, refusing unknown fields and trailing data.
func decodeStrict(r *http.Request, v any) error {
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return fmt.Errorf("trailing data after the JSON body")
	}
	return nil
}

// createPost handles POST /rest/posts: 201 with x-restli-id and no body.
func (f *Fake) createPost(w http.ResponseWriter, r *http.Request) {
	var b postBody
	if err := decodeStrict(r, &b); err != nil {
		reply(w, http.StatusBadRequest, bodyStatus(http.StatusBadRequest, "Unable to parse the request body: "+err.Error()))
		return
	}
	if field, desc := b.invalid(); field != "" {
		reply(w, http.StatusUnprocessableEntity, BodyInvalid(field, desc))
		return
	}
	if *b.Author != f.cfg.Organization {
		reply(w, http.StatusForbidden, BodyAccessDenied)
		return
	}
	p := Post{Author: *b.Author, Commentary: *b.Commentary, CreatedAt: f.cfg.Now()}
	p.Text, p.Cut = Render(p.Commentary)
	if b.Content != nil && b.Content.Media != nil {
		p.Media = []PostImage{*b.Content.Media}
	} else if b.Content != nil && b.Content.MultiImage != nil {
		p.Media = b.Content.MultiImage.Images
	}
	status, body, fault := f.store(&p)
	if status != http.StatusCreated {
		reply(w, status, body)
		return
	}
	if f.hold.Apply(w, r, fault) {
		return
	}
	w.Header().Set("X-RestLi-Id", p.ID)
	w.WriteHeader(http.StatusCreated)
}

// invalid returns the first field that LinkedIn would refuse, and why.
func (b postBody) invalid() (field, desc string) {
	switch {
	case b.Author == nil || !strings.HasPrefix(*b.Author, "urn:li:"):
		return "author", "a person or organization URN is required"
	case b.Commentary == nil:
		return "commentary", "field is required"
	case utf16Len(*b.Commentary) > maxCommentary:
		return "commentary", fmt.Sprintf("length exceeds %d", maxCommentary)
	case b.Visibility == nil || *b.Visibility != "PUBLIC":
		return "visibility", "must be PUBLIC for an organization post"
	case b.Distribution == nil || b.Distribution.FeedDistribution == nil || *b.Distribution.FeedDistribution != "MAIN_FEED":
		return "distribution/feedDistribution", "must be MAIN_FEED"
	case b.LifecycleState == nil || *b.LifecycleState != "PUBLISHED":
		return "lifecycleState", "must be PUBLISHED"
	case b.IsReshareDisabledByAuthor == nil:
		return "isReshareDisabledByAuthor", "field is required"
	case b.Content != nil && (b.Content.Media == nil) == (b.Content.MultiImage == nil):
		return "content", "exactly one of media or multiImage is required"
	case b.Content != nil && b.Content.MultiImage != nil && len(b.Content.MultiImage.Images) < 2:
		return "content/multiImage/images", "a multi-image post needs at least 2 images"
	}
	return "", ""
}

// store checks the referenced images, the duplicate rule and the daily
// limit, then records p. It returns the answer's status and body, and the
// fault to apply after recording.
func (f *Fake) store(p *Post) (int, string, Fault) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for i, m := range p.Media {
		img, ok := f.images[m.ID]
		if !ok || img.Owner != p.Author {
			return http.StatusUnprocessableEntity, BodyInvalid(fmt.Sprintf("content/media/%d/id", i), "image "+m.ID+" not found"), Answer
		}
		if img.Status != "AVAILABLE" && img.Status != "PROCESSING" {
			return http.StatusUnprocessableEntity, BodyInvalid(fmt.Sprintf("content/media/%d/id", i), "image "+m.ID+" is "+img.Status), Answer
		}
	}
	today := 0
	for _, q := range f.posts {
		if q.Author == p.Author && q.Commentary == p.Commentary {
			return http.StatusUnprocessableEntity, BodyDuplicate(q.ID), Answer
		}
		if sameUTCDay(q.CreatedAt, p.CreatedAt) {
			today++
		}
	}
	if f.cfg.DailyLimit > 0 && today >= f.cfg.DailyLimit {
		return http.StatusTooManyRequests, BodyRateLimited, Answer
	}
	f.seq++
	p.ID = "urn:li:share:" + strconv.FormatInt(f.seq, 10)
	f.posts = append(f.posts, *p)
	fault := f.afterWrite
	f.afterWrite = Answer
	return http.StatusCreated, "", fault
}

// listPosts handles GET /rest/posts?q=author&author=…&count=…, newest first.
func (f *Fake) listPosts(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if q.Get("q") != "author" {
		reply(w, http.StatusBadRequest, bodyStatus(http.StatusBadRequest, "Unsupported finder: "+quote(q.Get("q"))))
		return
	}
	// Rest.li 2.0 wants the URN percent-encoded in the query string.
	if !strings.Contains(r.URL.RawQuery, "author=urn%3Ali%3A") {
		reply(w, http.StatusBadRequest, bodyStatus(http.StatusBadRequest, "Invalid author: the URN must be URL-encoded"))
		return
	}
	if q.Get("author") != f.cfg.Organization {
		reply(w, http.StatusForbidden, BodyAccessDenied)
		return
	}
	count := 10
	if c := q.Get("count"); c != "" {
		n, err := strconv.Atoi(c)
		if err != nil || n < 1 || n > 100 {
			reply(w, http.StatusBadRequest, bodyStatus(http.StatusBadRequest, "Invalid count: "+quote(c)))
			return
		}
		count = n
	}
	posts := f.Posts()
	elements := []map[string]any{}
	for i := len(posts) - 1; i >= 0 && len(elements) < count; i-- {
		elements = append(elements, element(posts[i]))
	}
	b, _ := json.Marshal(map[string]any{
		"paging":   map[string]any{"start": 0, "count": count, "links": []any{}},
		"elements": elements,
	})
	reply(w, http.StatusOK, string(b))
}

// element is a post as the Posts API returns it.
func element(p Post) map[string]any {
	ms := p.CreatedAt.UnixMilli()
	e := map[string]any{
		"id": p.ID, "author": p.Author, "commentary": p.Commentary,
		"visibility": "PUBLIC", "lifecycleState": "PUBLISHED", "isReshareDisabledByAuthor": false,
		"distribution": map[string]any{"feedDistribution": "MAIN_FEED", "targetEntities": []any{}, "thirdPartyDistributionChannels": []any{}},
		"createdAt":    ms, "publishedAt": ms, "lastModifiedAt": ms,
	}
	switch len(p.Media) {
	case 0:
	case 1:
		e["content"] = map[string]any{"media": p.Media[0]}
	default:
		e["content"] = map[string]any{"multiImage": map[string]any{"images": p.Media}}
	}
	return e
}

func sameUTCDay(a, b time.Time) bool {
	return a.UTC().Truncate(24 * time.Hour).Equal(b.UTC().Truncate(24 * time.Hour))
}

func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n++
		if r >= 0x10000 {
			n++
		}
	}
	return n
}
