package fbfake_test

import (
	"fmt"
	"net/http"
	"net/url"

	"github.com/connections/postgate/publishers/facebook/fbfake"
)

// A write that takes effect but whose answer never arrives: the case a
// publisher must report as outcome unknown.
func ExampleServer_FailNext() {
	srv := fbfake.NewServer(fbfake.Config{})
	defer srv.Close()
	srv.FailNext(http.MethodPost, "/"+fbfake.DefaultPageID+"/feed", 1, fbfake.Fault{After: true, Drop: true})

	_, err := http.PostForm(srv.URL+"/v25.0/"+fbfake.DefaultPageID+"/feed",
		url.Values{"access_token": {fbfake.DefaultToken}, "message": {"Hello"}})
	fmt.Println(err != nil, len(srv.Posts()))
	// Output: true 1
}
