package linkedin

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"time"

	"github.com/connections/postgate/publishers"
)

// Reconciliation lets LinkedIn's clock run this far behind ours.
const clockSkew = 2 * time.Minute

// recentPosts is the answer of GET /rest/posts?q=author.
type recentPosts struct {
	Elements []struct {
		ID         string `json:"id"`
		Commentary string `json:"commentary"`
		CreatedAt  int64  `json:"createdAt"` // milliseconds since the epoch
	} `json:"elements"`
}

// Reconcile looks for req's post among the page's ten most recent posts: one
// created at or after since (less clockSkew) whose text starts like req's.
// It needs the r_organization_social scope. A post without text cannot be
// told apart from other image posts, so it is an error.
func (p *Publisher) Reconcile(ctx context.Context, req publishers.Request, since time.Time) (publishers.Receipt, bool, error) {
	want := publishers.MatchKey(Unescape(commentary(req.Content)))
	if want == "" {
		// Any image-only post would match: only a person can tell.
		return publishers.Receipt{}, false, p.fail(publishers.KindPermanent,
			"a post without text cannot be matched; check the page", nil)
	}
	q := url.Values{"q": {"author"}, "author": {p.author}, "count": {"10"}, "sortBy": {"CREATED"}}
	a, err := p.do(ctx, call{method: http.MethodGet, url: p.base + "/rest/posts?" + q.Encode()})
	if err != nil {
		return publishers.Receipt{}, false, err
	}
	var got recentPosts
	if err := json.Unmarshal(a.body, &got); err != nil {
		return publishers.Receipt{}, false, p.fail(publishers.KindTransient, "LinkedIn's list of posts is unreadable", err)
	}
	for _, e := range got.Elements {
		created := time.UnixMilli(e.CreatedAt)
		if created.Before(since.Add(-clockSkew)) || publishers.MatchKey(Unescape(e.Commentary)) != want {
			continue
		}
		return publishers.Receipt{ID: e.ID, URL: postURL(e.ID), PublishedAt: created}, true, nil
	}
	return publishers.Receipt{}, false, nil
}
