// Package review keeps the review folder: one human-readable YAML file per
// item that waits for a person, written atomically. An item is a post held
// by the gate (it waits for approve or reject), or a delivery that was
// missed, failed, or whose outcome is unknown (it waits for a person to
// retry or dismiss it).
//
// The folder is a window onto the store, which stays the source of truth:
// a decision a person writes in a file is read back, checked, and recorded
// in the store's hash-chained decision log, and the file is then rewritten
// to show it was recorded. Decisions are bound to the exact content hash in
// the file; an edit of the post makes a new item.
package review

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/connections/postgate/gate"
	"github.com/connections/postgate/internal/atomicfile"
)

// Kind says why an item is in review.
type Kind string

// The kinds of review item.
const (
	KindHeld    Kind = "held"    // the gate rejected the content (or could not evaluate it)
	KindMissed  Kind = "missed"  // its time passed beyond the missed window
	KindFailed  Kind = "failed"  // the platform refused it permanently
	KindUnknown Kind = "unknown" // it may or may not be live: check the account
)

// Statuses of an item.
const (
	StatusOpen     = "open"     // waits for a person
	StatusDecided  = "decided"  // a decision was recorded in the store
	StatusInfo     = "info"     // nothing to decide (a missed post): a record for the compliance lead
	StatusArchived = "archived" // superseded (the post was edited or removed)
)

// Item is one review file.
type Item struct {
	ID          string         `yaml:"id"`
	Kind        Kind           `yaml:"kind"`
	Status      string         `yaml:"status"`
	Summary     string         `yaml:"summary"`
	Post        Post           `yaml:"post"`
	ContentHash string         `yaml:"content_hash"`
	Delivery    string         `yaml:"delivery,omitempty"` // the delivery key, for missed/failed/unknown
	Findings    []gate.Finding `yaml:"findings,omitempty"`
	Problem     string         `yaml:"problem,omitempty"` // the platform's message, or why it was missed
	Check       string         `yaml:"check,omitempty"`   // what the person should check
	Policy      string         `yaml:"policy"`
	Created     time.Time      `yaml:"created"`
	Updated     time.Time      `yaml:"updated"`
	Decision    Decision       `yaml:"decision"`
}

// Post is the post as written, for the person reading the file.
type Post struct {
	ID       string      `yaml:"id"`
	Calendar string      `yaml:"calendar"` // file:line
	Platform string      `yaml:"platform"`
	When     []string    `yaml:"when"` // occurrences in local time, or the cron spec
	Text     string      `yaml:"text"`
	Link     string      `yaml:"link,omitempty"`
	Media    []MediaView `yaml:"media,omitempty"`
	Evidence []string    `yaml:"evidence,omitempty"`
	Author   string      `yaml:"author,omitempty"`
}

// MediaView is one image of the post.
type MediaView struct {
	Path    string `yaml:"path"`
	Alt     string `yaml:"alt"`
	Source  string `yaml:"source"`
	Consent string `yaml:"consent,omitempty"`
}

// Decision is the block a person fills in.
type Decision struct {
	Verdict  string `yaml:"verdict"` // approve | reject
	By       string `yaml:"by"`
	Reason   string `yaml:"reason"`
	Recorded string `yaml:"recorded,omitempty"` // set by postgate: the decision log entry
}

// Verdicts a person can write.
const (
	Approve = "approve"
	Reject  = "reject"
)

// Filled reports whether the person has written a verdict.
func (d Decision) Filled() bool { return strings.TrimSpace(d.Verdict) != "" }

// Validate checks a filled decision block and names the field at fault.
func (d Decision) Validate() error {
	switch strings.ToLower(strings.TrimSpace(d.Verdict)) {
	case Approve, Reject:
	default:
		return fmt.Errorf("decision.verdict: %q is not %s or %s", d.Verdict, Approve, Reject)
	}
	if strings.TrimSpace(d.By) == "" {
		return errors.New("decision.by: write the name of the person deciding")
	}
	if strings.TrimSpace(d.Reason) == "" {
		return errors.New("decision.reason: say why")
	}
	return nil
}

var safeID = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)

// Folder is the review folder.
type Folder struct {
	Dir string
}

// Open creates the folder if needed and checks it can be written.
func Open(dir string) (*Folder, error) {
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return nil, fmt.Errorf("review folder: %w", err)
	}
	f := &Folder{Dir: dir}
	if err := f.Writable(); err != nil {
		return nil, err
	}
	return f, nil
}

// Writable checks that an item can be written now: the folder exists, may
// be written, and has room for a file.
func (f *Folder) Writable() error {
	probe, err := os.CreateTemp(f.Dir, ".probe-*")
	if err == nil {
		_, err = probe.Write(bytes.Repeat([]byte{'\n'}, 4096))
		if cerr := probe.Close(); err == nil {
			err = cerr
		}
		os.Remove(probe.Name())
	}
	if err != nil {
		return fmt.Errorf("review folder %s is not writable: %w", f.Dir, err)
	}
	return nil
}

// Path returns the file of item id.
func (f *Folder) Path(id string) string { return filepath.Join(f.Dir, id+".yaml") }

const header = `# postgate review item. The compliance lead decides here.
# To decide, fill in the decision block below (verdict: approve or reject, by: your name,
# reason: why) and save, or run:  postgate review approve|reject %s --by NAME --reason TEXT
# For a held post, approve publishes this exact content at its time; any edit of the post
# in the calendar makes a new item. For a missed, failed or unknown delivery, approve
# sends it again (after you checked the account for an unknown one) and reject closes it.
# Decisions are recorded in postgate's tamper-evident log; this file shows a copy.
`

// Write stores it atomically (temp file, fsync, rename).
func (f *Folder) Write(it Item) error {
	if !safeID.MatchString(it.ID) {
		return fmt.Errorf("review item id %q is not a safe file name", it.ID)
	}
	var buf bytes.Buffer
	fmt.Fprintf(&buf, header, it.ID)
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(it); err != nil {
		return fmt.Errorf("review item %s: %w", it.ID, err)
	}
	if err := atomicfile.Write(f.Path(it.ID), buf.Bytes()); err != nil {
		return fmt.Errorf("review item %s: %w", it.ID, err)
	}
	return nil
}

// Read returns item id. A file a person broke gives an error that names
// the file and, for YAML errors, the line.
func (f *Folder) Read(id string) (Item, error) {
	return readItem(f.Path(id))
}

func readItem(path string) (Item, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Item{}, err
	}
	var it Item
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&it); err != nil {
		return Item{}, fmt.Errorf("%s: %w", path, err)
	}
	if want := strings.TrimSuffix(filepath.Base(path), ".yaml"); it.ID != want {
		return Item{}, fmt.Errorf("%s: id %q does not match the file name", path, it.ID)
	}
	return it, nil
}

// List returns every item in the folder, sorted by id, and an error per
// file that could not be read.
func (f *Folder) List() ([]Item, []error) {
	paths, err := filepath.Glob(filepath.Join(f.Dir, "*.yaml"))
	if err != nil {
		return nil, []error{err}
	}
	sort.Strings(paths)
	var items []Item
	var errs []error
	for _, p := range paths {
		it, err := readItem(p)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		items = append(items, it)
	}
	return items, errs
}

// Archive moves item id out of the way, into archive/ with a time stamp,
// keeping it as a record. Archiving a missing item is not an error.
func (f *Folder) Archive(id string, now time.Time) error {
	src := f.Path(id)
	if _, err := os.Stat(src); errors.Is(err, os.ErrNotExist) {
		return nil
	}
	dir := filepath.Join(f.Dir, "archive")
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return fmt.Errorf("archive %s: %w", id, err)
	}
	dst := filepath.Join(dir, id+"."+now.UTC().Format("20060102T150405Z")+".yaml")
	if err := os.Rename(src, dst); err != nil {
		return fmt.Errorf("archive %s: %w", id, err)
	}
	return nil
}

// Note writes a plain-text note (such as the errors of a calendar that did
// not load) as name.txt, or removes it when text is empty.
func (f *Folder) Note(name, text string) error {
	path := filepath.Join(f.Dir, name+".txt")
	if text == "" {
		if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
		return nil
	}
	return atomicfile.Write(path, []byte(text))
}

// HeldID is the id of the held item for a post on a platform.
func HeldID(postID, platform string) string { return postID + "." + platform }

// DeliveryID is the id of the item for one delivery.
func DeliveryID(postID, platform string, at time.Time) string {
	return postID + "." + platform + "." + at.UTC().Format("20060102T1504Z")
}

// Open reports whether the item waits for a person.
func (it Item) Open() bool { return it.Status == StatusOpen }
