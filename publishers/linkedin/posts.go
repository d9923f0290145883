package linkedin

import (
	"context"
	"net/http"

	"github.com/connections/postgate/publishers"
)

// post is the body of POST /rest/posts.
type post struct {
	Author                    string       `json:"author"`
	Commentary                string       `json:"commentary"`
	Visibility                string       `json:"visibility"`
	Distribution              distribution `json:"distribution"`
	Content                   *content     `json:"content,omitempty"`
	LifecycleState            string       `json:"lifecycleState"`
	IsReshareDisabledByAuthor bool         `json:"isReshareDisabledByAuthor"`
}

type distribution struct {
	FeedDistribution               string   `json:"feedDistribution"`
	TargetEntities                 []string `json:"targetEntities"`
	ThirdPartyDistributionChannels []string `json:"thirdPartyDistributionChannels"`
}

// content holds either one image (media) or several (multiImage).
type content struct {
	Media      *image      `json:"media,omitempty"`
	MultiImage *multiImage `json:"multiImage,omitempty"`
}

type multiImage struct {
	Images []image `json:"images"`
}

// image is an uploaded image as a post references it.
type image struct {
	ID      string `json:"id"`
	AltText string `json:"altText,omitempty"`
}

// newPost returns a public main-feed post by author with the given
// commentary (already escaped) and images.
func newPost(author, commentary string, images []image) post {
	p := post{
		Author:     author,
		Commentary: commentary,
		Visibility: "PUBLIC",
		Distribution: distribution{
			FeedDistribution:               "MAIN_FEED",
			TargetEntities:                 []string{},
			ThirdPartyDistributionChannels: []string{},
		},
		LifecycleState: "PUBLISHED",
	}
	switch len(images) {
	case 0:
	case 1:
		p.Content = &content{Media: &images[0]}
	default:
		p.Content = &content{MultiImage: &multiImage{Images: images}}
	}
	return p
}

// createPost sends the final, non-idempotent write and returns the new
// post's URN from the x-restli-id header.
func (p *Publisher) createPost(ctx context.Context, body post) (string, error) {
	c, err := p.jsonCall(http.MethodPost, "/rest/posts", body)
	if err != nil {
		return "", p.fail(publishers.KindPermanent, "", err)
	}
	c.write = true
	a, err := p.do(ctx, c)
	if err != nil {
		return "", err
	}
	id := a.header.Get("X-Restli-Id")
	if id == "" {
		// LinkedIn accepted something but did not say what: the post is
		// probably live, so let reconciliation find it.
		return "", &publishers.Error{Platform: platform, Kind: publishers.KindUnknown, Status: a.status,
			Message: "LinkedIn accepted the post without returning its id"}
	}
	return id, nil
}
