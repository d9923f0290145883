package facebook_test

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/connections/postgate"
	"github.com/connections/postgate/publishers"
	"github.com/connections/postgate/publishers/facebook/fbfake"
)

func TestCheckAccount(t *testing.T) {
	tests := []struct {
		name     string
		change   func(*fbfake.Config)
		fault    *fbfake.Fault // on GET /debug_token
		expires  time.Time
		warnings []string // substrings, one per expected warning
	}{
		{name: "never expires", warnings: nil},
		{name: "expires in 60 days", change: func(c *fbfake.Config) { c.TokenExpiresAt = testNow.Add(60 * 24 * time.Hour) },
			expires: testNow.Add(60 * 24 * time.Hour)},
		{name: "expires in 10 days", change: func(c *fbfake.Config) { c.TokenExpiresAt = testNow.Add(10 * 24 * time.Hour) },
			expires: testNow.Add(10 * 24 * time.Hour), warnings: []string{"expires on 2026-12-05 (in 10 days)"}},
		{name: "missing permission", change: func(c *fbfake.Config) { c.Scopes = []string{"pages_read_engagement"} },
			warnings: []string{"lacks the pages_manage_posts permission"}},
		{name: "debug_token fails", fault: &fbfake.Fault{Status: 400, Body: fbfake.ErrorBody(100, 0, "(#100) You must provide an app access token")},
			warnings: []string{"token expiry unknown"}},
		{name: "debug_token dropped", fault: &fbfake.Fault{Drop: true}, warnings: []string{"token expiry unknown"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newFake(t, tt.change)
			if tt.fault != nil {
				// Twice: Go's transport resends a GET once when a reused
				// connection closes without an answer.
				srv.FailNext(http.MethodGet, "/debug_token", 2, *tt.fault)
			}
			p, logs := newPublisher(t, settings(srv))
			st, err := p.CheckAccount(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			want := fmt.Sprintf("%s (%s)", fbfake.DefaultPageName, pageID)
			if st.Platform != postgate.Facebook || st.Account != want || !st.ExpiresAt.Equal(tt.expires) {
				t.Errorf("status %+v, want account %q expiring %v", st, want, tt.expires)
			}
			if len(st.Warnings) != len(tt.warnings) {
				t.Fatalf("warnings %q, want %q", st.Warnings, tt.warnings)
			}
			for i, w := range tt.warnings {
				if !strings.Contains(st.Warnings[i], w) {
					t.Errorf("warning %q lacks %q", st.Warnings[i], w)
				}
			}
			assertNoSecret(t, append(slices.Clone(st.Warnings), logs.String())...)
		})
	}
}

func TestCheckAccountFailures(t *testing.T) {
	tests := []struct {
		name   string
		change func(*fbfake.Config)
		fault  *fbfake.Fault // on GET /{page-id}
		kind   publishers.Kind
	}{
		{name: "expired token", change: func(c *fbfake.Config) { c.TokenExpiresAt = testNow.Add(-time.Hour) }, kind: publishers.KindAuth},
		{name: "revoked token", change: func(c *fbfake.Config) { c.Token = "EAAother" }, kind: publishers.KindAuth},
		{name: "dropped", fault: &fbfake.Fault{Drop: true}, kind: publishers.KindTransient},
		{name: "timeout", fault: &fbfake.Fault{Hang: true}, kind: publishers.KindTransient},
		{name: "throttled", fault: ptr(fbfake.RateLimited(32, pageID, 7)), kind: publishers.KindRateLimited},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newFake(t, tt.change)
			if tt.fault != nil {
				srv.FailNext(http.MethodGet, "/"+pageID, 1, *tt.fault)
			}
			p, logs := newPublisher(t, settings(srv))
			_, err := p.CheckAccount(context.Background())
			if k := publishers.KindOf(err); err == nil || k != tt.kind {
				t.Fatalf("error %v (kind %v), want kind %v", err, k, tt.kind)
			}
			assertNoSecret(t, err.Error(), logs.String())
		})
	}
}

func ptr[T any](v T) *T { return &v }
