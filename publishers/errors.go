package publishers

import (
	"errors"
	"fmt"
	"time"
)

// Kind classifies a failed attempt. It decides what the caller does next.
type Kind int

// The kinds of failure. The zero value is KindUnknown, so an unclassified
// error is treated as "the post may be live" and is never retried blindly.
const (
	// KindUnknown: the platform may have published the post (timeout,
	// connection reset, 5xx or Facebook code 1/2 on a write). Reconcile or
	// show a person; never retry blindly.
	KindUnknown Kind = iota
	// KindTransient: the request certainly did not publish (connection
	// refused, 5xx before any write, documented transient error); retry with
	// backoff.
	KindTransient
	// KindRateLimited: the platform refused for now; retry at RetryAt.
	KindRateLimited
	// KindAuth: the credentials are missing, invalid, expired or lack a
	// permission. Permanent until a person fixes them.
	KindAuth
	// KindRejected: the platform refused this content (too long, bad media,
	// policy block). Permanent for this content.
	KindRejected
	// KindDuplicate: the platform says this content was already posted.
	// ExistingID carries the earlier post's id when the platform names it.
	KindDuplicate
	// KindPermanent: any other failure that will not succeed on retry
	// (misconfiguration, unsupported request).
	KindPermanent
)

var kindNames = map[Kind]string{
	KindUnknown:     "outcome-unknown",
	KindTransient:   "transient",
	KindRateLimited: "rate-limited",
	KindAuth:        "auth",
	KindRejected:    "rejected",
	KindDuplicate:   "duplicate",
	KindPermanent:   "permanent",
}

func (k Kind) String() string {
	if s, ok := kindNames[k]; ok {
		return s
	}
	return fmt.Sprintf("kind(%d)", int(k))
}

// Retryable reports whether an attempt that failed with this kind may be
// sent again automatically.
func (k Kind) Retryable() bool { return k == KindTransient || k == KindRateLimited }

// Error is a classified publishing failure. Message is the platform's own
// words (never containing a secret); Err is the underlying cause.
type Error struct {
	Platform   string
	Kind       Kind
	Status     int       // HTTP status, when there was one
	Code       string    // the platform's error code, when there was one
	Message    string    // the platform's message, for the review file
	RetryAt    time.Time // for KindRateLimited: when the limit resets (zero if unknown)
	ExistingID string    // for KindDuplicate: the earlier post, when named
	Err        error
}

func (e *Error) Error() string {
	s := e.Platform + ": " + e.Kind.String()
	if e.Status != 0 {
		s += fmt.Sprintf(" (HTTP %d)", e.Status)
	}
	if e.Code != "" {
		s += " code " + e.Code
	}
	if e.Message != "" {
		s += ": " + e.Message
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

func (e *Error) Unwrap() error { return e.Err }

// KindOf reports the kind of err. An error that is not an *Error is
// KindUnknown: the caller must assume the post may be live.
func KindOf(err error) Kind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return KindUnknown
}

// RetryAtOf returns the reset time carried by a rate-limit error, or zero.
func RetryAtOf(err error) time.Time {
	var e *Error
	if errors.As(err, &e) {
		return e.RetryAt
	}
	return time.Time{}
}
