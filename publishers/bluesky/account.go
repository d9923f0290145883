package bluesky

import (
	"context"
	"encoding/json"
	"regexp"

	"github.com/connections/postgate"
	"github.com/connections/postgate/publishers"
)

// appPasswordForm is how Bluesky writes app passwords.
var appPasswordForm = regexp.MustCompile(`^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$`)

// CheckAccount logs in if needed and reads com.atproto.server.getSession,
// warning when the account is not active or app_password does not look
// like an app password.
func (p *Publisher) CheckAccount(ctx context.Context) (publishers.AccountStatus, error) {
	st := publishers.AccountStatus{Platform: postgate.Bluesky, Account: p.identifier}
	body, err := p.call(ctx, query("com.atproto.server.getSession", nil))
	if err != nil {
		return st, err
	}
	var got struct {
		Handle string `json:"handle"`
		DID    string `json:"did"`
		Active *bool  `json:"active"`
		Status string `json:"status"`
	}
	if err := json.Unmarshal(body, &got); err != nil {
		return st, p.fail(publishers.KindTransient, "the PDS's session is unreadable", err)
	}
	st.Account = "@" + got.Handle + " (" + got.DID + ")"
	if got.Active != nil && !*got.Active {
		st.Warnings = append(st.Warnings, "the account is not active ("+got.Status+"); posts will be refused")
	}
	if !appPasswordForm.MatchString(p.password.Reveal()) {
		st.Warnings = append(st.Warnings, "app_password does not look like an app password (xxxx-xxxx-xxxx-xxxx); "+
			"create one under Settings → Privacy and security → App passwords rather than using the account's password")
	}
	return st, nil
}
