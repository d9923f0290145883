// Package publishers defines the contract every platform connector meets, the
// classification of their failures, the one retry policy that wraps them, and
// the registry that builds them from configuration.
//
// A connector lives in its own leaf package (publishers/x, publishers/facebook,
// …). It neither sleeps nor retries: it sends one attempt and, on failure,
// returns an *Error whose Kind tells the caller what may happen next.
package publishers

import (
	"context"
	"time"

	"github.com/connections/postgate"
)

// Request is one delivery to publish.
type Request struct {
	Delivery postgate.Delivery
	Content  postgate.Content
	// Handle is the idempotency handle returned by Prepare and committed to
	// the store before Publish is called (an Instagram container id, a
	// Mastodon Idempotency-Key, a Bluesky rkey). Empty when the publisher
	// does not implement Preparer.
	Handle string
	// Attempt counts Publish calls for this delivery, starting at 1.
	Attempt int
}

// Receipt is the platform's proof of publication.
type Receipt struct {
	ID          string    `json:"id"`            // the platform's id for the post
	URL         string    `json:"url,omitempty"` // a link to the post, when known
	PublishedAt time.Time `json:"published_at"`
}

// Publisher sends one delivery to one platform.
//
// Publish makes one attempt. On success it returns the platform's receipt.
// On failure it returns an error for which KindOf reports what happened:
// KindUnknown whenever the platform may have published the post (a timeout,
// a reset connection or a 5xx answer to the write), so that the caller never
// retries it blindly. Publish must not sleep, retry, or log secrets.
type Publisher interface {
	Publish(ctx context.Context, req Request) (Receipt, error)
}

// Preparer is implemented by publishers with a safe, idempotent first step
// whose result must be stored before the non-idempotent write. The caller
// commits the returned handle to the store, then calls Publish with
// Request.Handle set. Prepare with a Request whose Handle is already set
// must reuse or re-validate that handle rather than create a new one.
type Preparer interface {
	Prepare(ctx context.Context, req Request) (handle string, err error)
}

// Reconciler is implemented by publishers that can find out whether a
// delivery whose outcome is unknown was in fact published, by reading the
// account's recent posts and matching the normalised text prefix at or
// after since. found is false when no matching post exists.
type Reconciler interface {
	Reconcile(ctx context.Context, req Request, since time.Time) (r Receipt, found bool, err error)
}

// Problem is a reason the platform would refuse content, found before any
// network call (length by the platform's counting rules, media count, type
// and size, missing alt text).
type Problem struct {
	Field   string `json:"field"`   // "text", "media[0]", …
	Message string `json:"message"` // plain English, for marketing staff
}

// Preflighter checks content against the platform's limits without I/O
// beyond reading local media files.
type Preflighter interface {
	Preflight(c postgate.Content) []Problem
}

// AccountStatus is the result of verifying a configured account.
type AccountStatus struct {
	Platform  postgate.Platform `json:"platform"`
	Account   string            `json:"account"`             // the account's name or id as the platform reports it
	ExpiresAt time.Time         `json:"expires_at,omitzero"` // token expiry when the platform reports one
	Warnings  []string          `json:"warnings,omitempty"`
}

// AccountChecker verifies credentials against the platform.
type AccountChecker interface {
	CheckAccount(ctx context.Context) (AccountStatus, error)
}
