// Package bluesky publishes posts to one Bluesky account through the AT
// Protocol's XRPC endpoints on its PDS, with hand-written structs over
// net/http (the indigo SDK is not used: platform-apis.md §6.6).
//
// Session: the first call that needs one logs in with
// com.atproto.server.createSession (identifier and app password) and keeps
// the accessJwt and refreshJwt in memory only. When the PDS answers a call
// with 400 ExpiredToken or InvalidToken, the request certainly was not
// carried out, so the connector renews the session with
// com.atproto.server.refreshSession (or logs in again when the refresh
// token is refused too) and sends that call once more. That is a
// re-authentication, not a publish retry.
//
// Idempotency: Prepare returns a TID record key from the clock (or the
// stored handle, unchanged), which the caller stores before the first
// attempt. Publish first reads that record with com.atproto.repo.getRecord:
// if it exists, an earlier attempt published it and its receipt is
// returned. Otherwise it uploads the images and calls
// com.atproto.repo.createRecord with that rkey. Creating an existing rkey
// makes the PDS answer 500, which would be outcome-unknown; the read
// first makes that case harmless. Reconcile is the same getRecord, which
// is authoritative.
//
// The record is an app.bsky.feed.post: the post text with the link on a
// line of its own unless the text holds it, createdAt, and a
// app.bsky.richtext.facet#link facet with UTF-8 byte offsets for every URL
// (Bluesky does not link URLs by itself). Images are read with media.Load,
// which strips EXIF (including GPS), XMP and comments, sent with
// com.atproto.repo.uploadBlob, and embedded as app.bsky.embed.images with
// their alt text and aspectRatio.
//
// Preflight checks 300 graphemes and 3,000 bytes of text (links count in
// full), at most four images of JPEG, PNG or WebP, each at most 1,000,000
// bytes without metadata, and alt text on each.
//
// # Configuration (platforms.bluesky)
//
//	api_base      the account's PDS (default https://bsky.social)
//	identifier    the handle (practice.bsky.social) or DID (required)
//	app_password  an app password (required; or app_password_file)
//
// # Credentials
//
// Signed in to the practice's account at bsky.app, open Settings →
// Privacy and security → App passwords, add one named postgate (leave
// "Allow access to your direct messages" off) and copy the password, which
// looks like xxxx-xxxx-xxxx-xxxx and is shown only once, into app_password
// (or a file named by app_password_file). Put the account's handle into
// identifier. Never use the account's own password: an app password can be
// revoked on that page without touching anything else, and accounts with
// e-mail two-factor sign-in accept only app passwords here. The account
// check warns when app_password does not look like one. Accounts hosted on
// their own PDS set api_base to it.
//
// # Failures
//
// 400 ExpiredToken or InvalidToken after the session was renewed, 401
// (wrong password, AuthMissing), 403 and 400 AuthFactorTokenRequired or
// AccountTakedown are auth failures; other 400s (InvalidRequest: the record
// does not validate) and 413 reject the content; 429 is rate-limited until
// RateLimit-Reset (seconds since the epoch). A timeout, reset connection
// or 5xx on createRecord leaves the outcome unknown; on any other call it
// is transient.
package bluesky
