package mastodon

import (
	"context"
	"fmt"
	"net/url"

	"github.com/connections/postgate"
	"github.com/connections/postgate/publishers"
)

// instanceInfo is the part of GET /api/v2/instance the account check reads.
type instanceInfo struct {
	Domain        string `json:"domain"`
	Configuration struct {
		Statuses struct {
			MaxCharacters            int `json:"max_characters"`
			MaxMediaAttachments      int `json:"max_media_attachments"`
			CharactersReservedPerURL int `json:"characters_reserved_per_url"`
		} `json:"statuses"`
		MediaAttachments struct {
			ImageSizeLimit int `json:"image_size_limit"`
		} `json:"media_attachments"`
	} `json:"configuration"`
}

// CheckAccount proves that the token works (GET
// /api/v1/accounts/verify_credentials, which needs read:accounts) and
// compares the instance's limits (GET /api/v2/instance) with the ones
// Preflight applies, warning where the instance is stricter.
func (p *Publisher) CheckAccount(ctx context.Context) (publishers.AccountStatus, error) {
	st := publishers.AccountStatus{Platform: postgate.Mastodon, Account: p.base}
	var me account
	if err := p.get(ctx, "/api/v1/accounts/verify_credentials", &me); err != nil {
		return st, err
	}
	st.Account = "@" + me.Username + "@" + host(p.base)
	var info instanceInfo
	if err := p.get(ctx, "/api/v2/instance", &info); err != nil {
		st.Warnings = append(st.Warnings, "could not read the instance's limits; Preflight assumes Mastodon's defaults")
		return st, nil
	}
	st.Warnings = p.limitWarnings(info)
	return st, nil
}

// limitWarnings lists the instance limits stricter than Preflight's.
func (p *Publisher) limitWarnings(info instanceInfo) []string {
	var w []string
	c := info.Configuration
	limit := p.maxChars
	if limit == 0 {
		limit = DefaultMaxCharacters
	}
	if n := c.Statuses.MaxCharacters; n > 0 && n != limit {
		w = append(w, fmt.Sprintf("the instance allows %d characters per post; set max_characters to %d (now %d)", n, n, limit))
	}
	if n := c.Statuses.MaxMediaAttachments; n > 0 && n < MaxImages {
		w = append(w, fmt.Sprintf("the instance takes at most %d images per post; Preflight allows %d", n, MaxImages))
	}
	if n := c.Statuses.CharactersReservedPerURL; n > 0 && n != URLLength {
		w = append(w, fmt.Sprintf("the instance counts %d characters per link; Preflight counts %d", n, URLLength))
	}
	if n := c.MediaAttachments.ImageSizeLimit; n > 0 && n < MaxImageBytes {
		w = append(w, fmt.Sprintf("the instance takes images up to %.1f MB; Preflight allows 16 MB", float64(n)/(1<<20)))
	}
	return w
}

// host returns the host of an instance URL.
func host(base string) string {
	u, err := url.Parse(base)
	if err != nil {
		return base
	}
	return u.Host
}
