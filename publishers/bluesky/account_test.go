package bluesky_test

import (
	"context"
	"strings"
	"testing"

	"github.com/connections/postgate"
	"github.com/connections/postgate/publishers"
	"github.com/connections/postgate/publishers/bluesky/blueskyfake"
)

func TestCheckAccount(t *testing.T) {
	tests := []struct {
		name     string
		cfg      blueskyfake.Config
		settings publishers.Settings
		setup    func(*env)
		kind     publishers.Kind
		wantErr  bool
		warnings []string // substrings, in order
	}{
		{name: "ok"},
		{name: "by DID", settings: publishers.Settings{"identifier": blueskyfake.DefaultDID}},
		{name: "deactivated", setup: func(e *env) { e.fake.SetStatus("deactivated") },
			warnings: []string{"not active (deactivated)"}},
		{name: "account password", cfg: blueskyfake.Config{}, settings: publishers.Settings{"app_password": "hunter2hunter2"},
			setup:    func(e *env) { e.fake.ChangePassword("hunter2hunter2") },
			warnings: []string{"does not look like an app password"}},
		{name: "wrong password", settings: publishers.Settings{"app_password": "aaaa-bbbb-cccc-dddd"},
			wantErr: true, kind: publishers.KindAuth},
		{name: "PDS down", setup: fail("com.atproto.server.createSession", 503, `<html>down</html>`),
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
				if err == nil || publishers.KindOf(err) != tt.kind {
					t.Fatalf("CheckAccount: %v, want a %v error", err, tt.kind)
				}
				return
			}
			if err != nil {
				t.Fatalf("CheckAccount: %v", err)
			}
			if want := "@" + handle + " (" + blueskyfake.DefaultDID + ")"; st.Platform != postgate.Bluesky || st.Account != want {
				t.Errorf("status %+v, want account %s", st, want)
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
