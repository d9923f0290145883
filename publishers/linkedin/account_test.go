package linkedin_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/connections/postgate/publishers"
	"github.com/connections/postgate/publishers/linkedin/lifake"
)

func TestCheckAccount(t *testing.T) {
	tests := []struct {
		name     string
		settings publishers.Settings
		expires  time.Time
		warnings []string // substrings, one per expected warning
	}{
		{name: "no expiry given"},
		{name: "expiry far", settings: publishers.Settings{"token_expires": "2027-01-20"},
			expires: time.Date(2027, 1, 20, 0, 0, 0, 0, time.UTC)},
		{name: "expiry in 15 days", settings: publishers.Settings{"token_expires": "2026-12-10T10:00:00Z"},
			expires: time.Date(2026, 12, 10, 10, 0, 0, 0, time.UTC)},
		{name: "expiry in 14 days", settings: publishers.Settings{"token_expires": "2026-12-09T10:00:00Z"},
			expires: time.Date(2026, 12, 9, 10, 0, 0, 0, time.UTC), warnings: []string{"expires on 2026-12-09 (in 14 days)"}},
		{name: "expiry tomorrow", settings: publishers.Settings{"token_expires": "2026-11-26T09:00:00+01:00"},
			expires: time.Date(2026, 11, 26, 8, 0, 0, 0, time.UTC), warnings: []string{"(within a day)"}},
		{name: "expired", settings: publishers.Settings{"token_expires": "2026-11-01"},
			expires: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), warnings: []string{"expired on 2026-11-01"}},
		{name: "old version", settings: publishers.Settings{"version": "202512"},
			warnings: []string{"LinkedIn-Version 202512"}},
		{name: "both", settings: publishers.Settings{"version": "202512.01", "token_expires": "2026-11-30"},
			expires: time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC), warnings: []string{"expires on 2026-11-30", "202512.01"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t, lifake.Config{Name: "Connections Counselling"}, tt.settings)
			st, err := e.pub.CheckAccount(context.Background())
			if err != nil {
				t.Fatalf("CheckAccount: %v", err)
			}
			if st.Platform != "linkedin" || st.Account != "Connections Counselling ("+org+")" {
				t.Errorf("status %+v", st)
			}
			if !st.ExpiresAt.Equal(tt.expires) {
				t.Errorf("ExpiresAt %v, want %v", st.ExpiresAt, tt.expires)
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

func TestCheckAccountFails(t *testing.T) {
	tests := []struct {
		name     string
		settings publishers.Settings
		setup    func(*env)
		kind     publishers.Kind
	}{
		{name: "expired token", setup: func(e *env) { e.fake.ExpireToken() }, kind: publishers.KindAuth},
		{name: "wrong token", settings: publishers.Settings{"access_token": "nope"}, kind: publishers.KindAuth},
		{name: "not an admin of the page", settings: publishers.Settings{"author": "urn:li:organization:42"}, kind: publishers.KindAuth},
		{name: "server error", setup: fail("GET /rest/organizations/", 500, lifake.BodyServerError), kind: publishers.KindTransient},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t, lifake.Config{}, tt.settings)
			if tt.setup != nil {
				tt.setup(e)
			}
			_, err := e.pub.CheckAccount(context.Background())
			if k := publishers.KindOf(err); k != tt.kind {
				t.Errorf("kind %v, want %v (%v)", k, tt.kind, err)
			}
			e.assertNoSecret(t, err)
		})
	}
}
