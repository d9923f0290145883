package facebook_test

import (
	"context"
	"fmt"

	"github.com/connections/postgate"
	"github.com/connections/postgate/publishers"
	"github.com/connections/postgate/publishers/facebook"
	"github.com/connections/postgate/publishers/facebook/fbfake"
)

// Publishing a text post to a fake Page; with the real Graph API, leave
// api_base out.
func Example() {
	srv := fbfake.NewServer(fbfake.Config{Token: "EAA-page-token"})
	defer srv.Close()

	p, err := facebook.New(publishers.Settings{
		"api_base":          srv.URL,
		"page_id":           fbfake.DefaultPageID,
		"page_access_token": "EAA-page-token",
	}, publishers.Deps{})
	if err != nil {
		fmt.Println(err)
		return
	}
	_, err = p.Publish(context.Background(), publishers.Request{
		Content: postgate.Content{Platform: postgate.Facebook, Text: "Open evening on Thursday.", Link: "https://example.org/open"},
	})
	fmt.Println(err, srv.Posts()[0].Message, srv.Posts()[0].Link)
	// Output: <nil> Open evening on Thursday. https://example.org/open
}
