package mastodon

import (
	"context"
	"html"
	"net/url"
	"regexp"
	"strconv"
	"time"

	"github.com/connections/postgate/publishers"
)

// Reconciliation reads this many recent statuses, and lets the instance's
// clock run this far behind ours.
const (
	recentLimit = 40
	clockSkew   = 2 * time.Minute
)

// account is the part of a Mastodon Account entity the connector reads.
type account struct {
	ID       string `json:"id"`
	Username string `json:"username"`
	Acct     string `json:"acct"`
	URL      string `json:"url"`
}

// Reconcile looks for req's status among the account's 40 most recent
// statuses (GET /api/v1/accounts/verify_credentials, then
// /api/v1/accounts/:id/statuses): one created at or after since (less a
// little clock skew) whose text, with HTML removed, starts like req's.
// Within the hour the instance remembers an Idempotency-Key, publishing
// again with the same handle is just as safe: it returns the same status.
func (p *Publisher) Reconcile(ctx context.Context, req publishers.Request, since time.Time) (publishers.Receipt, bool, error) {
	want := publishers.MatchKey(statusText(req.Content))
	if want == "" {
		// Any image-only status would match: only a person can tell.
		return publishers.Receipt{}, false, p.fail(publishers.KindPermanent,
			"a post without text cannot be matched; check the account", nil)
	}
	var me account
	if err := p.get(ctx, "/api/v1/accounts/verify_credentials", &me); err != nil {
		return publishers.Receipt{}, false, err
	}
	q := url.Values{"limit": {strconv.Itoa(recentLimit)}, "exclude_reblogs": {"true"}}
	var recent []status
	if err := p.get(ctx, "/api/v1/accounts/"+url.PathEscape(me.ID)+"/statuses?"+q.Encode(), &recent); err != nil {
		return publishers.Receipt{}, false, err
	}
	for _, st := range recent {
		if st.CreatedAt.Before(since.Add(-clockSkew)) || publishers.MatchKey(PlainText(st.Content)) != want {
			continue
		}
		return st.receipt(), true, nil
	}
	return publishers.Receipt{}, false, nil
}

var (
	lineBreak = regexp.MustCompile(`(?i)<br\s*/?>`)
	paragraph = regexp.MustCompile(`(?i)</p>\s*<p[^>]*>`)
	tag       = regexp.MustCompile(`<[^>]*>`)
)

// PlainText turns a status's HTML content back into text: a line break
// becomes a newline and a paragraph break a blank line, other tags are removed, and entities
// are decoded. Links keep their full text (Mastodon hides part of it in
// invisible spans, which are still text).
func PlainText(content string) string {
	s := paragraph.ReplaceAllString(content, "\n\n")
	s = lineBreak.ReplaceAllString(s, "\n")
	s = tag.ReplaceAllString(s, "")
	return html.UnescapeString(s)
}
