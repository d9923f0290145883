package instagram

import (
	"context"
	"fmt"
	"slices"
	"time"

	fb "github.com/huandu/facebook/v2"

	"github.com/connections/postgate"
	"github.com/connections/postgate/publishers"
)

// expiryWarning is how long before a token expires CheckAccount warns.
const expiryWarning = 14 * 24 * time.Hour

// quota is one entry of GET /{ig-user-id}/content_publishing_limit.
type quota struct {
	Usage  int `json:"quota_usage"`
	Config struct {
		Total    int `json:"quota_total"`
		Duration int `json:"quota_duration"` // seconds
	} `json:"config"`
}

// window is the quota's rolling window, 24 hours when Graph does not say.
func (q quota) window() time.Duration {
	if q.Config.Duration <= 0 {
		return 24 * time.Hour
	}
	return time.Duration(q.Config.Duration) * time.Second
}

// CheckAccount verifies the token by reading the account's username and
// its publishing quota, and reports the token's expiry from debug_token.
// It warns when the quota is used up or nearly so, when the token expires
// within 14 days, and when the token lacks a publishing permission.
func (p *Publisher) CheckAccount(ctx context.Context) (publishers.AccountStatus, error) {
	p.log.DebugContext(ctx, "read account")
	res, err := p.session.WithContext(ctx).Get("/"+p.userID, fb.Params{"fields": "username"})
	if err != nil {
		return publishers.AccountStatus{}, p.classify(res, err, false)
	}
	st := publishers.AccountStatus{Platform: postgate.Instagram, Account: p.userID}
	if name, _ := res.Get("username").(string); name != "" {
		st.Account = "@" + name
	}
	q, err := p.readQuota(ctx)
	if err != nil {
		return publishers.AccountStatus{}, err
	}
	switch {
	case q.Config.Total > 0 && q.Usage >= q.Config.Total:
		st.Warnings = append(st.Warnings, fmt.Sprintf("publishing limit reached: %d of %d posts in the last %s", q.Usage, q.Config.Total, q.window()))
	case q.Config.Total > 0 && q.Usage*5 >= q.Config.Total*4:
		st.Warnings = append(st.Warnings, fmt.Sprintf("publishing limit nearly reached: %d of %d posts in the last %s", q.Usage, q.Config.Total, q.window()))
	}
	p.checkToken(ctx, &st)
	return st, nil
}

// readQuota reads the account's content publishing limit.
func (p *Publisher) readQuota(ctx context.Context) (quota, error) {
	p.log.DebugContext(ctx, "read publishing quota")
	res, err := p.session.WithContext(ctx).Get("/"+p.userID+"/content_publishing_limit",
		fb.Params{"fields": "quota_usage,config"})
	if err != nil {
		return quota{}, p.classify(res, err, false)
	}
	var v struct {
		Data []quota `json:"data"`
	}
	if err := res.Decode(&v); err != nil || len(v.Data) == 0 {
		return quota{}, fail(publishers.KindTransient, "Graph sent no publishing quota")
	}
	return v.Data[0], nil
}

// checkQuota refuses to publish when the quota is used up, with RetryAt
// when the oldest post in the window leaves it. A quota that cannot be read
// does not stop publishing: media_publish enforces the limit itself.
func (p *Publisher) checkQuota(ctx context.Context) error {
	q, err := p.readQuota(ctx)
	if err != nil {
		p.log.WarnContext(ctx, "publishing quota not read", "error", err)
		return nil
	}
	if q.Config.Total <= 0 || q.Usage < q.Config.Total {
		return nil
	}
	e := fail(publishers.KindRateLimited, fmt.Sprintf("publishing limit reached: %d of %d posts in the last %s",
		q.Usage, q.Config.Total, q.window()))
	e.RetryAt = p.quotaResetAt(ctx, q)
	return e
}

// quotaResetAt estimates when a post slot frees up: when the oldest of the
// account's media inside the window leaves it. Zero when unknown.
func (p *Publisher) quotaResetAt(ctx context.Context, q quota) time.Time {
	items, err := p.recentMedia(ctx, min(max(q.Config.Total, 1), 100))
	if err != nil {
		return time.Time{}
	}
	start := p.now().Add(-q.window())
	var oldest time.Time
	for _, m := range items {
		at, err := time.Parse(timestampLayout, m.Timestamp)
		if err == nil && at.After(start) && (oldest.IsZero() || at.Before(oldest)) {
			oldest = at
		}
	}
	if oldest.IsZero() {
		return time.Time{}
	}
	return oldest.Add(q.window())
}

// tokenInfo is the part of GET /debug_token postgate reads.
type tokenInfo struct {
	ExpiresAt        int64    `json:"expires_at"`             // Unix seconds; 0 means never
	DataAccessExpire int64    `json:"data_access_expires_at"` // Unix seconds; 0 means never
	Scopes           []string `json:"scopes"`
}

// checkToken adds the token's expiry and any warnings about it to st. A
// token that cannot be inspected is a warning, not an error: the reads
// before it already proved it works.
func (p *Publisher) checkToken(ctx context.Context, st *publishers.AccountStatus) {
	p.log.DebugContext(ctx, "inspect token")
	res, err := p.session.WithContext(ctx).Get("/debug_token", fb.Params{"input_token": p.session.AccessToken()})
	var v struct {
		Data tokenInfo `json:"data"`
	}
	if err == nil {
		err = res.Decode(&v)
	} else {
		err = p.classify(res, err, false)
	}
	if err != nil {
		st.Warnings = append(st.Warnings, "token expiry not read: "+err.Error())
		return
	}
	now := p.now()
	if v.Data.ExpiresAt > 0 {
		st.ExpiresAt = time.Unix(v.Data.ExpiresAt, 0).UTC()
		if st.ExpiresAt.Sub(now) < expiryWarning {
			st.Warnings = append(st.Warnings, "access token expires "+st.ExpiresAt.Format(time.DateOnly)+"; renew it")
		}
	}
	if d := v.Data.DataAccessExpire; d > 0 && time.Unix(d, 0).Sub(now) < expiryWarning {
		st.Warnings = append(st.Warnings, "data access expires "+time.Unix(d, 0).UTC().Format(time.DateOnly)+"; log in again to renew it")
	}
	if !hasPublishScope(v.Data.Scopes) {
		st.Warnings = append(st.Warnings, "token lacks instagram_content_publish (or instagram_business_content_publish)")
	}
}

func hasPublishScope(scopes []string) bool {
	return slices.Contains(scopes, "instagram_content_publish") ||
		slices.Contains(scopes, "instagram_business_content_publish")
}
