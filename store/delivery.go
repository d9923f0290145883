package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/connections/postgate"
)

// State is where a delivery is in its life.
type State string

// The delivery states. Published, Rejected, Missed and Cancelled are final;
// Failed and Unknown wait for a person (see the review package); Held waits
// for an approval; Publishing means the intent to publish was committed and
// the outcome is not yet recorded.
const (
	StateHeld       State = "held"       // the gate rejected it; waits for a decision
	StatePublishing State = "publishing" // intent committed; the network call may be under way
	StatePublished  State = "published"
	StateRejected   State = "rejected"  // a person rejected it in review
	StateMissed     State = "missed"    // its time passed beyond the missed window
	StateFailed     State = "failed"    // the platform refused it permanently
	StateUnknown    State = "unknown"   // it may or may not be live: a person must check
	StateRetry      State = "retry"     // waiting to try again at RetryAt (rate limit, outage)
	StateCancelled  State = "cancelled" // the post was removed from the calendar
)

// Settled reports whether a delivery in this state must never be sent again
// without a person's decision.
func (s State) Settled() bool {
	switch s {
	case StatePublished, StatePublishing, StateRejected, StateMissed, StateFailed, StateUnknown, StateCancelled:
		return true
	}
	return false
}

// Delivery is one row of the ledger.
type Delivery struct {
	postgate.Delivery
	State       State
	ContentHash string // the content the state applies to
	Handle      string // idempotency handle committed before the write
	Attempts    int
	ReceiptID   string
	ReceiptURL  string
	Reason      string // why it is in this state, in plain English
	RetryAt     time.Time
	UpdatedAt   time.Time
}

// Transition is one change of a delivery's state, written with its event.
type Transition struct {
	To          State
	ContentHash string // "" keeps the stored value
	Handle      string // "" keeps the stored value
	Attempt     bool   // count one more attempt
	ReceiptID   string
	ReceiptURL  string
	Reason      string
	RetryAt     time.Time
	// From, when set, makes the transition conditional: it fails with
	// ErrConflict unless the delivery is currently in one of these states
	// (StateNone for a delivery with no row yet).
	From []State
}

// StateNone stands for "no row yet" in Transition.From.
const StateNone State = ""

// ErrConflict is returned when a conditional transition finds the delivery
// in another state: someone else moved it first.
var ErrConflict = errors.New("delivery is in another state")

// Move applies t to delivery d at time now, creating the row if needed, and
// records the event, in one transaction.
func (s *Store) Move(ctx context.Context, d postgate.Delivery, t Transition, now time.Time) (Delivery, error) {
	var out Delivery
	err := s.tx(ctx, func(tx *sql.Tx) error {
		cur, err := get(ctx, tx, d.Key())
		switch {
		case errors.Is(err, ErrNotFound):
			cur = Delivery{Delivery: d}
		case err != nil:
			return err
		}
		if t.From != nil && !slices.Contains(t.From, cur.State) {
			return fmt.Errorf("%w: %s is %s", ErrConflict, d.Key(), stateName(cur.State))
		}
		from := cur.State
		cur.State = t.To
		if t.ContentHash != "" {
			cur.ContentHash = t.ContentHash
		}
		if t.Handle != "" {
			cur.Handle = t.Handle
		}
		if t.Attempt {
			cur.Attempts++
		}
		if t.ReceiptID != "" {
			cur.ReceiptID, cur.ReceiptURL = t.ReceiptID, t.ReceiptURL
		}
		cur.Reason, cur.RetryAt, cur.UpdatedAt = t.Reason, t.RetryAt, now
		if err := put(ctx, tx, cur); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx,
			`INSERT INTO events(delivery_key, at, from_state, to_state, detail) VALUES(?, ?, ?, ?, ?)`,
			d.Key(), formatTime(now), string(from), string(t.To), t.Reason)
		out = cur
		return err
	})
	if err != nil {
		return Delivery{}, fmt.Errorf("move %s to %s: %w", d.Key(), t.To, err)
	}
	return out, nil
}

func stateName(s State) string {
	if s == StateNone {
		return "new"
	}
	return string(s)
}

const columns = `post_id, platform, at, state, content_hash, handle, attempts, receipt_id, receipt_url, reason, retry_at, updated_at`

type querier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func get(ctx context.Context, q querier, key string) (Delivery, error) {
	row := q.QueryRowContext(ctx, `SELECT `+columns+` FROM deliveries WHERE key = ?`, key)
	d, err := scan(row)
	if errors.Is(err, sql.ErrNoRows) {
		return Delivery{}, ErrNotFound
	}
	return d, err
}

type scanner interface{ Scan(dest ...any) error }

func scan(r scanner) (Delivery, error) {
	var d Delivery
	var platform, at, state, retryAt, updated string
	err := r.Scan(&d.PostID, &platform, &at, &state, &d.ContentHash, &d.Handle, &d.Attempts,
		&d.ReceiptID, &d.ReceiptURL, &d.Reason, &retryAt, &updated)
	d.Platform, d.At, d.State = postgate.Platform(platform), parseTime(at), State(state)
	d.RetryAt, d.UpdatedAt = parseTime(retryAt), parseTime(updated)
	return d, err
}

func put(ctx context.Context, tx *sql.Tx, d Delivery) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO deliveries(key, `+columns+`) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)
		ON CONFLICT(key) DO UPDATE SET state=excluded.state, content_hash=excluded.content_hash,
		handle=excluded.handle, attempts=excluded.attempts, receipt_id=excluded.receipt_id,
		receipt_url=excluded.receipt_url, reason=excluded.reason, retry_at=excluded.retry_at,
		updated_at=excluded.updated_at`,
		d.Key(), d.PostID, string(d.Platform), formatTime(d.At), string(d.State), d.ContentHash, d.Handle,
		d.Attempts, d.ReceiptID, d.ReceiptURL, d.Reason, formatTime(d.RetryAt), formatTime(d.UpdatedAt))
	return err
}

// Get returns the delivery with key d, or ErrNotFound.
func (s *Store) Get(ctx context.Context, d postgate.Delivery) (Delivery, error) {
	out, err := get(ctx, s.db, d.Key())
	if err != nil {
		return Delivery{}, fmt.Errorf("get %s: %w", d.Key(), err)
	}
	return out, nil
}

// Filter selects deliveries for List. Zero fields match everything.
type Filter struct {
	PostID   string
	Platform postgate.Platform
	States   []State
}

// List returns the deliveries matching f, ordered by time then key.
func (s *Store) List(ctx context.Context, f Filter) ([]Delivery, error) {
	q := `SELECT ` + columns + ` FROM deliveries WHERE 1=1`
	var args []any
	if f.PostID != "" {
		q += ` AND post_id = ?`
		args = append(args, f.PostID)
	}
	if f.Platform != "" {
		q += ` AND platform = ?`
		args = append(args, string(f.Platform))
	}
	if len(f.States) > 0 {
		q += ` AND state IN (?` + strings.Repeat(",?", len(f.States)-1) + `)`
		for _, st := range f.States {
			args = append(args, string(st))
		}
	}
	rows, err := s.db.QueryContext(ctx, q+` ORDER BY at, key`, args...)
	if err != nil {
		return nil, fmt.Errorf("list deliveries: %w", err)
	}
	defer rows.Close()
	var out []Delivery
	for rows.Next() {
		d, err := scan(rows)
		if err != nil {
			return nil, fmt.Errorf("list deliveries: %w", err)
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// Event is one recorded transition.
type Event struct {
	At       time.Time
	From, To State
	Detail   string
}

// History returns the events of delivery d, oldest first.
func (s *Store) History(ctx context.Context, d postgate.Delivery) ([]Event, error) {
	rows, err := s.db.QueryContext(ctx,
		`SELECT at, from_state, to_state, detail FROM events WHERE delivery_key = ? ORDER BY id`, d.Key())
	if err != nil {
		return nil, fmt.Errorf("history %s: %w", d.Key(), err)
	}
	defer rows.Close()
	var out []Event
	for rows.Next() {
		var e Event
		var at, from, to string
		if err := rows.Scan(&at, &from, &to, &e.Detail); err != nil {
			return nil, fmt.Errorf("history %s: %w", d.Key(), err)
		}
		e.At, e.From, e.To = parseTime(at), State(from), State(to)
		out = append(out, e)
	}
	return out, rows.Err()
}
