package linkedin_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/connections/postgate/publishers/linkedin"
	"github.com/connections/postgate/publishers/linkedin/lifake"
)

var escapeTests = []struct {
	name, in, want string
}{
	{"empty", "", ""},
	{"plain", "Walk-in hours on Friday.", "Walk-in hours on Friday."},
	{"backslash", `C:\notes`, `C:\\notes`},
	{"backslash before reserved", `\(`, `\\\(`},
	{"double backslash", `\\`, `\\\\`},
	{"pipe", "a | b", `a \| b`},
	{"braces", "{x}", `\{x\}`},
	{"at sign", "ask @ reception", `ask \@ reception`},
	{"email", "hello@example.org", `hello\@example.org`},
	{"mention syntax stays text", "@[Ann](urn:li:person:1)", `\@\[Ann\]\(urn:li:person:1\)`},
	{"brackets", "[draft]", `\[draft\]`},
	{"parentheses", "groups (online)", `groups \(online\)`},
	{"angle brackets", "<3 and >5", `\<3 and \>5`},
	{"asterisks", "*free* session", `\*free\* session`},
	{"underscores", "_quiet_ room", `\_quiet\_ room`},
	{"tilde", "~10 minutes", `\~10 minutes`},
	{"every reserved", `\|{}@[]()<>#*_~`, `\\\|\{\}\@\[\]\(\)\<\>\#\*\_\~`},
	{"hashtag", "#MentalHealth matters", "#MentalHealth matters"},
	{"hashtags", "#a1 #b2", "#a1 #b2"},
	{"hashtag mid text", "Join us #selfcare.", "Join us #selfcare."},
	{"hashtag in parentheses", "(#wellbeing)", `\(#wellbeing\)`},
	{"hashtag unicode", "#santé mentale", "#santé mentale"},
	{"hashtag then underscore", "#self_care", `#self\_care`},
	{"hashtag digits first", "#2026goals", "#2026goals"},
	{"number sign", "room #4", `room \#4`},
	{"lone number sign", "# heading", `\# heading`},
	{"number sign after word", "C# and F#", `C\# and F\#`},
	{"double number sign", "##tag", `\##tag`},
	{"url untouched", "see https://example.org/a_b(c)~d#e*f", "see https://example.org/a_b(c)~d#e*f"},
	{"url http", "http://x.org/_a_", "http://x.org/_a_"},
	{"url upper case", "HTTPS://X.ORG/_a", "HTTPS://X.ORG/_a"},
	{"url www", "www.example.org/a_b", "www.example.org/a_b"},
	{"url in parentheses", "(see https://x.org/a_b)", `\(see https://x.org/a_b\)`},
	{"url with balanced parentheses", "https://en.wikipedia.org/wiki/Grief_(book)", "https://en.wikipedia.org/wiki/Grief_(book)"},
	{"url then full stop", "Read https://x.org/a_b.", "Read https://x.org/a_b."},
	{"url then emphasis", "*https://x.org/a*", `\*https://x.org/a\*`},
	{"url ends at backslash", `https://x.org/a\b`, `https://x.org/a\\b`},
	{"url ends at space", "https://x.org/a_b c_d", `https://x.org/a_b c\_d`},
	{"url on new line", "Book now\nhttps://x.org/book?a=1&b_c=2", "Book now\nhttps://x.org/book?a=1&b_c=2"},
	{"scheme inside word", "xhttps://x.org/_", `xhttps://x.org/\_`},
	{"scheme alone", "https:// _", `https:// \_`},
	{"not a url", "ftp://x.org/_a", `ftp://x.org/\_a`},
	{"emoji kept", "🌱 #growth_", `🌱 #growth\_`},
	{"accents kept", "Thé (café)", `Thé \(café\)`},
	{"invalid utf-8 kept", "a\xff_", "a\xff\\_"},
}

func TestEscape(t *testing.T) {
	for _, tt := range escapeTests {
		t.Run(tt.name, func(t *testing.T) {
			if got := linkedin.Escape(tt.in); got != tt.want {
				t.Errorf("Escape(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestEscapeSurvivesLinkedIn renders every escaped text the way LinkedIn
// does and checks that it comes back whole.
func TestEscapeSurvivesLinkedIn(t *testing.T) {
	for _, tt := range escapeTests {
		t.Run(tt.name, func(t *testing.T) {
			text, cut := lifake.Render(linkedin.Escape(tt.in))
			if cut || text != tt.in {
				t.Errorf("Render(Escape(%q)) = %q, cut %v", tt.in, text, cut)
			}
			if got := linkedin.Unescape(linkedin.Escape(tt.in)); got != tt.in {
				t.Errorf("Unescape(Escape(%q)) = %q", tt.in, got)
			}
		})
	}
}

func FuzzEscape(f *testing.F) {
	for _, tt := range escapeTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		e := linkedin.Escape(s)
		if text, cut := lifake.Render(e); cut || text != s {
			t.Fatalf("Render(Escape(%q)) = %q, cut %v (escaped %q)", s, text, cut, e)
		}
		if got := linkedin.Unescape(e); got != s {
			t.Fatalf("Unescape(Escape(%q)) = %q", s, got)
		}
	})
}

func BenchmarkEscape(b *testing.B) {
	s := strings.Repeat("Our (free) group meets on Fridays_ see https://example.org/groups_a #support * ", 30)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		linkedin.Escape(s)
	}
}
