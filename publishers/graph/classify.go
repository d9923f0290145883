package graph

import (
	"errors"
	"net/url"
	"regexp"
	"strconv"
	"time"

	fb "github.com/huandu/facebook/v2"

	"github.com/connections/postgate/publishers"
)

// rule maps a Graph error code (a range when last is set) and optionally a
// subcode to a kind. The first matching rule wins.
type rule struct {
	code, last int // codes code..last; last 0 means just code
	subcode    int // 0 matches any subcode
	kind       publishers.Kind
}

// rules is the one table from Graph error codes to kinds (platform-apis.md
// §2.3 and §3.3). Subcode-specific rules come before their code's general
// rule. A code not listed is KindPermanent, or KindTransient when the error
// says is_transient.
var rules = []rule{
	// Instagram content errors, raised before anything is published.
	{code: 1, subcode: 2207005, kind: publishers.KindRejected},    // unsupported format
	{code: 9004, kind: publishers.KindRejected},                   // media download failed (subcode 2207052)
	{code: 9, subcode: 2207042, kind: publishers.KindRateLimited}, // IG publishing limit reached (verify)

	// Credentials.
	{code: 190, kind: publishers.KindAuth}, // token invalid or expired, whatever the subcode
	{code: 102, kind: publishers.KindAuth}, // session
	{code: 104, kind: publishers.KindAuth}, // no token sent (not in platform-apis.md: Graph's answer to a tokenless call)
	{code: 10, kind: publishers.KindAuth},  // permission missing
	{code: 200, last: 299, kind: publishers.KindAuth},

	// Throttling.
	{code: 4, kind: publishers.KindRateLimited},     // app
	{code: 17, kind: publishers.KindRateLimited},    // user
	{code: 32, kind: publishers.KindRateLimited},    // Page
	{code: 613, kind: publishers.KindRateLimited},   // custom
	{code: 80001, kind: publishers.KindRateLimited}, // Pages business use case
	{code: 341, kind: publishers.KindRateLimited},   // app limit

	// Content.
	{code: 506, kind: publishers.KindDuplicate},    // "Duplicate status message"
	{code: 368, kind: publishers.KindRejected},     // temporarily blocked for a policy violation (incl. repeated posting)
	{code: 1609005, kind: publishers.KindRejected}, // the link could not be scraped

	// Graph's own hiccups: retry a read, reconcile a write.
	{code: 1, kind: publishers.KindTransient},
	{code: 2, kind: publishers.KindTransient},
}

// kindFor returns the kind for a Graph error code and subcode.
func kindFor(code, subcode int, transient bool) publishers.Kind {
	for _, r := range rules {
		last := max(r.last, r.code)
		if code >= r.code && code <= last && (r.subcode == 0 || r.subcode == subcode) {
			return r.kind
		}
	}
	if transient {
		return publishers.KindTransient
	}
	return publishers.KindPermanent
}

// Classify maps an error from a Graph call to a *publishers.Error, or
// returns nil when err is nil. write reports whether the call was the final,
// non-idempotent write: then a transport error, an unreadable answer and a
// transient Graph error (codes 1 and 2, is_transient) are KindUnknown,
// because Graph may have published anyway; on any other call they are
// KindTransient. A connection that was never made is KindTransient either
// way. Rate-limit errors carry RetryAt from the usage headers' longest
// estimated_time_to_regain_access, measured from time.Now.
func Classify(platform string, res fb.Result, err error, write bool) *publishers.Error {
	return ClassifyAt(time.Now(), platform, res, err, write)
}

// ClassifyAt is Classify with the current time given, for connectors with
// an injected clock.
func ClassifyAt(now time.Time, platform string, res fb.Result, err error, write bool) *publishers.Error {
	if err == nil {
		return nil
	}
	e := &publishers.Error{Platform: platform}
	var ge *fb.Error
	var ue *fb.UnmarshalError
	switch {
	case errors.As(err, &ge):
		e.Kind = kindFor(ge.Code, ge.ErrorSubcode, ge.IsTransient)
		e.Code = codeString(ge)
		e.Message = message(ge)
		if e.Kind == publishers.KindRateLimited {
			e.RetryAt = retryAt(now, res)
		}
	case errors.As(err, &ue):
		e.Kind = publishers.KindTransient
		e.Message = "unreadable answer from the Graph API"
		e.Err = errors.New(ue.Message)
	case publishers.NeverSent(err):
		e.Kind = publishers.KindTransient
		e.Err = redacted(err)
		return e
	default:
		e.Kind = publishers.KindTransient
		e.Err = redacted(err)
	}
	if write && e.Kind == publishers.KindTransient {
		e.Kind = publishers.KindUnknown
	}
	return e
}

func codeString(ge *fb.Error) string {
	s := strconv.Itoa(ge.Code)
	if ge.ErrorSubcode != 0 {
		s += "/" + strconv.Itoa(ge.ErrorSubcode)
	}
	return s
}

// tokenPattern matches Meta access tokens (Facebook "EAA…", Instagram
// "IGQV…" and "IGAA…"), which Graph quotes in some messages, e.g.
// "Malformed access token EAA…".
var tokenPattern = regexp.MustCompile(`\b(EAA|IGQV|IGAA)[A-Za-z0-9_\-]{8,}`)

// message is Graph's message, followed by the message meant for people
// when Graph gives one, with any access token in them replaced.
func message(ge *fb.Error) string {
	m := ge.Message
	if ge.UserMessage != "" && ge.UserMessage != ge.Message {
		m += " (" + ge.UserMessage + ")"
	}
	return tokenPattern.ReplaceAllString(m, "[redacted]")
}

// redacted returns err with any URL it carries stripped of its query. It
// keeps the underlying cause, so errors.Is still sees timeouts and
// cancellations.
func redacted(err error) error {
	var ue *url.Error
	if !errors.As(err, &ue) {
		return err
	}
	return &url.Error{Op: ue.Op, URL: redactURL(ue.URL), Err: ue.Err}
}

// retryAt returns when Graph expects access to come back, from the usage
// headers huandu parsed into res, or zero when no header says.
func retryAt(now time.Time, res fb.Result) time.Time {
	u := res.UsageInfo()
	if u == nil {
		return time.Time{}
	}
	minutes := max(u.App.EstimatedTimeToRegainAccess, u.Page.EstimatedTimeToRegainAccess)
	for _, limits := range u.BusinessUseCase {
		for _, l := range limits {
			if l != nil {
				minutes = max(minutes, l.EstimatedTimeToRegainAccess)
			}
		}
	}
	if minutes <= 0 {
		return time.Time{}
	}
	return now.Add(time.Duration(minutes) * time.Minute)
}
