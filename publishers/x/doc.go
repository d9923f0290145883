// Package x publishes posts to one X (Twitter) account.
//
// It speaks X API v2 over net/http: POST /2/tweets for the post, the
// chunked media upload (POST /2/media/upload/initialize, /{id}/append as
// multipart, /{id}/finalize, and one STATUS read when X reports
// processing_info) for images, and POST /2/media/metadata for alt text.
// Every request is signed with OAuth 1.0a user context by
// github.com/dghubble/oauth1; JSON and multipart bodies are not part of
// the signature, as X requires. dghubble/go-twitter is not used: it only
// speaks the retired v1.1 API and is no longer maintained.
//
// Before uploading, each image is read with media.Load, which strips EXIF
// (including GPS), XMP and comments. Images are checked against X's limits
// (at most four, or one GIF; JPEG, PNG, GIF or WebP; 5 MB; alt text up to
// 1,000 characters) and the text against the weighted 280-character limit
// with each link counted as 23.
//
// Publish makes one attempt and classifies every failure (see errors.go
// for the table): 401 is KindAuth, 403 "duplicate content" KindDuplicate
// (X names no earlier post), 429 KindRateLimited with RetryAt from
// x-rate-limit-reset or the 24-hour x-user-limit-24hour-reset and
// x-app-limit-24hour-reset headers, 400 KindRejected; a timeout, reset
// connection or 5xx is KindUnknown on POST /2/tweets and KindTransient
// on the uploads before it. If X is still processing an image (GIFs), the
// attempt fails KindTransient with RetryAt after X's check_after_secs.
//
// Reconcile reads GET /2/users/me and GET /2/users/{id}/tweets
// (max_results=5, start_time) and matches the first 40 normalised
// characters. CheckAccount reads GET /2/users/me.
//
// # Configuration (platforms.x)
//
//	api_base             default https://api.x.com (tests point it at xfake)
//	consumer_key         the app's API key          (or consumer_key_file)
//	consumer_secret      the app's API key secret   (or consumer_secret_file)
//	access_token         the account's access token (or access_token_file)
//	access_token_secret  its secret                 (or access_token_secret_file)
//
// # Credentials
//
// In the X developer portal (developer.x.com), create a project and an app
// on a plan that includes posting. Under the app's "User authentication
// settings" turn on OAuth 1.0a with app permissions "Read and write" (the
// account check and reconcile read, publishing writes). Then, under "Keys
// and tokens", copy the API key and secret (consumer_key, consumer_secret)
// and generate the access token and secret while signed in as the
// practice's X account (access_token, access_token_secret). Tokens made
// before the permission was set to "Read and write" are read-only: generate
// them again. OAuth 1.0a tokens do not expire; revoke them in the portal.
package x
