package linkedin_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/connections/postgate/publishers"
	"github.com/connections/postgate/publishers/linkedin"
)

func TestNew(t *testing.T) {
	tokenFile := writeFile(t, "token", []byte(token+"\n"))
	tests := []struct {
		name    string
		change  publishers.Settings // applied to valid settings; "" deletes a key
		wantErr string              // substring; "" means valid
	}{
		{name: "minimal"},
		{name: "all keys", change: publishers.Settings{"api_base": "https://api.linkedin.com/", "version": "202611",
			"token_expires": "2027-01-24"}},
		{name: "patch version", change: publishers.Settings{"version": "202611.01"}},
		{name: "token from file", change: publishers.Settings{"access_token": "", "access_token_file": tokenFile}},
		{name: "timestamp expiry", change: publishers.Settings{"token_expires": "2027-01-24T12:00:00+01:00"}},
		{name: "unknown key", change: publishers.Settings{"page_id": "1"}, wantErr: `unknown key "page_id"`},
		{name: "mode is not a connector key", change: publishers.Settings{"mode": "live"}, wantErr: `unknown key "mode"`},
		{name: "no author", change: publishers.Settings{"author": ""}, wantErr: "author"},
		{name: "person author", change: publishers.Settings{"author": "urn:li:person:abc"}, wantErr: "author must be an organisation URN"},
		{name: "bare id author", change: publishers.Settings{"author": "5515715"}, wantErr: "author"},
		{name: "no token", change: publishers.Settings{"access_token": ""}, wantErr: "access_token"},
		{name: "token and file", change: publishers.Settings{"access_token_file": tokenFile}, wantErr: "access_token and access_token_file"},
		{name: "missing token file", change: publishers.Settings{"access_token": "", "access_token_file": filepath.Join(t.TempDir(), "none")},
			wantErr: "access_token_file"},
		{name: "bad version", change: publishers.Settings{"version": "2026-01"}, wantErr: "version must be YYYYMM"},
		{name: "old style version", change: publishers.Settings{"version": "v2"}, wantErr: "version"},
		{name: "bad expiry", change: publishers.Settings{"token_expires": "next month"}, wantErr: "token_expires"},
		{name: "bad api_base", change: publishers.Settings{"api_base": "api.linkedin.com"}, wantErr: "api_base"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := publishers.Settings{"author": org, "access_token": token}
			for k, v := range tt.change {
				if v == "" {
					delete(s, k)
				} else {
					s[k] = v
				}
			}
			_, err := linkedin.New(s, publishers.Deps{})
			switch {
			case tt.wantErr == "" && err != nil:
				t.Fatalf("New: %v", err)
			case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
				t.Fatalf("New: %v, want an error containing %q", err, tt.wantErr)
			}
			if err != nil && strings.Contains(err.Error(), token) {
				t.Errorf("error leaks the token: %v", err)
			}
		})
	}
}
