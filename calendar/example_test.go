package calendar_test

import (
	"fmt"
	"time"

	"github.com/connections/postgate/calendar"
)

func ExampleLoad() {
	posts, err := calendar.Load("testdata/calendar.yaml", time.UTC)
	if err != nil {
		fmt.Println(err) // every problem, one per line: file:line: field: message
		return
	}
	for _, p := range posts {
		fmt.Println(p.Where(), p.ID, p.Platforms)
	}
	// Output:
	// testdata/calendar.yaml:4 winter-sleep [x facebook]
	// testdata/calendar.yaml:19 monday-tip [linkedin mastodon]
	// testdata/calendar.yaml:28 new-year [bluesky]
}

func ExampleParse_errors() {
	src := []byte("id,at,platforms,text\r\n" +
		"spring-tip,2026-02-30 09:00,x,Spring is coming\r\n" +
		"open-day,2026-03-01 10:00,x;tiktok,\r\n")
	_, err := calendar.Parse("march.csv", ".", src, calendar.CSV, time.UTC)
	fmt.Println(err)
	// Output:
	// march.csv:2: at: "2026-02-30 09:00" is not a real date or time
	// march.csv:3: platforms: "tiktok" is not a platform postgate knows (known: x, facebook, instagram, linkedin, mastodon, bluesky)
	// march.csv:3: text: is missing: write the post's text (or a text_<platform> for x)
}

func ExampleOccurrences() {
	src := []byte("timezone: Europe/London\nposts:\n" +
		"  - {id: night-owl, cron: '30 1 * * *', platforms: [x], text: Sleep well}\n")
	posts, err := calendar.Parse("cal.yaml", ".", src, calendar.YAML, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	// 01:30 does not exist in London on 29 March 2026: it moves to 02:30 BST.
	from := time.Date(2026, 3, 28, 0, 0, 0, 0, time.UTC)
	for _, t := range calendar.Occurrences(posts[0], from, from.AddDate(0, 0, 3)) {
		fmt.Println(t.In(posts[0].Location).Format("Mon 2006-01-02 15:04 MST"))
	}
	// Output:
	// Sat 2026-03-28 01:30 GMT
	// Sun 2026-03-29 02:30 BST
	// Mon 2026-03-30 01:30 BST
}
