package mastodon_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/connections/postgate/publishers"
	"github.com/connections/postgate/publishers/mastodon"
)

func TestNew(t *testing.T) {
	tokenFile := writeFile(t, "token", []byte(token+"\n"))
	tests := []struct {
		name    string
		change  publishers.Settings // applied to valid settings; "" deletes a key
		wantErr string              // substring; "" means valid
	}{
		{name: "minimal"},
		{name: "all keys", change: publishers.Settings{"api_base": "https://mastodon.social/", "visibility": "unlisted",
			"language": "en", "max_characters": "5000"}},
		{name: "token from file", change: publishers.Settings{"access_token": "", "access_token_file": tokenFile}},
		{name: "unknown key", change: publishers.Settings{"instance": "x"}, wantErr: `unknown key "instance"`},
		{name: "no api_base", change: publishers.Settings{"api_base": ""}, wantErr: "api_base"},
		{name: "bare host", change: publishers.Settings{"api_base": "mastodon.social"}, wantErr: "api_base"},
		{name: "api_base with a query", change: publishers.Settings{"api_base": "https://m.example/?a=1"}, wantErr: "api_base"},
		{name: "no token", change: publishers.Settings{"access_token": ""}, wantErr: "access_token"},
		{name: "token and file", change: publishers.Settings{"access_token_file": tokenFile}, wantErr: "access_token and access_token_file"},
		{name: "missing token file", change: publishers.Settings{"access_token": "", "access_token_file": filepath.Join(t.TempDir(), "none")},
			wantErr: "access_token_file"},
		{name: "empty token file", change: publishers.Settings{"access_token": "", "access_token_file": writeFile(t, "empty", []byte("\n"))},
			wantErr: "access_token is empty"},
		{name: "bad visibility", change: publishers.Settings{"visibility": "followers"}, wantErr: "visibility must be one of"},
		{name: "bad language", change: publishers.Settings{"language": "English"}, wantErr: "language"},
		{name: "bad max_characters", change: publishers.Settings{"max_characters": "many"}, wantErr: "max_characters"},
		{name: "zero max_characters", change: publishers.Settings{"max_characters": "0"}, wantErr: "max_characters"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := publishers.Settings{"api_base": "https://mastodon.social", "access_token": token}
			for k, v := range tt.change {
				if v == "" {
					delete(s, k)
				} else {
					s[k] = v
				}
			}
			_, err := mastodon.New(s, publishers.Deps{})
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
