package mastodon

import (
	"time"

	"github.com/connections/postgate/publishers"
)

// apiError is the body of a Mastodon error answer:
//
//	{"error":"The access token is invalid"}
//	{"error":"Validation failed: Text can't be blank"}
//	{"error":"invalid_token","error_description":"The access token expired"}
type apiError struct {
	Error            string `json:"error"`
	ErrorDescription string `json:"error_description"`
}

// message returns the platform's own words.
func (e apiError) message() string {
	if e.ErrorDescription != "" {
		return e.Error + ": " + e.ErrorDescription
	}
	return e.Error
}

// rules is the one table that decides what a Mastodon error status means
// (platform-apis.md §5). A status with no rule is KindPermanent; a 5xx is
// decided by serverKind.
var rules = map[int]publishers.Kind{
	401: publishers.KindAuth,        // token missing, invalid, revoked or expired
	403: publishers.KindAuth,        // outside the token's scopes, or the account is suspended
	408: publishers.KindTransient,   // the instance gave up waiting for the body
	413: publishers.KindRejected,    // an image over the proxy's size limit
	422: publishers.KindRejected,    // validation failed: too long, bad media, blank text
	429: publishers.KindRateLimited, // X-RateLimit-Reset says when to come back
}

// serverKind is the kind of a 5xx answer: on the status write the instance
// may have created the status anyway; before it nothing was posted.
func serverKind(write bool) publishers.Kind {
	if write {
		return publishers.KindUnknown
	}
	return publishers.KindTransient
}

// classify turns an error answer into a *publishers.Error.
func classify(status int, ae apiError, write bool) *publishers.Error {
	e := &publishers.Error{Platform: platform, Kind: publishers.KindPermanent, Status: status, Message: ae.message()}
	if status >= 500 {
		e.Kind = serverKind(write)
	} else if k, ok := rules[status]; ok {
		e.Kind = k
	}
	return e
}

// resetTime parses X-RateLimit-Reset, an ISO 8601 timestamp such as
// 2026-11-25T10:05:00.000Z. It returns zero when the header is missing or
// unreadable, leaving the wait to the retry policy.
func resetTime(v string) time.Time {
	t, err := time.Parse(time.RFC3339Nano, v)
	if err != nil {
		return time.Time{}
	}
	return t
}
