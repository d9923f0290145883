package review_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/connections/postgate/gate"
	"github.com/connections/postgate/review"
	"github.com/connections/postgate/store"
)

var now = time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)

func mustFolder(t *testing.T) *review.Folder {
	t.Helper()
	f, err := review.Open(filepath.Join(t.TempDir(), "review"))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func held() review.Item {
	return review.Item{ID: "winter.x", Kind: review.KindHeld, Status: review.StatusOpen, ContentHash: "abc",
		Post:     review.Post{ID: "winter", Platform: "x", Text: "Magnesium cures anxiety."},
		Findings: []gate.Finding{{Rule: "health-claim", Section: "Content Guidelines / Health Information", Severity: "block", Match: "cures anxiety", Start: 10, End: 23}},
		Created:  now, Updated: now}
}

func TestWriteReadRoundTrip(t *testing.T) {
	f := mustFolder(t)
	if err := f.Write(held()); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(f.Path("winter.x"))
	if !strings.HasPrefix(string(data), "# postgate review item") || !strings.Contains(string(data), "decision:") {
		t.Errorf("file does not explain itself:\n%s", data)
	}
	got, err := f.Read("winter.x")
	if err != nil {
		t.Fatal(err)
	}
	if got.Findings[0].Match != "cures anxiety" || got.ContentHash != "abc" || !got.Open() {
		t.Errorf("read back %+v", got)
	}
}

func TestUnsafeIDIsRefused(t *testing.T) {
	f := mustFolder(t)
	it := held()
	it.ID = "../escape"
	if err := f.Write(it); err == nil {
		t.Error("an id with a path in it was written")
	}
}

func TestBrokenFileNamesFileAndLine(t *testing.T) {
	f := mustFolder(t)
	if err := os.WriteFile(f.Path("winter.x"), []byte("id: winter.x\nkind: held\ndecision: [approve\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, errs := f.List()
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "winter.x.yaml") || !strings.Contains(errs[0].Error(), "line") {
		t.Errorf("errors = %v, want one naming the file and line", errs)
	}
}

func TestRecordBindsDecisionToContent(t *testing.T) {
	ctx := context.Background()
	f := mustFolder(t)
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := f.Write(held()); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []review.Decision{
		{Verdict: "maybe", By: "Ian", Reason: "r"},
		{Verdict: "approve", Reason: "r"},
		{Verdict: "approve", By: "Ian"},
	} {
		if _, err := review.Record(ctx, st, f, "winter.x", bad, now); err == nil {
			t.Errorf("decision %+v accepted", bad)
		}
	}
	rec, err := review.Record(ctx, st, f, "winter.x", review.Decision{Verdict: "Approve", By: "Ian Nicholson-Kapasi", Reason: "evidence added"}, now)
	if err != nil {
		t.Fatal(err)
	}
	if rec.ContentHash != "abc" || rec.Verdict != store.Approve {
		t.Errorf("recorded %+v", rec)
	}
	it, _ := f.Read("winter.x")
	if it.Status != review.StatusDecided || !strings.Contains(it.Decision.Recorded, "decision #1") {
		t.Errorf("file after decision = %+v", it)
	}
	if _, err := review.Record(ctx, st, f, "winter.x", review.Decision{Verdict: "reject", By: "Ian", Reason: "r"}, now); err == nil {
		t.Error("a decided item took a second decision")
	}
}

func TestArchiveKeepsARecord(t *testing.T) {
	f := mustFolder(t)
	if err := f.Write(held()); err != nil {
		t.Fatal(err)
	}
	if err := f.Archive("winter.x", now); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(f.Path("winter.x")); !os.IsNotExist(err) {
		t.Error("archived item still in the folder")
	}
	if m, _ := filepath.Glob(filepath.Join(f.Dir, "archive", "winter.x.*.yaml")); len(m) != 1 {
		t.Errorf("archive = %v", m)
	}
	if err := f.Archive("missing", now); err != nil {
		t.Errorf("archiving a missing item: %v", err)
	}
}
