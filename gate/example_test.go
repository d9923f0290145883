package gate_test

import (
	"fmt"

	"github.com/connections/postgate"
	"github.com/connections/postgate/gate"
)

func Example() {
	g, err := gate.New(gate.DefaultConfig())
	if err != nil {
		panic(err)
	}
	v, err := g.Check(postgate.Content{Platform: postgate.X, Text: "Magnesium supplements cure anxiety naturally."})
	if err != nil {
		panic(err) // could not evaluate: hold the post
	}
	fmt.Println("pass:", v.Pass())
	for _, f := range v.Findings {
		fmt.Printf("%s [%s] %q at %d-%d\n", f.Rule, f.Section, f.Match, f.Start, f.End)
	}
	// Output:
	// pass: false
	// health-claim [Content Guidelines / Health Information] "Magnesium supplements cure" at 0-26
	// guaranteed-outcome [Advertising and Testimonials / Ethical Marketing] "cure anxiety" at 22-34
}
