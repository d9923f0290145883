// Package facebook publishes to a Facebook Page through the Graph API,
// pinned to one version (graph_version, default v25.0), using
// github.com/huandu/facebook/v2 through package graph.
//
// A text post, with its link as Graph's link field, is POST
// /{page-id}/feed. One image is POST /{page-id}/photos (multipart source,
// the text as message, the link appended to it on a new line). Several
// images are each uploaded with published=false, then attached to one feed
// post with attached_media. Images are stripped of EXIF, GPS, XMP and
// comments first (package media). Alt text is not sent: Graph's Page photo
// upload has no documented alt-text field, and Facebook generates its own.
//
// Only the final request can publish, so only its failures (a timeout, a
// dropped connection, a 5xx, Graph codes 1 and 2) are outcome-unknown;
// Reconcile then reads the Page's ten latest posts and matches the text.
// Facebook has no idempotency key, and reports repeated text as code 506.
//
// # Configuration (platforms.facebook)
//
//	page_id            required, the Page's numeric id (Page → About → Page transparency, or GET /me/accounts)
//	page_access_token  required secret (or page_access_token_file)
//	app_secret         optional secret (or app_secret_file): signs every call with appsecret_proof
//	graph_version      optional, default v25.0
//	api_base           optional, default https://graph.facebook.com (tests point it at fbfake)
//
// # Credentials
//
// Create a Meta app of type Business at developers.facebook.com and add the
// Facebook Login for Business product. As a person who can create content
// on the Page (a Page admin or editor), get a user token in the Graph API
// Explorer with the permissions pages_manage_posts, pages_read_engagement
// and pages_show_list, exchange it for a long-lived user token
// (GET /oauth/access_token?grant_type=fb_exchange_token), then read the
// Page token with GET /me/accounts (or GET /{page-id}?fields=access_token).
// A Page token obtained from a long-lived user token does not expire until
// the password changes or the app loses its permissions (verify);
// `postgate accounts check` reports the expiry debug_token gives and warns
// 14 days ahead. If the app has "Require App Secret" switched on, set
// app_secret to the app's secret (App settings → Basic).
package facebook
