// Package lifake is a fake of the LinkedIn REST API for organisation posts,
// faithful to the wire format the linkedin connector uses: the Posts API
// (create and list by author), the Images API (initializeUpload, the upload
// URL, status) and the organisation lookup.
//
// It checks every request the way LinkedIn does (bearer token, the
// LinkedIn-Version and X-Restli-Protocol-Version headers, JSON body shape,
// the page the token administers) and answers with LinkedIn's status codes
// and error bodies. Commentary is rendered as LinkedIn renders the little
// text format, so a post with an unescaped reserved character is recorded
// cut short, as the real API silently does. Knobs inject failures: error
// answers, a write that is recorded and then hangs or drops the
// connection, and delays.
//
// Use New in tests (closed with the test), or NewFake as a plain handler:
//
//	fake := lifake.NewFake(lifake.Config{Token: "t", Organization: "urn:li:organization:1"})
//	log.Fatal(http.ListenAndServe("127.0.0.1:8089", fake))
//
// and point the connector's api_base at it. Posts, Images and Requests
// report what was received; they are safe for concurrent use.
package lifake
