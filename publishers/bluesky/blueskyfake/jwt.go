package blueskyfake

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// Token scopes, as the PDS writes them.
const (
	scopeAccess  = "com.atproto.access"
	scopeRefresh = "com.atproto.refresh"
)

// claims is a token's payload. Gen is the fake's own claim: tokens from
// before the last ChangePassword are revoked.
type claims struct {
	Scope string `json:"scope"`
	Sub   string `json:"sub"`
	Aud   string `json:"aud"`
	Iat   int64  `json:"iat"`
	Exp   int64  `json:"exp"`
	JTI   string `json:"jti"`
	Gen   int    `json:"gen"`
}

var b64 = base64.RawURLEncoding

// issue returns a signed HS256 token with scope, valid for ttl. The
// caller holds f.mu.
func (f *Fake) issue(scope string, ttl time.Duration) string {
	now := f.cfg.Now()
	f.seq++
	c := claims{Scope: scope, Sub: f.cfg.DID, Aud: "did:web:fake.example", Iat: now.Unix(),
		Exp: now.Add(ttl).Unix(), JTI: fmt.Sprintf("jti-%d", f.seq), Gen: f.generation}
	header := b64.EncodeToString([]byte(`{"typ":"at+jwt","alg":"HS256"}`))
	payload, _ := json.Marshal(c)
	signed := header + "." + b64.EncodeToString(payload)
	return signed + "." + b64.EncodeToString(f.sign(signed))
}

func (f *Fake) sign(s string) []byte {
	m := hmac.New(sha256.New, f.key)
	m.Write([]byte(s))
	return m.Sum(nil)
}

// tokenError is an XRPC error about a bearer token.
type tokenError struct {
	status int
	name   string
	msg    string
}

// verify checks token for scope and returns its claims, or the error the
// PDS would answer. The caller holds f.mu.
func (f *Fake) verify(token, scope string) (claims, *tokenError) {
	if token == "" {
		return claims{}, &tokenError{401, "AuthMissing", "Authentication Required"}
	}
	c, ok := f.parse(token)
	switch {
	case !ok:
		return c, &tokenError{400, "InvalidToken", "Token could not be verified"}
	case c.Scope != scope:
		return c, &tokenError{400, "InvalidToken", "Bad token scope"}
	case c.Gen != f.generation || (scope == scopeRefresh && f.spent[c.JTI]):
		return c, &tokenError{400, "InvalidToken", "Token has been revoked"}
	case f.cfg.Now().Unix() >= c.Exp:
		return c, &tokenError{400, "ExpiredToken", "Token has expired"}
	}
	return c, nil
}

// parse checks token's signature and decodes its claims.
func (f *Fake) parse(token string) (claims, bool) {
	var c claims
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		return c, false
	}
	sig, err := b64.DecodeString(parts[2])
	if err != nil || !hmac.Equal(sig, f.sign(parts[0]+"."+parts[1])) {
		return c, false
	}
	payload, err := b64.DecodeString(parts[1])
	if err != nil || json.Unmarshal(payload, &c) != nil {
		return c, false
	}
	return c, true
}
