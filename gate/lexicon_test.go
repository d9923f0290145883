package gate

import "testing"

func TestLexicon(t *testing.T) {
	l := lex("feel*|felt|mental health|don't|self-harm*|lots of")
	tests := []struct {
		text string
		want string
	}{
		{"i was feeling low", "feeling"},
		{"she felt it", "felt"},
		{"good mental health matters", "mental health"},
		{"mental wellbeing", ""},
		{"we don’t know", "don’t"},
		{"talk about self-harming", "self-harming"},
		{"lots of people", "lots of"},
		{"lot of people", ""},
		{"felted wool", ""},
		{"", ""},
		{"’’’", ""},
		{"café feelings", "feelings"},
	}
	for _, tt := range tests {
		got := ""
		if loc := l.FindStringIndex(tt.text); loc != nil {
			got = tt.text[loc[0]:loc[1]]
		}
		if got != tt.want {
			t.Errorf("FindStringIndex(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}
