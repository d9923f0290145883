package instagram

import (
	"context"
	"errors"

	fb "github.com/huandu/facebook/v2"

	"github.com/connections/postgate/publishers"
)

// Prepare returns the id of a media container holding req's images and
// caption (an image container, or a carousel container for 2 to 10
// images), which the caller stores before calling Publish. Creating a
// container publishes nothing.
//
// With req.Handle set, Prepare checks that container instead of creating
// another: FINISHED or IN_PROGRESS returns it again; EXPIRED, ERROR or a
// container Graph no longer knows gets a new one. PUBLISHED means an earlier
// attempt went through: Prepare then returns a *publishers.Error of
// KindDuplicate whose ExistingID is the media id, when the account's recent
// media show it.
func (p *Publisher) Prepare(ctx context.Context, req publishers.Request) (string, error) {
	if req.Handle != "" {
		st, err := p.readStatus(ctx, req.Handle)
		switch {
		case err == nil && (st.Code == statusFinished || st.Code == statusInProgress):
			return req.Handle, nil
		case err == nil && st.Code == statusPublished:
			return "", p.alreadyPublished(ctx, req)
		case err == nil || isGone(err):
			p.log.InfoContext(ctx, "replacing container", "container", req.Handle, "status", st.Code)
		default:
			return "", err
		}
	}
	return p.createContainer(ctx, req.Content)
}

// Publish publishes req's container, one attempt. Without req.Handle it
// prepares a container first. It reads the container's status_code, then:
// FINISHED → media_publish; IN_PROGRESS → KindTransient with a short
// RetryAt; PUBLISHED → the receipt of the earlier publication; ERROR →
// KindRejected (or KindTransient when the status names a retryable
// subcode); EXPIRED → KindTransient, and the next Prepare creates a new
// container. Only a failure of media_publish itself can be KindUnknown.
func (p *Publisher) Publish(ctx context.Context, req publishers.Request) (publishers.Receipt, error) {
	handle := req.Handle
	if handle == "" {
		h, err := p.Prepare(ctx, req)
		if err != nil {
			return publishers.Receipt{}, err
		}
		handle = h
	}
	st, err := p.readStatus(ctx, handle)
	if err != nil {
		return publishers.Receipt{}, err
	}
	switch st.Code {
	case statusFinished:
		if err := p.checkQuota(ctx); err != nil {
			return publishers.Receipt{}, err
		}
		return p.publishContainer(ctx, handle)
	case statusPublished:
		return p.publishedReceipt(ctx, req)
	}
	return publishers.Receipt{}, notFinished(handle, st, p.now())
}

// publishContainer is the one non-idempotent call: media_publish.
func (p *Publisher) publishContainer(ctx context.Context, id string) (publishers.Receipt, error) {
	p.log.DebugContext(ctx, "publish container", "container", id)
	res, err := p.session.WithContext(ctx).Post("/"+p.userID+"/media_publish", fb.Params{"creation_id": id})
	if err != nil {
		return publishers.Receipt{}, p.publishError(ctx, res, err)
	}
	mediaID := idOf(res)
	if mediaID == "" {
		e := fail(publishers.KindUnknown, "media_publish answered without a media id (container "+id+")")
		return publishers.Receipt{}, e
	}
	return publishers.Receipt{ID: mediaID, URL: p.permalink(ctx, mediaID), PublishedAt: p.now()}, nil
}

// publishError classifies a failed media_publish. When the publishing
// limit is reached, RetryAt is when a slot frees up.
func (p *Publisher) publishError(ctx context.Context, res fb.Result, err error) error {
	cerr := p.classify(res, err, true)
	var e *publishers.Error
	if errors.As(cerr, &e) && e.Kind == publishers.KindRateLimited && e.RetryAt.IsZero() {
		if q, qerr := p.readQuota(ctx); qerr == nil {
			e.RetryAt = p.quotaResetAt(ctx, q)
		}
	}
	return cerr
}

// idOf returns the "id" of a Graph answer, which Graph sends as a string.
func idOf(res fb.Result) string {
	var id string
	if err := res.DecodeField("id", &id); err != nil {
		return ""
	}
	return id
}

// permalink reads a media's public link. It is best effort: the post is
// already live, so a failure only leaves the receipt without a URL.
func (p *Publisher) permalink(ctx context.Context, mediaID string) string {
	p.log.DebugContext(ctx, "read permalink", "media", mediaID)
	res, err := p.session.WithContext(ctx).Get("/"+mediaID, fb.Params{"fields": "permalink"})
	if err != nil {
		p.log.WarnContext(ctx, "permalink not read", "media", mediaID, "error", p.classify(res, err, false))
		return ""
	}
	link, _ := res.Get("permalink").(string)
	return link
}

// isGone reports whether err is Graph saying the object does not exist
// (code 100, subcode 33).
func isGone(err error) bool {
	var e *publishers.Error
	return errors.As(err, &e) && e.Code == "100/33"
}
