package linkedin_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/connections/postgate"
	"github.com/connections/postgate/publishers"
	"github.com/connections/postgate/publishers/linkedin/lifake"
)

func TestPublishText(t *testing.T) {
	e := newEnv(t, lifake.Config{}, nil)
	req := request("Our group (free!) meets on Friday_s at 6pm. Ask @ reception. #MentalHealth *new*")
	req.Content.Link = "https://example.org/groups_2026?x=(1)"

	got, err := e.pub.Publish(context.Background(), req)
	if err != nil {
		t.Fatalf("Publish: %v", err)
	}
	posts := e.fake.Posts()
	if len(posts) != 1 {
		t.Fatalf("fake has %d posts, want 1", len(posts))
	}
	p := posts[0]
	want := req.Content.Text + "\n" + req.Content.Link
	if p.Cut || p.Text != want {
		t.Errorf("LinkedIn shows %q (cut %v), want %q", p.Text, p.Cut, want)
	}
	if got.ID != p.ID || !strings.HasPrefix(got.ID, "urn:li:share:") {
		t.Errorf("receipt id %q, fake id %q", got.ID, p.ID)
	}
	if wantURL := "https://www.linkedin.com/feed/update/" + p.ID + "/"; got.URL != wantURL {
		t.Errorf("receipt URL %q, want %q", got.URL, wantURL)
	}
	if !got.PublishedAt.Equal(start) {
		t.Errorf("PublishedAt %v, want %v", got.PublishedAt, start)
	}
	if r := e.fake.Requests()[0]; r.Version != "202610" {
		t.Errorf("LinkedIn-Version %q, want the default 202610", r.Version)
	}
	e.assertNoSecret(t, nil)
}

func TestPublishLinkAlreadyInText(t *testing.T) {
	e := newEnv(t, lifake.Config{}, publishers.Settings{"version": "202609"})
	req := request("Book at https://example.org/book today")
	req.Content.Link = "https://example.org/book"
	if _, err := e.pub.Publish(context.Background(), req); err != nil {
		t.Fatalf("Publish: %v", err)
	}
	if p := e.fake.Posts()[0]; p.Text != req.Content.Text {
		t.Errorf("LinkedIn shows %q, want the text unchanged", p.Text)
	}
	if r := e.fake.Requests()[0]; r.Version != "202609" {
		t.Errorf("LinkedIn-Version %q, want the configured 202609", r.Version)
	}
}

func TestPublishImage(t *testing.T) {
	e := newEnv(t, lifake.Config{}, nil)
	file := writeFile(t, "photo.jpg", jpegWithEXIF(t))
	req := request("Our new waiting room", postgate.Media{Path: "photo.jpg", File: file, Alt: "A calm room (with plants)"})

	if _, err := e.pub.Publish(context.Background(), req); err != nil {
		t.Fatalf("Publish: %v", err)
	}
	images := e.fake.Images()
	if len(images) != 1 {
		t.Fatalf("fake has %d images, want 1", len(images))
	}
	img := images[0]
	if bytes.Contains(img.Data, []byte("Exif")) || bytes.Contains(img.Data, []byte(exifMarker)) {
		t.Error("uploaded image still holds its EXIF segment")
	}
	if !bytes.HasPrefix(img.Data, []byte{0xFF, 0xD8}) || img.ContentType != "image/jpeg" {
		t.Errorf("uploaded %q starting % x, want a JPEG", img.ContentType, img.Data[:4])
	}
	p := e.fake.Posts()[0]
	if len(p.Media) != 1 || p.Media[0].ID != img.ID || p.Media[0].AltText != "A calm room (with plants)" {
		t.Errorf("post media %+v, want image %s with its alt text", p.Media, img.ID)
	}
	e.assertNoSecret(t, nil)
}

func TestPublishImages(t *testing.T) {
	e := newEnv(t, lifake.Config{}, nil)
	file := writeFile(t, "photo.jpg", jpegWithEXIF(t))
	png := writeFile(t, "chart.png", pngSized(t, 1, 1))
	req := request("Two pictures",
		postgate.Media{Path: "photo.jpg", File: file, Alt: "one"},
		postgate.Media{Path: "chart.png", File: png, Alt: "two"})

	if _, err := e.pub.Publish(context.Background(), req); err != nil {
		t.Fatalf("Publish: %v", err)
	}
	p := e.fake.Posts()[0]
	if len(p.Media) != 2 || p.Media[0].AltText != "one" || p.Media[1].AltText != "two" {
		t.Errorf("post media %+v, want two images in order", p.Media)
	}
}

func TestPublishProcessingImage(t *testing.T) {
	e := newEnv(t, lifake.Config{}, nil)
	e.fake.SetImageStatus("PROCESSING")
	file := writeFile(t, "photo.jpg", jpegWithEXIF(t))
	if _, err := e.pub.Publish(context.Background(), request("x", postgate.Media{Path: "p.jpg", File: file})); err != nil {
		t.Fatalf("Publish with a processing image: %v", err)
	}
}

func TestPublishDuplicate(t *testing.T) {
	e := newEnv(t, lifake.Config{}, nil)
	first, err := e.pub.Publish(context.Background(), request("Same words"))
	if err != nil {
		t.Fatalf("first Publish: %v", err)
	}
	_, err = e.pub.Publish(context.Background(), request("Same words"))
	pe := asError(t, err)
	if pe.Kind != publishers.KindDuplicate || pe.ExistingID != first.ID {
		t.Errorf("second Publish: kind %v existing %q, want duplicate of %s", pe.Kind, pe.ExistingID, first.ID)
	}
	if n := len(e.fake.Posts()); n != 1 {
		t.Errorf("fake has %d posts, want 1", n)
	}
}

func TestPublishRefusesImages(t *testing.T) {
	tests := []struct {
		name string
		file func(t *testing.T) string
	}{
		{"webp", func(t *testing.T) string { return writeFile(t, "pic.webp", webp(t)) }},
		{"not an image", func(t *testing.T) string { return writeFile(t, "notes.txt", []byte("hello")) }},
		{"missing", func(t *testing.T) string { return t.TempDir() + "/gone.jpg" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t, lifake.Config{}, nil)
			_, err := e.pub.Publish(context.Background(), request("x", postgate.Media{Path: "img", File: tt.file(t)}))
			if k := publishers.KindOf(err); k != publishers.KindRejected {
				t.Errorf("kind %v, want rejected (%v)", k, err)
			}
			if n := len(e.fake.Requests()); n != 0 {
				t.Errorf("%d requests sent, want none", n)
			}
		})
	}
}
