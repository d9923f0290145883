package x_test

import (
	"context"
	"fmt"

	"github.com/connections/postgate"
	"github.com/connections/postgate/publishers"
	"github.com/connections/postgate/publishers/x"
	"github.com/connections/postgate/publishers/x/xfake"
)

// Publishing to the fake X, as the lead's end-to-end tests do.
func Example() {
	fake := xfake.New(nil, xfake.Credentials{
		ConsumerKey: "app-key", ConsumerSecret: "app-secret",
		AccessToken: "user-token", AccessTokenSecret: "user-secret",
	})
	defer fake.Close()

	pub, err := x.New(publishers.Settings{
		"api_base":     fake.URL,
		"consumer_key": "app-key", "consumer_secret": "app-secret",
		"access_token": "user-token", "access_token_secret": "user-secret",
	}, publishers.Deps{})
	if err != nil {
		fmt.Println(err)
		return
	}
	receipt, err := pub.Publish(context.Background(), publishers.Request{
		Content: postgate.Content{Platform: postgate.X, Text: "Our drop-in hour is back.", Link: "https://connections.example"},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	posted := fake.Posts()[0]
	fmt.Printf("%q\n", posted.Text)
	fmt.Println(receipt.ID == posted.ID)
	// Output:
	// "Our drop-in hour is back.\nhttps://connections.example"
	// true
}
