package review

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/connections/postgate/store"
)

// Record records a person's decision on item id: it validates it, appends
// it to the store's decision log, bound to the item's content hash (and,
// for a missed, failed or unknown item, to its delivery), and rewrites the
// item's file to show the recorded entry. Only open items take decisions.
func Record(ctx context.Context, st *store.Store, f *Folder, id string, d Decision, now time.Time) (store.Decision, error) {
	it, err := f.Read(id)
	if err != nil {
		return store.Decision{}, fmt.Errorf("review item %s: %w", id, err)
	}
	if !it.Open() {
		return store.Decision{}, fmt.Errorf("review item %s is %s: there is nothing to decide", id, it.Status)
	}
	if err := d.Validate(); err != nil {
		return store.Decision{}, fmt.Errorf("%s: %w", f.Path(id), err)
	}
	sd := store.Decision{
		Item: id, PostID: it.Post.ID, Platform: it.Post.Platform, ContentHash: it.ContentHash,
		Verdict: strings.ToLower(strings.TrimSpace(d.Verdict)), By: strings.TrimSpace(d.By),
		Reason: strings.TrimSpace(d.Reason), At: now,
	}
	if it.Kind != KindHeld {
		sd.DeliveryKey = it.Delivery
	}
	rec, err := st.AddDecision(ctx, sd)
	if err != nil {
		return store.Decision{}, err
	}
	it.Decision = Decision{Verdict: sd.Verdict, By: sd.By, Reason: sd.Reason,
		Recorded: fmt.Sprintf("decision #%d at %s, log hash %s", rec.Seq, rec.At.Format(time.RFC3339), rec.Hash[:16])}
	it.Status, it.Updated = StatusDecided, now.UTC()
	if err := f.Write(it); err != nil {
		return rec, fmt.Errorf("decision recorded, but the review file was not updated: %w", err)
	}
	return rec, nil
}
