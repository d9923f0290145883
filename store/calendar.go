package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// CalendarFile is one calendar file's bytes as they were when the whole
// calendar last loaded without errors.
type CalendarFile struct {
	Path string
	Data []byte
}

// SaveGoodCalendar replaces the stored last good calendar with files.
func (s *Store) SaveGoodCalendar(ctx context.Context, files []CalendarFile, now time.Time) error {
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM calendar_files`); err != nil {
			return err
		}
		for _, f := range files {
			if _, err := tx.ExecContext(ctx, `INSERT INTO calendar_files(path, data, saved_at) VALUES(?, ?, ?)`,
				f.Path, f.Data, formatTime(now)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("save last good calendar: %w", err)
	}
	return nil
}

// GoodCalendar returns the last good calendar's files (none if never saved).
func (s *Store) GoodCalendar(ctx context.Context) ([]CalendarFile, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT path, data FROM calendar_files ORDER BY path`)
	if err != nil {
		return nil, fmt.Errorf("read last good calendar: %w", err)
	}
	defer rows.Close()
	var out []CalendarFile
	for rows.Next() {
		var f CalendarFile
		if err := rows.Scan(&f.Path, &f.Data); err != nil {
			return nil, fmt.Errorf("read last good calendar: %w", err)
		}
		out = append(out, f)
	}
	return out, rows.Err()
}
