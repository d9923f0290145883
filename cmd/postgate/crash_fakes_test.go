package main

import (
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/connections/postgate"
	"github.com/connections/postgate/publishers/facebook/fbfake"
	"github.com/connections/postgate/publishers/instagram/igfake"
	"github.com/connections/postgate/publishers/linkedin/lifake"
	"github.com/connections/postgate/publishers/x/xfake"
)

// platformFake is a platform as the crash cases see it: where postgate
// publishes, and the knobs a case turns.
type platformFake struct {
	settings map[string]string // platforms.<name> keys besides mode; nil means outbox mode
	env      []string          // secrets given in the environment
	secrets  []string          // every secret, which must never leak
	posts    func() int        // how many posts the platform received
	// hang makes the next publishing write take effect, then hang (or,
	// with drop, close the connection) instead of answering.
	hang func(drop bool)
	// slow makes the next publishing write wait d before it is served.
	slow func(d time.Duration)
	// writing is closed when the publishing write reaches the platform.
	writing chan struct{}
}

// fakeStarter starts a platform's fake for one crash case.
type fakeStarter func(t *testing.T, s *crashSpace) *platformFake

// crashPlatforms are the platforms every crash case runs against. The
// outbox has no server: its folder is the platform.
var crashPlatforms = []struct {
	name     string
	platform postgate.Platform
	start    fakeStarter
}{
	{"outbox", postgate.X, startOutbox},
	{"x", postgate.X, startX},
	{"facebook", postgate.Facebook, startFacebook},
	{"instagram", postgate.Instagram, startInstagram},
	{"linkedin", postgate.LinkedIn, startLinkedIn},
}

// serve runs handler on 127.0.0.1 for the test, closing f.writing when a
// request with method and a path ending in suffix arrives. At the end it
// releases the fake's held requests, then stops the server.
func (f *platformFake) serve(t *testing.T, handler http.Handler, release func(), method, suffix string) string {
	f.writing = make(chan struct{})
	var once sync.Once
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == method && strings.HasSuffix(r.URL.Path, suffix) {
			once.Do(func() { close(f.writing) })
		}
		handler.ServeHTTP(w, r)
	}))
	t.Cleanup(func() {
		release()
		srv.Close()
	})
	return srv.URL
}

func startOutbox(_ *testing.T, s *crashSpace) *platformFake {
	return &platformFake{posts: func() int {
		files, _ := filepath.Glob(s.path(filepath.Join("outbox", string(s.platform), "*.json")))
		return len(files)
	}}
}

func startX(t *testing.T, s *crashSpace) *platformFake {
	creds := xfake.Credentials{ConsumerKey: "crash-x-consumer-key-5a1e", ConsumerSecret: "crash-x-consumer-secret-9b2f",
		AccessToken: "crash-x-access-token-3c4d", AccessTokenSecret: "crash-x-token-secret-7e8a"}
	fake := xfake.NewFake(creds)
	f := &platformFake{
		env: []string{"POSTGATE_PLATFORMS_X_CONSUMER_KEY=" + creds.ConsumerKey,
			"POSTGATE_PLATFORMS_X_CONSUMER_SECRET=" + creds.ConsumerSecret},
		secrets: []string{creds.ConsumerKey, creds.ConsumerSecret, creds.AccessToken, creds.AccessTokenSecret},
		posts:   func() int { return len(fake.Posts()) },
		hang: func(drop bool) {
			action := xfake.ProcessThenHang
			if drop {
				action = xfake.ProcessThenDrop
			}
			fake.Inject(xfake.Fault{Method: http.MethodPost, Path: "/2/tweets", Action: action})
		},
		slow: func(d time.Duration) {
			fake.Inject(xfake.Fault{Method: http.MethodPost, Path: "/2/tweets", Action: xfake.Delay, Delay: d})
		},
	}
	f.settings = map[string]string{
		"api_base":                 f.serve(t, fake, fake.Release, http.MethodPost, "/2/tweets"),
		"access_token_file":        s.secretFile("x-access-token", creds.AccessToken),
		"access_token_secret_file": s.secretFile("x-access-token-secret", creds.AccessTokenSecret),
	}
	return f
}

func startFacebook(t *testing.T, s *crashSpace) *platformFake {
	cfg := fbfake.Config{Token: "crash-fb-page-token-4f6b", AppSecret: "crash-fb-app-secret-2d9c"}
	fake := fbfake.NewServer(cfg) // served through f.serve, which watches the writes
	feed := "/" + fake.Config().PageID + "/feed"
	f := &platformFake{
		env:     []string{"POSTGATE_PLATFORMS_FACEBOOK_PAGE_ACCESS_TOKEN=" + cfg.Token},
		secrets: []string{cfg.Token, cfg.AppSecret},
		posts:   func() int { return len(fake.Posts()) },
		hang: func(drop bool) {
			fake.FailNext(http.MethodPost, feed, 1, fbfake.Fault{After: true, Hang: !drop, Drop: drop})
		},
		slow: func(d time.Duration) { fake.FailNext(http.MethodPost, feed, 1, fbfake.Fault{Delay: d}) },
	}
	f.settings = map[string]string{
		"api_base":        f.serve(t, fake, fake.Close, http.MethodPost, feed),
		"page_id":         fake.Config().PageID,
		"app_secret_file": s.secretFile("fb-app-secret", cfg.AppSecret),
	}
	return f
}

func startInstagram(t *testing.T, s *crashSpace) *platformFake {
	opts := igfake.Options{Token: "crash-ig-access-token-8a7b", AppSecret: "crash-ig-app-secret-1c0d",
		MediaDir: s.dir, FetchImages: true}
	fake := igfake.NewHandler(opts)
	publish := "/" + fake.Options().UserID + "/media_publish"
	f := &platformFake{
		env:     []string{"POSTGATE_PLATFORMS_INSTAGRAM_APP_SECRET=" + opts.AppSecret},
		secrets: []string{opts.Token, opts.AppSecret},
		posts:   func() int { return len(fake.Posts()) },
		hang: func(drop bool) {
			action := igfake.ProcessThenHang
			if drop {
				action = igfake.ProcessThenDrop
			}
			fake.Fail(igfake.Failure{Method: http.MethodPost, Path: "/media_publish", Action: action})
		},
		slow: func(d time.Duration) {
			fake.Fail(igfake.Failure{Method: http.MethodPost, Path: "/media_publish", Action: igfake.Process, Delay: d})
		},
	}
	base := f.serve(t, fake, fake.Close, http.MethodPost, publish)
	f.settings = map[string]string{
		"api_base":          base,
		"ig_user_id":        fake.Options().UserID,
		"media_base_url":    base + "/media",
		"access_token_file": s.secretFile("ig-access-token", opts.Token),
	}
	return f
}

func startLinkedIn(t *testing.T, _ *crashSpace) *platformFake {
	cfg := lifake.Config{Token: "crash-li-access-token-6e5f", Organization: lifake.DefaultOrganization}
	fake := lifake.NewFake(cfg)
	f := &platformFake{
		env:     []string{"POSTGATE_PLATFORMS_LINKEDIN_ACCESS_TOKEN=" + cfg.Token},
		secrets: []string{cfg.Token},
		posts:   func() int { return len(fake.Posts()) },
		hang: func(drop bool) {
			fault := lifake.Hang
			if drop {
				fault = lifake.Drop
			}
			fake.AfterWrite(fault)
		},
		slow: fake.SetDelay,
	}
	f.settings = map[string]string{
		"api_base": f.serve(t, fake, fake.Release, http.MethodPost, "/rest/posts"),
		"author":   cfg.Organization,
	}
	return f
}
