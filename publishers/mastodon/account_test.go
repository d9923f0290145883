package mastodon_test

import (
	"context"
	"strings"
	"testing"

	"github.com/connections/postgate"
	"github.com/connections/postgate/publishers"
	"github.com/connections/postgate/publishers/mastodon/mastodonfake"
)

func TestCheckAccount(t *testing.T) {
	tests := []struct {
		name     string
		cfg      mastodonfake.Config
		settings publishers.Settings
		setup    func(*env)
		kind     publishers.Kind // of the error; ignored when wantErr is false
		wantErr  bool
		warnings []string // substrings, in order
	}{
		{name: "ok"},
		{name: "instance allows more", cfg: mastodonfake.Config{MaxCharacters: 5000},
			warnings: []string{"set max_characters to 5000 (now 500)"}},
		{name: "setting matches the instance", cfg: mastodonfake.Config{MaxCharacters: 5000},
			settings: publishers.Settings{"max_characters": "5000"}},
		{name: "instance limits unreadable", setup: fail("GET /api/v2/instance", 503, mastodonfake.BodyServerError),
			warnings: []string{"could not read the instance's limits"}},
		{name: "revoked token", setup: func(e *env) { e.fake.RevokeToken() }, wantErr: true, kind: publishers.KindAuth},
		{name: "suspended account", setup: fail("GET /api/v1/accounts/verify_credentials", 403, `{"error":"Your login is currently disabled"}`),
			wantErr: true, kind: publishers.KindAuth},
		{name: "instance down", setup: fail("GET /api/v1/accounts/verify_credentials", 502, `<html>Bad Gateway</html>`),
			wantErr: true, kind: publishers.KindTransient},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t, tt.cfg, tt.settings)
			if tt.setup != nil {
				tt.setup(e)
			}
			st, err := e.pub.CheckAccount(context.Background())
			e.assertNoSecret(t, err)
			if tt.wantErr {
				if k := publishers.KindOf(err); err == nil || k != tt.kind {
					t.Fatalf("CheckAccount: %v, want a %v error", err, tt.kind)
				}
				return
			}
			if err != nil {
				t.Fatalf("CheckAccount: %v", err)
			}
			host := strings.TrimPrefix(e.fake.URL, "http://")
			if st.Platform != postgate.Mastodon || st.Account != "@connections@"+host {
				t.Errorf("status %+v, want @connections@%s", st, host)
			}
			if len(st.Warnings) != len(tt.warnings) {
				t.Fatalf("warnings %q, want %d", st.Warnings, len(tt.warnings))
			}
			for i, w := range tt.warnings {
				if !strings.Contains(st.Warnings[i], w) {
					t.Errorf("warning %q does not contain %q", st.Warnings[i], w)
				}
			}
		})
	}
}
