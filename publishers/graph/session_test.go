package graph_test

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	fb "github.com/huandu/facebook/v2"

	"github.com/connections/postgate/publishers"
	"github.com/connections/postgate/publishers/graph"
)

const (
	token     = "EAAB-page-token-SECRET-1234567890"
	appSecret = "app-secret-SECRET-abcdef"
)

// proof is appsecret_proof as Graph recomputes it (platform-apis.md §2.2).
func proof(token, secret string) string {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte(token))
	return hex.EncodeToString(m.Sum(nil))
}

func TestNewSessionWireFormat(t *testing.T) {
	tests := []struct {
		name      string
		cfg       graph.Config
		method    string
		wantPath  string
		wantProof string
	}{
		{"default version, no app secret", graph.Config{Token: publishers.NewSecret(token)}, http.MethodGet, "/v25.0/123/feed", ""},
		{"pinned version, proof on GET", graph.Config{Version: "v27.0", Token: publishers.NewSecret(token), AppSecret: publishers.NewSecret(appSecret)}, http.MethodGet, "/v27.0/123/feed", proof(token, appSecret)},
		{"proof on POST", graph.Config{Token: publishers.NewSecret(token), AppSecret: publishers.NewSecret(appSecret)}, http.MethodPost, "/v25.0/123/feed", proof(token, appSecret)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got *http.Request
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if err := r.ParseForm(); err != nil {
					t.Errorf("parse form: %v", err)
				}
				got = r
				w.Header().Set("Content-Type", "application/json")
				fmt.Fprint(w, `{"id":"123_456"}`)
			}))
			defer srv.Close()
			cfg := tt.cfg
			cfg.APIBase = srv.URL + "/" // a trailing slash is tolerated
			s := graph.NewSession(cfg, srv.Client())
			res, err := s.Api("/123/feed", fb.Method(tt.method), fb.Params{"message": "hello"})
			if err != nil {
				t.Fatal(err)
			}
			if res.Get("id") != "123_456" {
				t.Errorf("id = %v", res.Get("id"))
			}
			if got.Method != tt.method || got.URL.Path != tt.wantPath {
				t.Errorf("request %s %s, want %s %s", got.Method, got.URL.Path, tt.method, tt.wantPath)
			}
			if v := got.Form.Get("access_token"); v != token {
				t.Errorf("access_token = %q", v)
			}
			if v := got.Form.Get("appsecret_proof"); v != tt.wantProof {
				t.Errorf("appsecret_proof = %q, want %q", v, tt.wantProof)
			}
		})
	}
}

// TestTransportErrorsHideSecrets fails requests at the transport level with
// the token, the proof and an input_token in the query, and checks that
// none of them reaches the error text, raw or classified.
func TestTransportErrorsHideSecrets(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		conn, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			conn.Close()
		}
	}))
	defer srv.Close()
	bases := map[string]string{"dropped": srv.URL, "refused": refusedURL(t)}
	for name, base := range bases {
		for _, method := range []fb.Method{fb.GET, fb.POST} {
			t.Run(name+" "+string(method), func(t *testing.T) {
				cfg := graph.Config{APIBase: base, Token: publishers.NewSecret(token), AppSecret: publishers.NewSecret(appSecret)}
				s := graph.NewSession(cfg, srv.Client())
				res, err := s.Api("/debug_token", method, fb.Params{"input_token": token})
				if err == nil {
					t.Fatal("no error from a dropped connection")
				}
				e := graph.Classify("facebook", res, err, method == fb.POST)
				for _, text := range []string{err.Error(), e.Error(), fmt.Sprintf("%+v", e)} {
					for _, secret := range []string{token, appSecret, proof(token, appSecret)} {
						if strings.Contains(text, secret) {
							t.Errorf("error text %q contains a secret", text)
						}
					}
				}
			})
		}
	}
}

// TestClassifyRedactsPlainSession covers a session not built by NewSession:
// huandu leaves appsecret_proof in the URL of its transport errors, and
// Classify must still drop it.
func TestClassifyRedactsPlainSession(t *testing.T) {
	app := fb.New("", appSecret)
	app.EnableAppsecretProof = true
	s := app.Session(token)
	s.BaseURL = refusedURL(t) + "/"
	res, err := s.Get("/me", nil)
	if err == nil || !strings.Contains(err.Error(), proof(token, appSecret)) {
		t.Fatalf("expected huandu's raw error to show the proof, got %v", err)
	}
	e := graph.Classify("instagram", res, err, false)
	if strings.Contains(e.Error(), proof(token, appSecret)) {
		t.Errorf("classified error %q contains appsecret_proof", e)
	}
}
