package instagram_test

import (
	"bytes"
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/connections/postgate"
	"github.com/connections/postgate/publishers"
	"github.com/connections/postgate/publishers/instagram/igfake"
)

func TestPrepareWithHandle(t *testing.T) {
	tests := []struct {
		name    string
		status  string // forced on the stored container; "" leaves it FINISHED
		unknown bool   // the stored handle is one Graph never issued
		reuse   bool   // Prepare must return the stored handle
	}{
		{name: "finished is reused", reuse: true},
		{name: "in progress is reused", status: igfake.StatusInProgress, reuse: true},
		{name: "expired is replaced", status: igfake.StatusExpired},
		{name: "error is replaced", status: igfake.StatusError},
		{name: "unknown is replaced", unknown: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t, igfake.Options{})
			req := e.imagePost(t, "Group sessions start in January", 400, 500)
			ctx := context.Background()
			first, err := e.pub.Prepare(ctx, req)
			if err != nil {
				t.Fatalf("Prepare: %v", err)
			}
			if tt.status != "" {
				e.fake.SetContainerStatus(first, tt.status)
			}
			req.Handle = first
			if tt.unknown {
				req.Handle = "17900000000009999"
			}
			second, err := e.pub.Prepare(ctx, req)
			if err != nil {
				t.Fatalf("second Prepare: %v", err)
			}
			if (second == req.Handle) != tt.reuse {
				t.Errorf("second Prepare returned %s for stored %s; reuse want %v", second, req.Handle, tt.reuse)
			}
			if want := map[bool]int{true: 1, false: 2}[tt.reuse]; len(e.fake.Containers()) != want {
				t.Errorf("%d containers, want %d", len(e.fake.Containers()), want)
			}
		})
	}
}

func TestPrepareAfterPublishIsDuplicate(t *testing.T) {
	e := newEnv(t, igfake.Options{})
	req := e.imagePost(t, "Our new counselling room", 400, 400)
	ctx := context.Background()
	r, err := e.pub.Publish(ctx, req)
	if err != nil {
		t.Fatalf("Publish: %v", err)
	}
	req.Handle = e.fake.Containers()[0]
	_, err = e.pub.Prepare(ctx, req)
	pe := wantKind(t, err, publishers.KindDuplicate)
	if pe.ExistingID != r.ID {
		t.Errorf("ExistingID %q, want %q", pe.ExistingID, r.ID)
	}
}

func TestPublishFollowsContainerStatus(t *testing.T) {
	e := newEnv(t, igfake.Options{})
	e.fake.ScriptContainers(igfake.StatusInProgress, igfake.StatusFinished)
	req := e.imagePost(t, "Mindfulness walk on Saturday", 400, 400)
	ctx := context.Background()
	var err error
	if req.Handle, err = e.pub.Prepare(ctx, req); err != nil {
		t.Fatalf("Prepare: %v", err)
	}

	_, err = e.pub.Publish(ctx, req)
	pe := wantKind(t, err, publishers.KindTransient)
	if want := fixedNow.Add(15 * time.Second); !pe.RetryAt.Equal(want) {
		t.Errorf("RetryAt %v, want %v", pe.RetryAt, want)
	}

	first, err := e.pub.Publish(ctx, req)
	if err != nil {
		t.Fatalf("Publish when FINISHED: %v", err)
	}
	again, err := e.pub.Publish(ctx, req)
	if err != nil {
		t.Fatalf("Publish when PUBLISHED: %v", err)
	}
	if again.ID != first.ID || again.URL != first.URL {
		t.Errorf("second receipt %+v, want %+v", again, first)
	}
	if n := len(e.fake.Posts()); n != 1 {
		t.Errorf("%d posts, want exactly 1", n)
	}
}

func TestPublishContainerProblems(t *testing.T) {
	tests := []struct {
		name   string
		status string
		text   string // the container's status text
		kind   publishers.Kind
		code   string
	}{
		{"unsupported format", igfake.StatusError, "Error: Media upload has failed with error code 2207005", publishers.KindRejected, "2207005"},
		{"download timeout", igfake.StatusError, "Error: Media upload has failed with error code 2207003", publishers.KindTransient, "2207003"},
		{"unexplained error", igfake.StatusError, "Error: something else", publishers.KindRejected, ""},
		{"expired", igfake.StatusExpired, "", publishers.KindTransient, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t, igfake.Options{})
			e.fake.SetErrorStatus(tt.text)
			req := e.imagePost(t, "Hello", 400, 400)
			ctx := context.Background()
			var err error
			if req.Handle, err = e.pub.Prepare(ctx, req); err != nil {
				t.Fatalf("Prepare: %v", err)
			}
			e.fake.SetContainerStatus(req.Handle, tt.status)
			_, err = e.pub.Publish(ctx, req)
			if pe := wantKind(t, err, tt.kind); pe.Code != tt.code {
				t.Errorf("Code %q, want %q", pe.Code, tt.code)
			}
			if n := len(e.fake.Posts()); n != 0 {
				t.Errorf("%d posts, want none", n)
			}
		})
	}
}

func TestExpiredContainerIsRecreated(t *testing.T) {
	e := newEnv(t, igfake.Options{})
	req := e.imagePost(t, "Hello", 400, 400)
	ctx := context.Background()
	var err error
	if req.Handle, err = e.pub.Prepare(ctx, req); err != nil {
		t.Fatalf("Prepare: %v", err)
	}
	e.fake.SetContainerStatus(req.Handle, igfake.StatusExpired)
	_, err = e.pub.Publish(ctx, req)
	wantKind(t, err, publishers.KindTransient)
	if req.Handle, err = e.pub.Prepare(ctx, req); err != nil {
		t.Fatalf("Prepare after expiry: %v", err)
	}
	if _, err := e.pub.Publish(ctx, req); err != nil {
		t.Fatalf("Publish: %v", err)
	}
	if posts := e.fake.Posts(); len(posts) != 1 || posts[0].ContainerID != req.Handle {
		t.Errorf("posts %+v, want one from container %s", posts, req.Handle)
	}
}

func TestQuota(t *testing.T) {
	t.Run("used up before any post", func(t *testing.T) {
		e := newEnv(t, igfake.Options{QuotaTotal: 25, QuotaUsage: 25})
		_, err := e.pub.Publish(context.Background(), e.imagePost(t, "Hello", 400, 400))
		if pe := wantKind(t, err, publishers.KindRateLimited); !pe.RetryAt.IsZero() {
			t.Errorf("RetryAt %v, want zero: no post shows when the window frees", pe.RetryAt)
		}
		if n := len(e.fake.Posts()); n != 0 {
			t.Errorf("%d posts beyond the quota", n)
		}
	})
	t.Run("used up by our own post", func(t *testing.T) {
		e := newEnv(t, igfake.Options{QuotaTotal: 1})
		ctx := context.Background()
		if _, err := e.pub.Publish(ctx, e.imagePost(t, "First", 400, 400)); err != nil {
			t.Fatalf("first Publish: %v", err)
		}
		_, err := e.pub.Publish(ctx, e.imagePost(t, "Second", 400, 400))
		if pe := wantKind(t, err, publishers.KindRateLimited); !pe.RetryAt.Equal(fixedNow.Add(24 * time.Hour)) {
			t.Errorf("RetryAt %v, want %v", pe.RetryAt, fixedNow.Add(24*time.Hour))
		}
	})
}

func TestConcurrentPublishing(t *testing.T) {
	e := newEnv(t, igfake.Options{})
	reqs := make([]publishers.Request, 5)
	for i := range reqs {
		reqs[i] = e.imagePost(t, fmt.Sprintf("Post number %d", i), 400, 400)
	}
	var wg sync.WaitGroup
	for _, req := range reqs {
		wg.Go(func() {
			if _, err := e.pub.Publish(context.Background(), req); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if n := len(e.fake.Posts()); n != len(reqs) {
		t.Errorf("%d posts, want %d", n, len(reqs))
	}
}

// carouselPost is a request with n different images.
func (e *env) carouselPost(t *testing.T, text string, n int) publishers.Request {
	t.Helper()
	req := e.imagePost(t, text, 400, 400)
	req.Content.Media = nil
	for i := range n {
		rel := fmt.Sprintf("carousel/%d.jpg", i)
		req.Content.Media = append(req.Content.Media, postgate.Media{
			Path: rel, File: writeJPEG(t, e.dir, rel, 400+10*i, 400, true), Alt: fmt.Sprintf("picture %d", i)})
	}
	return req
}

func TestCarousel(t *testing.T) {
	e := newEnv(t, igfake.Options{FetchImages: true})
	req := e.carouselPost(t, "Three ways to unwind this weekend", 3)
	ctx := context.Background()
	var err error
	if req.Handle, err = e.pub.Prepare(ctx, req); err != nil {
		t.Fatalf("Prepare: %v", err)
	}
	r, err := e.pub.Publish(ctx, req)
	if err != nil {
		t.Fatalf("Publish: %v", err)
	}
	posts := e.fake.Posts()
	if len(posts) != 1 || posts[0].ID != r.ID || posts[0].ContainerID != req.Handle || posts[0].MediaType != "CAROUSEL_ALBUM" {
		t.Fatalf("posts %+v, want one carousel from %s", posts, req.Handle)
	}
	for i, img := range posts[0].Images {
		if want := fmt.Sprintf("%s/media/carousel/%d.jpg", e.fake.URL, i); img.URL != want || img.AltText != fmt.Sprintf("picture %d", i) {
			t.Errorf("item %d: %s %q, want %s", i, img.URL, img.AltText, want)
		}
		if bytes.Contains(img.Data, []byte(exifMarker)) {
			t.Errorf("item %d still has EXIF", i)
		}
	}
	if len(posts[0].Images) != 3 || len(e.fake.Containers()) != 4 {
		t.Errorf("%d images from %d containers, want 3 from 4", len(posts[0].Images), len(e.fake.Containers()))
	}
}

func TestCarouselItemNotReady(t *testing.T) {
	tests := []struct {
		status string
		kind   publishers.Kind
	}{
		{igfake.StatusInProgress, publishers.KindTransient},
		{igfake.StatusError, publishers.KindRejected},
	}
	for _, tt := range tests {
		t.Run(tt.status, func(t *testing.T) {
			e := newEnv(t, igfake.Options{})
			e.fake.ScriptContainers(tt.status)
			e.fake.SetErrorStatus("Error: Media upload has failed with error code 2207004")
			_, err := e.pub.Prepare(context.Background(), e.carouselPost(t, "Hello", 2))
			wantKind(t, err, tt.kind)
			if n := len(e.fake.Containers()); n != 2 {
				t.Errorf("%d containers, want the 2 items and no carousel", n)
			}
		})
	}
}
