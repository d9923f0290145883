package instagram_test

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/connections/postgate"
	"github.com/connections/postgate/publishers"
	"github.com/connections/postgate/publishers/instagram"
	"github.com/connections/postgate/publishers/instagram/igfake"
)

func TestCheckAccount(t *testing.T) {
	tests := []struct {
		name     string
		opts     igfake.Options
		expires  time.Time
		warnings []string // substrings, one per expected warning
	}{
		{name: "healthy, token never expires", opts: igfake.Options{QuotaUsage: 3}},
		{name: "token expires in 30 days", opts: igfake.Options{TokenExpiresAt: fixedNow.Add(30 * 24 * time.Hour)},
			expires: fixedNow.Add(30 * 24 * time.Hour)},
		{name: "token expires in 10 days", opts: igfake.Options{TokenExpiresAt: fixedNow.Add(10 * 24 * time.Hour)},
			expires: fixedNow.Add(10 * 24 * time.Hour), warnings: []string{"expires 2026-12-05"}},
		{name: "quota nearly used", opts: igfake.Options{QuotaTotal: 50, QuotaUsage: 40}, warnings: []string{"nearly reached: 40 of 50"}},
		{name: "quota used up", opts: igfake.Options{QuotaTotal: 100, QuotaUsage: 100}, warnings: []string{"limit reached: 100 of 100"}},
		{name: "no publishing permission", opts: igfake.Options{Scopes: []string{"instagram_basic"}}, warnings: []string{"lacks instagram_content_publish"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t, tt.opts)
			st, err := e.pub.CheckAccount(context.Background())
			if err != nil {
				t.Fatalf("CheckAccount: %v", err)
			}
			if st.Platform != postgate.Instagram || st.Account != "@connections.practice" {
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

func TestCheckAccountFailures(t *testing.T) {
	t.Run("expired token", func(t *testing.T) {
		e := newEnv(t, igfake.Options{})
		e.fake.ExpireToken()
		_, err := e.pub.CheckAccount(context.Background())
		assertNoSecrets(t, e, wantKind(t, err, publishers.KindAuth).Error())
	})
	t.Run("no publishing quota access", func(t *testing.T) {
		e := newEnv(t, igfake.Options{})
		e.fake.Fail(igfake.Failure{Path: "/content_publishing_limit",
			Body: igfake.Error{Code: 10, Message: "(#10) Application does not have permission for this action"}.Body()})
		_, err := e.pub.CheckAccount(context.Background())
		assertNoSecrets(t, e, wantKind(t, err, publishers.KindAuth).Error())
	})
	t.Run("debug_token unreachable is a warning without secrets", func(t *testing.T) {
		e := newEnv(t, igfake.Options{})
		e.fake.Fail(igfake.Failure{Path: "/debug_token", Action: igfake.Drop, Times: 2})
		st, err := e.pub.CheckAccount(context.Background())
		if err != nil || len(st.Warnings) != 1 {
			t.Fatalf("CheckAccount = %+v, %v; want one warning", st, err)
		}
		assertNoSecrets(t, e, st.Warnings[0])
	})
	t.Run("debug_token refused is a warning", func(t *testing.T) {
		e := newEnv(t, igfake.Options{})
		e.fake.Fail(igfake.Failure{Path: "/debug_token", Body: igfake.Error{Code: 100, Message: "(#100) You must provide an app access token"}.Body()})
		st, err := e.pub.CheckAccount(context.Background())
		if err != nil || len(st.Warnings) != 1 || !strings.Contains(st.Warnings[0], "app access token") {
			t.Errorf("CheckAccount = %+v, %v; want one warning", st, err)
		}
		assertNoSecrets(t, e, strings.Join(st.Warnings, " "))
	})
}

func TestReconcile(t *testing.T) {
	e := newEnv(t, igfake.Options{})
	ctx := context.Background()
	req := e.imagePost(t, "Winter   wellbeing: five small habits https://example.org/w that help", 400, 400)
	r, err := e.pub.Publish(ctx, req)
	if err != nil {
		t.Fatalf("Publish: %v", err)
	}
	other := e.imagePost(t, "Something else entirely", 400, 400)

	tests := []struct {
		name  string
		req   publishers.Request
		since time.Time
		found bool
	}{
		{"same post", req, fixedNow, true},
		{"within clock skew", req, fixedNow.Add(time.Minute), true},
		{"published before since", req, fixedNow.Add(time.Hour), false},
		{"case, spacing and links differ", withText(req, "WINTER wellbeing: five small habits http://other.example/x that help"), fixedNow, true},
		{"different text", other, fixedNow, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, found, err := e.pub.Reconcile(ctx, tt.req, tt.since)
			if err != nil || found != tt.found {
				t.Fatalf("Reconcile = %v, %v; want found %v", found, err, tt.found)
			}
			if found && (got.ID != r.ID || got.URL != r.URL || !got.PublishedAt.Equal(fixedNow)) {
				t.Errorf("receipt %+v, want %+v", got, r)
			}
		})
	}

	e.fake.Fail(igfake.Failure{Method: http.MethodGet, Status: 500})
	_, _, err = e.pub.Reconcile(ctx, req, fixedNow)
	assertNoSecrets(t, e, wantKind(t, err, publishers.KindTransient).Error())
}

func withText(r publishers.Request, text string) publishers.Request {
	r.Content.Text = text
	return r
}

func TestNewSettings(t *testing.T) {
	secretFile := filepath.Join(t.TempDir(), "token")
	if err := os.WriteFile(secretFile, []byte(testToken+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	valid := func() publishers.Settings {
		return publishers.Settings{"ig_user_id": "17841400000000001", "access_token": testToken,
			"media_base_url": "https://www.example.org/social"}
	}
	tests := []struct {
		name   string
		change func(s publishers.Settings)
		errKey string // "" means valid
	}{
		{"minimal", func(publishers.Settings) {}, ""},
		{"token from file", func(s publishers.Settings) { delete(s, "access_token"); s["access_token_file"] = secretFile }, ""},
		{"all keys", func(s publishers.Settings) {
			s["api_base"], s["graph_version"], s["app_secret"] = "http://127.0.0.1:9", "v26.0", testAppSecret
		}, ""},
		{"unknown key", func(s publishers.Settings) { s["page_id"] = "1" }, "page_id"},
		{"no user id", func(s publishers.Settings) { delete(s, "ig_user_id") }, "ig_user_id"},
		{"no token", func(s publishers.Settings) { delete(s, "access_token") }, "access_token"},
		{"no media base", func(s publishers.Settings) { delete(s, "media_base_url") }, "media_base_url"},
		{"token twice", func(s publishers.Settings) { s["access_token_file"] = secretFile }, "access_token"},
		{"token file missing", func(s publishers.Settings) {
			delete(s, "access_token")
			s["access_token_file"] = secretFile + ".gone"
		}, "access_token_file"},
		{"user id not numeric", func(s publishers.Settings) { s["ig_user_id"] = "@practice" }, "ig_user_id"},
		{"bad version", func(s publishers.Settings) { s["graph_version"] = "25" }, "graph_version"},
		{"bad api base", func(s publishers.Settings) { s["api_base"] = "graph.facebook.com" }, "api_base"},
		{"media base with query", func(s publishers.Settings) { s["media_base_url"] = "https://x.org/m?sig=1" }, "media_base_url"},
		{"media base not a URL", func(s publishers.Settings) { s["media_base_url"] = "/srv/www" }, "media_base_url"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := valid()
			tt.change(s)
			_, err := instagram.New(s, publishers.Deps{})
			switch {
			case tt.errKey == "" && err != nil:
				t.Fatalf("New: %v", err)
			case tt.errKey != "" && (err == nil || !strings.Contains(err.Error(), tt.errKey)):
				t.Fatalf("New error %v, want one naming %s", err, tt.errKey)
			case err != nil && (strings.Contains(err.Error(), testToken) || strings.Contains(err.Error(), testAppSecret)):
				t.Fatalf("error reveals a secret: %v", err)
			}
		})
	}
}

func TestReconcileWithHandle(t *testing.T) {
	tests := []struct {
		name    string
		publish bool      // publish the container first
		handle  string    // overrides the stored handle
		since   time.Time // zero means fixedNow
		found   bool
		kind    publishers.Kind // of the error, when wantErr
		wantErr bool
	}{
		{name: "container never published", publish: false, found: false},
		{name: "container published", publish: true, found: true},
		{name: "container unknown to Graph, post in the list", publish: true, handle: "17900000000009999", found: true},
		{name: "published, but not in the list since then", publish: true, since: fixedNow.Add(time.Hour), wantErr: true, kind: publishers.KindUnknown},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t, igfake.Options{})
			ctx := context.Background()
			req := e.imagePost(t, "Evening talk: sleep and stress", 400, 400)
			var err error
			if req.Handle, err = e.pub.Prepare(ctx, req); err != nil {
				t.Fatalf("Prepare: %v", err)
			}
			if tt.publish {
				if _, err := e.pub.Publish(ctx, req); err != nil {
					t.Fatalf("Publish: %v", err)
				}
			}
			if tt.handle != "" {
				req.Handle = tt.handle
			}
			since := tt.since
			if since.IsZero() {
				since = fixedNow
			}
			_, found, err := e.pub.Reconcile(ctx, req, since)
			if tt.wantErr {
				wantKind(t, err, tt.kind)
				return
			}
			if err != nil || found != tt.found {
				t.Fatalf("Reconcile = %v, %v; want found %v", found, err, tt.found)
			}
		})
	}
}

func TestReconcileNeedsText(t *testing.T) {
	e := newEnv(t, igfake.Options{})
	ctx := context.Background()
	req := e.imagePost(t, "", 400, 400)
	req.Content.Link = ""
	if _, err := e.pub.Publish(ctx, req); err != nil {
		t.Fatalf("Publish: %v", err)
	}
	if _, found, err := e.pub.Reconcile(ctx, req, fixedNow); err != nil || found {
		t.Errorf("Reconcile of a post without caption = %v, %v; want not found", found, err)
	}
}
