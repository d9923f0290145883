// Package blueskyfake is a fake Bluesky PDS, faithful to the XRPC
// endpoints the bluesky connector uses: com.atproto.server.createSession,
// refreshSession and getSession; com.atproto.repo.uploadBlob, createRecord
// and getRecord.
//
// It issues real HS256 JSON Web Tokens with an access or refresh scope and
// an expiry on its clock, and checks them as a PDS does: an expired token
// gets 400 ExpiredToken, a forged, revoked or wrong-scope one 400
// InvalidToken, a missing one 401 AuthMissing. A refresh token is spent
// when used. createSession is rate-limited as Bluesky limits it (30 in
// five minutes), with RateLimit-* headers.
//
// createRecord validates the record as the app.bsky.feed.post lexicon
// does: $type, createdAt as a datetime, text within 300 graphemes and
// 3,000 bytes, facets whose byte ranges lie inside the text on character
// boundaries with known features, and an app.bsky.embed.images embed of at
// most four images, each with alt text and a blob ref this account
// uploaded, at most 1,000,000 bytes. Like the real PDS today, creating a
// record under an existing rkey answers 500 InternalServerError.
//
// Knobs inject failures: error answers, a record that is stored and then
// hangs or drops the connection, a changed password (all sessions
// revoked), a deactivated account.
//
// Use New in tests (closed with the test), or NewFake as a plain handler,
// and point the connector's api_base at it. Records, Blobs, Logins and
// Requests report what was received; they are safe for concurrent use.
package blueskyfake
