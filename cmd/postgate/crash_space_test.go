package main

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/connections/postgate"
	"github.com/connections/postgate/review"
	"github.com/connections/postgate/store"
)

// crashPostID is the one post of every crash case's calendar.
const crashPostID = "winter-light"

// crashText passes the gate and every platform's limits.
const crashText = "Winter can be hard on mood. Getting outside in daylight and keeping to a routine can help."

// crashImage is the image of the Instagram post, relative to the calendar.
const crashImage = "images/window.jpg"

// crashSpace is one crash case's folder: config, calendar, state, review
// folder and outbox, and the platform it publishes to.
type crashSpace struct {
	t        *testing.T
	dir      string
	platform postgate.Platform
	fake     *platformFake
	at       time.Time // the delivery's occurrence time
	procs    []*proc
}

// newCrashSpace writes a config and a calendar with one compliant post,
// due a minute ago, on platform pl served by the fake that start returns.
func newCrashSpace(t *testing.T, pl postgate.Platform, start fakeStarter) *crashSpace {
	t.Helper()
	loc := mustLoc("Europe/London")
	s := &crashSpace{t: t, dir: t.TempDir(), platform: pl,
		at: time.Now().In(loc).Add(-time.Minute).Truncate(time.Minute)}
	s.writeImage()
	s.fake = start(t, s)
	s.write("postgate.yaml", s.config())
	s.write("calendar.yaml", s.calendar())
	return s
}

func (s *crashSpace) path(name string) string { return filepath.Join(s.dir, name) }

func (s *crashSpace) write(name, body string) {
	s.t.Helper()
	if err := os.MkdirAll(filepath.Dir(s.path(name)), 0o750); err != nil {
		s.t.Fatal(err)
	}
	if err := os.WriteFile(s.path(name), []byte(body), 0o600); err != nil {
		s.t.Fatal(err)
	}
}

// secretFile writes a secret into a file of its own and returns its path,
// for a <key>_file setting.
func (s *crashSpace) secretFile(name, secret string) string {
	s.write(filepath.Join("secrets", name), secret+"\n")
	return s.path(filepath.Join("secrets", name))
}

func (s *crashSpace) config() string {
	var b strings.Builder
	b.WriteString("timezone: Europe/London\ncalendar: calendar.yaml\nstate: state/postgate.db\n" +
		"review_dir: review\noutbox_dir: outbox\nmissed_window: 2h\nlog_level: debug\n" +
		"retry: {max_attempts: 1}\n")
	fmt.Fprintf(&b, "platforms:\n  %s:\n", s.platform)
	mode := "live"
	if s.fake.settings == nil {
		mode = "outbox"
	}
	fmt.Fprintf(&b, "    mode: %s\n", mode)
	keys := make([]string, 0, len(s.fake.settings))
	for k := range s.fake.settings {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		fmt.Fprintf(&b, "    %s: %q\n", k, s.fake.settings[k])
	}
	return b.String()
}

func (s *crashSpace) calendar() string {
	media := ""
	if s.platform == postgate.Instagram {
		media = "\n    media:\n      - {path: " + crashImage + ", alt: A window with winter light, source: own}"
	}
	return fmt.Sprintf("timezone: Europe/London\nposts:\n  - id: %s\n    at: %s\n    platforms: [%s]\n    text: %q%s\n",
		crashPostID, s.at.Format("2006-01-02 15:04"), s.platform, crashText, media)
}

// writeImage writes a plain 1080x1080 JPEG, without metadata.
func (s *crashSpace) writeImage() {
	s.t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 1080, 1080))
	for y := range 1080 {
		for x := range 1080 {
			img.Set(x, y, color.RGBA{R: uint8(x / 5), G: uint8(y / 5), B: 160, A: 255})
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 80}); err != nil {
		s.t.Fatal(err)
	}
	s.write(crashImage, buf.String())
}

// delivery is the key of the case's one delivery.
func (s *crashSpace) delivery() postgate.Delivery {
	return postgate.Delivery{PostID: crashPostID, Platform: s.platform, At: s.at.UTC()}
}

// ledger reads the delivery's row from the store, once every process has
// exited.
func (s *crashSpace) ledger() store.Delivery {
	s.t.Helper()
	st, err := store.Open(ctxWait(s.t), s.path("state/postgate.db"))
	if err != nil {
		s.t.Fatalf("open the store: %v", err)
	}
	defer st.Close()
	d, err := st.Get(ctxWait(s.t), s.delivery())
	if err != nil {
		s.t.Fatalf("delivery %s in the store: %v", s.delivery().Key(), err)
	}
	return d
}

// unknownItem reports whether the review folder holds an open item of kind
// unknown for the delivery.
func (s *crashSpace) unknownItem() bool {
	s.t.Helper()
	rf, err := review.Open(s.path("review"))
	if err != nil {
		s.t.Fatalf("open the review folder: %v", err)
	}
	d := s.delivery()
	it, err := rf.Read(review.DeliveryID(d.PostID, string(d.Platform), d.At))
	return err == nil && it.Kind == review.KindUnknown && it.Open()
}

// checkNoLeak fails the test if a secret appears in any process's output,
// the review folder, the outbox or the store's files.
func (s *crashSpace) checkNoLeak() {
	s.t.Helper()
	var places []string
	for i, p := range s.procs {
		places = append(places, fmt.Sprintf("output of run %d", i+1))
		s.leaks(places[len(places)-1], p.out.String())
	}
	for _, dir := range []string{"review", "outbox", "state"} {
		filepath.WalkDir(s.path(dir), func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			data, err := os.ReadFile(path)
			if err != nil {
				s.t.Errorf("read %s: %v", path, err)
				return nil
			}
			rel, _ := filepath.Rel(s.dir, path)
			s.leaks(rel, string(data))
			return nil
		})
	}
}

func (s *crashSpace) leaks(where, text string) {
	s.t.Helper()
	for _, secret := range s.fake.secrets {
		if strings.Contains(text, secret) {
			s.t.Errorf("a secret of the %s fake appears in %s", s.platform, where)
		}
	}
}
