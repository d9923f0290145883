package linkedin_test

import (
	"context"
	"fmt"
	"time"

	"github.com/connections/postgate"
	"github.com/connections/postgate/publishers"
	"github.com/connections/postgate/publishers/linkedin"
	"github.com/connections/postgate/publishers/linkedin/lifake"
)

func ExampleEscape() {
	fmt.Println(linkedin.Escape("Free (really) session_1 #selfcare https://example.org/a_b"))
	// Output: Free \(really\) session\_1 #selfcare https://example.org/a_b
}

// Publishing to the fake, as a test or a crash harness does.
func Example() {
	fake := lifake.New(nil, lifake.Config{Now: func() time.Time { return start }})
	defer fake.Close()

	pub, err := linkedin.New(publishers.Settings{
		"api_base":     fake.URL,
		"author":       lifake.DefaultOrganization,
		"access_token": lifake.DefaultToken,
	}, publishers.Deps{})
	if err != nil {
		panic(err)
	}
	r, err := pub.Publish(context.Background(), publishers.Request{
		Content: postgate.Content{Text: "Open evening (free) #community", Link: "https://example.org/open"},
	})
	if err != nil {
		panic(err)
	}
	fmt.Println(r.ID)
	fmt.Printf("%q\n", fake.Posts()[0].Commentary)
	// Output:
	// urn:li:share:7400000000000000001
	// "Open evening \\(free\\) #community\nhttps://example.org/open"
}
