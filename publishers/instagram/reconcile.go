package instagram

import (
	"context"
	"time"

	fb "github.com/huandu/facebook/v2"

	"github.com/connections/postgate"
	"github.com/connections/postgate/publishers"
)

// Reconciliation lets Instagram's clock run this far behind ours, and reads
// this many recent media.
const (
	clockSkew   = 2 * time.Minute
	recentLimit = 25
)

// timestampLayout is how Graph writes an Instagram media's timestamp.
const timestampLayout = "2006-01-02T15:04:05-0700"

// mediaItem is one entry of GET /{ig-user-id}/media.
type mediaItem struct {
	ID        string `json:"id"`
	Caption   string `json:"caption"`
	Timestamp string `json:"timestamp"`
	Permalink string `json:"permalink"`
}

// Reconcile finds out whether req was published. With req.Handle set, the
// container's status_code decides: anything but PUBLISHED means it was not,
// since postgate publishes only the stored container. A PUBLISHED container,
// one Graph no longer knows, or no handle at all is looked up among the
// account's recent media: one published at or after since whose caption
// starts like req's.
func (p *Publisher) Reconcile(ctx context.Context, req publishers.Request, since time.Time) (publishers.Receipt, bool, error) {
	if req.Handle == "" {
		return p.find(ctx, req.Content, since)
	}
	st, err := p.readStatus(ctx, req.Handle)
	switch {
	case err != nil && !isGone(err):
		return publishers.Receipt{}, false, err
	case err == nil && st.Code != statusPublished:
		return publishers.Receipt{}, false, nil
	}
	r, found, err := p.find(ctx, req.Content, since)
	if err == nil && !found && st.Code == statusPublished {
		err = fail(publishers.KindUnknown, "container "+req.Handle+
			" is published, but its media is not among the account's recent posts; check the account")
	}
	return r, found, err
}

// find returns the receipt of the newest recent media at or after since
// whose normalised caption prefix matches c's.
func (p *Publisher) find(ctx context.Context, c postgate.Content, since time.Time) (publishers.Receipt, bool, error) {
	items, err := p.recentMedia(ctx, recentLimit)
	if err != nil {
		return publishers.Receipt{}, false, err
	}
	want := publishers.MatchKey(caption(c))
	if want == "" {
		return publishers.Receipt{}, false, nil // nothing to recognise the post by
	}
	for _, m := range items {
		at, err := time.Parse(timestampLayout, m.Timestamp)
		if err != nil || at.Before(since.Add(-clockSkew)) || publishers.MatchKey(m.Caption) != want {
			continue
		}
		return publishers.Receipt{ID: m.ID, URL: m.Permalink, PublishedAt: at}, true, nil
	}
	return publishers.Receipt{}, false, nil
}

// recentMedia reads the account's newest media, newest first.
func (p *Publisher) recentMedia(ctx context.Context, limit int) ([]mediaItem, error) {
	p.log.DebugContext(ctx, "list recent media", "limit", limit)
	res, err := p.session.WithContext(ctx).Get("/"+p.userID+"/media",
		fb.Params{"fields": "id,caption,timestamp,permalink", "limit": limit})
	if err != nil {
		return nil, p.classify(res, err, false)
	}
	var list struct {
		Data []mediaItem `json:"data"`
	}
	if err := res.Decode(&list); err != nil {
		return nil, fail(publishers.KindTransient, "Graph's list of media is unreadable")
	}
	return list.Data, nil
}

// publishedReceipt is Publish's answer for a container that is already
// PUBLISHED: the receipt of the media it became.
func (p *Publisher) publishedReceipt(ctx context.Context, req publishers.Request) (publishers.Receipt, error) {
	r, found, err := p.find(ctx, req.Content, time.Time{})
	if err != nil {
		return publishers.Receipt{}, err
	}
	if !found {
		return publishers.Receipt{}, fail(publishers.KindDuplicate, "container "+req.Handle+
			" is already published, but its media is not among the account's recent posts; check the account")
	}
	return r, nil
}

// alreadyPublished is Prepare's answer for a container that is already
// PUBLISHED: KindDuplicate, with the media id when it can be found.
func (p *Publisher) alreadyPublished(ctx context.Context, req publishers.Request) error {
	e := fail(publishers.KindDuplicate, "container "+req.Handle+" is already published")
	r, found, err := p.find(ctx, req.Content, time.Time{})
	switch {
	case err != nil:
		p.log.WarnContext(ctx, "published media not looked up", "container", req.Handle, "error", err)
	case found:
		e.ExistingID = r.ID
	}
	return e
}
