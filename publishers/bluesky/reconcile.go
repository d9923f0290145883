package bluesky

import (
	"context"
	"time"

	"github.com/connections/postgate/publishers"
)

// Reconcile reads the record under the key Prepare gave (req.Handle) with
// getRecord. The answer is authoritative, so since is not needed. Without
// a handle there is nothing to look up, which is an error.
func (p *Publisher) Reconcile(ctx context.Context, req publishers.Request, _ time.Time) (publishers.Receipt, bool, error) {
	if !validRKey(req.Handle) {
		return publishers.Receipt{}, false, p.fail(publishers.KindPermanent,
			"no record key was stored for this delivery; check the account", nil)
	}
	sess, err := p.session(ctx)
	if err != nil {
		return publishers.Receipt{}, false, err
	}
	return p.getPost(ctx, sess, req.Handle)
}
