package igfake_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/connections/postgate/publishers/instagram/igfake"
)

const token = "tok"

// client talks to a fake the way a Graph client does.
type client struct {
	t    *testing.T
	s    *igfake.Server
	base string // URL + "/v25.0"
}

func newClient(t *testing.T, opts igfake.Options) *client {
	opts.Token = token
	s := igfake.New(t, opts)
	return &client{t: t, s: s, base: s.URL + "/" + s.Options().Version}
}

// answer is a decoded Graph answer.
type answer struct {
	Status int
	Body   map[string]any
}

// code returns the Graph error code and subcode of an error answer.
func (a answer) code() (int, int) {
	e, _ := a.Body["error"].(map[string]any)
	code, _ := e["code"].(float64)
	sub, _ := e["error_subcode"].(float64)
	return int(code), int(sub)
}

func (c *client) do(req *http.Request) answer {
	c.t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	a := answer{Status: resp.StatusCode}
	if err := json.Unmarshal(raw, &a.Body); err != nil {
		c.t.Fatalf("body %q is not JSON: %v", raw, err)
	}
	return a
}

func (c *client) post(path string, form url.Values) answer {
	c.t.Helper()
	if form.Get("access_token") == "" {
		form.Set("access_token", token)
	}
	req, _ := http.NewRequest(http.MethodPost, c.base+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return c.do(req)
}

func (c *client) get(path string, q url.Values) answer {
	c.t.Helper()
	if q.Get("access_token") == "" {
		q.Set("access_token", token)
	}
	req, _ := http.NewRequest(http.MethodGet, c.base+path+"?"+q.Encode(), nil)
	return c.do(req)
}

// container creates a container and returns its id.
func (c *client) container() string {
	c.t.Helper()
	a := c.post("/"+c.s.Options().UserID+"/media", url.Values{"image_url": {"https://example.org/a.jpg"}, "caption": {"hi"}})
	id, _ := a.Body["id"].(string)
	if a.Status != 200 || id == "" {
		c.t.Fatalf("create container: %+v", a)
	}
	return id
}

func TestRequestChecks(t *testing.T) {
	c := newClient(t, igfake.Options{AppSecret: "shh"})
	ig := "/" + c.s.Options().UserID
	proof := igfake.Proof("shh", token)
	bearer, _ := http.NewRequest(http.MethodGet, c.base+ig+"?fields=username&appsecret_proof="+proof, nil)
	bearer.Header.Set("Authorization", "Bearer "+token)
	jsonPost, _ := http.NewRequest(http.MethodPost, c.base+ig+"/media?access_token="+token+"&appsecret_proof="+proof, strings.NewReader(`{}`))
	jsonPost.Header.Set("Content-Type", "application/json")
	noVersion, _ := http.NewRequest(http.MethodGet, c.s.URL+ig+"?access_token="+token+"&appsecret_proof="+proof, nil)

	tests := []struct {
		name          string
		req           *http.Request
		code, subcode int // 0 means success
	}{
		{"no token", mustGet(c.base + ig + "?fields=username"), 2500, 0},
		{"wrong token", mustGet(c.base + ig + "?access_token=nope&appsecret_proof=" + proof), 190, 0},
		{"no proof", mustGet(c.base + ig + "?access_token=" + token), 100, 0},
		{"wrong proof", mustGet(c.base + ig + "?access_token=" + token + "&appsecret_proof=" + igfake.Proof("other", token)), 100, 0},
		{"bearer and proof", bearer, 0, 0},
		{"JSON body", jsonPost, 100, 0},
		{"no version", noVersion, 2500, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := c.do(tt.req)
			code, sub := a.code()
			if code != tt.code || sub != tt.subcode {
				t.Errorf("answer %d %v, want code %d/%d", a.Status, a.Body, tt.code, tt.subcode)
			}
			if tt.code != 0 && a.Status != http.StatusBadRequest {
				t.Errorf("status %d, want 400", a.Status)
			}
		})
	}
}

func mustGet(u string) *http.Request {
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		panic(err)
	}
	return req
}

func TestContainerFlow(t *testing.T) {
	now := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	c := newClient(t, igfake.Options{QuotaTotal: 2, Now: func() time.Time { return now }})
	ig := "/" + c.s.Options().UserID
	publish := func(id string) answer { return c.post(ig+"/media_publish", url.Values{"creation_id": {id}}) }
	status := func(id string) string {
		s, _ := c.get("/"+id, url.Values{"fields": {"status_code,status"}}).Body["status_code"].(string)
		return s
	}

	if code, sub := publish("404").code(); code != 24 || sub != 2207008 {
		t.Errorf("unknown container: %d/%d, want 24/2207008", code, sub)
	}
	c.s.ScriptContainers(igfake.StatusInProgress, igfake.StatusFinished)
	slow := c.container()
	if code, sub := publish(slow).code(); code != 9007 || sub != 2207027 {
		t.Errorf("unfinished container: %d/%d, want 9007/2207027", code, sub)
	}
	if s := status(slow); s != igfake.StatusInProgress {
		t.Errorf("first status %s", s)
	}
	if s := status(slow); s != igfake.StatusFinished {
		t.Errorf("second status %s", s)
	}
	if a := publish(slow); a.Status != 200 {
		t.Errorf("publish finished container: %+v", a)
	}
	if s := status(slow); s != igfake.StatusPublished {
		t.Errorf("status after publish %s", s)
	}
	if code, sub := publish(slow).code(); code != 24 || sub != 2207008 {
		t.Errorf("publishing twice: %d/%d, want 24/2207008", code, sub)
	}

	c.s.ScriptContainers()
	second, third := c.container(), c.container()
	publish(second)
	if code, sub := publish(third).code(); code != 9 || sub != 2207042 {
		t.Errorf("over quota: %d/%d, want 9/2207042", code, sub)
	}
	q := c.get(ig+"/content_publishing_limit", url.Values{"fields": {"quota_usage,config"}})
	if got, _ := json.Marshal(q.Body); string(got) != `{"data":[{"config":{"quota_duration":86400,"quota_total":2},"quota_usage":2}]}` {
		t.Errorf("quota %s", got)
	}
	now = now.Add(25 * time.Hour)
	if s := status(third); s != igfake.StatusExpired {
		t.Errorf("status after 25 h %s, want EXPIRED", s)
	}
	list := c.get(ig+"/media", url.Values{"fields": {"id,caption,timestamp"}}).Body["data"].([]any)
	if len(list) != 2 || list[0].(map[string]any)["timestamp"] != "2026-11-25T09:00:00+0000" {
		t.Errorf("media list %v", list)
	}
	if posts := c.s.Posts(); len(posts) != 2 || posts[0].ContainerID != slow || posts[0].Caption != "hi" {
		t.Errorf("posts %+v", posts)
	}
}

func TestCaptionLimits(t *testing.T) {
	c := newClient(t, igfake.Options{})
	ig := "/" + c.s.Options().UserID
	for _, caption := range []string{strings.Repeat("a", 2201), strings.Repeat("#t ", 31), strings.Repeat("@u ", 21)} {
		a := c.post(ig+"/media", url.Values{"image_url": {"https://example.org/a.jpg"}, "caption": {caption}})
		if code, _ := a.code(); code != 100 {
			t.Errorf("caption %.20q…: %+v, want code 100", caption, a)
		}
	}
}

func TestFetchImages(t *testing.T) {
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/a.jpg":
			w.Write([]byte{0xFF, 0xD8, 0xFF, 0xE0, 0, 0})
		case "/a.png":
			w.Write([]byte("\x89PNG\r\n\x1a\n"))
		default:
			http.NotFound(w, r)
		}
	}))
	defer site.Close()
	c := newClient(t, igfake.Options{FetchImages: true})
	ig := "/" + c.s.Options().UserID
	tests := []struct {
		path          string
		code, subcode int
	}{
		{"/a.jpg", 0, 0},
		{"/a.png", 36001, 2207005},
		{"/gone.jpg", 9004, 2207052},
	}
	for _, tt := range tests {
		a := c.post(ig+"/media", url.Values{"image_url": {site.URL + tt.path}})
		if code, sub := a.code(); code != tt.code || sub != tt.subcode {
			t.Errorf("%s: %+v, want %d/%d", tt.path, a, tt.code, tt.subcode)
		}
	}
}

func TestFailures(t *testing.T) {
	c := newClient(t, igfake.Options{})
	ig := "/" + c.s.Options().UserID
	c.s.Fail(igfake.Failure{Method: http.MethodGet, Path: "/content_publishing_limit", Times: 2, Status: 503})
	c.s.Fail(igfake.Failure{Method: http.MethodPost, Path: "/media_publish", Action: igfake.ProcessThenDrop})

	for range 2 {
		if a := c.get(ig+"/content_publishing_limit", url.Values{}); a.Status != 503 {
			t.Errorf("failure not applied: %+v", a)
		}
	}
	if a := c.get(ig+"/content_publishing_limit", url.Values{}); a.Status != 200 {
		t.Errorf("failure applied a third time: %+v", a)
	}
	id := c.container()
	req, _ := http.NewRequest(http.MethodPost, c.base+ig+"/media_publish",
		strings.NewReader(url.Values{"creation_id": {id}, "access_token": {token}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if resp, err := http.DefaultClient.Do(req); err == nil {
		resp.Body.Close()
		t.Fatal("dropped connection answered")
	}
	if n := len(c.s.Posts()); n != 1 {
		t.Errorf("ProcessThenDrop published %d posts, want 1", n)
	}
}

func TestConcurrentUse(t *testing.T) {
	s := igfake.New(t, igfake.Options{Token: token, QuotaTotal: 100})
	base := s.URL + "/v25.0/" + s.Options().UserID
	post := func(path string, form url.Values) (string, error) {
		form.Set("access_token", token)
		resp, err := http.PostForm(base+path, form)
		if err != nil {
			return "", err
		}
		defer resp.Body.Close()
		var v struct{ ID string }
		err = json.NewDecoder(resp.Body).Decode(&v)
		return v.ID, err
	}
	var wg sync.WaitGroup
	for range 20 {
		wg.Go(func() {
			id, err := post("/media", url.Values{"image_url": {"https://example.org/a.jpg"}})
			if err == nil {
				_, err = post("/media_publish", url.Values{"creation_id": {id}})
			}
			if err != nil {
				t.Error(err)
			}
			_ = s.Posts()
		})
	}
	wg.Wait()
	if n := len(s.Posts()); n != 20 {
		t.Errorf("%d posts, want 20", n)
	}
}

func TestHandlerWithoutListener(t *testing.T) {
	s := igfake.NewHandler(igfake.Options{Token: token})
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/v25.0/"+s.Options().UserID+"?fields=username&access_token="+token, nil))
	if rec.Code != 200 || !strings.Contains(rec.Body.String(), `"username":"connections.practice"`) {
		t.Errorf("answer %d %s", rec.Code, rec.Body)
	}
}

func TestCarouselChecks(t *testing.T) {
	c := newClient(t, igfake.Options{})
	ig := "/" + c.s.Options().UserID
	item := func() string {
		a := c.post(ig+"/media", url.Values{"image_url": {"https://example.org/a.jpg"}, "is_carousel_item": {"true"}})
		id, _ := a.Body["id"].(string)
		return id
	}
	a, b, plain := item(), item(), c.container()
	tests := []struct {
		name          string
		children      string
		code, subcode int
	}{
		{"one item", a, 100, 2207028},
		{"eleven items", strings.Repeat(a+",", 10) + a, 100, 2207028},
		{"not an item", a + "," + plain, 100, 0},
		{"two items", a + "," + b, 0, 0},
	}
	for _, tt := range tests {
		ans := c.post(ig+"/media", url.Values{"media_type": {"CAROUSEL"}, "children": {tt.children}, "caption": {"hi"}})
		if code, sub := ans.code(); code != tt.code || sub != tt.subcode {
			t.Errorf("%s: %+v, want %d/%d", tt.name, ans, tt.code, tt.subcode)
		}
	}
	if code, _ := c.post(ig+"/media_publish", url.Values{"creation_id": {a}}).code(); code != 100 {
		t.Errorf("publishing a carousel item alone: code %d, want 100", code)
	}
}

func TestDelayedAnswerIsProcessed(t *testing.T) {
	c := newClient(t, igfake.Options{})
	c.s.Fail(igfake.Failure{Method: http.MethodGet, Action: igfake.Process, Delay: 20 * time.Millisecond})
	a := c.get("/"+c.s.Options().UserID, url.Values{"fields": {"username"}})
	if a.Status != 200 || a.Body["username"] != "connections.practice" {
		t.Errorf("delayed answer %+v", a)
	}
}
