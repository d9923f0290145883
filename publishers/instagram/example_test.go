package instagram_test

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/jpeg"
	"log"
	"os"
	"path/filepath"

	"github.com/connections/postgate"
	"github.com/connections/postgate/publishers"
	"github.com/connections/postgate/publishers/instagram"
	"github.com/connections/postgate/publishers/instagram/igfake"
)

// The scheduler's sequence: Prepare, store the handle, Publish with it.
// The fake also serves the calendar's images as the practice's web server.
func Example() {
	dir, err := os.MkdirTemp("", "calendar")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, image.NewGray(image.Rect(0, 0, 320, 320)), nil); err != nil {
		log.Fatal(err)
	}
	file := filepath.Join(dir, "room.jpg")
	if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}

	fake := igfake.NewServer(igfake.Options{Token: "token", MediaDir: dir})
	defer fake.Close()
	pub, err := instagram.New(publishers.Settings{
		"api_base":       fake.URL,
		"ig_user_id":     fake.Options().UserID,
		"access_token":   "token",
		"media_base_url": fake.URL + "/media",
	}, publishers.Deps{})
	if err != nil {
		log.Fatal(err)
	}

	ctx := context.Background()
	req := publishers.Request{Content: postgate.Content{
		Platform: postgate.Instagram,
		Text:     "Our quiet room is ready for the new year.",
		Media:    []postgate.Media{{Path: "room.jpg", File: file, Alt: "An armchair by a window"}},
	}}
	if req.Handle, err = pub.Prepare(ctx, req); err != nil {
		log.Fatal(err)
	}
	// … the scheduler commits req.Handle to the store here …
	receipt, err := pub.Publish(ctx, req)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(receipt.ID == fake.Posts()[0].ID, fake.Posts()[0].Caption)
	// Output: true Our quiet room is ready for the new year.
}
