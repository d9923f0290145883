// Package mastodon publishes posts to one Mastodon account through the
// instance's REST API, over net/http.
//
// A post is one POST /api/v1/statuses (JSON: status, media_ids,
// visibility, language) carrying an Idempotency-Key header. The key comes
// from Prepare, which derives it from the delivery key (IdempotencyKey),
// so every attempt for a delivery sends the same key and the instance,
// which remembers keys for one hour, creates at most one status: a retry
// after a lost answer gets the status the first attempt created. (The
// header also makes net/http replay the request by itself when a kept-alive
// connection drops, which the key makes just as harmless.) The text
// is the post text with the link on a line of its own unless the text
// already holds it.
//
// Images are read with media.Load, which strips EXIF (including GPS), XMP
// and comments, and sent to POST /api/v2/media as multipart (file, and
// description for the alt text). Images are normally processed at once
// (200); a 202 means the instance is still processing, and since Publish
// never waits, the attempt fails KindTransient with RetryAt ten seconds
// ahead.
//
// Preflight counts as the instance does (Length): grapheme clusters, each
// http(s) URL 23, a remote mention @user@domain as @user, against
// max_characters (default 500); at most four images of JPEG, PNG, GIF or
// WebP up to 16 MB, each with alt text up to 1,500 characters.
//
// # Configuration (platforms.mastodon)
//
//	api_base        the instance, such as https://mastodon.social (required)
//	access_token    the application's access token (or access_token_file)
//	visibility      public (default), unlisted, private or direct
//	language        ISO 639 code of the posts, such as en (default: the
//	                instance guesses)
//	max_characters  the instance's post length limit (default 500)
//
// # Credentials
//
// Signed in to the practice's account on its instance, open Preferences →
// Development → New application. Give it a name (postgate) and tick only
// the scopes write:statuses (to post), write:media (to upload images),
// read:accounts (for the account check and reconciliation) and
// read:statuses (to read recent posts when an outcome is unknown). Save,
// open the application and copy "Your access token" into access_token (or
// a file named by access_token_file). The token does not expire; revoke
// it there by deleting the application. postgate accounts check reports
// the instance's own limits when they differ from the defaults.
//
// # Failures
//
// 401 and 403 are auth failures; 422 (validation failed: too long, bad
// media) and 413 reject the content; 429 is rate-limited until
// X-RateLimit-Reset (an ISO 8601 time); other 4xx answers are permanent.
// A timeout, reset connection or 5xx on the status write leaves the
// outcome unknown; on an upload or a read it is transient. Reconcile reads
// GET /api/v1/accounts/verify_credentials and the account's 40 most recent
// statuses, turns their HTML content back into text (PlainText) and
// matches the first 40 normalised characters.
package mastodon
