// Package mastodonfake is a fake Mastodon instance, faithful to the parts
// of the REST API the mastodon connector uses: POST /api/v1/statuses with
// Idempotency-Key, POST /api/v2/media and GET /api/v1/media/:id,
// GET /api/v1/accounts/verify_credentials, GET /api/v1/accounts/:id/statuses
// and GET /api/v2/instance.
//
// It checks what Mastodon checks (the bearer token, the length of the
// status counted as Mastodon counts it, the number and state of the
// attachments, the media type and size, the visibility) and answers with
// Mastodon's status codes, error bodies ({"error":"…"}) and X-RateLimit-*
// headers. It remembers each Idempotency-Key for one hour of its clock and
// answers a repeated key with the status the key created, without creating
// another. Status content is rendered to HTML as Mastodon renders it
// (paragraphs, line breaks, links with invisible spans).
//
// Knobs inject failures: error answers, a status that is recorded and then
// hangs or drops the connection, media that stays processing, a rate
// limit, a revoked token.
//
// Use New in tests (closed with the test), or NewFake as a plain handler:
//
//	fake := mastodonfake.NewFake(mastodonfake.Config{Token: "t"})
//	log.Fatal(http.ListenAndServe("127.0.0.1:8090", fake))
//
// and point the connector's api_base at it. Statuses, Media and Requests
// report what was received; they are safe for concurrent use.
package mastodonfake
