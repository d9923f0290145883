package linkedin

import (
	"regexp"
	"strconv"
	"time"

	"github.com/connections/postgate/publishers"
)

// apiError is the body of a LinkedIn error answer. Older services send
// serviceErrorCode, newer ones code; input validation errors add details:
//
//	{"message":"Empty oauth2_access_token","serviceErrorCode":401,"status":401}
//	{"status":426,"code":"NONEXISTENT_VERSION","message":"Requested version 20250401 is not active"}
//	{"message":"…","errorDetails":{"inputErrors":[{"code":"DUPLICATE_POST",…}]},"status":422}
type apiError struct {
	Status           int    `json:"status"`
	ServiceErrorCode int    `json:"serviceErrorCode"`
	Code             string `json:"code"`
	Message          string `json:"message"`
	ErrorDetails     struct {
		InputErrors []struct {
			Code        string `json:"code"`
			Description string `json:"description"`
		} `json:"inputErrors"`
	} `json:"errorDetails"`
}

// code returns the most specific code the body carries: the input error's,
// the service's named code, or its numeric serviceErrorCode.
func (e apiError) code() string {
	for _, ie := range e.ErrorDetails.InputErrors {
		if ie.Code != "" {
			return ie.Code
		}
	}
	if e.Code != "" {
		return e.Code
	}
	if e.ServiceErrorCode != 0 {
		return strconv.Itoa(e.ServiceErrorCode)
	}
	return ""
}

// rule maps an HTTP status, and a code when set, to a kind of failure.
type rule struct {
	status int
	code   string // "" matches any code
	kind   publishers.Kind
}

// rules is the one table that decides what a LinkedIn error answer means.
// The first match wins; a status with no rule is KindPermanent, and a 5xx
// is decided by serverKind.
var rules = []rule{
	// Missing, invalid (65600), revoked (65601) or expired (65602) token.
	{401, "", publishers.KindAuth},
	// ACCESS_DENIED: the member lacks the page role or the app the scope.
	{403, "", publishers.KindAuth},
	// The same commentary was posted before; the message names the post.
	{422, "DUPLICATE_POST", publishers.KindDuplicate},
	// Daily application or member limit; it resets at midnight UTC.
	{429, "", publishers.KindRateLimited},
	// NONEXISTENT_VERSION: the LinkedIn-Version setting has been retired.
	{426, "", publishers.KindPermanent},
	// VERSION_MISSING: a bug here, not a problem with the content.
	{400, "VERSION_MISSING", publishers.KindPermanent},
	// Anything else LinkedIn refuses to accept is about this content.
	{400, "", publishers.KindRejected},
	{422, "", publishers.KindRejected},
}

// serverKind is the kind of a 5xx answer: after the final write LinkedIn
// may have created the post anyway; before it nothing was posted.
func serverKind(write bool) publishers.Kind {
	if write {
		return publishers.KindUnknown
	}
	return publishers.KindTransient
}

// classify turns an error answer into a *publishers.Error. now places the
// rate-limit reset.
func classify(status int, ae apiError, write bool, now time.Time) *publishers.Error {
	e := &publishers.Error{
		Platform: platform,
		Kind:     publishers.KindPermanent,
		Status:   status,
		Code:     ae.code(),
		Message:  ae.Message,
	}
	if status >= 500 {
		e.Kind = serverKind(write)
		return e
	}
	for _, r := range rules {
		if r.status == status && (r.code == "" || r.code == e.Code) {
			e.Kind = r.kind
			break
		}
	}
	switch e.Kind {
	case publishers.KindRateLimited:
		e.RetryAt = nextMidnightUTC(now)
	case publishers.KindDuplicate:
		e.ExistingID = shareURN.FindString(ae.Message)
	}
	return e
}

// shareURN finds the earlier post named in a duplicate answer.
var shareURN = regexp.MustCompile(`urn:li:(?:share|ugcPost):[0-9]+`)

// nextMidnightUTC is when LinkedIn's daily limits reset after now.
func nextMidnightUTC(now time.Time) time.Time {
	y, m, d := now.UTC().Date()
	return time.Date(y, m, d+1, 0, 0, 0, 0, time.UTC)
}
