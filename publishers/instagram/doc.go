// Package instagram publishes posts to an Instagram professional (business
// or creator) account through the Instagram Graph API, pinned to Graph
// version v25.0 by default, using the graph package's huandu/facebook
// session.
//
// # How a post goes out
//
// Instagram never receives image bytes from postgate: Meta fetches each
// image from a public URL. So:
//
//  1. Prepare checks each image (a JPEG of at most 8 MB, aspect 4:5 to
//     1.91:1), fetches it from media_base_url + "/" + the media path as
//     written in the calendar and checks that the served file carries no
//     metadata and has the calendar image's size, then creates a container:
//     POST /{ig-user-id}/media with image_url, caption and alt_text. A post
//     with 2 to 10 images becomes a carousel: one item container per image
//     (is_carousel_item=true, with its alt_text), then a CAROUSEL container
//     over them with the caption. The container id is the delivery's
//     idempotency handle; the scheduler stores it before calling Publish.
//  2. Publish reads GET /{container-id}?fields=status_code,status and, when
//     it is FINISHED and GET /{ig-user-id}/content_publishing_limit shows a
//     free slot, calls POST /{ig-user-id}/media_publish?creation_id=…. A
//     container that is already PUBLISHED is never published again: its
//     media is looked up in GET /{ig-user-id}/media instead.
//
// Text-only posts are impossible on Instagram and are refused (a Preflight
// problem, and KindRejected from Prepare). The caption is the text, then
// the link on its own line; Instagram does not make caption links clickable.
//
// A Publish that fails with KindTransient because the container EXPIRED or
// ended in ERROR is not helped by calling Publish again with the same
// handle: call Prepare with it first, which replaces such a container.
//
// # Publishing the images
//
// The practice must publish every image the calendar uses under
// media_base_url, at the same relative path as in the calendar, with its
// metadata removed (EXIF, GPS position, XMP, comments): for example with
// `exiftool -all= photo.jpg` or by exporting "without metadata". The URL
// must be public (no login, no redirects to a login page) and served over
// https. postgate checks each image there before every post and refuses to
// post one that still carries metadata or differs in size from the
// calendar's file.
//
// # Configuration (platforms.instagram)
//
//	ig_user_id       required: the numeric Instagram user id of the professional account
//	access_token     required secret (or access_token_file): a long-lived token
//	media_base_url   required: public https URL where the practice's images are served
//	app_secret       optional secret (or app_secret_file): sends appsecret_proof on every call
//	graph_version    optional, default v25.0
//	api_base         optional, default https://graph.facebook.com (tests point it at igfake)
//
// # Credentials
//
// The Instagram account must be a professional account linked to a
// Facebook Page. In a Meta app (developers.facebook.com) with the
// Instagram Graph API product, log in as a Page admin and grant
// instagram_basic, instagram_content_publish and pages_read_engagement
// (pages_show_list to find the account). Exchange the short-lived user
// token for a long-lived one (about 60 days) and, for a token that does not
// expire, use the Page token from GET /me/accounts. The ig_user_id is
// GET /{page-id}?fields=instagram_business_account. If the app has
// "Require App Secret" on, set app_secret. `postgate accounts check` reads
// the username, the publishing quota and the token's expiry (debug_token)
// and warns 14 days before the token expires.
package instagram
