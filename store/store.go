// Package store is postgate's delivery ledger: an embedded SQLite database
// (modernc.org/sqlite, pure Go) that is the source of truth for what
// happened. It keeps one row per delivery (post id × platform × occurrence
// time) with its state and a history of every transition, the decisions
// people made in review as a hash-chained log, and the last calendar that
// loaded without errors.
//
// Every state change and the record of it are written in one transaction.
// The intent to publish (StatePublishing) is committed before any network
// call, so a crash leaves a row that says "the outcome is unknown".
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// ErrNotFound is returned when a row does not exist.
var ErrNotFound = errors.New("not found")

// Store is an open ledger. It is safe for concurrent use, and several
// processes may open the same file (the CLI while the daemon runs).
type Store struct {
	db *sql.DB
}

// Open opens or creates the database at path, creating its folder.
func Open(ctx context.Context, path string) (*Store, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
		return nil, fmt.Errorf("open store: %w", err)
	}
	dsn := "file:" + path + "?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)" +
		"&_pragma=synchronous(FULL)&_pragma=foreign_keys(ON)&_txlock=immediate"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	s := &Store{db: db}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	return s, nil
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

const schema = `
CREATE TABLE IF NOT EXISTS deliveries (
	key          TEXT PRIMARY KEY,
	post_id      TEXT NOT NULL,
	platform     TEXT NOT NULL,
	at           TEXT NOT NULL,
	state        TEXT NOT NULL,
	content_hash TEXT NOT NULL DEFAULT '',
	handle       TEXT NOT NULL DEFAULT '',
	attempts     INTEGER NOT NULL DEFAULT 0,
	receipt_id   TEXT NOT NULL DEFAULT '',
	receipt_url  TEXT NOT NULL DEFAULT '',
	reason       TEXT NOT NULL DEFAULT '',
	retry_at     TEXT NOT NULL DEFAULT '',
	updated_at   TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS deliveries_post ON deliveries(post_id, platform);
CREATE INDEX IF NOT EXISTS deliveries_state ON deliveries(state);
CREATE TABLE IF NOT EXISTS events (
	id           INTEGER PRIMARY KEY,
	delivery_key TEXT NOT NULL,
	at           TEXT NOT NULL,
	from_state   TEXT NOT NULL,
	to_state     TEXT NOT NULL,
	detail       TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_delivery ON events(delivery_key);
CREATE TABLE IF NOT EXISTS posts (
	id         TEXT PRIMARY KEY,
	first_seen TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS decisions (
	seq          INTEGER PRIMARY KEY,
	item         TEXT NOT NULL,
	post_id      TEXT NOT NULL,
	platform     TEXT NOT NULL,
	content_hash TEXT NOT NULL,
	delivery_key TEXT NOT NULL,
	verdict      TEXT NOT NULL,
	by           TEXT NOT NULL,
	reason       TEXT NOT NULL,
	at           TEXT NOT NULL,
	prev         TEXT NOT NULL,
	hash         TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS decisions_content ON decisions(post_id, platform, content_hash);
CREATE TABLE IF NOT EXISTS calendar_files (
	path    TEXT PRIMARY KEY,
	data    BLOB NOT NULL,
	saved_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS meta (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
);
`

func (s *Store) migrate(ctx context.Context) error {
	_, err := s.db.ExecContext(ctx, schema)
	return err
}

// tx runs fn in one immediate transaction.
func (s *Store) tx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

const timeFormat = time.RFC3339Nano

func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(timeFormat)
}

func parseTime(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, _ := time.Parse(timeFormat, s)
	return t
}

// Meta returns a value from the key-value table, or "" if unset.
func (s *Store) Meta(ctx context.Context, key string) (string, error) {
	var v string
	err := s.db.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = ?`, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return v, err
}

// SetMeta sets a value in the key-value table.
func (s *Store) SetMeta(ctx context.Context, key, value string) error {
	_, err := s.db.ExecContext(ctx,
		`INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`, key, value)
	return err
}

// FirstSeen records now as the first time each post id was loaded, unless
// it was seen before, and returns the recorded time of every id. One
// transaction, whatever the number of ids.
func (s *Store) FirstSeen(ctx context.Context, ids []string, now time.Time) (map[string]time.Time, error) {
	seen := make(map[string]time.Time, len(ids))
	err := s.tx(ctx, func(tx *sql.Tx) error {
		ins, err := tx.PrepareContext(ctx, `INSERT INTO posts(id, first_seen) VALUES(?, ?) ON CONFLICT(id) DO NOTHING`)
		if err != nil {
			return err
		}
		defer ins.Close()
		sel, err := tx.PrepareContext(ctx, `SELECT first_seen FROM posts WHERE id = ?`)
		if err != nil {
			return err
		}
		defer sel.Close()
		for _, id := range ids {
			if _, err := ins.ExecContext(ctx, id, formatTime(now)); err != nil {
				return err
			}
			var v string
			if err := sel.QueryRowContext(ctx, id).Scan(&v); err != nil {
				return err
			}
			seen[id] = parseTime(v)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("record posts: %w", err)
	}
	return seen, nil
}
