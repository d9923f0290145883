package linkedin

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"time"

	"github.com/connections/postgate"
	"github.com/connections/postgate/publishers"
)

// Warning horizons of the account check.
const (
	// tokenWarning: warn this long before the access token expires.
	tokenWarning = 14 * 24 * time.Hour
	// versionLife: LinkedIn retires a version about a year after its
	// release; warn when the configured one is older than this.
	versionLife = 10 * 30 * 24 * time.Hour
)

// CheckAccount reads the organisation (GET /rest/organizations/{id}, which
// needs an admin role on the page) to prove that the token works, and warns
// when the token_expires date or the version's retirement is near.
func (p *Publisher) CheckAccount(ctx context.Context) (publishers.AccountStatus, error) {
	st := publishers.AccountStatus{Platform: postgate.LinkedIn, Account: p.author, ExpiresAt: p.expires}
	a, err := p.do(ctx, call{method: http.MethodGet, url: p.base + "/rest/organizations/" + p.orgID})
	if err != nil {
		return st, err
	}
	var org struct {
		LocalizedName string `json:"localizedName"`
	}
	if json.Unmarshal(a.body, &org) == nil && org.LocalizedName != "" {
		st.Account = org.LocalizedName + " (" + p.author + ")"
	}
	st.Warnings = p.warnings(p.now())
	return st, nil
}

// warnings lists what needs a person's attention soon, as of now.
func (p *Publisher) warnings(now time.Time) []string {
	var w []string
	switch left := p.expires.Sub(now); {
	case p.expires.IsZero():
	case left <= 0:
		w = append(w, fmt.Sprintf("the access token expired on %s; create a new one and update access_token",
			p.expires.Format(time.DateOnly)))
	case left <= tokenWarning:
		w = append(w, fmt.Sprintf("the access token expires on %s (%s); create a new one before then",
			p.expires.Format(time.DateOnly), inDays(left)))
	}
	if released, err := time.Parse("200601", p.version[:6]); err == nil && now.Sub(released) > versionLife {
		w = append(w, fmt.Sprintf("LinkedIn-Version %s is over ten months old and will soon be retired; set version to a recent month",
			p.version))
	}
	return w
}

// inDays says how far away d is, in whole days.
func inDays(d time.Duration) string {
	switch days := int(d.Hours() / 24); days {
	case 0:
		return "within a day"
	case 1:
		return "in 1 day"
	default:
		return fmt.Sprintf("in %d days", days)
	}
}
