package mastodon_test

import (
	"context"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/connections/postgate/publishers"
	"github.com/connections/postgate/publishers/mastodon"
	"github.com/connections/postgate/publishers/mastodon/mastodonfake"
)

func TestReconcile(t *testing.T) {
	const text = "Grief group <online> starts Monday & runs 6 weeks: https://example.org/grief #support"
	tests := []struct {
		name  string
		text  string        // the text reconciled
		since time.Duration // relative to the lost status's creation
		after int           // other statuses published after the lost one
		found bool
	}{
		{name: "found", text: text, since: -time.Minute, found: true},
		{name: "found within clock skew", text: text, since: time.Minute, found: true},
		{name: "created before since", text: text, since: 10 * time.Minute},
		{name: "other text", text: "Something else entirely", since: -time.Minute},
		{name: "case and spaces differ", text: "GRIEF   group <online>\nstarts monday & runs 6 weeks", since: -time.Minute, found: true},
		{name: "among other statuses", text: text, since: -time.Minute, after: 5, found: true},
		{name: "pushed out of the last forty", text: text, since: -time.Minute, after: 40},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t, mastodonfake.Config{}, nil)
			pub := e.publisher(t, publishers.Settings{"api_base": e.fake.URL, "access_token": token},
				&http.Client{Transport: &http.Transport{DisableKeepAlives: true}})
			e.fake.AfterWrite(mastodonfake.Drop)
			lost := e.clock.Now()
			if _, err := pub.Publish(context.Background(), request(text)); err == nil || publishers.KindOf(err) != publishers.KindUnknown {
				t.Fatalf("Publish with a dropped answer: %v, want outcome unknown", err)
			}
			for i := range tt.after {
				e.clock.Add(time.Second)
				later := request(fmt.Sprint("later post ", i))
				later.Delivery.PostID = fmt.Sprint("later", i)
				if _, err := pub.Publish(context.Background(), later); err != nil {
					t.Fatal(err)
				}
			}

			r, found, err := pub.Reconcile(context.Background(), request(tt.text), lost.Add(tt.since))
			if err != nil {
				t.Fatalf("Reconcile: %v", err)
			}
			if found != tt.found {
				t.Fatalf("found %v, want %v", found, tt.found)
			}
			if want := e.fake.Statuses()[0]; found && (r.ID != want.ID || !r.PublishedAt.Equal(want.CreatedAt) || r.URL == "") {
				t.Errorf("receipt %+v, want id %s at %v", r, want.ID, want.CreatedAt)
			}
			e.assertNoSecret(t, nil)
		})
	}
}

func TestReconcileErrors(t *testing.T) {
	e := newEnv(t, mastodonfake.Config{}, nil)
	if _, _, err := e.pub.Reconcile(context.Background(), request(""), start); publishers.KindOf(err) != publishers.KindPermanent {
		t.Errorf("image-only post: %v, want a permanent error", err)
	}
	e.fake.RevokeToken()
	_, _, err := e.pub.Reconcile(context.Background(), request("x"), start)
	if publishers.KindOf(err) != publishers.KindAuth {
		t.Errorf("revoked token: %v, want auth", err)
	}
	e.assertNoSecret(t, err)
}

func TestPlainText(t *testing.T) {
	tests := []struct{ html, want string }{
		{"<p>Hello &amp; welcome</p>", "Hello & welcome"},
		{"<p>one<br />two<br>three</p><p>four</p>", "one\ntwo\nthree\n\nfour"},
		{`<p>see <a href="https://example.org/x" rel="nofollow noopener"><span class="invisible">https://</span><span class="">example.org/x</span><span class="invisible"></span></a></p>`,
			"see https://example.org/x"},
		{"<p>&lt;not a tag&gt; &quot;q&quot; &#39;s</p>", `<not a tag> "q" 's`},
	}
	for _, tt := range tests {
		if got := mastodon.PlainText(tt.html); got != tt.want {
			t.Errorf("PlainText(%q) = %q, want %q", tt.html, got, tt.want)
		}
	}
}

func TestPlainTextOfRendered(t *testing.T) {
	for _, s := range []string{"a & b <c>", "line one\nline two\n\npara two https://example.org/a?b=c&d=e."} {
		if got := mastodon.PlainText(mastodonfake.Render(s)); got != s {
			t.Errorf("PlainText(Render(%q)) = %q", s, got)
		}
	}
}
