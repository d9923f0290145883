package instagram_test

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"

	"github.com/connections/postgate"
	"github.com/connections/postgate/publishers"
	"github.com/connections/postgate/publishers/instagram/igfake"
	"github.com/connections/postgate/publishers/media"
)

func TestImagePostGoesOutWithoutMetadata(t *testing.T) {
	e := newEnv(t, igfake.Options{FetchImages: true})
	req := e.imagePost(t, "Feeling anxious about the holidays? #wellbeing", 640, 640)
	ctx := context.Background()

	handle, err := e.pub.Prepare(ctx, req)
	if err != nil {
		t.Fatalf("Prepare: %v", err)
	}
	req.Handle = handle
	r, err := e.pub.Publish(ctx, req)
	if err != nil {
		t.Fatalf("Publish: %v", err)
	}

	posts := e.fake.Posts()
	if len(posts) != 1 {
		t.Fatalf("fake has %d posts, want 1", len(posts))
	}
	p := posts[0]
	if r.ID != p.ID || r.URL != p.Permalink || !r.PublishedAt.Equal(fixedNow) {
		t.Errorf("receipt %+v, want id %s url %s at %v", r, p.ID, p.Permalink, fixedNow)
	}
	if p.ContainerID != handle {
		t.Errorf("published container %s, want %s", p.ContainerID, handle)
	}
	if want := "Feeling anxious about the holidays? #wellbeing\nhttps://example.org/a"; p.Caption != want {
		t.Errorf("caption %q, want %q", p.Caption, want)
	}
	if len(p.Images) != 1 || p.MediaType != "IMAGE" {
		t.Fatalf("published %s with %d images, want one IMAGE", p.MediaType, len(p.Images))
	}
	img := p.Images[0]
	if want := e.fake.URL + "/media/img/photo%20one.jpg"; img.URL != want {
		t.Errorf("image_url %q, want %q", img.URL, want)
	}
	if img.AltText != "A calm room" {
		t.Errorf("alt_text %q", img.AltText)
	}
	raw, err := os.ReadFile(req.Content.Media[0].File)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(raw, []byte(exifMarker)) {
		t.Fatal("test image has no EXIF to strip")
	}
	if bytes.Contains(img.Data, []byte(exifMarker)) || bytes.Contains(img.Data, []byte("GPS 51.5N")) {
		t.Error("Instagram fetched an image that still carries EXIF")
	}
	want, err := media.Load(req.Content.Media[0].File)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(img.Data, want.Data) {
		t.Error("Instagram fetched bytes that differ from the stripped calendar image")
	}
	assertNoSecrets(t, e, r.ID+r.URL)
}

func TestFlowOrder(t *testing.T) {
	e := newEnv(t, igfake.Options{})
	req := e.imagePost(t, "Open evening on Thursday", 400, 400)
	if _, err := e.pub.Publish(context.Background(), req); err != nil {
		t.Fatalf("Publish: %v", err)
	}
	var got []string
	for _, c := range e.fake.Calls() {
		got = append(got, c.Method+" "+strings.NewReplacer(e.fake.Options().UserID, "{ig}", e.fake.Containers()[0], "{c}", e.fake.Posts()[0].ID, "{m}").Replace(c.Path))
	}
	want := []string{
		"POST /{ig}/media",
		"GET /{c}",
		"GET /{ig}/content_publishing_limit",
		"POST /{ig}/media_publish",
		"GET /{m}",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("calls:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestTextOnlyIsRejected(t *testing.T) {
	e := newEnv(t, igfake.Options{})
	req := publishers.Request{Content: postgate.Content{Platform: postgate.Instagram, Text: "Just words"}}
	_, err := e.pub.Prepare(context.Background(), req)
	wantKind(t, err, publishers.KindRejected)
	_, err = e.pub.Publish(context.Background(), req)
	wantKind(t, err, publishers.KindRejected)
	if n := len(e.fake.Calls()); n != 0 {
		t.Errorf("%d requests sent for a text-only post", n)
	}
}

func TestServedImageMustBeClean(t *testing.T) {
	tests := []struct {
		name  string
		opts  igfake.Options
		setup func(t *testing.T, e *env, req *publishers.Request)
		kind  publishers.Kind
		msg   string
	}{
		{"metadata still on the web server", igfake.Options{ServeRaw: true}, nil, publishers.KindRejected, "metadata"},
		{"not published there", igfake.Options{}, func(t *testing.T, e *env, req *publishers.Request) {
			req.Content.Media[0].Path = "img/missing.jpg"
		}, publishers.KindPermanent, "HTTP 404"},
		{"a different image there", igfake.Options{}, func(t *testing.T, e *env, req *publishers.Request) {
			req.Content.Media[0].File = writeJPEG(t, t.TempDir(), "other.jpg", 500, 400, false)
		}, publishers.KindRejected, "640×640"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t, tt.opts)
			req := e.imagePost(t, "Hello", 640, 640)
			if tt.setup != nil {
				tt.setup(t, e, &req)
			}
			_, err := e.pub.Prepare(context.Background(), req)
			pe := wantKind(t, err, tt.kind)
			if !strings.Contains(pe.Message, tt.msg) {
				t.Errorf("message %q does not contain %q", pe.Message, tt.msg)
			}
			if n := len(e.fake.Containers()); n != 0 {
				t.Errorf("%d containers created for an image that must not go out", n)
			}
		})
	}
}
