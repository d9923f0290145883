package calendar

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/connections/postgate"
)

// writeCalendar writes a calendar of n posts in format to dir, with one
// image that every tenth post uses, and returns its path.
func writeCalendar(b *testing.B, dir string, n int, format Format) string {
	b.Helper()
	if err := os.MkdirAll(filepath.Join(dir, "img"), 0o700); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "img", "a.jpg"), []byte("jpeg"), 0o600); err != nil {
		b.Fatal(err)
	}
	var sb strings.Builder
	path := filepath.Join(dir, "calendar.csv")
	if format == YAML {
		path = filepath.Join(dir, "calendar.yaml")
		sb.WriteString("timezone: Europe/London\nposts:\n")
	} else {
		sb.WriteString("id,at,cron,platforms,text,text_x,link,media,media_alt,media_source,evidence,tags\r\n")
	}
	start := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	for i := range n {
		at := start.Add(time.Duration(i) * 7 * time.Minute).Format("2006-01-02 15:04")
		var when, media string
		if i%5 == 0 {
			when = fmt.Sprintf("cron: \"%d 9 * * %d\"", i%60, i%7)
		} else {
			when = "at: " + at
		}
		if format == YAML {
			if i%10 == 0 {
				media = "\n    media: [{path: img/a.jpg, alt: A picture, source: own}]"
			}
			fmt.Fprintf(&sb, "  - id: post-%d\n    %s\n    platforms: [x, facebook, linkedin]\n    text: Post number %d, about sleep and rest in winter.\n    text_x: Short %d\n    link: https://connections.example/p/%d%s\n    evidence: [https://www.nhs.uk/a]\n    tags: [t1, t2]\n", i, when, i, i, i, media)
			continue
		}
		cron := ""
		if i%5 == 0 {
			cron, at = fmt.Sprintf("%d 9 * * %d", i%60, i%7), ""
		}
		if i%10 == 0 {
			media = "img/a.jpg,A picture,own"
		} else {
			media = ",,"
		}
		fmt.Fprintf(&sb, "post-%d,%s,%s,x;facebook;linkedin,\"Post number %d, about sleep and rest in winter.\",Short %d,https://connections.example/p/%d,%s,https://www.nhs.uk/a,t1;t2\r\n", i, at, cron, i, i, i, media)
	}
	if err := os.WriteFile(path, []byte(sb.String()), 0o600); err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkLoad100k loads a generated calendar of 100,000 posts.
func BenchmarkLoad100k(b *testing.B) {
	for _, format := range []Format{YAML, CSV} {
		name := map[Format]string{YAML: "yaml", CSV: "csv"}[format]
		b.Run(name, func(b *testing.B) {
			path := writeCalendar(b, b.TempDir(), 100_000, format)
			if info, err := os.Stat(path); err == nil {
				b.SetBytes(info.Size())
			}
			b.ReportAllocs()
			for b.Loop() {
				posts, err := Load(path, london)
				if err != nil || len(posts) != 100_000 {
					b.Fatalf("got %d posts, err %v", len(posts), err)
				}
			}
		})
	}
}

// BenchmarkOccurrences plans 100,000 deliveries: 1,000 recurring posts with
// daily, weekly and hourly specs over a window, in zones with DST.
func BenchmarkOccurrences(b *testing.B) {
	specs := []string{"0 9 * * *", "30 1 * * *", "0 8-17 * * 1-5", "15 12 * * 1,3,5", "0 */6 * * *"}
	var posts []postgate.Post
	for i := range 1000 {
		loc := london
		if i%2 == 1 {
			loc = newYork
		}
		posts = append(posts, recurring(specs[i%len(specs)], loc))
	}
	from := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	to := from.AddDate(0, 0, 32)
	total := 0
	b.ReportAllocs()
	for b.Loop() {
		total = 0
		for _, p := range posts {
			total += len(Occurrences(p, from, to))
		}
	}
	b.ReportMetric(float64(total), "deliveries/op")
}
