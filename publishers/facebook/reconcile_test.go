package facebook_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/connections/postgate"
	"github.com/connections/postgate/publishers"
	"github.com/connections/postgate/publishers/facebook/fbfake"
)

func TestReconcile(t *testing.T) {
	const text = "Our evening group starts again in January. Book at https://example.org/groups today."
	since := testNow.Add(-time.Minute)
	tests := []struct {
		name    string
		message string
		created time.Time
		found   bool
	}{
		{"same text", text, testNow, true},
		{"link rewritten, spacing and case changed", "OUR evening  group\nstarts again in January. Book at https://l.facebook.com/x today.", testNow, true},
		{"only the first 40 characters matter", "Our evening group starts again in January, with a different ending", testNow, true},
		{"different text", "Our morning group starts again in January.", testNow, false},
		{"posted before the attempt", text, since.Add(-time.Second), false},
		{"posted exactly at since", text, since, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newFake(t, nil)
			srv.AddPost("Something else entirely", testNow)
			id := srv.AddPost(tt.message, tt.created)
			p, _ := newPublisher(t, settings(srv))
			r, found, err := p.Reconcile(context.Background(), request(postgate.Content{Text: text}), since)
			if err != nil {
				t.Fatal(err)
			}
			if found != tt.found {
				t.Fatalf("found = %v, want %v", found, tt.found)
			}
			if found && (r.ID != id || !r.PublishedAt.Equal(tt.created) || !strings.HasSuffix(r.URL, strings.Split(id, "_")[1])) {
				t.Errorf("receipt %+v, want id %s at %v", r, id, tt.created)
			}
		})
	}
}

// TestReconcileAfterDroppedWrite is the whole outcome-unknown story: the
// post is made, the answer is lost, and Reconcile finds it.
func TestReconcileAfterDroppedWrite(t *testing.T) {
	srv := newFake(t, nil)
	srv.FailNext(http.MethodPost, "/"+pageID+"/feed", 1, fbfake.Fault{After: true, Drop: true})
	p, _ := newPublisher(t, settings(srv))
	req := request(postgate.Content{Text: "Drop-in session on Thursday at 6pm.", Link: "https://example.org/drop-in"})
	_, err := p.Publish(context.Background(), req)
	if publishers.KindOf(err) != publishers.KindUnknown {
		t.Fatalf("Publish error %v, want outcome unknown", err)
	}
	r, found, err := p.Reconcile(context.Background(), req, testNow)
	if err != nil || !found || r.ID != srv.Posts()[0].ID {
		t.Fatalf("Reconcile = %+v, %v, %v; want the post %s", r, found, err, srv.Posts()[0].ID)
	}
}

func TestReconcileFailures(t *testing.T) {
	tests := []struct {
		name  string
		fault fbfake.Fault
		kind  publishers.Kind
	}{
		{"dropped", fbfake.Fault{Drop: true}, publishers.KindTransient},
		{"timeout", fbfake.Fault{Hang: true}, publishers.KindTransient},
		{"code 2", fbfake.Fault{}, publishers.KindTransient},
		{"expired token", fbfake.Fault{Status: 401, Body: fbfake.ErrorBody(190, 463, "Session has expired")}, publishers.KindAuth},
		{"throttled", fbfake.RateLimited(80001, pageID, 3), publishers.KindRateLimited},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newFake(t, nil)
			srv.FailNext(http.MethodGet, "/"+pageID+"/feed", 1, tt.fault)
			p, logs := newPublisher(t, settings(srv))
			_, _, err := p.Reconcile(context.Background(), request(postgate.Content{Text: "x"}), testNow)
			if k := publishers.KindOf(err); err == nil || k != tt.kind {
				t.Fatalf("error %v (kind %v), want kind %v", err, k, tt.kind)
			}
			assertNoSecret(t, err.Error(), logs.String())
		})
	}
}
