package xfake_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/connections/postgate/publishers/x/xfake"
)

// The signature example of X's "Creating a signature" page
// (platform-apis.md §1.2).
var docCreds = xfake.Credentials{
	ConsumerKey:       "xvz1evFS4wEEPTGEFPHBog",
	ConsumerSecret:    "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw",
	AccessToken:       "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb",
	AccessTokenSecret: "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE",
}

const (
	docSignature = "hCtSmYh+iHYCEqBWrE7C7hYmtUk="
	docURL       = "https://api.twitter.com/1.1/statuses/update.json?include_entities=true"
	docBody      = "status=Hello%20Ladies%20%2B%20Gentlemen%2C%20a%20signed%20OAuth%20request%21"
)

func docOAuth() map[string]string {
	return map[string]string{
		"oauth_consumer_key":     docCreds.ConsumerKey,
		"oauth_nonce":            "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg",
		"oauth_signature":        docSignature,
		"oauth_signature_method": "HMAC-SHA1",
		"oauth_timestamp":        "1318622958",
		"oauth_token":            docCreds.AccessToken,
		"oauth_version":          "1.0",
	}
}

func authHeader(oauth map[string]string) string {
	var parts []string
	for k, v := range oauth {
		parts = append(parts, k+`="`+url.QueryEscape(v)+`"`)
	}
	return "OAuth " + strings.Join(parts, ", ")
}

func TestSignatureDocVector(t *testing.T) {
	params := url.Values{
		"include_entities": {"true"},
		"status":           {"Hello Ladies + Gentlemen, a signed OAuth request!"},
	}
	for k, v := range docOAuth() {
		if k != "oauth_signature" {
			params.Set(k, v)
		}
	}
	got := xfake.Signature("post", "https://api.twitter.com/1.1/statuses/update.json", params, docCreds.ConsumerSecret, docCreds.AccessTokenSecret)
	if got != docSignature {
		t.Fatalf("Signature = %q, want %q", got, docSignature)
	}
}

func TestVerify(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(r *http.Request, oauth map[string]string)
		creds func(c *xfake.Credentials)
		ok    bool
	}{
		{"the documented request", nil, nil, true},
		{"oauth_version dropped after signing", func(_ *http.Request, o map[string]string) { delete(o, "oauth_version") }, nil, false},
		{"body changed", func(r *http.Request, _ map[string]string) {
			r.Body = http.NoBody
		}, nil, false},
		{"query changed", func(r *http.Request, _ map[string]string) { r.URL.RawQuery = "include_entities=false" }, nil, false},
		{"method changed", func(r *http.Request, _ map[string]string) { r.Method = http.MethodPut }, nil, false},
		{"plain http", func(r *http.Request, _ map[string]string) { r.TLS = nil }, nil, false},
		{"other host", func(r *http.Request, _ map[string]string) { r.Host = "api.x.com" }, nil, false},
		{"host upper case and default port", func(r *http.Request, _ map[string]string) { r.Host = "API.Twitter.com:443" }, nil, true},
		{"nonce changed", func(_ *http.Request, o map[string]string) { o["oauth_nonce"] += "x" }, nil, false},
		{"timestamp changed", func(_ *http.Request, o map[string]string) { o["oauth_timestamp"] = "1318622959" }, nil, false},
		{"no nonce", func(_ *http.Request, o map[string]string) { delete(o, "oauth_nonce") }, nil, false},
		{"PLAINTEXT", func(_ *http.Request, o map[string]string) { o["oauth_signature_method"] = "PLAINTEXT" }, nil, false},
		{"version 2.0", func(_ *http.Request, o map[string]string) { o["oauth_version"] = "2.0" }, nil, false},
		{"wrong token secret", nil, func(c *xfake.Credentials) { c.AccessTokenSecret += "x" }, false},
		{"wrong consumer secret", nil, func(c *xfake.Credentials) { c.ConsumerSecret += "x" }, false},
		{"unknown consumer key", nil, func(c *xfake.Credentials) { c.ConsumerKey = "other" }, false},
		{"unknown token", nil, func(c *xfake.Credentials) { c.AccessToken = "other" }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest(http.MethodPost, docURL, strings.NewReader(docBody))
			r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			oauth := docOAuth()
			if tt.edit != nil {
				tt.edit(r, oauth)
			}
			r.Header.Set("Authorization", authHeader(oauth))
			c := docCreds
			if tt.creds != nil {
				tt.creds(&c)
			}
			_, err := c.Verify(r)
			if (err == nil) != tt.ok {
				t.Fatalf("Verify: %v, want ok=%v", err, tt.ok)
			}
		})
	}
}

func TestVerifyMalformedHeader(t *testing.T) {
	for _, h := range []string{"", "Bearer abc", `OAuth oauth_nonce=abc`, `OAuth oauth_nonce="%zz"`} {
		r := httptest.NewRequest(http.MethodPost, docURL, strings.NewReader(docBody))
		r.Header.Set("Authorization", h)
		if _, err := docCreds.Verify(r); err == nil {
			t.Errorf("Verify accepted Authorization %q", h)
		}
	}
}
