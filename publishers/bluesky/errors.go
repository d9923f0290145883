package bluesky

import (
	"errors"
	"strconv"
	"time"

	"github.com/connections/postgate/publishers"
)

// xrpcError is the body of an XRPC error answer:
//
//	{"error":"ExpiredToken","message":"Token has expired"}
type xrpcError struct {
	Error   string `json:"error"`
	Message string `json:"message"`
}

// XRPC error names the connector acts on.
const (
	errExpiredToken   = "ExpiredToken"
	errInvalidToken   = "InvalidToken"
	errRecordNotFound = "RecordNotFound"
)

// rule maps an HTTP status, and an error name when set, to a kind.
type rule struct {
	status int
	name   string // "" matches any
	kind   publishers.Kind
}

// rules is the one table that decides what an XRPC error answer means
// (platform-apis.md §6). The first match wins; a status with no rule is
// KindPermanent, and a 5xx is decided by serverKind. A token error reaches
// this table only after the session was renewed and the call sent again.
var rules = []rule{
	{400, errExpiredToken, publishers.KindAuth},
	{400, errInvalidToken, publishers.KindAuth},
	{400, "AuthFactorTokenRequired", publishers.KindAuth}, // the account needs e-mail 2FA: use an app password
	{400, "AccountTakedown", publishers.KindAuth},
	{400, "AccountDeactivated", publishers.KindAuth},
	{400, "InvalidSwap", publishers.KindPermanent},
	{400, errRecordNotFound, publishers.KindPermanent},
	{400, "BlobTooLarge", publishers.KindRejected},
	{400, "", publishers.KindRejected}, // InvalidRequest: the record does not validate
	{401, "", publishers.KindAuth},     // AuthMissing, AuthenticationRequired (wrong password)
	{403, "", publishers.KindAuth},
	{408, "", publishers.KindTransient},
	{413, "", publishers.KindRejected}, // PayloadTooLarge: an image over the upload limit
	{429, "", publishers.KindRateLimited},
}

// serverKind is the kind of a 5xx answer: to createRecord the PDS may have
// stored the post anyway; before it nothing was posted.
func serverKind(write bool) publishers.Kind {
	if write {
		return publishers.KindUnknown
	}
	return publishers.KindTransient
}

// classify turns an error answer into a *publishers.Error.
func classify(status int, xe xrpcError, write bool) *publishers.Error {
	e := &publishers.Error{Platform: platform, Kind: publishers.KindPermanent, Status: status,
		Code: xe.Error, Message: xe.Message}
	if status >= 500 {
		e.Kind = serverKind(write)
		return e
	}
	for _, r := range rules {
		if r.status == status && (r.name == "" || r.name == xe.Error) {
			e.Kind = r.kind
			break
		}
	}
	return e
}

// isTokenError reports whether err is the PDS refusing the access token as
// expired or invalid: the request was certainly not carried out.
func isTokenError(err error) bool {
	var e *publishers.Error
	return errors.As(err, &e) && e.Status == 400 && (e.Code == errExpiredToken || e.Code == errInvalidToken)
}

// isNotFound reports whether err is getRecord's answer for a missing record.
func isNotFound(err error) bool {
	var e *publishers.Error
	return errors.As(err, &e) && e.Status == 400 && e.Code == errRecordNotFound
}

// resetTime parses RateLimit-Reset, in seconds since the Unix epoch. It
// returns zero when the header is missing or unreadable, leaving the wait
// to the retry policy.
func resetTime(v string) time.Time {
	secs, err := strconv.ParseInt(v, 10, 64)
	if err != nil || secs <= 0 {
		return time.Time{}
	}
	return time.Unix(secs, 0).UTC()
}
