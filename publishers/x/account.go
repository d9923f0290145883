package x

import (
	"context"
	"net/http"
	"net/url"
	"time"

	"github.com/connections/postgate"
	"github.com/connections/postgate/publishers"
)

// user is the data of GET /2/users/me.
type user struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Username string `json:"username"`
}

// me returns the account the credentials act for.
func (p *Publisher) me(ctx context.Context) (user, error) {
	var out struct {
		Data user `json:"data"`
	}
	if err := p.do(ctx, call{method: http.MethodGet, path: "/2/users/me"}, &out); err != nil {
		return user{}, err
	}
	if out.Data.ID == "" {
		return user{}, &publishers.Error{Platform: platform, Kind: publishers.KindTransient, Message: "X answered /2/users/me without an id"}
	}
	return out.Data, nil
}

// CheckAccount verifies the credentials with GET /2/users/me. OAuth 1.0a
// user tokens do not expire, so ExpiresAt stays zero.
func (p *Publisher) CheckAccount(ctx context.Context) (publishers.AccountStatus, error) {
	u, err := p.me(ctx)
	if err != nil {
		return publishers.AccountStatus{}, err
	}
	return publishers.AccountStatus{Platform: postgate.X, Account: "@" + u.Username}, nil
}

// Reconcile looks for req's post among the account's five most recent
// posts created at or after since (GET /2/users/{id}/tweets), matching the
// first 40 characters of the normalised text.
func (p *Publisher) Reconcile(ctx context.Context, req publishers.Request, since time.Time) (publishers.Receipt, bool, error) {
	want := publishers.MatchKey(postText(req.Content))
	if want == "" {
		return publishers.Receipt{}, false, nil // nothing to match a post by
	}
	u, err := p.me(ctx)
	if err != nil {
		return publishers.Receipt{}, false, err
	}
	since = since.UTC().Truncate(time.Second) // X's times are precise to the second
	q := url.Values{
		"max_results":  {"5"},
		"start_time":   {since.Format(time.RFC3339)},
		"tweet.fields": {"created_at"},
	}
	var out struct {
		Data []struct {
			ID        string    `json:"id"`
			Text      string    `json:"text"`
			CreatedAt time.Time `json:"created_at"`
		} `json:"data"`
	}
	path := "/2/users/" + url.PathEscape(u.ID) + "/tweets"
	if err := p.do(ctx, call{method: http.MethodGet, path: path, query: q}, &out); err != nil {
		return publishers.Receipt{}, false, err
	}
	for _, t := range out.Data {
		if !t.CreatedAt.Before(since) && publishers.MatchKey(t.Text) == want {
			return publishers.Receipt{ID: t.ID, URL: postURL(t.ID), PublishedAt: t.CreatedAt}, true, nil
		}
	}
	return publishers.Receipt{}, false, nil
}
