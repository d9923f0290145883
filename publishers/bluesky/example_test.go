package bluesky_test

import (
	"context"
	"fmt"
	"time"

	"github.com/connections/postgate"
	"github.com/connections/postgate/publishers"
	"github.com/connections/postgate/publishers/bluesky"
	"github.com/connections/postgate/publishers/bluesky/blueskyfake"
)

func ExampleTID() {
	fmt.Println(bluesky.TID(time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC), 7))
	// Output: 3n34vlxje222b
}

// Publishing to the fake: Prepare gives the record key to store, and
// Publish creates the post under it (or finds it there).
func Example() {
	now := func() time.Time { return time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC) }
	fake := blueskyfake.New(nil, blueskyfake.Config{Now: now})
	defer fake.Close()

	pub, err := bluesky.New(publishers.Settings{
		"api_base":     fake.URL,
		"identifier":   blueskyfake.DefaultHandle,
		"app_password": blueskyfake.DefaultAppPassword,
	}, publishers.Deps{Now: now})
	if err != nil {
		panic(err)
	}
	req := publishers.Request{Content: postgate.Content{Text: "Open evening, all welcome", Link: "https://example.org/open"}}
	req.Handle, _ = pub.Prepare(context.Background(), req)
	r, err := pub.Publish(context.Background(), req)
	if err != nil {
		panic(err)
	}
	f := fake.Records()[0].Post.Facets[0]
	fmt.Println(r.ID == fake.Records()[0].URI)
	fmt.Printf("%q links %s\n", fake.Records()[0].Post.Text[f.Index.ByteStart:f.Index.ByteEnd], f.Features[0].URI)
	// Output:
	// true
	// "https://example.org/open" links https://example.org/open
}
