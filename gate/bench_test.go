package gate

import (
	"fmt"
	"strings"
	"testing"

	"github.com/connections/postgate"
)

// typicalPosts are ordinary calendar posts of usual length, most of them compliant.
var typicalPosts = []string{
	"Winter can be hard on mood. Getting outside in daylight, keeping to a routine and staying connected with others can all help.",
	"The practice is closed on Monday 1 January. Normal opening hours resume on Tuesday.",
	"Meet Marcus Bell, our new clinical supervisor, who has worked in community mental health for fifteen years.",
	"To book or change an appointment, email hello@connections.example or call 020 7946 0000. We can't discuss appointments over social media.",
	"Free talk for carers at the Riverside Library on 3 April at 6pm: looking after yourself while looking after others.",
	"If you are in danger right now, call 999 or go to your nearest A&E. You can also call Samaritans free on 116 123, any time.",
	"Our method works for everyone. Guaranteed.",
	"Feeling low? Drop us a message here and a counsellor will help you work through it.",
	"Many couples tell counsellors that the same argument keeps coming back. Patterns like that are common and can change, and our relationship workshop on Saturday looks at why.",
	"What's your favourite autumn walk around Riverside? Share it in the comments!",
}

func BenchmarkGate(b *testing.B) {
	g := mustGate(b, examplesConfig())
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if _, err := g.Check(postgate.Content{Text: typicalPosts[i%len(typicalPosts)]}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "posts/s")
}

// BenchmarkGateLength shows that cost grows linearly with text length.
func BenchmarkGateLength(b *testing.B) {
	g := mustGate(b, examplesConfig())
	base := strings.Join(typicalPosts, " ")
	for _, n := range []int{1, 4, 16, 64} {
		text := strings.Repeat(base+" ", n)
		b.Run(fmt.Sprintf("%dB", len(text)), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				if _, err := g.Check(postgate.Content{Text: text}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
