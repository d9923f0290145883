// Package xfake is a faithful stand-in for the parts of X API v2 that
// postgate uses, for tests and for running the real binary against it.
//
// It checks every request as X does: an OAuth 1.0a signature recomputed
// from what the server sees, content types, required fields and limits.
// It answers with X's status codes, problem bodies and x-rate-limit-*
// headers, records what was published, and has knobs to inject failures:
// answer with an error, process a write and then hang or drop the
// connection, or delay.
//
// Endpoints: POST /2/tweets; POST /2/media/upload/initialize,
// /2/media/upload/{id}/append and /2/media/upload/{id}/finalize; the older
// single-URL POST /2/media/upload (command=INIT|APPEND|FINALIZE, or a
// one-shot multipart upload); GET /2/media/upload?command=STATUS;
// POST /2/media/metadata; GET /2/users/me; GET /2/users/{id}/tweets.
//
// In a test, New(t, creds) starts it on 127.0.0.1 and closes it at the end;
// point the connector's api_base at Server.URL. Without a *testing.T (for
// example to serve a postgate binary started by a test), New(nil, creds)
// returns a server the caller closes, and NewFake gives the bare handler.
// Posts reports what was published; Inject, FailNext, SetProcessing,
// SetDailyLimit and SetNow steer it.
package xfake
