package mastodon_test

import (
	"context"
	"fmt"
	"time"

	"github.com/connections/postgate"
	"github.com/connections/postgate/publishers"
	"github.com/connections/postgate/publishers/mastodon"
	"github.com/connections/postgate/publishers/mastodon/mastodonfake"
)

func ExampleLength() {
	fmt.Println(mastodon.Length("Join us https://example.org/a/long/path/to/the/event cc @ann@example.social"))
	// Output: 39
}

// Publishing to the fake: Prepare gives the Idempotency-Key to store, and
// Publish sends it.
func Example() {
	fake := mastodonfake.New(nil, mastodonfake.Config{Now: func() time.Time { return start }})
	defer fake.Close()

	pub, err := mastodon.New(publishers.Settings{
		"api_base":     fake.URL,
		"access_token": mastodonfake.DefaultToken,
	}, publishers.Deps{})
	if err != nil {
		panic(err)
	}
	req := publishers.Request{
		Delivery: postgate.Delivery{PostID: "open-evening", Platform: postgate.Mastodon, At: start},
		Content:  postgate.Content{Text: "Open evening, all welcome", Link: "https://example.org/open"},
	}
	req.Handle, _ = pub.Prepare(context.Background(), req)
	r, err := pub.Publish(context.Background(), req)
	if err != nil {
		panic(err)
	}
	fmt.Println(req.Handle)
	fmt.Println(r.URL)
	fmt.Println(fake.Statuses()[0].Content)
	// Output:
	// f2de8ed75588f6059b74f4567d13f5d2
	// https://fake.example/@connections/113500000000000001
	// <p>Open evening, all welcome<br /><a href="https://example.org/open" target="_blank" rel="nofollow noopener"><span class="invisible">https://</span><span class="">example.org/open</span><span class="invisible"></span></a></p>
}
