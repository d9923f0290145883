package instagram

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"

	"github.com/connections/postgate"
	"github.com/connections/postgate/publishers"
	"github.com/connections/postgate/publishers/media"
)

// checkServed fetches the image the way Meta will, from media_base_url,
// before any container exists. Instagram never receives bytes from
// postgate, so this is where postgate makes sure that what goes out is the
// approved image without metadata: the served file must be a JPEG that
// carries no EXIF, GPS, XMP or comments (media.Strip leaves it unchanged)
// and has the calendar image's dimensions.
func (p *Publisher) checkServed(ctx context.Context, m postgate.Media) error {
	local, err := media.Load(m.File)
	if err != nil {
		return fail(publishers.KindRejected, fmt.Sprintf("%s cannot be used: %v", m.Path, err))
	}
	u := p.imageURL(m.Path)
	p.log.DebugContext(ctx, "check served image", "url", u)
	data, err := p.fetch(ctx, u)
	if err != nil {
		return err
	}
	served, err := media.Strip(data)
	switch {
	case err != nil:
		return fail(publishers.KindRejected, fmt.Sprintf("%s does not serve a usable image: %v", u, err))
	case served.MIME != media.JPEG:
		return fail(publishers.KindRejected, fmt.Sprintf("%s serves %s; Instagram needs JPEG", u, served.MIME))
	case !bytes.Equal(served.Data, data):
		return fail(publishers.KindRejected, fmt.Sprintf(
			"%s still carries metadata (EXIF, GPS, XMP or comments); publish the metadata-stripped copy", u))
	case served.Width != local.Width || served.Height != local.Height:
		return fail(publishers.KindRejected, fmt.Sprintf("%s is %d×%d but %s is %d×%d; publish the calendar's image",
			u, served.Width, served.Height, m.Path, local.Width, local.Height))
	}
	return nil
}

// fetch GETs a public image of at most maxBytes.
func (p *Publisher) fetch(ctx context.Context, u string) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, fail(publishers.KindPermanent, "bad image URL "+u)
	}
	resp, err := p.client.Do(req)
	if err != nil {
		e := fail(publishers.KindTransient, "image not fetched from "+u)
		e.Err = err
		return nil, e
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode >= 500:
		return nil, &publishers.Error{Platform: platform, Kind: publishers.KindTransient, Status: resp.StatusCode,
			Message: "the server at media_base_url failed for " + u}
	case resp.StatusCode != http.StatusOK:
		return nil, &publishers.Error{Platform: platform, Kind: publishers.KindPermanent, Status: resp.StatusCode,
			Message: fmt.Sprintf("%s is not served (HTTP %d); publish the image there", u, resp.StatusCode)}
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxBytes+1))
	switch {
	case err != nil:
		e := fail(publishers.KindTransient, "image not read from "+u)
		e.Err = err
		return nil, e
	case len(data) > maxBytes:
		return nil, fail(publishers.KindRejected, u+" is larger than 8 MB")
	}
	return data, nil
}
