package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkCheck100k runs `postgate check` on a generated CSV calendar of
// 100,000 posts (the kind a spreadsheet export gives), end to end: load,
// gate, platform limits, report.
func BenchmarkCheck100k(b *testing.B) {
	dir := b.TempDir()
	texts := []string{
		"Winter can be hard on mood. Getting outside in daylight and keeping to a routine can help.",
		"The practice is closed on Monday for the bank holiday. Normal opening hours resume on Tuesday.",
		"Many people find it hard to ask for help. Reaching out is a sign of strength, not weakness.",
		"Free talk for carers at the library on Thursday at 6pm: looking after yourself while caring for others.",
		"Finished counselling with us? We'd love a five-star review on Google!",
	}
	var sb strings.Builder
	sb.WriteString("id,at,platforms,text\n")
	for i := range 100_000 {
		fmt.Fprintf(&sb, "post-%06d,2027-%02d-%02d 09:00,x;facebook,\"%s (%d)\"\n", i, 1+i%12, 1+i%28, texts[i%len(texts)], i)
	}
	cal := filepath.Join(dir, "calendar.csv")
	if err := os.WriteFile(cal, []byte(sb.String()), 0o600); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		code := Main(context.Background(), []string{"check", "--format", "json", cal}, io.Discard, io.Discard)
		if code != exitRejected {
			b.Fatalf("check = %d, want 1 (a fifth of the posts ask for reviews)", code)
		}
	}
}
