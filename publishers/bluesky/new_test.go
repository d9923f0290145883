package bluesky_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/connections/postgate/publishers"
	"github.com/connections/postgate/publishers/bluesky"
)

func TestNew(t *testing.T) {
	pwFile := writeFile(t, "pw", []byte(password+"\n"))
	tests := []struct {
		name    string
		change  publishers.Settings // applied to valid settings; "" deletes a key
		wantErr string              // substring; "" means valid
	}{
		{name: "minimal"},
		{name: "own PDS", change: publishers.Settings{"api_base": "https://pds.example.org/"}},
		{name: "DID", change: publishers.Settings{"identifier": "did:plc:ewvi7nxzyoun6zhxrhs64oiz"}},
		{name: "handle with @", change: publishers.Settings{"identifier": "@" + handle}},
		{name: "custom domain handle", change: publishers.Settings{"identifier": "connections-counselling.org.uk"}},
		{name: "password from file", change: publishers.Settings{"app_password": "", "app_password_file": pwFile}},
		{name: "unknown key", change: publishers.Settings{"handle": "x"}, wantErr: `unknown key "handle"`},
		{name: "no identifier", change: publishers.Settings{"identifier": ""}, wantErr: "identifier"},
		{name: "e-mail identifier", change: publishers.Settings{"identifier": "info@example.org"}, wantErr: "identifier must be a handle"},
		{name: "no password", change: publishers.Settings{"app_password": ""}, wantErr: "app_password"},
		{name: "password and file", change: publishers.Settings{"app_password_file": pwFile}, wantErr: "app_password and app_password_file"},
		{name: "missing password file", change: publishers.Settings{"app_password": "", "app_password_file": filepath.Join(t.TempDir(), "x")},
			wantErr: "app_password_file"},
		{name: "bad api_base", change: publishers.Settings{"api_base": "bsky.social"}, wantErr: "api_base"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := publishers.Settings{"identifier": handle, "app_password": password}
			for k, v := range tt.change {
				if v == "" {
					delete(s, k)
				} else {
					s[k] = v
				}
			}
			_, err := bluesky.New(s, publishers.Deps{})
			switch {
			case tt.wantErr == "" && err != nil:
				t.Fatalf("New: %v", err)
			case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
				t.Fatalf("New: %v, want an error containing %q", err, tt.wantErr)
			}
			if err != nil && strings.Contains(err.Error(), password) {
				t.Errorf("error leaks the password: %v", err)
			}
		})
	}
}
