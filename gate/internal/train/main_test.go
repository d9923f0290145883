package main

import (
	"bytes"
	"os"
	"testing"
)

// TestModelReproducible retrains on the development files and checks that
// the result is byte for byte the committed model: the file is up to date
// and training is deterministic.
func TestModelReproducible(t *testing.T) {
	if testing.Short() {
		t.Skip("retraining takes a few seconds")
	}
	want, err := os.ReadFile("../../data/model.json")
	if err != nil {
		t.Fatal(err)
	}
	for range 2 {
		m, _, _, err := build("../../testdata/dev-*.yaml")
		if err != nil {
			t.Fatal(err)
		}
		got, err := m.Marshal()
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Fatal("retraining gives a different model than gate/data/model.json: run go run ./gate/internal/train")
		}
	}
}
