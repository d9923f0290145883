package x_test

import (
	"context"
	"testing"
	"time"

	"github.com/connections/postgate"
	"github.com/connections/postgate/publishers"
	"github.com/connections/postgate/publishers/x/xfake"
)

func TestCheckAccount(t *testing.T) {
	h := newHarness(t)
	st, err := h.pub.CheckAccount(context.Background())
	if err != nil {
		t.Fatalf("CheckAccount: %v", err)
	}
	if st.Platform != postgate.X || st.Account != "@"+xfake.Username || !st.ExpiresAt.IsZero() {
		t.Errorf("status %+v", st)
	}
}

func TestCheckAccountBadCredentials(t *testing.T) {
	h := newHarness(t)
	s := settings(h.fake.URL)
	s["consumer_secret"] = "wrong"
	pub, err := newPublisher(s)
	if err != nil {
		t.Fatal(err)
	}
	_, err = pub.CheckAccount(context.Background())
	if k := asError(t, err).Kind; k != publishers.KindAuth {
		t.Errorf("kind %v (%v), want auth", k, err)
	}
	assertNoLeak(t, h, err)
}

func TestReconcile(t *testing.T) {
	text := "Feeling overwhelmed? Our drop-in hour is Tuesdays & Thursdays, 5–6 pm."
	link := "https://connections.example/drop-in"
	since := time.Now().Add(-time.Minute)
	tests := []struct {
		name  string
		setup func(h harness) string // returns the id Reconcile should find, or ""
		since time.Time
	}{
		{"published, answer lost", func(h harness) string {
			h.fake.Inject(xfake.Fault{Path: tweets, Action: xfake.ProcessThenDrop})
			h.pub.Publish(context.Background(), request(postgate.Content{Text: text, Link: link}))
			return h.fake.Posts()[0].ID
		}, since},
		{"never published", func(h harness) string {
			h.fake.AddPost(xfake.Post{Text: "Something else entirely, posted by hand."})
			return ""
		}, since},
		{"same text but before since", func(h harness) string {
			h.fake.AddPost(xfake.Post{Text: text, CreatedAt: since.Add(-time.Hour)})
			return ""
		}, since},
		{"matched among newer posts, case and spacing differ", func(h harness) string {
			id := h.fake.AddPost(xfake.Post{Text: "feeling  OVERWHELMED? our drop-in hour is Tuesdays & Thursdays, 5–6 pm. " + link})
			h.fake.AddPost(xfake.Post{Text: "A later post."})
			return id
		}, since},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)
			want := tt.setup(h)
			r, found, err := h.pub.Reconcile(context.Background(), request(postgate.Content{Text: text, Link: link}), tt.since)
			if err != nil {
				t.Fatalf("Reconcile: %v", err)
			}
			if found != (want != "") || r.ID != want {
				t.Fatalf("found %v id %q, want %q", found, r.ID, want)
			}
			if found && (r.URL == "" || r.PublishedAt.Before(tt.since.Truncate(time.Second))) {
				t.Errorf("receipt %+v", r)
			}
		})
	}
}

func TestReconcileFailureIsTransient(t *testing.T) {
	h := newHarness(t)
	h.fake.Inject(xfake.Fault{Path: "/2/users/*/tweets", Status: 503, Body: bodyUnavailable})
	_, _, err := h.pub.Reconcile(context.Background(), request(postgate.Content{Text: "Hello there"}), time.Now())
	if k := asError(t, err).Kind; k != publishers.KindTransient {
		t.Errorf("kind %v (%v), want transient", k, err)
	}
}
