// Package igfake is a fake of the Instagram Graph API content-publishing
// endpoints, for tests of the instagram connector and for crash tests that
// run the real postgate binary against it.
//
// It serves, under the pinned version prefix ("/v25.0/" by default):
//
//	POST /{ig-user-id}/media                      create a container (image, carousel item or carousel)
//	GET  /{container-id}?fields=status_code,status read its status
//	POST /{ig-user-id}/media_publish              publish a container (creation_id)
//	GET  /{ig-user-id}/media?fields=…             list published media, newest first
//	GET  /{media-id}?fields=…                     read one published media
//	GET  /{ig-user-id}?fields=username            read the account
//	GET  /{ig-user-id}/content_publishing_limit   read the publishing quota
//	GET  /debug_token?input_token=…               inspect the token (expiry, scopes)
//
// With Options.MediaDir set it also plays the practice's web server:
// GET /media/<path> (no version prefix) serves MediaDir/<path> with its
// metadata stripped, so media_base_url can be URL+"/media". With
// Options.FetchImages it fetches each image_url as Meta does and records
// the bytes it got in Post.Images.
//
// Like the real API it checks the access token (query, form or bearer
// header), the appsecret_proof when an app secret is configured, the version
// prefix, the form encoding of writes and the container flow: publishing an
// unknown, expired or unfinished container fails with the documented Graph
// error, and publishing beyond the quota fails with code 9, subcode 2207042.
// Every error is the Graph error object {"error":{…}} with HTTP 400, because
// clients decide by code and subcode, not by status.
//
// Knobs let a test script the status sequence of the next containers
// (IN_PROGRESS then FINISHED, ERROR, EXPIRED), fail the next requests to an
// endpoint with any status and body, answer a write and then hang or drop the
// connection, and delay answers.
package igfake
