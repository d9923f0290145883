package igfake

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// container is one media container and where it is in its life.
type container struct {
	id       string
	created  time.Time
	caption  string
	images   []Image  // one, or a carousel's items
	item     bool     // a carousel item, which is not published on its own
	carousel bool     // a carousel over item containers
	statuses []string // the first is current; reads advance until one is left
	mediaID  string   // set once published
}

const (
	maxCaption   = 2200
	maxHashtags  = 30
	maxMentions  = 20
	maxAltText   = 1000
	maxChildren  = 10
	maxImageSize = 8 << 20
	lifetime     = 24 * time.Hour
)

// ScriptContainers makes each container created from now on go through
// statuses, one per status read, the last one sticking; for example
// ScriptContainers(StatusInProgress, StatusFinished). With no arguments,
// new containers are FINISHED at once, as images usually are.
func (s *Server) ScriptContainers(statuses ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.script = slices.Clone(statuses)
}

// SetErrorStatus sets the "status" text answered for containers in ERROR;
// the real API puts the error subcode in it.
func (s *Server) SetErrorStatus(text string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.errorStatus = text
}

// SetContainerStatus forces an existing container into status (for example
// EXPIRED). It reports whether the container exists.
func (s *Server) SetContainerStatus(id, status string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := s.containers[id]
	if ok {
		c.statuses = []string{status}
	}
	return ok
}

// Containers returns the ids of every container created, oldest first.
func (s *Server) Containers() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.order)
}

func (s *Server) createContainer(w http.ResponseWriter, r *http.Request) {
	caption := r.Form.Get("caption")
	if e, ok := checkCaption(caption); !ok {
		writeError(w, e)
		return
	}
	var c *container
	var e Error
	var ok bool
	switch mt := r.Form.Get("media_type"); mt {
	case "", "IMAGE":
		c, e, ok = s.imageContainer(r)
	case "CAROUSEL":
		c, e, ok = s.carouselContainer(r)
	default:
		c, e, ok = nil, errParam("This fake supports images and carousels, not media_type "+mt), false
	}
	if !ok {
		writeError(w, e)
		return
	}
	c.caption = caption
	s.mu.Lock()
	s.nextID++
	c.id = fmt.Sprintf("1790%013d", s.nextID)
	c.created = s.opts.Now()
	c.statuses = []string{StatusFinished}
	if len(s.script) > 0 {
		c.statuses = slices.Clone(s.script)
	}
	s.containers[c.id] = c
	s.order = append(s.order, c.id)
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, fmt.Sprintf(`{"id":%q}`, c.id))
}

// imageContainer validates an image or carousel item container.
func (s *Server) imageContainer(r *http.Request) (*container, Error, bool) {
	imageURL := r.Form.Get("image_url")
	u, err := url.Parse(imageURL)
	if imageURL == "" || err != nil || !u.IsAbs() || (u.Scheme != "http" && u.Scheme != "https") {
		return nil, errParam("The parameter image_url is required and must be a public http(s) URL"), false
	}
	alt := r.Form.Get("alt_text")
	if utf8.RuneCountInString(alt) > maxAltText {
		return nil, errParam(fmt.Sprintf("alt_text is longer than %d characters", maxAltText)), false
	}
	img := Image{URL: imageURL, AltText: alt}
	if s.opts.FetchImages {
		data, e, ok := fetchImage(r, imageURL)
		if !ok {
			return nil, e, false
		}
		img.Data = data
	}
	return &container{images: []Image{img}, item: r.Form.Get("is_carousel_item") == "true"}, Error{}, true
}

// carouselContainer validates a carousel over 2 to 10 finished items.
func (s *Server) carouselContainer(r *http.Request) (*container, Error, bool) {
	ids := strings.Split(r.Form.Get("children"), ",")
	if len(ids) < 2 || len(ids) > maxChildren {
		return nil, errCarousel, false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	c := &container{carousel: true}
	for _, id := range ids {
		child, ok := s.containers[id]
		switch {
		case !ok || !child.item:
			return nil, errParam("children must be carousel item containers of this account: " + id), false
		case s.status(child, false) != StatusFinished:
			return nil, ErrNotReady, false
		}
		c.images = append(c.images, child.images...)
	}
	return c, Error{}, true
}

// checkCaption applies the documented caption limits.
func checkCaption(caption string) (Error, bool) {
	fields := strings.Fields(caption)
	count := func(prefix string) int {
		n := 0
		for _, f := range fields {
			if strings.HasPrefix(f, prefix) && len(f) > 1 {
				n++
			}
		}
		return n
	}
	switch {
	case utf8.RuneCountInString(caption) > maxCaption:
		return errParam(fmt.Sprintf("The caption is longer than %d characters", maxCaption)), false
	case count("#") > maxHashtags:
		return errParam(fmt.Sprintf("The caption has more than %d hashtags", maxHashtags)), false
	case count("@") > maxMentions:
		return errParam(fmt.Sprintf("The caption has more than %d @-tags", maxMentions)), false
	}
	return Error{}, true
}

// fetchImage downloads the image like Meta's cURL fetch: no redirects
// beyond the client default, a JPEG of at most 8 MiB.
func fetchImage(r *http.Request, imageURL string) ([]byte, Error, bool) {
	req, err := http.NewRequestWithContext(r.Context(), http.MethodGet, imageURL, nil)
	if err != nil {
		return nil, ErrDownload, false
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, ErrDownload, false
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, ErrDownload, false
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxImageSize+1))
	switch {
	case err != nil:
		return nil, ErrDownload, false
	case len(data) > maxImageSize:
		return nil, ErrTooLarge, false
	case !bytes.HasPrefix(data, []byte{0xFF, 0xD8, 0xFF}):
		return nil, ErrFormat, false
	}
	return data, Error{}, true
}

// status returns the container's current status and, when advance is set
// (a status read), moves its script on. Call with s.mu held.
func (s *Server) status(c *container, advance bool) string {
	if c.mediaID != "" {
		return StatusPublished
	}
	if s.opts.Now().Sub(c.created) > lifetime {
		return StatusExpired
	}
	st := c.statuses[0]
	if advance && len(c.statuses) > 1 {
		c.statuses = c.statuses[1:]
	}
	return st
}

func (s *Server) publish(w http.ResponseWriter, r *http.Request) {
	id := r.Form.Get("creation_id")
	if id == "" {
		writeError(w, errParam("The parameter creation_id is required"))
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := s.containers[id]
	if !ok {
		writeError(w, errBuilderGone(id))
		return
	}
	if s.quotaUsage() >= s.opts.QuotaTotal {
		writeError(w, ErrQuota)
		return
	}
	switch s.status(c, false) {
	case StatusFinished:
	case StatusExpired, StatusPublished:
		writeError(w, errBuilderGone(id))
		return
	default:
		writeError(w, ErrNotReady)
		return
	}
	if c.item {
		writeError(w, errParam("A carousel item cannot be published on its own"))
		return
	}
	c.mediaID = fmt.Sprintf("1780%013d", len(s.posts)+1)
	post := Post{
		ID: c.mediaID, ContainerID: c.id, MediaType: "IMAGE", Caption: c.caption, Images: c.images,
		Permalink: "https://www.instagram.com/p/IGFAKE" + strconv.Itoa(len(s.posts)+1) + "/",
		Timestamp: s.opts.Now().UTC().Truncate(time.Second),
	}
	if c.carousel {
		post.MediaType = "CAROUSEL_ALBUM"
	}
	s.posts = append(s.posts, post)
	writeJSON(w, http.StatusOK, fmt.Sprintf(`{"id":%q}`, c.mediaID))
}
