package scheduler

import (
	"fmt"
	"strings"

	"github.com/connections/postgate"
	"github.com/connections/postgate/gate"
	"github.com/connections/postgate/review"
)

// item builds a review item for a post on a platform.
func (s *Scheduler) item(kind review.Kind, id string, p postgate.Post, pl postgate.Platform, hash string) review.Item {
	c := p.Content(pl)
	now := s.now().UTC()
	it := review.Item{
		ID: id, Kind: kind, Status: review.StatusOpen, ContentHash: hash, Policy: s.policy,
		Created: now, Updated: now,
		Post: review.Post{
			ID: p.ID, Calendar: p.Where(), Platform: string(pl), When: describeWhen(p),
			Text: c.Text, Link: c.Link, Evidence: c.Evidence, Author: p.Author,
		},
	}
	for _, m := range c.Media {
		it.Post.Media = append(it.Post.Media, review.MediaView{Path: m.Path, Alt: m.Alt, Source: m.Source, Consent: m.Consent})
	}
	return it
}

// heldItem makes sure the open held item of a post on a platform shows
// this exact content. An item for other content is archived first.
func (s *Scheduler) heldItem(p postgate.Post, pl postgate.Platform, hash string, findings []gate.Finding) error {
	id := review.HeldID(p.ID, string(pl))
	if it, err := s.review.Read(id); err == nil && it.Open() && it.ContentHash == hash && hash != "" {
		return nil // already waiting for this exact content
	}
	it := s.item(review.KindHeld, id, p, pl, hash)
	it.Findings, it.Summary = findings, summarize(findings)
	if err := s.review.Archive(id, s.now()); err != nil {
		return err
	}
	if err := s.review.Write(it); err != nil {
		return err
	}
	s.log.Info("held for review", "post", p.ID, "platform", pl, "item", id, "reason", it.Summary)
	return nil
}

// describeWhen says when a post goes out, in the calendar's local time.
func describeWhen(p postgate.Post) []string {
	if p.Cron == "" {
		return []string{p.At.In(p.Location).Format("2006-01-02 15:04 MST")}
	}
	w := fmt.Sprintf("cron %q in %s", p.Cron, p.Location)
	if !p.From.IsZero() {
		w += ", from " + p.From.In(p.Location).Format("2006-01-02 15:04")
	}
	if !p.Until.IsZero() {
		w += ", until " + p.Until.In(p.Location).Format("2006-01-02 15:04")
	}
	return []string{w}
}

// summarize puts a verdict's blocking rules in one line, each with its
// first match.
func summarize(fs []gate.Finding) string {
	var parts []string
	seen := map[string]bool{}
	for _, f := range fs {
		if f.Severity != "block" || seen[f.Rule] {
			continue
		}
		seen[f.Rule] = true
		part := f.Rule
		if f.Match != "" {
			part += fmt.Sprintf(" (%q)", f.Match)
		}
		parts = append(parts, part)
	}
	if len(parts) == 0 {
		return "held for review"
	}
	return "held: " + strings.Join(parts, "; ")
}
