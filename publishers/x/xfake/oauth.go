package xfake

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha1"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"sort"
	"strings"
)

// Credentials are the four values of an OAuth 1.0a user context: the app's
// consumer key and secret and the user's access token and secret.
type Credentials struct {
	ConsumerKey       string
	ConsumerSecret    string
	AccessToken       string
	AccessTokenSecret string
}

// oauthKeys are the protocol parameters every signed request must carry in
// its Authorization header (oauth_version is optional and, if present, 1.0).
var oauthKeys = []string{
	"oauth_consumer_key", "oauth_nonce", "oauth_signature",
	"oauth_signature_method", "oauth_timestamp", "oauth_token",
}

// Verify checks r's Authorization header the way X does: it rebuilds the
// signature base string from what the server sees (method, scheme, host,
// path, query parameters, form-encoded body parameters and the oauth_*
// values), signs it with the consumer and token secrets, and compares. It
// returns the header's oauth_* values on success. A form body is read and
// put back, so handlers can still parse it.
func (c Credentials) Verify(r *http.Request) (map[string]string, error) {
	oauth, err := parseAuthorization(r.Header.Get("Authorization"))
	if err != nil {
		return nil, err
	}
	for _, k := range oauthKeys {
		if oauth[k] == "" {
			return nil, fmt.Errorf("missing %s", k)
		}
	}
	switch {
	case oauth["oauth_signature_method"] != "HMAC-SHA1":
		return nil, fmt.Errorf("unsupported signature method %q", oauth["oauth_signature_method"])
	case oauth["oauth_version"] != "" && oauth["oauth_version"] != "1.0":
		return nil, fmt.Errorf("unsupported oauth_version %q", oauth["oauth_version"])
	case oauth["oauth_consumer_key"] != c.ConsumerKey:
		return nil, errors.New("unknown consumer key")
	case oauth["oauth_token"] != c.AccessToken:
		return nil, errors.New("unknown token")
	}
	params, err := requestParams(r)
	if err != nil {
		return nil, err
	}
	for k, v := range oauth {
		if k != "oauth_signature" && k != "realm" {
			params.Add(k, v)
		}
	}
	want := Signature(r.Method, baseURL(r), params, c.ConsumerSecret, c.AccessTokenSecret)
	if !hmac.Equal([]byte(want), []byte(oauth["oauth_signature"])) {
		return nil, errors.New("signature mismatch")
	}
	return oauth, nil
}

// Signature returns the HMAC-SHA1 signature of RFC 5849 §3.4 for a request
// with the given method, base URL (scheme, host and path only) and
// parameters (query, form body and oauth_* values except the signature).
func Signature(method, baseURL string, params url.Values, consumerSecret, tokenSecret string) string {
	base := strings.ToUpper(method) + "&" + percentEncode(baseURL) + "&" + percentEncode(parameterString(params))
	key := percentEncode(consumerSecret) + "&" + percentEncode(tokenSecret)
	mac := hmac.New(sha1.New, []byte(key))
	mac.Write([]byte(base))
	return base64.StdEncoding.EncodeToString(mac.Sum(nil))
}

// parameterString encodes every key and value, sorts the pairs by key and
// then by value, and joins them as k=v with &.
func parameterString(params url.Values) string {
	var pairs [][2]string
	for k, vs := range params {
		for _, v := range vs {
			pairs = append(pairs, [2]string{percentEncode(k), percentEncode(v)})
		}
	}
	sort.Slice(pairs, func(i, j int) bool {
		if pairs[i][0] != pairs[j][0] {
			return pairs[i][0] < pairs[j][0]
		}
		return pairs[i][1] < pairs[j][1]
	})
	joined := make([]string, len(pairs))
	for i, p := range pairs {
		joined[i] = p[0] + "=" + p[1]
	}
	return strings.Join(joined, "&")
}

// percentEncode escapes every byte except the RFC 3986 unreserved
// characters, with upper-case hex digits.
func percentEncode(s string) string {
	var b strings.Builder
	for _, c := range []byte(s) {
		if 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || strings.IndexByte("-._~", c) >= 0 {
			b.WriteByte(c)
			continue
		}
		fmt.Fprintf(&b, "%%%02X", c)
	}
	return b.String()
}

// baseURL is the URL the client must have signed, as this server sees it:
// lower-case scheme and host, default port dropped, no query.
func baseURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	host := strings.ToLower(r.Host)
	if scheme == "http" {
		host = strings.TrimSuffix(host, ":80")
	} else {
		host = strings.TrimSuffix(host, ":443")
	}
	return scheme + "://" + host + r.URL.EscapedPath()
}

// requestParams collects the query parameters and, only for a
// form-encoded body, the body parameters.
func requestParams(r *http.Request) (url.Values, error) {
	params, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return nil, fmt.Errorf("bad query: %w", err)
	}
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mt != "application/x-www-form-urlencoded" || r.Body == nil {
		return params, nil
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return nil, fmt.Errorf("read body: %w", err)
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	form, err := url.ParseQuery(string(body))
	if err != nil {
		return nil, fmt.Errorf("bad form body: %w", err)
	}
	for k, vs := range form {
		params[k] = append(params[k], vs...)
	}
	return params, nil
}

// parseAuthorization decodes `OAuth k="v", k="v"` into its values.
func parseAuthorization(h string) (map[string]string, error) {
	rest, ok := strings.CutPrefix(h, "OAuth ")
	if !ok {
		return nil, errors.New("no OAuth authorization header")
	}
	values := map[string]string{}
	for part := range strings.SplitSeq(rest, ",") {
		k, v, ok := strings.Cut(strings.TrimSpace(part), "=")
		if !ok || len(v) < 2 || v[0] != '"' || v[len(v)-1] != '"' {
			return nil, fmt.Errorf("malformed authorization parameter %q", k)
		}
		dv, err := url.PathUnescape(v[1 : len(v)-1])
		if err != nil {
			return nil, fmt.Errorf("malformed authorization parameter %q", k)
		}
		values[k] = dv
	}
	return values, nil
}
