package calendar

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/connections/postgate"
)

// Format is the syntax of a calendar file.
type Format int

// The calendar formats.
const (
	YAML Format = iota + 1
	CSV
)

// Size limits. A calendar is a list of posts written by people; anything
// larger is a mistake or an attack.
const (
	MaxFileSize = 64 << 20  // bytes in one calendar file
	MaxTextSize = 100 << 10 // bytes in one post text
)

// FormatOf returns the format a file name implies: YAML for .yaml and .yml,
// CSV for .csv (in any case), and false for anything else.
func FormatOf(path string) (Format, bool) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".yaml", ".yml":
		return YAML, true
	case ".csv":
		return CSV, true
	}
	return 0, false
}

// Load reads one calendar file, YAML or CSV by its extension. loc is the time
// zone for calendars that do not set their own. It returns every post, or an
// *Errors listing every problem found, never both.
func Load(path string, loc *time.Location) ([]postgate.Post, error) {
	format, ok := FormatOf(path)
	if !ok {
		return nil, fileError(path, "is not a calendar file: use .yaml, .yml or .csv")
	}
	data, err := readFile(path)
	if err != nil {
		return nil, fileError(path, err.Error())
	}
	return Parse(path, filepath.Dir(path), data, format, loc)
}

// LoadAll loads several calendar files. Besides each file's own problems it
// reports an id used in more than one file, naming both places.
func LoadAll(paths []string, loc *time.Location) ([]postgate.Post, error) {
	if len(paths) == 0 {
		return nil, &Errors{{Message: "no calendar files given"}}
	}
	var all []postgate.Post
	var errs Errors
	seen := make(map[string]string) // lowercased id → "file:line"
	for _, path := range paths {
		posts, err := Load(path, loc)
		var es Errors
		if errors.As(err, &es) {
			errs = append(errs, es...)
		}
		for _, p := range posts {
			key := strings.ToLower(p.ID)
			if where, dup := seen[key]; dup {
				errs = append(errs, &FieldError{File: p.File, Line: p.Line, Field: "id",
					Message: fmt.Sprintf("%q is also used at %s: ids must be unique across all calendars", p.ID, where)})
				continue
			}
			seen[key] = p.Where()
		}
		all = append(all, posts...)
	}
	if len(errs) > 0 {
		errs.sort()
		return nil, &errs
	}
	return all, nil
}

// Parse is Load on bytes already read: name is used in messages and dir is
// the folder media paths are relative to.
func Parse(name, dir string, data []byte, format Format, loc *time.Location) ([]postgate.Post, error) {
	c := &collector{file: name}
	b := newBuilder(c, dir, loc)
	if data, ok := checkText(c, data); ok {
		switch format {
		case YAML:
			readYAML(b, data)
		case CSV:
			readCSV(b, data)
		default:
			c.add(0, "", "unknown calendar format")
		}
	}
	if len(c.errs) > 0 {
		c.errs.sort()
		return nil, &c.errs
	}
	if b.posts == nil {
		return []postgate.Post{}, nil
	}
	return b.posts, nil
}

// checkText applies the checks every format shares: size, UTF-8, not empty.
// It returns the data without a byte order mark.
func checkText(c *collector, data []byte) ([]byte, bool) {
	if len(data) > MaxFileSize {
		c.add(0, "", "is %s; a calendar can be at most %s: split it into several files", size(len(data)), size(MaxFileSize))
		return nil, false
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if !utf8.Valid(data) {
		line := 1 + bytes.Count(data[:firstInvalid(data)], []byte("\n"))
		c.add(line, "", "is not UTF-8 text: save the file as UTF-8 (in Excel: “CSV UTF-8”)")
		return nil, false
	}
	if len(bytes.TrimSpace(data)) == 0 {
		c.add(0, "", "is empty: a calendar needs at least a list of posts")
		return nil, false
	}
	return data, true
}

// firstInvalid returns the offset of the first byte that is not valid UTF-8.
func firstInvalid(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(data)
}

// readFile reads a calendar, refusing anything that is not a regular file of
// at most MaxFileSize bytes. Its errors read well after the file name.
func readFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, errors.New("file not found")
	}
	if err != nil {
		return nil, fmt.Errorf("cannot be opened: %w", unwrapPath(err))
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("cannot be read: %w", unwrapPath(err))
	}
	if !info.Mode().IsRegular() {
		return nil, errors.New("is not a regular file")
	}
	if info.Size() > MaxFileSize {
		return nil, fmt.Errorf("is %s; a calendar can be at most %s: split it into several files", size(int(info.Size())), size(MaxFileSize))
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("cannot be read: %w", unwrapPath(err))
	}
	return data, nil
}

// unwrapPath drops the path from an *fs.PathError, which the message already names.
func unwrapPath(err error) error {
	if pe, ok := errors.AsType[*fs.PathError](err); ok {
		return pe.Err
	}
	return err
}

func fileError(path, message string) error {
	return &Errors{{File: path, Message: message}}
}

// size formats a byte count for people.
func size(n int) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
