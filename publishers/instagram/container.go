package instagram

import (
	"context"
	"fmt"
	"strings"
	"time"

	fb "github.com/huandu/facebook/v2"

	"github.com/connections/postgate"
	"github.com/connections/postgate/publishers"
)

// Container status codes (GET /{container-id}?fields=status_code).
const (
	statusInProgress = "IN_PROGRESS"
	statusFinished   = "FINISHED"
	statusPublished  = "PUBLISHED"
	statusError      = "ERROR"
	statusExpired    = "EXPIRED"
)

// containerStatus is a container's state as Graph reports it.
type containerStatus struct {
	Code   string `json:"status_code"`
	Status string `json:"status"` // names the error subcode when Code is ERROR
}

// createContainer checks c's images, locally and as served at
// media_base_url, then makes the container to publish: an image container
// for one image, or a carousel container over one item container per image.
func (p *Publisher) createContainer(ctx context.Context, c postgate.Content) (string, error) {
	if problems := mediaProblems(c); len(problems) > 0 {
		return "", fail(publishers.KindRejected, problems[0].Field+": "+problems[0].Message)
	}
	for _, m := range c.Media {
		if err := p.checkServed(ctx, m); err != nil {
			return "", err
		}
	}
	if len(c.Media) == 1 {
		params := p.imageParams(c.Media[0])
		params["caption"] = caption(c)
		return p.postContainer(ctx, params)
	}
	children := make([]string, len(c.Media))
	for i, m := range c.Media {
		params := p.imageParams(m)
		params["is_carousel_item"] = true
		id, err := p.postContainer(ctx, params)
		if err != nil {
			return "", err
		}
		children[i] = id
	}
	for _, id := range children {
		if err := p.checkFinished(ctx, id); err != nil {
			return "", err
		}
	}
	return p.postContainer(ctx, fb.Params{
		"media_type": "CAROUSEL", "children": strings.Join(children, ","), "caption": caption(c)})
}

// imageParams are the container fields of one image.
func (p *Publisher) imageParams(m postgate.Media) fb.Params {
	params := fb.Params{"image_url": p.imageURL(m.Path)}
	if m.Alt != "" {
		params["alt_text"] = m.Alt
	}
	return params
}

// postContainer creates one container and returns its id.
func (p *Publisher) postContainer(ctx context.Context, params fb.Params) (string, error) {
	p.log.DebugContext(ctx, "create container", "image_url", params["image_url"], "media_type", params["media_type"])
	res, err := p.session.WithContext(ctx).Post("/"+p.userID+"/media", params)
	if err != nil {
		return "", p.classify(res, err, false)
	}
	id := idOf(res)
	if id == "" {
		return "", fail(publishers.KindTransient, "Graph created a container but sent no id")
	}
	return id, nil
}

// checkFinished returns nil when a carousel item is ready to be used.
func (p *Publisher) checkFinished(ctx context.Context, id string) error {
	st, err := p.readStatus(ctx, id)
	if err != nil || st.Code == statusFinished {
		return err
	}
	return notFinished(id, st, p.now())
}

// readStatus reads a container's status_code and status.
func (p *Publisher) readStatus(ctx context.Context, id string) (containerStatus, error) {
	p.log.DebugContext(ctx, "read container status", "container", id)
	res, err := p.session.WithContext(ctx).Get("/"+id, fb.Params{"fields": "status_code,status"})
	if err != nil {
		return containerStatus{}, p.classify(res, err, false)
	}
	var st containerStatus
	if err := res.Decode(&st); err != nil || st.Code == "" {
		return containerStatus{}, fail(publishers.KindTransient, "Graph sent no status_code for container "+id)
	}
	return st, nil
}

// notFinished is the error for a container that cannot be published:
// IN_PROGRESS is KindTransient with a short RetryAt; EXPIRED is
// KindTransient (the next Prepare replaces it); ERROR is KindRejected, or
// the kind of the subcode its status names.
func notFinished(id string, st containerStatus, now time.Time) error {
	switch st.Code {
	case statusInProgress:
		e := fail(publishers.KindTransient, "the image is still being processed (container "+id+")")
		e.RetryAt = now.Add(notReadyWait)
		return e
	case statusExpired:
		return fail(publishers.KindTransient, "container "+id+" expired before publishing; prepare a new one")
	case statusError:
		e := fail(publishers.KindRejected, "Instagram could not process the image: "+st.Status)
		if sub := subcodeIn(st.Status); sub != 0 {
			e.Code = fmt.Sprint(sub)
			refine(e, sub, now)
		}
		if e.Kind == publishers.KindTransient {
			e.Message += " (container " + id + "; prepare a new one)"
		}
		return e
	}
	return fail(publishers.KindTransient, fmt.Sprintf("container %s has unexpected status %q", id, st.Code))
}
