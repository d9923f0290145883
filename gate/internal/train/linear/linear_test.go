package linear

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// show renders tokens as text/extra@sentence, space-separated.
func show(toks []Token) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.Text)
		if t.Extra != "" {
			b.WriteString("/" + t.Extra)
		}
		fmt.Fprintf(&b, "@%d", t.Sentence)
	}
	return b.String()
}

func TestTokens(t *testing.T) {
	tests := []struct{ text, want string }{
		{"", ""},
		{"Thank you, Priya!", "thank@0 you@0 priya/<cap>@0 !@0"},
		{"“I’m so grateful.” — Rachel, 41", "<quote>@0 i’m@0 so@0 grateful@0 <quote>@0 <dash>@1 rachel/<cap>@1 <num>@1"},
		{"Call 020 7946 0000 or email hello@connections.example.", "call@0 <phone>@0 or@0 email@0 <email>@0"},
		{"See nhs.uk/mood or https://x.org/a, and g.page/us/review", "see@0 <url>@0 or@0 <url>@0 and@0 <url>@0"},
		{"★★★★☆ from @lou_runs #MyJourney", "<star>@0 from@0 <handle>@0 <hashtag>/myjourney@0"},
		{"98% said yes. £20 in 2025, rated 4.9 or 5/5", "<pct>@0 said@0 yes@0 <money>@1 in@1 <year>@1 rated@1 <dec>@1 or@1 <ratio>@1"},
		{"WINNERS 🏆🙏\nCall 116 123", "winners/<caps>@0 <emoji>@0 call@1 <num>@1 <num>@1"},
		{"Is it 6pm? Yes", "is@0 it@0 <num>@0 pm@0 ?@0 yes@1"},
	}
	for _, tt := range tests {
		if got := show(Tokens(tt.text)); got != tt.want {
			t.Errorf("Tokens(%q)\n got %s\nwant %s", tt.text, got, tt.want)
		}
	}
}

func TestTokenSpans(t *testing.T) {
	text := "“Best decision I ever made” - Rachel, Riverside ⭐⭐⭐"
	for _, tk := range Tokens(text) {
		if tk.Start < 0 || tk.End <= tk.Start || tk.End > len(text) {
			t.Errorf("token %q has span %d-%d", tk.Text, tk.Start, tk.End)
		}
	}
}

func TestFeatures(t *testing.T) {
	got := Features("I’m fine. I'm fine")
	want := []string{"i'm", "fine", "~fin", "i'm fine"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestStem(t *testing.T) {
	for _, group := range [][]string{
		{"review", "reviews", "reviewed", "reviewing", "reviewer", "reviewers"},
		{"recommend", "recommends", "recommended", "recommending"},
		{"stop", "stopped", "stopping"},
		{"care", "cares", "cared"},
	} {
		want := group[0][:stem([]byte(group[0]))]
		for _, w := range group[1:] {
			if got := w[:stem([]byte(w))]; got != want {
				t.Errorf("stem(%q) = %q, want %q like %q", w, got, want, group[0])
			}
		}
	}
}

func TestThreshold(t *testing.T) {
	tests := []struct {
		probs []float64
		pos   []bool
		want  float64
	}{
		{[]float64{0.9, 0.8, 0.7, 0.2}, []bool{true, true, false, false}, 0.75},
		{[]float64{0.9, 0.8, 0.7, 0.2}, []bool{true, true, true, true}, 0.2},
		{[]float64{0.9, 0.8}, []bool{false, true}, 1.01},
		{[]float64{0.9, 0.9, 0.1}, []bool{true, false, true}, 1.01}, // a tie cannot be split
	}
	for _, tt := range tests {
		if got := Threshold(tt.probs, tt.pos, 0.9); got != tt.want {
			t.Errorf("Threshold(%v, %v) = %v, want %v", tt.probs, tt.pos, got, tt.want)
		}
	}
}

func TestFitDeterministic(t *testing.T) {
	texts := []string{"leave us a review", "five stars from a client", "open on Monday", "closed for the holiday",
		"please review us on Google", "our new waiting room", "thank you for the lovely review", "quiz night on Friday"}
	var xs []Example
	for i, s := range texts {
		xs = append(xs, Example{Features: Features(s), Labels: []bool{i%2 == 0 || i == 1}})
	}
	o := DefaultOptions()
	o.Folds = 2
	o.MinCount = 2 // eight posts: "review" is in three of them
	var files [][]byte
	for range 2 {
		m, _ := Fit([]string{"testimonial"}, xs, o)
		b, err := m.Marshal()
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, b)
	}
	if !bytes.Equal(files[0], files[1]) {
		t.Error("two trainings on the same data differ")
	}
	m, err := Load(files[0])
	if err != nil {
		t.Fatal(err)
	}
	if p, q := m.Probability(m.Doc("Leave us a review!"), 0), m.Probability(m.Doc("Open on Monday"), 0); p <= q {
		t.Errorf("review scores %.2f, opening hours %.2f", p, q)
	}
}

func TestLoadRefusesOtherFeatures(t *testing.T) {
	if _, err := Load([]byte(`{"version":"other"}`)); err == nil {
		t.Error("loaded a model of another feature set")
	}
	if _, err := Load([]byte(`{"version":"` + Version + `","features":["a"],"classes":[{"rule":"x","weights":[]}]}`)); err == nil {
		t.Error("loaded a model with missing weights")
	}
}

func TestReadable(t *testing.T) {
	if got := Readable("<star> rated"); got != "[star symbols] rated" {
		t.Errorf("got %q", got)
	}
}

// FuzzTokens checks that any text tokenises without panicking, into tokens
// with valid, ordered spans.
func FuzzTokens(f *testing.F) {
	for _, s := range []string{"", "a", "“I’m 41.” — R, ★★ 98% £5 020 7946 0000", "+", "x@", "@", "#", "- -", "\xff\xfe", "5/", "a'", "٣ ٤"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		end, sentence := 0, 0
		for _, tk := range Tokens(text) {
			if tk.Start < end || tk.End <= tk.Start || tk.End > len(text) || tk.Sentence < sentence {
				t.Fatalf("%q: token %+v after end %d, sentence %d", text, tk, end, sentence)
			}
			end, sentence = tk.End, tk.Sentence
		}
	})
}
