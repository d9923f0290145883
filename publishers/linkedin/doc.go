// Package linkedin publishes posts to a LinkedIn organisation page through
// LinkedIn's versioned REST API (the Posts and Images APIs of the Community
// Management API).
//
// A post is one POST /rest/posts with the LinkedIn-Version header (setting
// version, default DefaultVersion) and X-Restli-Protocol-Version 2.0.0. Its
// commentary is the post text, with the link on its own line when the text
// does not already hold it, escaped for LinkedIn's "little text" format so
// that characters such as ( ) _ * do not cut the post short (see Escape).
// Images are registered with POST /rest/images?action=initializeUpload,
// their bytes (metadata stripped) PUT to the upload URL LinkedIn returns,
// and their status read once before the post references them (Publish
// never waits: an image still PROCESSING is posted as is); several images
// make a multi-image post (content.multiImage, up to 20: verify).
// Preflight checks the commentary's length (3,000 UTF-16 code units after
// escaping), the image count, types (JPEG, PNG, GIF), pixel count (below
// 36,152,320) and alt text length. LinkedIn answers a created post with 201
// and the post's URN (urn:li:share:…) in the x-restli-id header.
//
// # Configuration
//
//	author         the page, as urn:li:organization:<id> (required)
//	access_token   OAuth 2.0 access token (required; or access_token_file)
//	version        LinkedIn-Version, YYYYMM (default DefaultVersion)
//	token_expires  the token's expiry date, RFC 3339 (2026-03-31), to be
//	               warned 14 days ahead, since LinkedIn does not report it
//	api_base       default https://api.linkedin.com (tests point it at lifake)
//
// # Credentials
//
// Create an app at https://www.linkedin.com/developers/, associate it with
// the practice's page (the page's super admin verifies it), and request the
// Community Management API product. Then obtain a three-legged OAuth 2.0
// token for a member who is an ADMINISTRATOR (or content admin) of the
// page, with the scopes w_organization_social (to post),
// r_organization_social (to read recent posts when an outcome is unknown)
// and rw_organization_admin (for the account check, which reads
// GET /rest/organizations/{id}; verify which admin scope your app was
// granted). The page id is the number in the page
// admin URL, linkedin.com/company/<id>/admin. Access tokens last 60 days
// and refresh tokens are given only to approved partners, so write the
// expiry date into token_expires when you create the token and renew it
// when postgate accounts check warns.
//
// LinkedIn retires each version about a year after its release and then
// answers 426 NONEXISTENT_VERSION; the account check warns when version is
// over ten months old.
//
// # Failures
//
// 401 (including codes 65600–65602) and 403 ACCESS_DENIED are auth
// failures; 422 DUPLICATE_POST is a duplicate whose ExistingID is the
// earlier post; 429 is rate-limited until the next midnight UTC, when
// LinkedIn's daily limits reset; other 400 and 422 answers reject the
// content; 426 and other 4xx answers are permanent. A timeout, reset
// connection or 5xx on the post itself leaves the outcome unknown; on an
// image upload or a read it is transient. Reconcile finds an unknown post
// among the page's ten most recent posts.
package linkedin
