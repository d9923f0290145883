package calendar

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// FieldError is one problem in a calendar file: where it is and what to do
// about it, in words the person who wrote the calendar can act on.
type FieldError struct {
	File    string // the calendar file, as the caller named it
	Line    int    // YAML line, or CSV row (the line where the record starts); 0 for the whole file
	Field   string // field or column name; empty when the problem is not about one field
	Message string
}

// Error returns "file:line: field: message", leaving out the line when it is
// 0 and any part that is empty.
func (e *FieldError) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(e.File)
		if e.Line > 0 {
			fmt.Fprintf(&b, ":%d", e.Line)
		}
		b.WriteString(": ")
	}
	if e.Field != "" {
		b.WriteString(e.Field)
		b.WriteString(": ")
	}
	b.WriteString(e.Message)
	return b.String()
}

// Errors lists every problem found in one or more calendar files, ordered by
// file and line. Load, LoadAll and Parse return it as *Errors.
type Errors []*FieldError

// maxShown caps how many problems Error prints; the slice keeps them all.
const maxShown = 50

// maxCollected stops the loader once a file has this many problems: by then
// the file is almost certainly not a calendar, and more messages help no one.
const maxCollected = 1000

// Error prints the problems one per line, at most maxShown of them, followed
// by a count of the rest.
func (es Errors) Error() string {
	var b strings.Builder
	for i, e := range es {
		if i == maxShown {
			fmt.Fprintf(&b, "\n… and %d more problems", len(es)-maxShown)
			break
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// As lets errors.As fill an Errors value as well as an *Errors pointer.
func (es *Errors) As(target any) bool {
	if t, ok := target.(*Errors); ok {
		*t = *es
		return true
	}
	return false
}

func (es Errors) sort() {
	slices.SortStableFunc(es, func(a, b *FieldError) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line))
	})
}

// collector gathers the problems of one file.
type collector struct {
	file string
	errs Errors
}

func (c *collector) add(line int, field, format string, args ...any) {
	if len(c.errs) == maxCollected {
		c.errs = append(c.errs, &FieldError{File: c.file, Line: line, Message: "too many problems; stopped reading here"})
	}
	if c.full() {
		return
	}
	c.errs = append(c.errs, &FieldError{File: c.file, Line: line, Field: field, Message: fmt.Sprintf(format, args...)})
}

// full reports whether the collector has given up on the file.
func (c *collector) full() bool { return len(c.errs) > maxCollected }
