package bluesky_test

import (
	"context"
	"testing"
	"time"

	"github.com/connections/postgate/publishers"
	"github.com/connections/postgate/publishers/bluesky/blueskyfake"
)

func TestReconcile(t *testing.T) {
	tests := []struct {
		name    string
		publish bool   // create the record, with a dropped answer
		handle  string // "" uses the prepared one
		found   bool
		kind    publishers.Kind // of the error, when wantErr
		wantErr bool
	}{
		{name: "published", publish: true, found: true},
		{name: "not published", publish: false},
		{name: "other key", publish: true, handle: "3zzzzzzzzzzzz"},
		{name: "no handle stored", publish: true, handle: "-", wantErr: true, kind: publishers.KindPermanent},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t, blueskyfake.Config{}, nil)
			req := e.prepared(t, "Grief group starts Monday")
			if tt.publish {
				e.fake.AfterWrite(blueskyfake.Drop)
				if _, err := e.pub.Publish(context.Background(), req); err == nil || publishers.KindOf(err) != publishers.KindUnknown {
					t.Fatalf("Publish with a dropped answer: %v, want outcome unknown", err)
				}
			}
			switch tt.handle {
			case "-":
				req.Handle = ""
			case "":
			default:
				req.Handle = tt.handle
			}
			e.clock.Add(10 * time.Minute)
			r, found, err := e.pub.Reconcile(context.Background(), req, start.Add(time.Hour)) // since does not matter
			if tt.wantErr {
				if err == nil || publishers.KindOf(err) != tt.kind {
					t.Fatalf("Reconcile: %v, want a %v error", err, tt.kind)
				}
				return
			}
			if err != nil {
				t.Fatalf("Reconcile: %v", err)
			}
			if found != tt.found {
				t.Fatalf("found %v, want %v", found, tt.found)
			}
			if found {
				rec := e.fake.Records()[0]
				if r.ID != rec.URI || !r.PublishedAt.Equal(start) || r.URL == "" {
					t.Errorf("receipt %+v, want %s at %v", r, rec.URI, start)
				}
			}
			e.assertNoSecret(t, err)
		})
	}
}

func TestReconcileError(t *testing.T) {
	e := newEnv(t, blueskyfake.Config{}, nil)
	e.fake.FailNext("com.atproto.repo.getRecord", 1, 502, `<html>Bad Gateway</html>`, nil)
	_, _, err := e.pub.Reconcile(context.Background(), e.prepared(t, "x"), start)
	if k := publishers.KindOf(err); err == nil || k != publishers.KindTransient {
		t.Errorf("got %v, want transient", err)
	}
}
