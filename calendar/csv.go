package calendar

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"slices"
	"strings"
)

// CSV columns beyond the post fields: the row's time zone and its one image.
var (
	mediaColumns = []string{"media", "media_alt", "media_source", "media_consent"}
	csvColumns   = slices.Concat(scalarFields, listFields, mediaColumns, []string{"timezone"})
)

// readCSV reads a calendar with a header row of field names and one post per
// record.
func readCSV(b *builder, data []byte) {
	if !bytes.Contains(data, []byte("\n")) {
		data = bytes.ReplaceAll(data, []byte("\r"), []byte("\n")) // old Mac line ends
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	r.ReuseRecord = true
	header, err := r.Read()
	if err != nil {
		csvError(b.errs, err)
		return
	}
	headerLine, _ := r.FieldPos(0)
	columns, ok := csvHeader(b.errs, headerLine, header)
	if !ok {
		return
	}
	b.expect(bytes.Count(data, []byte("\n")))
	var raw rawPost
	for !b.errs.full() {
		record, err := r.Read()
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil {
			csvError(b.errs, err)
			return
		}
		line, _ := r.FieldPos(0)
		if blank(record) {
			continue
		}
		if len(record) != len(columns) {
			b.errs.add(line, "", "has %d cells but the header has %d columns (a stray comma or quote?)", len(record), len(columns))
			continue
		}
		csvPost(b.errs, &raw, line, columns, record)
		b.add(&raw)
	}
}

// csvHeader returns the column names, lowercased and trimmed. Unknown,
// repeated and missing required columns are errors.
func csvHeader(c *collector, line int, header []string) ([]string, bool) {
	if len(header) == 1 && strings.Count(header[0], ";") > 1 {
		c.add(line, "", "the columns are separated by ';': export the sheet as CSV with commas (in Excel: “CSV UTF-8”)")
		return nil, false
	}
	columns := make([]string, len(header))
	before := len(c.errs)
	for i, h := range header {
		name := strings.ToLower(strings.TrimSpace(h))
		switch {
		case name == "":
		case !slices.Contains(csvColumns, name):
			c.add(line, clip(name), "is not a calendar column%s", suggest(name, csvColumns))
		case slices.Contains(columns[:i], name):
			c.add(line, name, "is a repeated column: keep one")
		}
		columns[i] = name
	}
	for _, need := range []string{"id", "platforms"} {
		if !slices.Contains(columns, need) {
			c.add(line, need, "the header has no %s column", need)
		}
	}
	if !slices.Contains(columns, "at") && !slices.Contains(columns, "cron") {
		c.add(line, "at", "the header needs an at column, a cron column, or both")
	}
	return columns, len(c.errs) == before
}

// csvPost reads one record into r. Empty cells count as absent.
func csvPost(c *collector, r *rawPost, line int, columns, record []string) {
	r.reset(line)
	var m rawMedia
	hasMedia := false
	for i, name := range columns {
		value := record[i]
		if strings.TrimSpace(value) == "" {
			continue
		}
		f := field{name: name, value: value, line: line, set: true}
		switch name {
		case "":
			c.add(line, "", "column %d has a value but no name in the header", i+1)
		case "platforms", "evidence", "tags":
			r.lists[name] = splitList(name, value, line)
		case "media":
			m.path, hasMedia = f, true
		case "media_alt":
			m.alt, hasMedia = f, true
		case "media_source":
			m.source, hasMedia = f, true
		case "media_consent":
			m.consent, hasMedia = f, true
		default:
			r.fields[name] = f
		}
	}
	if hasMedia {
		for i, f := range []*field{&m.path, &m.alt, &m.source, &m.consent} {
			if !f.set {
				*f = field{name: mediaColumns[i], line: line}
			}
		}
		r.media = append(r.media, m)
	}
}

// csvError reports a CSV syntax error at the line where its record starts.
func csvError(c *collector, err error) {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		c.add(0, "", "cannot be read as CSV: %v", err)
		return
	}
	msg := pe.Err.Error()
	if errors.Is(pe.Err, csv.ErrQuote) || errors.Is(pe.Err, csv.ErrBareQuote) {
		msg = "a quote (\") is not closed or stands inside an unquoted cell; wrap cells that contain quotes in quotes and double the inner ones (\"\")"
	}
	if pe.Line != pe.StartLine {
		c.add(pe.StartLine, "", "is not valid CSV (problem on line %d): %s", pe.Line, msg)
		return
	}
	c.add(pe.StartLine, "", "is not valid CSV: %s", msg)
}

func blank(record []string) bool {
	for _, v := range record {
		if strings.TrimSpace(v) != "" {
			return false
		}
	}
	return true
}
