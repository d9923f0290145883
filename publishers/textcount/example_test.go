package textcount_test

import (
	"fmt"

	"github.com/connections/postgate/publishers/textcount"
)

func ExampleX() {
	post := "Feeling low? 🌧️ Talk to us: https://example.org/contact-the-practice-today"
	fmt.Println(textcount.X(post), textcount.X(post) <= textcount.XLimit)
	fmt.Println(textcount.Graphemes(post), textcount.UTF16(post))
	// Output:
	// 51 true
	// 73 75
}
