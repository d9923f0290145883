// Package outbox is the embedded default publisher: instead of calling a
// platform it writes each delivery as a JSON file under
// <outbox_dir>/<platform>/. It needs no credentials and no network, so the
// whole path from calendar to publication can be watched on any machine.
//
// Writing is idempotent per delivery key: publishing a delivery whose file
// already exists returns the existing receipt and writes nothing.
package outbox

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/connections/postgate"
	"github.com/connections/postgate/internal/atomicfile"
	"github.com/connections/postgate/publishers"
)

// Publisher writes deliveries for one platform into a folder.
type Publisher struct {
	dir      string
	platform postgate.Platform
	now      func() time.Time
}

var (
	_ publishers.Publisher  = (*Publisher)(nil)
	_ publishers.Reconciler = (*Publisher)(nil)
)

// New returns an outbox publisher writing to dir/<platform>.
func New(dir string, platform postgate.Platform, d publishers.Deps) *Publisher {
	return &Publisher{dir: filepath.Join(dir, string(platform)), platform: platform, now: d.Clock()}
}

// Entry is one outbox file.
type Entry struct {
	ID          string            `json:"id"`
	Delivery    string            `json:"delivery"`
	Platform    postgate.Platform `json:"platform"`
	At          time.Time         `json:"at"`
	Text        string            `json:"text"`
	Link        string            `json:"link,omitempty"`
	Media       []postgate.Media  `json:"media,omitempty"`
	ContentHash string            `json:"content_hash"`
	PublishedAt time.Time         `json:"published_at"`
}

func (p *Publisher) path(d postgate.Delivery) string {
	return filepath.Join(p.dir, d.PostID+"--"+d.At.UTC().Format("20060102T150405Z")+".json")
}

// Publish writes the delivery's file, or returns the receipt of the file
// already there.
func (p *Publisher) Publish(ctx context.Context, req publishers.Request) (publishers.Receipt, error) {
	if r, found, err := p.Reconcile(ctx, req, time.Time{}); err != nil || found {
		return r, err
	}
	hash, err := req.Content.Hash()
	if err != nil {
		return publishers.Receipt{}, p.fail(publishers.KindRejected, err)
	}
	e := Entry{
		ID: req.Delivery.PostID, Delivery: req.Delivery.Key(), Platform: p.platform, At: req.Delivery.At.UTC(),
		Text: req.Content.Text, Link: req.Content.Link, Media: req.Content.Media, ContentHash: hash,
		PublishedAt: p.now().UTC(),
	}
	data, err := json.MarshalIndent(e, "", "  ")
	if err != nil {
		return publishers.Receipt{}, p.fail(publishers.KindPermanent, err)
	}
	if err := os.MkdirAll(p.dir, 0o750); err != nil {
		return publishers.Receipt{}, p.fail(publishers.KindTransient, err)
	}
	path := p.path(req.Delivery)
	if err := atomicfile.Write(path, append(data, '\n')); err != nil {
		// The rename is the publication: if it did not happen, nothing is published.
		return publishers.Receipt{}, p.fail(publishers.KindTransient, err)
	}
	return publishers.Receipt{ID: filepath.Base(path), URL: "file://" + path, PublishedAt: e.PublishedAt}, nil
}

// Reconcile reports whether the delivery's file exists.
func (p *Publisher) Reconcile(_ context.Context, req publishers.Request, _ time.Time) (publishers.Receipt, bool, error) {
	path := p.path(req.Delivery)
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return publishers.Receipt{}, false, nil
	}
	if err != nil {
		return publishers.Receipt{}, false, p.fail(publishers.KindTransient, err)
	}
	var e Entry
	if err := json.Unmarshal(data, &e); err != nil {
		return publishers.Receipt{}, false, p.fail(publishers.KindPermanent, fmt.Errorf("%s: %w", path, err))
	}
	return publishers.Receipt{ID: filepath.Base(path), URL: "file://" + path, PublishedAt: e.PublishedAt}, true, nil
}

func (p *Publisher) fail(k publishers.Kind, err error) error {
	return &publishers.Error{Platform: "outbox/" + string(p.platform), Kind: k, Err: err}
}
