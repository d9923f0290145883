// Package postgate holds the domain types shared by every part of the daemon:
// a Post as marketing wrote it in the calendar, the Content that one platform
// receives, and the Delivery key that identifies one publication.
//
// The packages below it do one job each: calendar loads posts, gate checks
// content against the practice's policy, store keeps the delivery ledger,
// review writes the folder a person decides in, scheduler plans and runs
// deliveries, and publishers send content to the platforms.
package postgate

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"
)

// Platform names a social platform postgate can publish to.
type Platform string

// The platforms postgate knows.
const (
	X         Platform = "x"
	Facebook  Platform = "facebook"
	Instagram Platform = "instagram"
	LinkedIn  Platform = "linkedin"
	Mastodon  Platform = "mastodon"
	Bluesky   Platform = "bluesky"
)

// Platforms lists every known platform, in a stable order.
var Platforms = []Platform{X, Facebook, Instagram, LinkedIn, Mastodon, Bluesky}

// ParsePlatform returns the platform named s (case-insensitive, trimmed).
func ParsePlatform(s string) (Platform, error) {
	p := Platform(strings.ToLower(strings.TrimSpace(s)))
	if slices.Contains(Platforms, p) {
		return p, nil
	}
	return "", fmt.Errorf("unknown platform %q (known: %s)", s, joinPlatforms(Platforms))
}

func joinPlatforms(ps []Platform) string {
	names := make([]string, len(ps))
	for i, p := range ps {
		names[i] = string(p)
	}
	return strings.Join(names, ", ")
}

// Media sources a calendar may declare for an image.
const (
	SourceStock   = "stock"   // licensed stock imagery
	SourceOwn     = "own"     // made by the practice, no identifiable people
	SourceConsent = "consent" // shows people who gave written consent (needs Consent)
)

// Media is one image attached to a post.
type Media struct {
	Path    string `json:"path" yaml:"path"`                           // as written in the calendar
	File    string `json:"-" yaml:"-"`                                 // resolved path on disk
	Alt     string `json:"alt" yaml:"alt"`                             // alt text
	Source  string `json:"source" yaml:"source"`                       // stock | own | consent
	Consent string `json:"consent,omitempty" yaml:"consent,omitempty"` // consent reference when Source is consent
}

// Post is one entry of the content calendar.
type Post struct {
	ID        string
	File      string // calendar file the post came from
	Line      int    // line (YAML) or row (CSV) where the post starts
	Location  *time.Location
	At        time.Time // single occurrence; zero when Cron is set
	Cron      string    // 5-field spec for recurring posts
	From      time.Time // first possible occurrence of a recurring post (inclusive)
	Until     time.Time // last possible occurrence of a recurring post (inclusive); zero is open-ended
	Platforms []Platform
	Text      string
	TextFor   map[Platform]string // per-platform overrides of Text
	Link      string
	Media     []Media
	Evidence  []string
	Author    string
	Tags      []string
}

// Where names the post's origin for error messages: "file:line".
func (p Post) Where() string { return fmt.Sprintf("%s:%d", p.File, p.Line) }

// Content returns exactly what the post sends to platform pl.
func (p Post) Content(pl Platform) Content {
	text := p.Text
	if t, ok := p.TextFor[pl]; ok && t != "" {
		text = t
	}
	return Content{Platform: pl, Text: text, Link: p.Link, Media: p.Media, Evidence: p.Evidence}
}

// Content is what one platform receives for a post: the unit that is gated,
// approved and published.
type Content struct {
	Platform Platform
	Text     string
	Link     string
	Media    []Media
	Evidence []string
}

// Hash returns the content hash: a hex SHA-256 over the platform and the
// BodyHash. An approval is valid only for the hash it was given for.
func (c Content) Hash() (string, error) {
	body, err := c.BodyHash()
	if err != nil {
		return "", err
	}
	return PlatformHash(c.Platform, body), nil
}

// PlatformHash binds a BodyHash to a platform; Hash is
// PlatformHash(c.Platform, c.BodyHash()).
func PlatformHash(pl Platform, body string) string {
	sum := sha256.Sum256([]byte(string(pl) + ";" + body))
	return hex.EncodeToString(sum[:])
}

// BodyHash returns a hex SHA-256 over what the content says, whatever the
// platform: the text, link, evidence, and each image's alt text, source,
// consent and file bytes.
func (c Content) BodyHash() (string, error) {
	h := sha256.New()
	field := func(s string) { fmt.Fprintf(h, "%d:%s;", len(s), s) }
	field(c.Text)
	field(c.Link)
	field(fmt.Sprint(len(c.Evidence)))
	for _, e := range c.Evidence {
		field(e)
	}
	field(fmt.Sprint(len(c.Media)))
	for _, m := range c.Media {
		field(m.Path)
		field(m.Alt)
		field(m.Source)
		field(m.Consent)
		if err := hashFile(h, m.File); err != nil {
			return "", fmt.Errorf("hash media %s: %w", m.Path, err)
		}
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

func hashFile(w io.Writer, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	n, err := io.Copy(w, f)
	fmt.Fprintf(w, ";%d;", n)
	return err
}

// Delivery identifies one publication: one post on one platform at one
// occurrence time. Every state, approval, attempt and receipt hangs off it.
type Delivery struct {
	PostID   string
	Platform Platform
	At       time.Time // occurrence time, UTC
}

// Key is the delivery's stable string form: "id|platform|2006-01-02T15:04:05Z".
func (d Delivery) Key() string {
	return d.PostID + "|" + string(d.Platform) + "|" + d.At.UTC().Format(time.RFC3339)
}

// String is the key.
func (d Delivery) String() string { return d.Key() }
