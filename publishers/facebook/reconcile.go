package facebook

import (
	"context"
	"time"

	fb "github.com/huandu/facebook/v2"

	"github.com/connections/postgate/publishers"
)

// createdTimeLayout is how Graph writes created_time, e.g. 2026-11-25T10:00:00+0000.
const createdTimeLayout = "2006-01-02T15:04:05-0700"

// feedItem is one post of GET /{page-id}/feed.
type feedItem struct {
	ID          string `facebook:"id"`
	Message     string `facebook:"message"`
	CreatedTime string `facebook:"created_time"`
}

// Reconcile looks for req's post among the Page's ten most recent posts:
// one created at or after since whose message starts with the same 40
// normalised characters (lower case, URLs removed, spaces collapsed).
func (p *Publisher) Reconcile(ctx context.Context, req publishers.Request, since time.Time) (publishers.Receipt, bool, error) {
	res, err := p.call(ctx, fb.GET, "/"+p.pageID+"/feed", fb.Params{"fields": "id,message,created_time", "limit": "10"}, false)
	if err != nil {
		return publishers.Receipt{}, false, err
	}
	var items []feedItem
	if err := res.DecodeField("data", &items); err != nil {
		return publishers.Receipt{}, false, &publishers.Error{Platform: platform, Kind: publishers.KindTransient,
			Message: "unexpected feed answer", Err: err}
	}
	want := publishers.MatchKey(req.Content.Text)
	for _, it := range items {
		created, err := time.Parse(createdTimeLayout, it.CreatedTime)
		if err != nil || created.Before(since) || publishers.MatchKey(it.Message) != want {
			continue
		}
		return publishers.Receipt{ID: it.ID, URL: postURL(it.ID), PublishedAt: created.UTC()}, true, nil
	}
	return publishers.Receipt{}, false, nil
}
