package lifake_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/connections/postgate/publishers/linkedin/lifake"
)

var now = time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)

func newServer(t *testing.T) *lifake.Server {
	return lifake.New(t, lifake.Config{Now: func() time.Time { return now }})
}

const validPost = `{"author":"urn:li:organization:5515715","commentary":"Hello \\(world\\) #news",` +
	`"visibility":"PUBLIC","distribution":{"feedDistribution":"MAIN_FEED","targetEntities":[],"thirdPartyDistributionChannels":[]},` +
	`"lifecycleState":"PUBLISHED","isReshareDisabledByAuthor":false}`

// newRequest returns a request with the headers LinkedIn wants.
func newRequest(method, url, body string) *http.Request {
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		panic(err)
	}
	req.Header.Set("Authorization", "Bearer "+lifake.DefaultToken)
	req.Header.Set("LinkedIn-Version", "202610")
	req.Header.Set("X-Restli-Protocol-Version", "2.0.0")
	req.Header.Set("Content-Type", "application/json")
	return req
}

// send makes one request with the headers LinkedIn wants, minus those
// named in drop, plus those in set.
func send(t *testing.T, method, url, body string, drop []string, set map[string]string) (*http.Response, string) {
	t.Helper()
	req := newRequest(method, url, body)
	for _, h := range drop {
		req.Header.Del(h)
	}
	for h, v := range set {
		req.Header.Set(h, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

func TestRender(t *testing.T) {
	tests := []struct {
		in, want string
		cut      bool
	}{
		{"plain text", "plain text", false},
		{`escaped \(x\) \_ \\ \# \@`, `escaped (x) _ \ # @`, false},
		{"cut at (parenthesis)", "cut at ", true},
		{"cut at_underscore", "cut at", true},
		{"cut at * star", "cut at ", true},
		{"#hashtag kept", "#hashtag kept", false},
		{"# alone cuts", "", true},
		{"mention @[Ann](urn:li:person:12) kept", "mention Ann kept", false},
		{"email a@b.org cuts", "email a", true},
		{"url https://x.org/a_(b)~c kept", "url https://x.org/a_(b)~c kept", false},
		{`url https://x.org/a\) ends at backslash`, "url https://x.org/a) ends at backslash", false},
		{`stray backslash \n cuts`, "stray backslash ", true},
		{`trailing backslash \`, "trailing backslash ", true},
	}
	for _, tt := range tests {
		text, cut := lifake.Render(tt.in)
		if text != tt.want || cut != tt.cut {
			t.Errorf("Render(%q) = %q, %v; want %q, %v", tt.in, text, cut, tt.want, tt.cut)
		}
	}
}

func TestCreatePostChecks(t *testing.T) {
	tests := []struct {
		name   string
		body   string
		drop   []string
		set    map[string]string
		status int
		want   string // substring of the answer
	}{
		{name: "valid", body: validPost, status: 201},
		{name: "no token", body: validPost, drop: []string{"Authorization"}, status: 401, want: lifake.BodyEmptyToken},
		{name: "wrong token", body: validPost, set: map[string]string{"Authorization": "Bearer x"}, status: 401, want: "65600"},
		{name: "no version", body: validPost, drop: []string{"LinkedIn-Version"}, status: 400, want: "VERSION_MISSING"},
		{name: "retired version", body: validPost, set: map[string]string{"LinkedIn-Version": "202510"}, status: 426, want: "20251001 is not active"},
		{name: "future version", body: validPost, set: map[string]string{"LinkedIn-Version": "202701"}, status: 426, want: "NONEXISTENT_VERSION"},
		{name: "no protocol", body: validPost, drop: []string{"X-Restli-Protocol-Version"}, status: 400, want: "X-Restli-Protocol-Version"},
		{name: "form body", body: validPost, set: map[string]string{"Content-Type": "application/x-www-form-urlencoded"}, status: 415},
		{name: "not json", body: "commentary=hi", status: 400},
		{name: "unknown field", body: strings.Replace(validPost, `"visibility"`, `"text":"x","visibility"`, 1), status: 400, want: "unknown field"},
		{name: "no reshare flag", body: strings.Replace(validPost, `,"isReshareDisabledByAuthor":false`, "", 1), status: 422, want: "isReshareDisabledByAuthor"},
		{name: "connections only", body: strings.Replace(validPost, `"PUBLIC"`, `"CONNECTIONS"`, 1), status: 422, want: "visibility"},
		{name: "draft", body: strings.Replace(validPost, `"PUBLISHED"`, `"DRAFT"`, 1), status: 422, want: "lifecycleState"},
		{name: "no distribution", body: strings.Replace(validPost, `"MAIN_FEED"`, `"NONE"`, 1), status: 422, want: "feedDistribution"},
		{name: "other page", body: strings.Replace(validPost, "5515715", "1", 1), status: 403, want: "ACCESS_DENIED"},
		{name: "unknown image", body: strings.Replace(validPost, `"lifecycleState"`, `"content":{"media":{"id":"urn:li:image:C4E1"}},"lifecycleState"`, 1),
			status: 422, want: "not found"},
		{name: "too long", body: strings.Replace(validPost, "Hello", strings.Repeat("a", 3000), 1), status: 422, want: "length"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newServer(t)
			resp, body := send(t, "POST", s.URL+"/rest/posts", tt.body, tt.drop, tt.set)
			if resp.StatusCode != tt.status || !strings.Contains(body, tt.want) {
				t.Errorf("got %d %s, want %d with %q", resp.StatusCode, body, tt.status, tt.want)
			}
			if tt.status != 201 {
				if n := len(s.Posts()); n != 0 {
					t.Errorf("refused post recorded: %d posts", n)
				}
				return
			}
			if body != "" || resp.Header.Get("X-Restli-Id") != s.Posts()[0].ID {
				t.Errorf("body %q id %q, want empty body and the post's URN", body, resp.Header.Get("X-Restli-Id"))
			}
		})
	}
}

func TestUnescapedCommentaryIsCut(t *testing.T) {
	s := newServer(t)
	resp, _ := send(t, "POST", s.URL+"/rest/posts", strings.Replace(validPost, `\\(world\\)`, "(world)", 1), nil, nil)
	if resp.StatusCode != 201 {
		t.Fatalf("status %d, want LinkedIn's silent 201", resp.StatusCode)
	}
	if p := s.Posts()[0]; !p.Cut || p.Text != "Hello " {
		t.Errorf("recorded %q cut %v, want %q cut", p.Text, p.Cut, "Hello ")
	}
}

func TestDuplicate(t *testing.T) {
	s := newServer(t)
	send(t, "POST", s.URL+"/rest/posts", validPost, nil, nil)
	resp, body := send(t, "POST", s.URL+"/rest/posts", validPost, nil, nil)
	if resp.StatusCode != 422 || !strings.Contains(body, "DUPLICATE_POST") || !strings.Contains(body, s.Posts()[0].ID) {
		t.Errorf("got %d %s, want 422 DUPLICATE_POST naming %s", resp.StatusCode, body, s.Posts()[0].ID)
	}
}

func TestImageUpload(t *testing.T) {
	s := newServer(t)
	resp, body := send(t, "POST", s.URL+"/rest/images?action=initializeUpload",
		`{"initializeUploadRequest":{"owner":"urn:li:organization:5515715"}}`, nil, nil)
	var init struct {
		Value struct{ UploadURL, Image string }
	}
	if err := json.Unmarshal([]byte(body), &init); resp.StatusCode != 200 || err != nil {
		t.Fatalf("initializeUpload: %d %s", resp.StatusCode, body)
	}
	if !strings.HasPrefix(init.Value.UploadURL, s.URL+"/dms-uploads/") {
		t.Errorf("upload URL %q does not point at the fake", init.Value.UploadURL)
	}
	imagePath := s.URL + "/rest/images/" + strings.ReplaceAll(init.Value.Image, ":", "%3A")
	if _, body := send(t, "GET", imagePath, "", nil, nil); !strings.Contains(body, "WAITING_UPLOAD") {
		t.Errorf("status before upload: %s", body)
	}
	if resp, _ := send(t, "PUT", init.Value.UploadURL, "bytes", []string{"Authorization"}, nil); resp.StatusCode != 401 {
		t.Errorf("upload without a token: %d, want 401", resp.StatusCode)
	}
	if resp, _ := send(t, "PUT", init.Value.UploadURL, "bytes", nil, map[string]string{"Content-Type": "image/png"}); resp.StatusCode != 201 {
		t.Errorf("upload: %d, want 201", resp.StatusCode)
	}
	if _, body := send(t, "GET", imagePath, "", nil, nil); !strings.Contains(body, `"AVAILABLE"`) {
		t.Errorf("status after upload: %s", body)
	}
	if resp, _ := send(t, "GET", s.URL+"/rest/images/"+init.Value.Image, "", nil, nil); resp.StatusCode != 400 {
		t.Errorf("unencoded URN: %d, want 400", resp.StatusCode)
	}
	if img := s.Images()[0]; string(img.Data) != "bytes" || img.ContentType != "image/png" {
		t.Errorf("recorded %+v", img)
	}
}

func TestListPosts(t *testing.T) {
	s := newServer(t)
	for i := range 3 {
		send(t, "POST", s.URL+"/rest/posts", strings.Replace(validPost, "Hello", fmt.Sprint("Post ", i), 1), nil, nil)
	}
	resp, body := send(t, "GET", s.URL+"/rest/posts?q=author&author=urn%3Ali%3Aorganization%3A5515715&count=2", "", nil, nil)
	var got struct {
		Elements []struct{ ID, Commentary string }
	}
	if err := json.Unmarshal([]byte(body), &got); err != nil || resp.StatusCode != 200 {
		t.Fatalf("list: %d %s", resp.StatusCode, body)
	}
	if len(got.Elements) != 2 || !strings.HasPrefix(got.Elements[0].Commentary, "Post 2") {
		t.Errorf("elements %+v, want the two newest, newest first", got.Elements)
	}
	if resp, _ := send(t, "GET", s.URL+"/rest/posts?q=author&author=urn:li:organization:5515715", "", nil, nil); resp.StatusCode != 400 {
		t.Errorf("unencoded author: %d, want 400", resp.StatusCode)
	}
}

func TestFailNext(t *testing.T) {
	s := newServer(t)
	s.FailNext("POST /rest/posts", 2, 503, lifake.BodyUnavailable)
	for i, want := range []int{503, 503, 201} {
		if resp, _ := send(t, "POST", s.URL+"/rest/posts", validPost, nil, nil); resp.StatusCode != want {
			t.Errorf("request %d: %d, want %d", i, resp.StatusCode, want)
		}
	}
}

func TestAfterWriteDrop(t *testing.T) {
	s := newServer(t)
	s.AfterWrite(lifake.Drop)
	if resp, err := http.DefaultClient.Do(newRequest("POST", s.URL+"/rest/posts", validPost)); err == nil {
		resp.Body.Close()
		t.Fatalf("got %d, want a dropped connection", resp.StatusCode)
	}
	if n := len(s.Posts()); n != 1 {
		t.Errorf("%d posts recorded, want 1", n)
	}
}

func TestConcurrentPosts(t *testing.T) {
	s := newServer(t)
	var wg sync.WaitGroup
	for i := range 20 {
		wg.Go(func() {
			body := strings.Replace(validPost, "Hello", fmt.Sprint("Post ", i), 1)
			resp, err := http.DefaultClient.Do(newRequest("POST", s.URL+"/rest/posts", body))
			if err != nil {
				t.Error(err)
				return
			}
			resp.Body.Close()
			s.Posts()
		})
	}
	wg.Wait()
	ids := map[string]bool{}
	for _, p := range s.Posts() {
		ids[p.ID] = true
	}
	if len(ids) != 20 {
		t.Errorf("%d distinct posts, want 20", len(ids))
	}
}
