package facebook

import (
	"context"
	"fmt"
	"slices"
	"time"

	fb "github.com/huandu/facebook/v2"

	"github.com/connections/postgate"
	"github.com/connections/postgate/publishers"
)

// expiryWarning is how long before the token expires CheckAccount warns.
const expiryWarning = 14 * 24 * time.Hour

// neededScopes are the permissions posting and reconciling use.
var neededScopes = []string{"pages_manage_posts", "pages_read_engagement"}

// tokenInfo is the part of debug_token's answer CheckAccount reads.
type tokenInfo struct {
	Type      string   `facebook:"type"`
	IsValid   bool     `facebook:"is_valid"`
	ExpiresAt int64    `facebook:"expires_at"` // Unix seconds; 0 means never
	Scopes    []string `facebook:"scopes"`
}

// CheckAccount reads the Page's name with the configured token, then asks
// debug_token about the token: its expiry (warning within 14 days), its
// type and its permissions. A failed debug_token is a warning, not an error.
func (p *Publisher) CheckAccount(ctx context.Context) (publishers.AccountStatus, error) {
	st := publishers.AccountStatus{Platform: postgate.Facebook}
	res, err := p.call(ctx, fb.GET, "/"+p.pageID, fb.Params{"fields": "name"}, false)
	if err != nil {
		return st, err
	}
	name, _ := res.Get("name").(string)
	st.Account = fmt.Sprintf("%s (%s)", name, p.pageID)

	res, err = p.call(ctx, fb.GET, "/debug_token", fb.Params{"input_token": p.token.Reveal()}, false)
	var info tokenInfo
	if err == nil {
		err = res.DecodeField("data", &info)
	}
	if err != nil {
		st.Warnings = append(st.Warnings, "token expiry unknown: debug_token failed: "+err.Error())
		return st, nil
	}
	st.Warnings = append(st.Warnings, p.tokenWarnings(info, &st)...)
	return st, nil
}

// tokenWarnings sets st.ExpiresAt from info and returns what a person
// should know about the token.
func (p *Publisher) tokenWarnings(info tokenInfo, st *publishers.AccountStatus) []string {
	if !info.IsValid {
		return []string{"debug_token says the token is not valid"}
	}
	var w []string
	if info.Type != "" && info.Type != "PAGE" {
		w = append(w, "the token is a "+info.Type+" token, not a Page access token")
	}
	for _, s := range neededScopes {
		if !slices.Contains(info.Scopes, s) {
			w = append(w, "the token lacks the "+s+" permission")
		}
	}
	if info.ExpiresAt == 0 {
		return w
	}
	st.ExpiresAt = time.Unix(info.ExpiresAt, 0).UTC()
	left := st.ExpiresAt.Sub(p.now())
	switch {
	case left <= 0:
		w = append(w, "the token expired on "+st.ExpiresAt.Format(time.DateOnly))
	case left <= expiryWarning:
		w = append(w, fmt.Sprintf("the token expires on %s (in %d days): renew it", st.ExpiresAt.Format(time.DateOnly), int(left.Hours()/24)))
	}
	return w
}
