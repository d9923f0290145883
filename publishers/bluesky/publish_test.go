package bluesky_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/connections/postgate/publishers"
	"github.com/connections/postgate/publishers/bluesky"
	"github.com/connections/postgate/publishers/bluesky/blueskyfake"
)

func TestPublishText(t *testing.T) {
	e := newEnv(t, blueskyfake.Config{}, nil)
	req := e.prepared(t, "Café séance ☕ for carers 👨‍👩‍👧 — details at example.org/carers or https://example.org/book?x=1.")
	req.Content.Link = "https://example.org/groups"

	got, err := e.pub.Publish(context.Background(), req)
	if err != nil {
		t.Fatalf("Publish: %v", err)
	}
	recs := e.fake.Records()
	if len(recs) != 1 {
		t.Fatalf("fake has %d records, want 1", len(recs))
	}
	rec := recs[0]
	p := rec.Post
	if want := req.Content.Text + "\n" + req.Content.Link; p.Text != want {
		t.Errorf("text %q, want %q", p.Text, want)
	}
	if p.CreatedAt != "2026-11-25T10:00:00.000Z" {
		t.Errorf("createdAt %q", p.CreatedAt)
	}
	wantLinks := map[string]string{
		"example.org/carers":           "https://example.org/carers",
		"https://example.org/book?x=1": "https://example.org/book?x=1",
		"https://example.org/groups":   "https://example.org/groups",
	}
	if len(p.Facets) != len(wantLinks) {
		t.Fatalf("facets %+v, want %d links", p.Facets, len(wantLinks))
	}
	for _, f := range p.Facets {
		span := p.Text[f.Index.ByteStart:f.Index.ByteEnd]
		if uri, ok := wantLinks[span]; !ok || len(f.Features) != 1 || f.Features[0].URI != uri ||
			f.Features[0].Type != "app.bsky.richtext.facet#link" {
			t.Errorf("facet over %q: %+v", span, f.Features)
		}
	}
	if rec.RKey != req.Handle {
		t.Errorf("rkey %q, want the prepared %q", rec.RKey, req.Handle)
	}
	wantID := "at://" + blueskyfake.DefaultDID + "/app.bsky.feed.post/" + req.Handle
	if got.ID != wantID || got.URL != "https://bsky.app/profile/"+blueskyfake.DefaultDID+"/post/"+req.Handle || !got.PublishedAt.Equal(start) {
		t.Errorf("receipt %+v, want %s at %v", got, wantID, start)
	}
	e.assertNoSecret(t, nil)
}

func TestPublishImages(t *testing.T) {
	e := newEnv(t, blueskyfake.Config{}, nil)
	req := e.prepared(t, "Our new waiting room", photo(t, "A calm room with plants"), photo(t, ""))

	if _, err := e.pub.Publish(context.Background(), req); err != nil {
		t.Fatalf("Publish: %v", err)
	}
	blobs := e.fake.Blobs()
	if len(blobs) != 1 { // the same bytes twice: one blob
		t.Fatalf("fake has %d blobs, want 1", len(blobs))
	}
	b := blobs[0]
	if bytes.Contains(b.Data, []byte("Exif")) || bytes.Contains(b.Data, []byte(exifMarker)) {
		t.Error("uploaded image still holds its EXIF segment")
	}
	if b.MimeType != "image/jpeg" {
		t.Errorf("blob type %q", b.MimeType)
	}
	embed := e.fake.Records()[0].Post.Embed
	if embed == nil || embed.Type != "app.bsky.embed.images" || len(embed.Images) != 2 {
		t.Fatalf("embed %+v, want two images", embed)
	}
	for i, alt := range []string{"A calm room with plants", ""} {
		img := embed.Images[i]
		if img.Alt == nil || *img.Alt != alt || img.Image.Ref.Link != b.CID || img.AspectRatio == nil ||
			img.AspectRatio.Width != 16 || img.AspectRatio.Height != 9 {
			t.Errorf("image %d: %+v", i, img)
		}
	}
	e.assertNoSecret(t, nil)
}

// TestRetryAfterDroppedAnswer: the record was created but the answer lost.
// The next attempt finds it with getRecord and returns its receipt without
// writing again.
func TestRetryAfterDroppedAnswer(t *testing.T) {
	e := newEnv(t, blueskyfake.Config{}, nil)
	req := e.prepared(t, "Drop-in sessions are back on Tuesdays")
	e.fake.AfterWrite(blueskyfake.Drop)
	_, err := e.pub.Publish(context.Background(), req)
	if err == nil || publishers.KindOf(err) != publishers.KindUnknown {
		t.Fatalf("first attempt: %v, want outcome unknown", err)
	}

	e.clock.Add(5 * time.Minute)
	req.Attempt = 2
	got, err := e.pub.Publish(context.Background(), req)
	if err != nil {
		t.Fatalf("retry: %v", err)
	}
	if n := len(e.fake.Records()); n != 1 {
		t.Fatalf("fake has %d records, want 1", n)
	}
	if !got.PublishedAt.Equal(start) || !strings.HasSuffix(got.ID, "/"+req.Handle) {
		t.Errorf("receipt %+v, want the first attempt's record at %v", got, start)
	}
	if n := count(e, "com.atproto.repo.createRecord"); n != 1 {
		t.Errorf("%d createRecord calls, want 1", n)
	}
	e.assertNoSecret(t, nil)
}

// TestCreateExistingRKey shows why getRecord comes first: the PDS answers
// 500 to a second createRecord under the same rkey, which would leave the
// outcome unknown.
func TestCreateExistingRKey(t *testing.T) {
	e := newEnv(t, blueskyfake.Config{}, nil)
	req := e.prepared(t, "Once only")
	if _, err := e.pub.Publish(context.Background(), req); err != nil {
		t.Fatal(err)
	}
	e.fake.FailNext("com.atproto.repo.getRecord", 1, 400,
		`{"error":"RecordNotFound","message":"Could not locate record"}`, nil)
	_, err := e.pub.Publish(context.Background(), req)
	if pe := asError(t, err); pe.Kind != publishers.KindUnknown || pe.Status != 500 {
		t.Errorf("got %v %d, want outcome unknown from the 500", pe.Kind, pe.Status)
	}
	if n := len(e.fake.Records()); n != 1 {
		t.Errorf("fake has %d records, want 1", n)
	}
}

func TestPublishWithoutHandle(t *testing.T) {
	e := newEnv(t, blueskyfake.Config{}, nil)
	if _, err := e.pub.Publish(context.Background(), request("no handle")); err != nil {
		t.Fatalf("Publish: %v", err)
	}
	if recs := e.fake.Records(); len(recs) != 1 || len(recs[0].RKey) != 13 {
		t.Errorf("records %+v, want one under a TID", recs)
	}
}

func TestPublishBadHandle(t *testing.T) {
	e := newEnv(t, blueskyfake.Config{}, nil)
	req := request("x")
	req.Handle = "not a key/"
	if _, err := e.pub.Publish(context.Background(), req); publishers.KindOf(err) != publishers.KindPermanent {
		t.Errorf("got %v, want permanent", err)
	}
}

// TestSession: one login serves every call; an expired access token is
// renewed with the refresh token, not a new login, and the refused call is
// sent once more.
func TestSession(t *testing.T) {
	e := newEnv(t, blueskyfake.Config{AccessTTL: 10 * time.Minute}, nil)
	for i, text := range []string{"first", "second"} {
		req := e.prepared(t, text)
		req.Delivery.PostID = text
		if _, err := e.pub.Publish(context.Background(), req); err != nil {
			t.Fatalf("Publish %d: %v", i, err)
		}
	}
	e.clock.Add(11 * time.Minute)
	if _, err := e.pub.Publish(context.Background(), e.prepared(t, "third")); err != nil {
		t.Fatalf("Publish after expiry: %v", err)
	}
	if n := len(e.fake.Logins()); n != 1 {
		t.Errorf("%d logins, want 1", n)
	}
	var got []string
	for _, r := range e.fake.Requests()[5:] {
		got = append(got, strings.TrimPrefix(r.Method, "com.atproto.")+"/"+r.Token)
	}
	want := "repo.getRecord/access server.refreshSession/refresh repo.getRecord/access repo.createRecord/access"
	if strings.Join(got, " ") != want {
		t.Errorf("calls after expiry:\n%s\nwant\n%s", strings.Join(got, " "), want)
	}
	if n := len(e.fake.Records()); n != 3 {
		t.Errorf("%d records, want 3", n)
	}
	e.assertNoSecret(t, nil)
}

// TestSessionRefreshExpired: when the refresh token has expired too, the
// connector logs in again.
func TestSessionRefreshExpired(t *testing.T) {
	e := newEnv(t, blueskyfake.Config{AccessTTL: time.Minute, RefreshTTL: time.Hour}, nil)
	if _, err := e.pub.Publish(context.Background(), e.prepared(t, "first")); err != nil {
		t.Fatal(err)
	}
	e.clock.Add(2 * time.Hour)
	if _, err := e.pub.Publish(context.Background(), e.prepared(t, "second")); err != nil {
		t.Fatalf("Publish: %v", err)
	}
	if n := len(e.fake.Logins()); n != 2 {
		t.Errorf("%d logins, want 2", n)
	}
}

// TestExpiredOnCreateRecord: a createRecord refused for its token is
// certainly not written, so it is sent once more after the renewal.
func TestExpiredOnCreateRecord(t *testing.T) {
	e := newEnv(t, blueskyfake.Config{}, nil)
	e.fake.FailNext("com.atproto.repo.createRecord", 1, 400, blueskyfake.BodyExpiredToken, nil)
	if _, err := e.pub.Publish(context.Background(), e.prepared(t, "x")); err != nil {
		t.Fatalf("Publish: %v", err)
	}
	if n, r := count(e, "com.atproto.repo.createRecord"), count(e, "com.atproto.server.refreshSession"); n != 2 || r != 1 {
		t.Errorf("%d createRecord and %d refreshSession calls, want 2 and 1", n, r)
	}
}

// TestExpiredTwice: the token is refused again after the renewal; that is
// an auth failure, not a loop.
func TestExpiredTwice(t *testing.T) {
	e := newEnv(t, blueskyfake.Config{}, nil)
	e.fake.FailNext("com.atproto.repo.createRecord", 2, 400, blueskyfake.BodyExpiredToken, nil)
	_, err := e.pub.Publish(context.Background(), e.prepared(t, "x"))
	if pe := asError(t, err); pe.Kind != publishers.KindAuth || pe.Code != "ExpiredToken" {
		t.Errorf("got %v %q, want auth ExpiredToken", pe.Kind, pe.Code)
	}
	if n := count(e, "com.atproto.repo.createRecord"); n != 2 {
		t.Errorf("%d createRecord calls, want 2", n)
	}
	e.assertNoSecret(t, err)
}

// TestPasswordRevoked: every token is revoked and the password no longer
// works, so the renewal's login fails as auth.
func TestPasswordRevoked(t *testing.T) {
	e := newEnv(t, blueskyfake.Config{}, nil)
	if _, err := e.pub.Publish(context.Background(), e.prepared(t, "first")); err != nil {
		t.Fatal(err)
	}
	e.fake.ChangePassword("new0-pass-word-0000")
	_, err := e.pub.Publish(context.Background(), e.prepared(t, "second"))
	if pe := asError(t, err); pe.Kind != publishers.KindAuth || pe.Status != 401 || pe.Code != "AuthenticationRequired" {
		t.Errorf("got %v %d %q, want auth 401 AuthenticationRequired", pe.Kind, pe.Status, pe.Code)
	}
	e.assertNoSecret(t, err)
}

func TestConcurrentPublish(t *testing.T) {
	e := newEnv(t, blueskyfake.Config{}, nil)
	errs := make(chan error, 8)
	for i := range 8 {
		go func() {
			req := e.prepared(t, "post "+string(rune('a'+i)))
			_, err := e.pub.Publish(context.Background(), req)
			errs <- err
		}()
	}
	for range 8 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
	if n, l := len(e.fake.Records()), len(e.fake.Logins()); n != 8 || l != 1 {
		t.Errorf("%d records and %d logins, want 8 and 1", n, l)
	}
}

func TestPublishRefuses(t *testing.T) {
	big := noisyPNG(t, 600, 600)
	tests := []struct {
		name string
		req  func(t *testing.T) publishers.Request
	}{
		{"too long", func(t *testing.T) publishers.Request { return request(strings.Repeat("a", 301)) }},
		{"too many bytes", func(t *testing.T) publishers.Request { return request(strings.Repeat("👨‍👩‍👧", 200)) }},
		{"empty", func(t *testing.T) publishers.Request { return request("") }},
		{"image too big", func(t *testing.T) publishers.Request {
			m := photo(t, "noise")
			m.File = writeFile(t, "big.png", big)
			return request("x", m)
		}},
		{"not an image", func(t *testing.T) publishers.Request {
			m := photo(t, "a")
			m.File = writeFile(t, "notes.txt", []byte("hello"))
			return request("x", m)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t, blueskyfake.Config{}, nil)
			_, err := e.pub.Publish(context.Background(), tt.req(t))
			if k := publishers.KindOf(err); err == nil || k != publishers.KindRejected {
				t.Errorf("got %v, want rejected", err)
			}
			if n := len(e.fake.Records()); n != 0 {
				t.Errorf("%d records, want none", n)
			}
		})
	}
}

func TestPrepare(t *testing.T) {
	e := newEnv(t, blueskyfake.Config{}, nil)
	a := e.prepared(t, "x").Handle
	b := e.prepared(t, "x").Handle // the clock has not moved
	if len(a) != 13 || a >= b {
		t.Errorf("handles %q, %q: want 13-character TIDs, increasing", a, b)
	}
	req := request("x")
	req.Handle = "3kept4as5is22"
	if h, err := e.pub.Prepare(context.Background(), req); err != nil || h != req.Handle {
		t.Errorf("Prepare with a handle = %q, %v; want it unchanged", h, err)
	}
	if n := len(e.fake.Requests()); n != 0 {
		t.Errorf("Prepare made %d requests, want none", n)
	}
}

func TestTID(t *testing.T) {
	tests := []struct {
		t       time.Time
		clockID uint64
		want    string
	}{
		{time.UnixMicro(0), 0, "2222222222222"},
		{time.UnixMicro(0), 1, "2222222222223"},
		{time.UnixMicro(1), 0, "2222222222322"},
		{time.UnixMicro(1<<53 - 1), 1023, "bzzzzzzzzzzzz"},
	}
	for _, tt := range tests {
		if got := bluesky.TID(tt.t, tt.clockID); got != tt.want {
			t.Errorf("TID(%d, %d) = %q, want %q", tt.t.UnixMicro(), tt.clockID, got, tt.want)
		}
	}
	if a, b := bluesky.TID(start, 5), bluesky.TID(start.Add(time.Microsecond), 0); a >= b {
		t.Errorf("TIDs do not sort in time order: %q >= %q", a, b)
	}
}

// count returns how many calls the fake received for nsid.
func count(e *env, nsid string) int {
	n := 0
	for _, r := range e.fake.Requests() {
		if r.Method == nsid {
			n++
		}
	}
	return n
}
