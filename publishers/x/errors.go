package x

import (
	"cmp"
	"encoding/json"
	"errors"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/connections/postgate/publishers"
)

// rule maps one kind of X error answer to a Kind. A rule matches when the
// status is equal (500 stands for every 5xx), code is empty or equal to the
// answer's code, and detail is empty or contained in its message.
type rule struct {
	status int
	code   string // problem type's last path element, or a numeric v1.1 code
	detail string // lower-case fragment of the message
	kind   publishers.Kind
}

// rules is the one table of X errors, first match wins (platform-apis.md
// §1.4 and X's response-codes page). 5xx and 408 are KindTransient here and
// become KindUnknown on the final write.
var rules = []rule{
	{400, "", "", publishers.KindRejected}, // invalid-request: bad JSON, text too long, expired media id
	{401, "", "", publishers.KindAuth},     // bad or expired signature or token
	{403, "", "duplicate content", publishers.KindDuplicate},
	{403, "187", "", publishers.KindDuplicate}, // v1.1 "Status is a duplicate."
	{403, "453", "", publishers.KindAuth},      // access level lacks the endpoint
	{403, "client-forbidden", "", publishers.KindAuth},
	{403, "oauth1-permissions", "", publishers.KindAuth}, // app lacks write permission
	{403, "", "", publishers.KindRejected},               // any other refusal of this post
	{404, "", "", publishers.KindPermanent},              // wrong api_base or unknown media
	{408, "", "", publishers.KindTransient},
	{413, "", "", publishers.KindRejected},    // payload too large
	{429, "", "", publishers.KindRateLimited}, // rate limit, 24-hour cap or usage-capped
	{500, "", "", publishers.KindTransient},   // 500, 502, 503, 504
}

// classify returns the kind of an error answer.
func classify(status int, code, message string) publishers.Kind {
	key := status
	if status >= 500 {
		key = 500
	}
	message = strings.ToLower(message)
	for _, r := range rules {
		if r.status == key && (r.code == "" || r.code == code) && (r.detail == "" || strings.Contains(message, r.detail)) {
			return r.kind
		}
	}
	return publishers.KindPermanent
}

// xProblem is X's error body: a v2 problem at the top level, possibly with
// errors[], or the v1.1 shape {"errors":[{"code":88,"message":"…"}]}.
type xProblem struct {
	Title  string `json:"title"`
	Type   string `json:"type"`
	Detail string `json:"detail"`
	Errors []struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
		Title   string `json:"title"`
		Type    string `json:"type"`
		Detail  string `json:"detail"`
	} `json:"errors"`
}

// codeAndMessage returns the error's code and the platform's own words:
// the first entry of errors[] is the most specific when there is one.
func (pr xProblem) codeAndMessage() (code, message string) {
	typ, message := pr.Type, cmp.Or(pr.Detail, pr.Title)
	if len(pr.Errors) > 0 {
		e := pr.Errors[0]
		if e.Code != 0 {
			code = strconv.Itoa(e.Code)
		}
		typ = cmp.Or(typ, e.Type)
		message = cmp.Or(e.Message, e.Detail, message, e.Title)
	}
	if code == "" && typ != "" && typ != "about:blank" {
		code = typ[strings.LastIndex(typ, "/")+1:]
	}
	return code, message
}

// apiError classifies a non-2xx answer.
func (p *Publisher) apiError(c call, resp *http.Response, answer []byte) error {
	var pr xProblem
	_ = json.Unmarshal(answer, &pr) // a body that is not X's JSON leaves pr empty
	code, message := pr.codeAndMessage()
	if message == "" {
		message = http.StatusText(resp.StatusCode)
	}
	e := &publishers.Error{
		Platform: platform,
		Kind:     classify(resp.StatusCode, code, message),
		Status:   resp.StatusCode,
		Code:     code,
		Message:  p.scrubString(message),
	}
	switch {
	case e.Kind == publishers.KindRateLimited:
		e.RetryAt = retryAt(resp.Header)
	case e.Kind == publishers.KindTransient && c.write:
		e.Kind = publishers.KindUnknown
	}
	return e
}

// retryAt reads X's reset headers (Unix seconds): x-rate-limit-reset for
// the 15-minute window and the 24-hour x-user-limit-24hour-reset and
// x-app-limit-24hour-reset. Of the limits whose remaining count is 0 it
// returns the latest reset, since all of them must have reset; when none is
// marked spent, the earliest reset given; when no header is given, zero.
func retryAt(h http.Header) time.Time {
	var spent, earliest time.Time
	for _, prefix := range []string{"x-rate-limit", "x-user-limit-24hour", "x-app-limit-24hour"} {
		secs, err := strconv.ParseInt(h.Get(prefix+"-reset"), 10, 64)
		if err != nil {
			continue
		}
		reset := time.Unix(secs, 0).UTC()
		if h.Get(prefix+"-remaining") == "0" && reset.After(spent) {
			spent = reset
		}
		if earliest.IsZero() || reset.Before(earliest) {
			earliest = reset
		}
	}
	if !spent.IsZero() {
		return spent
	}
	return earliest
}

// transportError classifies a failure to get an answer. The final write
// is KindUnknown unless the connection was never made.
func (p *Publisher) transportError(c call, err error) error {
	kind := unclear(c)
	var op *net.OpError
	if errors.As(err, &op) && op.Op == "dial" {
		kind = publishers.KindTransient // nothing was sent
	}
	return &publishers.Error{
		Platform: platform, Kind: kind,
		Message: c.method + " " + c.path + ": no answer from X", Err: p.scrub(err),
	}
}

// scrub returns err with every credential value replaced by [redacted].
// The result keeps errors.Is for context errors and net.Error timeouts.
func (p *Publisher) scrub(err error) error {
	if err == nil {
		return nil
	}
	return &scrubbed{msg: p.scrubString(err.Error()), cause: err}
}

func (p *Publisher) scrubString(s string) string {
	for _, v := range p.secrets {
		if v != "" {
			s = strings.ReplaceAll(s, v, "[redacted]")
		}
	}
	return s
}

// scrubbed is an error whose text has had secrets removed. It does not
// unwrap to its cause (whose text may hold them) but answers errors.Is
// and Timeout for it.
type scrubbed struct {
	msg   string
	cause error
}

func (e *scrubbed) Error() string { return e.msg }

func (e *scrubbed) Is(target error) bool { return errors.Is(e.cause, target) }

func (e *scrubbed) Timeout() bool {
	var t interface{ Timeout() bool }
	return errors.As(e.cause, &t) && t.Timeout()
}
