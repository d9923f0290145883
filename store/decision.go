package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Verdicts a person can give in review.
const (
	Approve = "approve"
	Reject  = "reject"
)

// Decision is a person's verdict on a review item. Decisions form an
// append-only log in which every entry carries the hash of the one before
// it, so an edit or deletion of an earlier entry is detected by Verify.
type Decision struct {
	Seq         int64
	Item        string // review item id
	PostID      string
	Platform    string
	ContentHash string // the exact content the decision was given for
	DeliveryKey string // set when the decision is about one delivery (missed, failed, unknown)
	Verdict     string // Approve or Reject
	By          string
	Reason      string
	At          time.Time
	Prev        string // hash of the previous entry ("" for the first)
	Hash        string // hash of this entry, chained to Prev
}

func (d Decision) digest() string {
	h := sha256.New()
	for _, f := range []string{fmt.Sprint(d.Seq), d.Item, d.PostID, d.Platform, d.ContentHash, d.DeliveryKey,
		d.Verdict, d.By, d.Reason, formatTime(d.At), d.Prev} {
		fmt.Fprintf(h, "%d:%s;", len(f), f)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// AddDecision appends d to the decision log and returns it with its
// sequence number and hashes set.
func (s *Store) AddDecision(ctx context.Context, d Decision) (Decision, error) {
	if d.Verdict != Approve && d.Verdict != Reject {
		return Decision{}, fmt.Errorf("decision verdict %q: want %s or %s", d.Verdict, Approve, Reject)
	}
	if strings.TrimSpace(d.By) == "" {
		return Decision{}, errors.New("decision needs the name of the person who made it")
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var seq sql.NullInt64
		var prev sql.NullString
		err := tx.QueryRowContext(ctx, `SELECT seq, hash FROM decisions ORDER BY seq DESC LIMIT 1`).Scan(&seq, &prev)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		d.Seq, d.Prev = seq.Int64+1, prev.String
		d.At = d.At.UTC().Truncate(time.Microsecond)
		d.Hash = d.digest()
		_, err = tx.ExecContext(ctx, `INSERT INTO decisions(seq, item, post_id, platform, content_hash, delivery_key,
			verdict, by, reason, at, prev, hash) VALUES(?,?,?,?,?,?,?,?,?,?,?,?)`,
			d.Seq, d.Item, d.PostID, d.Platform, d.ContentHash, d.DeliveryKey, d.Verdict, d.By, d.Reason,
			formatTime(d.At), d.Prev, d.Hash)
		return err
	})
	if err != nil {
		return Decision{}, fmt.Errorf("record decision on %s: %w", d.Item, err)
	}
	return d, nil
}

const decisionColumns = `seq, item, post_id, platform, content_hash, delivery_key, verdict, by, reason, at, prev, hash`

func (s *Store) decisions(ctx context.Context, where string, args ...any) ([]Decision, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+decisionColumns+` FROM decisions `+where+` ORDER BY seq`, args...)
	if err != nil {
		return nil, fmt.Errorf("read decisions: %w", err)
	}
	defer rows.Close()
	var out []Decision
	for rows.Next() {
		var d Decision
		var at string
		if err := rows.Scan(&d.Seq, &d.Item, &d.PostID, &d.Platform, &d.ContentHash, &d.DeliveryKey,
			&d.Verdict, &d.By, &d.Reason, &at, &d.Prev, &d.Hash); err != nil {
			return nil, fmt.Errorf("read decisions: %w", err)
		}
		d.At = parseTime(at)
		out = append(out, d)
	}
	return out, rows.Err()
}

// Decisions returns the whole log, oldest first.
func (s *Store) Decisions(ctx context.Context) ([]Decision, error) { return s.decisions(ctx, "") }

// ContentDecision returns the latest decision on this exact content of a
// post on a platform, and false when there is none.
func (s *Store) ContentDecision(ctx context.Context, postID, platform, contentHash string) (Decision, bool, error) {
	ds, err := s.decisions(ctx, `WHERE post_id = ? AND platform = ? AND content_hash = ? AND delivery_key = ''`,
		postID, platform, contentHash)
	if err != nil || len(ds) == 0 {
		return Decision{}, false, err
	}
	return ds[len(ds)-1], true, nil
}

// DeliveryDecisions returns the decisions taken on one delivery (after it
// was missed, failed or its outcome was unknown), oldest first.
func (s *Store) DeliveryDecisions(ctx context.Context, key string) ([]Decision, error) {
	return s.decisions(ctx, `WHERE delivery_key = ?`, key)
}

// Verify walks the decision log and returns an error naming the first
// entry whose hash or link to its predecessor does not match.
func (s *Store) Verify(ctx context.Context) (int, error) {
	ds, err := s.Decisions(ctx)
	if err != nil {
		return 0, err
	}
	prev := ""
	for i, d := range ds {
		if d.Seq != int64(i+1) {
			return i, fmt.Errorf("decision log: entry %d is missing (found %d)", i+1, d.Seq)
		}
		if d.Prev != prev {
			return i, fmt.Errorf("decision log: entry %d does not follow entry %d", d.Seq, d.Seq-1)
		}
		if d.digest() != d.Hash {
			return i, fmt.Errorf("decision log: entry %d was altered after it was written", d.Seq)
		}
		prev = d.Hash
	}
	return len(ds), nil
}
