package linkedin_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/connections/postgate/publishers"
	"github.com/connections/postgate/publishers/linkedin/lifake"
)

func TestReconcile(t *testing.T) {
	const text = "Grief group (online) starts Monday_ #support"
	tests := []struct {
		name  string
		text  string        // the text reconciled
		since time.Duration // relative to the lost post's creation
		after int           // other posts published after the lost one
		found bool
	}{
		{name: "found", text: text, since: -time.Minute, found: true},
		{name: "found within clock skew", text: text, since: time.Minute, found: true},
		{name: "created before since", text: text, since: 10 * time.Minute},
		{name: "other text", text: "Something else entirely", since: -time.Minute},
		{name: "case and spaces differ", text: "GRIEF   group (online)\nstarts monday_ #support", since: -time.Minute, found: true},
		{name: "only the first 40 characters count", text: text + " and more words", since: -time.Minute, found: true},
		{name: "among other posts", text: text, since: -time.Minute, after: 3, found: true},
		{name: "pushed out of the last ten", text: text, since: -time.Minute, after: 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t, lifake.Config{}, nil)
			e.fake.AfterWrite(lifake.Drop)
			lost := e.clock.Now()
			if _, err := e.pub.Publish(context.Background(), request(text)); publishers.KindOf(err) != publishers.KindUnknown {
				t.Fatalf("Publish with a dropped answer: %v, want outcome unknown", err)
			}
			for i := range tt.after {
				e.clock.Add(time.Second)
				if _, err := e.pub.Publish(context.Background(), request(fmt.Sprint("later post ", i))); err != nil {
					t.Fatal(err)
				}
			}

			r, found, err := e.pub.Reconcile(context.Background(), request(tt.text), lost.Add(tt.since))
			if err != nil {
				t.Fatalf("Reconcile: %v", err)
			}
			if found != tt.found {
				t.Fatalf("found %v, want %v", found, tt.found)
			}
			if want := e.fake.Posts()[0]; found && (r.ID != want.ID || !r.PublishedAt.Equal(want.CreatedAt) || r.URL == "") {
				t.Errorf("receipt %+v, want id %s at %v", r, want.ID, want.CreatedAt)
			}
			e.assertNoSecret(t, nil)
		})
	}
}

func TestReconcileLink(t *testing.T) {
	e := newEnv(t, lifake.Config{}, nil)
	req := request("Book here")
	req.Content.Link = "https://example.org/a_(b)"
	e.fake.AfterWrite(lifake.Drop)
	e.pub.Publish(context.Background(), req)
	if _, found, err := e.pub.Reconcile(context.Background(), req, start); err != nil || !found {
		t.Errorf("Reconcile: found %v, err %v; want the post", found, err)
	}
}

func TestReconcileFails(t *testing.T) {
	tests := []struct {
		name   string
		status int
		body   string
		kind   publishers.Kind
	}{
		{"server error", 500, lifake.BodyServerError, publishers.KindTransient},
		{"no read scope", 403, lifake.BodyAccessDenied, publishers.KindAuth},
		{"rate limited", 429, lifake.BodyRateLimited, publishers.KindRateLimited},
		{"garbage", 200, `not json`, publishers.KindTransient},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t, lifake.Config{}, nil)
			e.fake.FailNext("GET /rest/posts", 1, tt.status, tt.body)
			_, found, err := e.pub.Reconcile(context.Background(), request("x"), start)
			if found || publishers.KindOf(err) != tt.kind {
				t.Errorf("found %v, err %v; want kind %v", found, err, tt.kind)
			}
			e.assertNoSecret(t, err)
		})
	}
}

func TestReconcileWithoutText(t *testing.T) {
	e := newEnv(t, lifake.Config{}, nil)
	_, found, err := e.pub.Reconcile(context.Background(), request(""), start)
	if found || publishers.KindOf(err) != publishers.KindPermanent {
		t.Errorf("found %v, err %v; want a permanent error", found, err)
	}
	if n := len(e.fake.Requests()); n != 0 {
		t.Errorf("%d requests sent, want none", n)
	}
}
