package calendar

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestMediaPaths(t *testing.T) {
	outside := t.TempDir()
	secret := filepath.Join(outside, "secret.jpg")
	dir := filepath.Join(t.TempDir(), "calendar")
	for _, d := range []string{dir, filepath.Join(dir, "img")} {
		if err := os.Mkdir(d, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	files := map[string]string{secret: "x", filepath.Join(dir, "img", "ok.jpg"): "y"}
	for path, data := range files {
		if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	links := map[string]string{
		"img/out.jpg":    secret,                                               // file link leading outside
		"img/outdir":     outside,                                              // folder link leading outside
		"img/inside.jpg": "ok.jpg",                                             // relative link staying inside
		"img/loop.jpg":   "loop.jpg",                                           // link to itself
		"img/dangling":   "missing.jpg",                                        // link to nothing
		"img/up.jpg":     "../../../" + filepath.Base(outside) + "/secret.jpg", // relative link climbing out
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Skipf("symlinks unavailable: %v", err)
		}
	}

	tests := []struct {
		path string
		want string // problem, or "" for the resolved file
	}{
		{"img/ok.jpg", filepath.Join(dir, "img", "ok.jpg")},
		{`img\ok.jpg`, filepath.Join(dir, "img", "ok.jpg")},
		{"./img/../img/ok.jpg", filepath.Join(dir, "img", "ok.jpg")},
		{"img/inside.jpg", filepath.Join(dir, "img", "ok.jpg")},
		{"img/out.jpg", "link to a file outside"},
		{"img/outdir/secret.jpg", "link to a file outside"},
		{"img/up.jpg", "link to a file outside"},
		{"img/loop.jpg", "cannot be read"},
		{"img/dangling", "not found"},
		{secret, "absolute path"},
		{"../" + filepath.Base(outside) + "/secret.jpg", "outside the calendar's folder"},
		{"img/../../secret.jpg", "outside the calendar's folder"},
		{"img", "not a file"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			src := "posts:\n  - id: a\n    at: 2026-12-01 09:00\n    platforms: [x]\n    text: hi\n    media:\n      - path: '" + tt.path + "'\n        source: own\n"
			posts, err := Parse("cal.yaml", dir, []byte(src), YAML, london)
			if !strings.HasPrefix(tt.want, string(filepath.Separator)) {
				es := mustErrors(t, posts, err)
				if !hasError(es, 7, "media[1].path", tt.want) {
					t.Errorf("got %v, want %q", es, tt.want)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			real, _ := filepath.EvalSymlinks(tt.want)
			if got := posts[0].Media[0].File; got != real {
				t.Errorf("file = %s, want %s", got, real)
			}
			if got := posts[0].Media[0].Path; got != tt.path {
				t.Errorf("path = %s, want it as written", got)
			}
		})
	}
}
