package textcount

import (
	"slices"
	"strings"
	"testing"
)

func TestX(t *testing.T) {
	long := "https://example.com/" + strings.Repeat("p", 100)
	tests := []struct {
		name string
		in   string
		want int
	}{
		{"empty", "", 0},
		{"ascii", "hello", 5},
		{"accented NFC", "café", 4},
		{"accented NFD is normalised", "cafe\u0301", 4},
		{"devanagari is below U+10FF", "नमस्ते", 6},
		{"japanese", "こんにちは世界", 14},
		{"korean", "안녕", 4},
		{"curly quotes count 1", "\u201cquotes\u201d", 8},
		{"em dash counts 1", "a\u2014b", 3},
		{"ellipsis counts 2", "wait\u2026", 6},
		{"single emoji", "👍", 2},
		{"skin tone", "👍🏽", 2},
		{"ZWJ family", "👨\u200d👩\u200d👧\u200d👦", 2},
		{"ZWJ profession with tone", "👩🏾\u200d⚕️", 2},
		{"flag", "🇳🇿", 2},
		{"two flags", "🇳🇿🇦🇺", 4},
		{"subdivision flag", "🏴\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F", 2},
		{"keycap", "1\ufe0f\u20e3", 2},
		{"heart with VS16", "\u2764\ufe0f", 2},
		{"bare copyright sign", "©", 1},
		{"emoji in text", "hi 👋 there", 11},
		{"scheme URL", "Read https://example.com/a/very/long/path/that/goes/on/and/on today", 5 + 23 + 6},
		{"short URL counts 23", "http://a.co", 23},
		{"300-byte URL counts 23", "a https://example.com/" + strings.Repeat("x", 280), 2 + 23},
		{"bare domain", "see example.org.", 4 + 23 + 1},
		{"two URLs", "a.com b.org", 23 + 1 + 23},
		{"email is not a URL", "mail me@example.com", 19},
		{"file name is not a URL", "see index.js", 12},
		{"280 ascii", strings.Repeat("a", 280), 280},
		{"281 ascii", strings.Repeat("a", 281), 281},
		{"140 CJK", strings.Repeat("字", 140), 280},
		{"141 CJK", strings.Repeat("字", 141), 282},
		{"140 emoji", strings.Repeat("🙂", 140), 280},
		{"URL at the limit", strings.Repeat("a", 256) + " " + long, 280},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := X(tt.in); got != tt.want {
				t.Errorf("X(%q) = %d, want %d", tt.in, got, tt.want)
			}
		})
	}
}

func TestURLs(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"no links here", nil},
		{"https://example.com", []string{"https://example.com"}},
		{"go to HTTPS://Example.COM/Path?q=1#top now", []string{"HTTPS://Example.COM/Path?q=1#top"}},
		{"see example.org.", []string{"example.org"}},
		{"see www.example.co.uk/help, thanks", []string{"www.example.co.uk/help"}},
		{"port example.com:8080/x", []string{"example.com:8080/x"}},
		{"(https://example.com/a)", []string{"https://example.com/a"}},
		{"https://en.wikipedia.org/wiki/Grief_(film)!", []string{"https://en.wikipedia.org/wiki/Grief_(film)"}},
		{"accented https://example.com/café ok", []string{"https://example.com/café"}},
		{"stops at CJK https://example.jp/a。次", []string{"https://example.jp/a"}},
		{"idn https://bücher.de/x", []string{"https://bücher.de/x"}},
		{"mail me@example.com", nil},
		{"tag #example.com", nil},
		{"e.g. and i.e. and 3.14", nil},
		{"two: a.com and https://b.org/x", []string{"a.com", "https://b.org/x"}},
		{"country and new TLDs: example.co.nz and calm.health", []string{"example.co.nz", "calm.health"}},
		{"file names: index.js notes.txt", nil},
		{"full-width handle ＠example.com", nil},
		{"path /srv/example.com and dotted .example.com", nil},
		{"handle @someone.example.org", nil},
		{"bracketed [example.com] text", []string{"example.com"}},
		{"(see https://example.com/a_(b))", []string{"https://example.com/a_(b)"}},
		{"((https://example.com/x)).", []string{"https://example.com/x"}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			var got []string
			for _, r := range URLs(tt.in) {
				got = append(got, tt.in[r[0]:r[1]])
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("URLs(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestGraphemesAndUTF16(t *testing.T) {
	tests := []struct {
		in        string
		graphemes int
		utf16     int
	}{
		{"", 0, 0},
		{"hello", 5, 5},
		{"cafe\u0301", 4, 5},
		{"日本", 2, 2},
		{"👍", 1, 2},
		{"👍🏽", 1, 4},
		{"👨\u200d👩\u200d👧\u200d👦", 1, 11},
		{"🇳🇿🇦🇺", 2, 8},
		{"\xff", 1, 1},
	}
	for _, tt := range tests {
		if got := Graphemes(tt.in); got != tt.graphemes {
			t.Errorf("Graphemes(%q) = %d, want %d", tt.in, got, tt.graphemes)
		}
		if got := UTF16(tt.in); got != tt.utf16 {
			t.Errorf("UTF16(%q) = %d, want %d", tt.in, got, tt.utf16)
		}
	}
}

func BenchmarkX(b *testing.B) {
	s := strings.Repeat("Grief is not linear 🌱 — read more at https://example.org/grief ", 4)
	for b.Loop() {
		X(s)
	}
}

func FuzzX(f *testing.F) {
	for _, s := range []string{"hello https://example.com/x).", "👨\u200d👩\u200d👧 a.co", "me@example.org", "\xff\xfe(x.io]"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if n := X(s); n < 0 {
			t.Fatalf("X(%q) = %d", s, n)
		}
		prev := 0
		for _, r := range URLs(s) {
			if r[0] < prev || r[1] <= r[0] || r[1] > len(s) {
				t.Fatalf("URLs(%q): bad range %v after %d", s, r, prev)
			}
			prev = r[1]
		}
	})
}
