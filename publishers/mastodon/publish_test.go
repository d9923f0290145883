package mastodon_test

import (
	"bytes"
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/connections/postgate"
	"github.com/connections/postgate/publishers"
	"github.com/connections/postgate/publishers/mastodon"
	"github.com/connections/postgate/publishers/mastodon/mastodonfake"
)

func TestPublishText(t *testing.T) {
	e := newEnv(t, mastodonfake.Config{}, publishers.Settings{"language": "en", "visibility": "unlisted"})
	req := request("Our grief group meets on Friday at 6pm <all welcome> & free. #MentalHealth")
	req.Content.Link = "https://example.org/groups"

	got, err := e.pub.Publish(context.Background(), req)
	if err != nil {
		t.Fatalf("Publish: %v", err)
	}
	sts := e.fake.Statuses()
	if len(sts) != 1 {
		t.Fatalf("fake has %d statuses, want 1", len(sts))
	}
	st := sts[0]
	if want := req.Content.Text + "\n" + req.Content.Link; st.Text != want {
		t.Errorf("status text %q, want %q", st.Text, want)
	}
	if st.Visibility != "unlisted" || st.Language != "en" {
		t.Errorf("visibility %q language %q, want unlisted en", st.Visibility, st.Language)
	}
	if want := mastodon.IdempotencyKey(req.Delivery); st.IdempotencyKey != want || len(want) != 32 {
		t.Errorf("Idempotency-Key %q, want %q (32 hex digits)", st.IdempotencyKey, want)
	}
	if got.ID != st.ID || got.URL != "https://fake.example/@connections/"+st.ID || !got.PublishedAt.Equal(start) {
		t.Errorf("receipt %+v, want status %s at %v", got, st.ID, start)
	}
	e.assertNoSecret(t, nil)
}

func TestPublishDefaults(t *testing.T) {
	e := newEnv(t, mastodonfake.Config{}, nil)
	req := request("Book at https://example.org/book today")
	req.Content.Link = "https://example.org/book"
	if _, err := e.pub.Publish(context.Background(), req); err != nil {
		t.Fatalf("Publish: %v", err)
	}
	st := e.fake.Statuses()[0]
	if st.Text != req.Content.Text || st.Visibility != "public" || st.Language != "" {
		t.Errorf("status %q visibility %q language %q, want the text unchanged, public, no language",
			st.Text, st.Visibility, st.Language)
	}
	if r := e.fake.Requests()[0]; !strings.HasPrefix(r.ContentType, "application/json") {
		t.Errorf("content type %q, want JSON", r.ContentType)
	}
}

func TestPrepare(t *testing.T) {
	pub := &mastodon.Publisher{}
	req := request("x")
	key, err := pub.Prepare(context.Background(), req)
	if err != nil || key != mastodon.IdempotencyKey(req.Delivery) {
		t.Fatalf("Prepare = %q, %v; want the derived key", key, err)
	}
	again, _ := pub.Prepare(context.Background(), req)
	other := req
	other.Delivery.At = start.Add(time.Hour)
	next, _ := pub.Prepare(context.Background(), other)
	if again != key || next == key {
		t.Errorf("keys %q %q %q: want stable per delivery and distinct across deliveries", key, again, next)
	}
	req.Handle = "kept-as-is"
	if h, _ := pub.Prepare(context.Background(), req); h != "kept-as-is" {
		t.Errorf("Prepare with a handle = %q, want it unchanged", h)
	}
}

// TestRetryAfterDroppedAnswer proves the point of the Idempotency-Key: the
// first attempt creates the status but its answer is lost; the retry with
// the same handle gets that status back and no second one is created. The
// client keeps no idle connections, so that net/http cannot replay the
// request itself (TestTransportReplay covers that).
func TestRetryAfterDroppedAnswer(t *testing.T) {
	e := newEnv(t, mastodonfake.Config{}, nil)
	client := &http.Client{Timeout: 2 * time.Second, Transport: &http.Transport{DisableKeepAlives: true}}
	pub := e.publisher(t, publishers.Settings{"api_base": e.fake.URL, "access_token": token}, client)
	req := request("Drop-in sessions are back on Tuesdays", photo(t, "the centre's front door"))
	handle, err := pub.Prepare(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	req.Handle = handle
	e.fake.AfterWrite(mastodonfake.Drop)
	_, err = pub.Publish(context.Background(), req)
	if err == nil || publishers.KindOf(err) != publishers.KindUnknown {
		t.Fatalf("first attempt: %v, want outcome unknown", err)
	}

	e.clock.Add(59 * time.Minute)
	req.Attempt = 2
	got, err := pub.Publish(context.Background(), req)
	if err != nil {
		t.Fatalf("retry: %v", err)
	}
	sts := e.fake.Statuses()
	if len(sts) != 1 || got.ID != sts[0].ID {
		t.Fatalf("fake has %d statuses, receipt %s; want one status, the first", len(sts), got.ID)
	}
	if !got.PublishedAt.Equal(start) {
		t.Errorf("PublishedAt %v, want the first attempt's %v", got.PublishedAt, start)
	}
	if n := statusRequests(t, e, handle); n != 2 {
		t.Errorf("%d status requests, want 2", n)
	}
	e.assertNoSecret(t, nil)
}

// TestTransportReplay: net/http treats a POST with an Idempotency-Key as
// replayable and sends it again by itself when a kept-alive connection
// drops; the key makes that harmless too.
func TestTransportReplay(t *testing.T) {
	e := newEnv(t, mastodonfake.Config{}, nil)
	if _, err := e.pub.Publish(context.Background(), request("warm the connection")); err != nil {
		t.Fatal(err)
	}
	req := request("Drop-in sessions are back on Tuesdays")
	req.Delivery.PostID = "p2"
	e.fake.AfterWrite(mastodonfake.Drop)
	_, err := e.pub.Publish(context.Background(), req)
	if err != nil && publishers.KindOf(err) != publishers.KindUnknown {
		t.Fatalf("Publish: %v, want success or outcome unknown", err)
	}
	if n := len(e.fake.Statuses()); n != 2 {
		t.Errorf("fake has %d statuses, want 2", n)
	}
}

// statusRequests counts the status writes, checking that each carried key.
func statusRequests(t *testing.T, e *env, key string) int {
	t.Helper()
	n := 0
	for _, r := range e.fake.Requests() {
		if r.Path == "/api/v1/statuses" {
			n++
			if r.IdempotencyKey != key {
				t.Errorf("status request sent key %q, want %q", r.IdempotencyKey, key)
			}
		}
	}
	return n
}

// TestRetryWithoutHandle: Publish derives the same key itself.
func TestRetryWithoutHandle(t *testing.T) {
	e := newEnv(t, mastodonfake.Config{}, nil)
	e.fake.AfterWrite(mastodonfake.Drop)
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	pub := e.publisher(t, publishers.Settings{"api_base": e.fake.URL, "access_token": token}, client)
	if _, err := pub.Publish(context.Background(), request("once only")); err == nil || publishers.KindOf(err) != publishers.KindUnknown {
		t.Fatalf("first attempt: %v, want outcome unknown", err)
	}
	if _, err := pub.Publish(context.Background(), request("once only")); err != nil {
		t.Fatalf("retry: %v", err)
	}
	if n := len(e.fake.Statuses()); n != 1 {
		t.Errorf("fake has %d statuses, want 1", n)
	}
}

func TestKeyForgottenAfterAnHour(t *testing.T) {
	e := newEnv(t, mastodonfake.Config{}, nil)
	if _, err := e.pub.Publish(context.Background(), request("weekly reminder")); err != nil {
		t.Fatal(err)
	}
	e.clock.Add(61 * time.Minute)
	if _, err := e.pub.Publish(context.Background(), request("weekly reminder")); err != nil {
		t.Fatal(err)
	}
	if n := len(e.fake.Statuses()); n != 2 {
		t.Errorf("fake has %d statuses, want 2: the instance forgets keys after an hour", n)
	}
}

func TestPublishImages(t *testing.T) {
	e := newEnv(t, mastodonfake.Config{}, nil)
	req := request("Our new waiting room", photo(t, "A calm room with plants"), photo(t, "The garden"))
	req.Content.Media[1].Path = "/home/marketing/clients/garden.jpg"

	if _, err := e.pub.Publish(context.Background(), req); err != nil {
		t.Fatalf("Publish: %v", err)
	}
	media := e.fake.Media()
	if len(media) != 2 {
		t.Fatalf("fake has %d attachments, want 2", len(media))
	}
	for i, m := range media {
		if bytes.Contains(m.Data, []byte("Exif")) || bytes.Contains(m.Data, []byte(exifMarker)) {
			t.Errorf("image %d still holds its EXIF segment", i)
		}
		if m.ContentType != "image/jpeg" || m.Filename != "image.jpeg" {
			t.Errorf("image %d: %s named %q, want a JPEG with a generic name", i, m.ContentType, m.Filename)
		}
	}
	if media[0].Description != "A calm room with plants" || media[1].Description != "The garden" {
		t.Errorf("descriptions %q, %q", media[0].Description, media[1].Description)
	}
	st := e.fake.Statuses()[0]
	if len(st.MediaIDs) != 2 || st.MediaIDs[0] != media[0].ID || st.MediaIDs[1] != media[1].ID {
		t.Errorf("status media %v, want both attachments in order", st.MediaIDs)
	}
	e.assertNoSecret(t, nil)
}

func TestPublishImageOnly(t *testing.T) {
	e := newEnv(t, mastodonfake.Config{}, nil)
	if _, err := e.pub.Publish(context.Background(), request("", photo(t, "poster"))); err != nil {
		t.Fatalf("Publish: %v", err)
	}
}

func TestPublishStillProcessing(t *testing.T) {
	e := newEnv(t, mastodonfake.Config{}, nil)
	e.fake.SetProcessing(true)
	_, err := e.pub.Publish(context.Background(), request("x", photo(t, "alt")))
	pe := asError(t, err)
	if pe.Kind != publishers.KindTransient || pe.Status != 202 || !pe.RetryAt.Equal(start.Add(10*time.Second)) {
		t.Errorf("got %v status %d retry at %v, want transient 202 at +10s", pe.Kind, pe.Status, pe.RetryAt)
	}
	if n := len(e.fake.Statuses()); n != 0 {
		t.Errorf("fake has %d statuses, want none", n)
	}
	e.fake.SetProcessing(false)
	if _, err := e.pub.Publish(context.Background(), request("x", photo(t, "alt"))); err != nil {
		t.Fatalf("next attempt: %v", err)
	}
}

func TestPublishRefuses(t *testing.T) {
	tests := []struct {
		name string
		req  func(t *testing.T) publishers.Request
	}{
		{"too long", func(t *testing.T) publishers.Request { return request(strings.Repeat("a", 501)) }},
		{"empty", func(t *testing.T) publishers.Request { return request(" \n") }},
		{"not an image", func(t *testing.T) publishers.Request {
			return request("x", postgate.Media{Path: "notes.txt", File: writeFile(t, "notes.txt", []byte("hello")), Alt: "a"})
		}},
		{"missing file", func(t *testing.T) publishers.Request {
			return request("x", postgate.Media{Path: "gone.jpg", File: t.TempDir() + "/gone.jpg", Alt: "a"})
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t, mastodonfake.Config{}, nil)
			_, err := e.pub.Publish(context.Background(), tt.req(t))
			if k := publishers.KindOf(err); k != publishers.KindRejected {
				t.Errorf("kind %v, want rejected (%v)", k, err)
			}
			if n := len(e.fake.Requests()); n != 0 {
				t.Errorf("%d requests sent, want none", n)
			}
		})
	}
}
