package store_test

import (
	"database/sql"
	"testing"
)

// MustSQL opens the database file directly, bypassing the store, to play
// the part of someone editing it by hand.
func MustSQL(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	return db
}
