package bluesky

import (
	"context"
	"encoding/json"
	"net/url"
	"strings"
	"time"

	"github.com/connections/postgate/publishers"
	"github.com/connections/postgate/publishers/textcount"
)

// collection is the NSID of a post record.
const collection = "app.bsky.feed.post"

// post is an app.bsky.feed.post record.
type post struct {
	Type      string       `json:"$type"`
	Text      string       `json:"text"`
	CreatedAt string       `json:"createdAt"`
	Facets    []facet      `json:"facets,omitempty"`
	Embed     *imagesEmbed `json:"embed,omitempty"`
}

// facet marks a range of the text, in UTF-8 bytes [start, end).
type facet struct {
	Index    byteSlice `json:"index"`
	Features []link    `json:"features"`
}

type byteSlice struct {
	ByteStart int `json:"byteStart"`
	ByteEnd   int `json:"byteEnd"`
}

// link is the app.bsky.richtext.facet#link feature.
type link struct {
	Type string `json:"$type"`
	URI  string `json:"uri"`
}

// imagesEmbed is an app.bsky.embed.images embed.
type imagesEmbed struct {
	Type   string  `json:"$type"`
	Images []image `json:"images"`
}

// image is one embedded image: the blob as uploadBlob returned it.
type image struct {
	Alt         string          `json:"alt"`
	Image       json.RawMessage `json:"image"`
	AspectRatio aspectRatio     `json:"aspectRatio"`
}

type aspectRatio struct {
	Width  int `json:"width"`
	Height int `json:"height"`
}

// newPost returns the record for text with images, created at t.
func newPost(text string, t time.Time, images []image) post {
	p := post{Type: collection, Text: text, CreatedAt: t.UTC().Format("2006-01-02T15:04:05.000Z"), Facets: linkFacets(text)}
	if len(images) > 0 {
		p.Embed = &imagesEmbed{Type: "app.bsky.embed.images", Images: images}
	}
	return p
}

// linkFacets returns a link facet for every URL in text. Bluesky does not
// link URLs by itself; a bare domain links to https://.
func linkFacets(text string) []facet {
	var fs []facet
	for _, u := range textcount.URLs(text) {
		uri := text[u[0]:u[1]]
		if l := strings.ToLower(uri); !strings.HasPrefix(l, "http://") && !strings.HasPrefix(l, "https://") {
			uri = "https://" + uri
		}
		fs = append(fs, facet{
			Index:    byteSlice{ByteStart: u[0], ByteEnd: u[1]},
			Features: []link{{Type: "app.bsky.richtext.facet#link", URI: uri}},
		})
	}
	return fs
}

// createRecord sends the one non-idempotent write: the post under rkey.
func (p *Publisher) createRecord(ctx context.Context, sess session, rkey string, rec post) error {
	c, err := procedure("com.atproto.repo.createRecord", map[string]any{
		"repo": sess.DID, "collection": collection, "rkey": rkey, "record": rec})
	if err != nil {
		return p.fail(publishers.KindPermanent, "", err)
	}
	c.write = true
	_, err = p.call(ctx, c)
	return err
}

// getPost reads the post under rkey. found is false when the PDS has no
// such record.
func (p *Publisher) getPost(ctx context.Context, sess session, rkey string) (publishers.Receipt, bool, error) {
	q := url.Values{"repo": {sess.DID}, "collection": {collection}, "rkey": {rkey}}
	body, err := p.call(ctx, query("com.atproto.repo.getRecord", q))
	if isNotFound(err) {
		return publishers.Receipt{}, false, nil
	}
	if err != nil {
		return publishers.Receipt{}, false, err
	}
	var got struct {
		URI   string `json:"uri"`
		Value struct {
			CreatedAt time.Time `json:"createdAt"`
		} `json:"value"`
	}
	if err := json.Unmarshal(body, &got); err != nil {
		return publishers.Receipt{}, false, p.fail(publishers.KindTransient, "the PDS's record is unreadable", err)
	}
	r := receipt(sess.DID, rkey, got.Value.CreatedAt)
	if got.URI != "" {
		r.ID = got.URI
	}
	return r, true, nil
}
