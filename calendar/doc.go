// Package calendar loads the content calendar: the posts marketing plans, in
// YAML or CSV, checked field by field before anything is gated or published.
//
// # YAML
//
//	timezone: Europe/London            # optional; else the configured default
//	posts:
//	  - id: winter-sleep                # required, unique; letters, digits, - _ .
//	    at: 2026-12-01 09:00            # or RFC 3339 with an offset
//	    platforms: [x, facebook]
//	    text: Sleep well this winter.
//	    text_x: A shorter text for X.   # optional text_<platform> overrides
//	    link: https://example.org/sleep
//	    media:
//	      - {path: img/sleep.jpg, alt: A cup of tea, source: stock}
//	    evidence: [https://www.nhs.uk/sleep, 10.1234/abc]
//	    author: Priya
//	    tags: [winter]
//	  - id: monday-tip
//	    cron: "0 9 * * 1"               # repeating: minute hour day month weekday
//	    from: 2026-12-01                # optional, inclusive
//	    until: 2027-02-28               # optional, inclusive (a date means the whole day)
//	    platforms: [linkedin]
//	    text: Monday tip.
//
// Unknown fields are errors, so a typo such as "platfroms" is caught. Ids are
// unique regardless of capitals, since they also name files. platforms,
// evidence and tags may also be written as text separated by ';', as in CSV. A post
// has either at or cron. text may be left out only when every listed platform
// has its own text_<platform>. Texts are trimmed of surrounding blank space.
// Image paths are relative to the calendar's folder and must name a regular
// file inside it. source is stock, own or consent; consent needs a consent
// reference. Aliases and merge keys are refused.
//
// # CSV
//
// The first row names the columns, using the YAML field names; a spreadsheet
// export works as it is (UTF-8 with or without BOM, CRLF or old Mac CR line
// ends, quoted multi-line cells). Column names are case-insensitive and empty cells count as absent.
// platforms, evidence and tags hold several values separated by ';'. Each row
// carries at most one image, in the columns media (the path), media_alt,
// media_source and media_consent. A timezone column, when present, sets the
// zone of its row. Rows whose cells are all empty are skipped. A row is named
// by the line where its record starts, the header being line 1.
//
// # Time
//
// at, from and until are wall-clock times in the calendar's zone, written
// 2006-01-02 15:04, 2006-01-02T15:04, or either with seconds; or RFC 3339
// with an offset (2006-01-02T15:04:05+01:00), which is taken as written. from
// and until also accept a bare date: from then means the start of that day,
// until its last second.
//
// Daylight saving is resolved one way everywhere, for one-off times and for
// each cron occurrence alike:
//
//   - A wall-clock time that does not exist (in the spring-forward gap) is
//     moved forward by the length of the gap: 01:30 on the day London
//     springs forward becomes 02:30 BST.
//   - A wall-clock time that occurs twice (in the autumn overlap) means the
//     first, earlier instant: 01:30 on the day London falls back is 01:30 BST.
//
// A recurring post therefore fires once for each matching wall-clock time:
// never twice in an overlap and never skipped in a gap. If a time moved out
// of a gap lands on the same instant as another matching time ("30 1,2 * * *"
// on spring-forward day), the post fires once at that instant, since an
// occurrence is identified by its instant.
//
// cron specs follow robfig/cron's ParseStandard (including descriptors such as
// @daily), evaluated on the calendar's wall clock; @every and TZ= prefixes are
// refused because the zone comes from the calendar. A spec that can never
// fire, such as "0 9 31 2 *", is an error.
package calendar
