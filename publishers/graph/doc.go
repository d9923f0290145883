// Package graph holds what the Facebook Page and Instagram connectors share
// about Meta's Graph API: a huandu/facebook session pinned to one API
// version, with appsecret_proof and with secrets kept out of transport
// errors, and the classification of Graph errors into publishers.Kind.
//
// Graph reports failures in the body, not the HTTP status:
//
//	{"error":{"message":"…","type":"OAuthException","code":190,"error_subcode":463,"fbtrace_id":"…"}}
//
// so Classify decides by code and subcode. huandu/facebook does not expose
// the HTTP status, so Error.Status stays zero for Graph calls.
package graph
