package instagram

import (
	"errors"
	"regexp"
	"strconv"
	"time"

	fb "github.com/huandu/facebook/v2"

	"github.com/connections/postgate/publishers"
	"github.com/connections/postgate/publishers/graph"
)

// notReadyWait is how long to wait before publishing a container that is
// still IN_PROGRESS: images are usually ready within seconds.
const notReadyWait = 15 * time.Second

// subcodeKinds is the one table of Instagram's own error subcodes
// (platform-apis.md §3.3 and Meta's Instagram error-code reference). It
// refines graph.Classify, which knows the Graph codes every Meta API shares
// (190 token, 4/17/32/613 throttles, 1/2 hiccups). The same subcodes appear
// in a container's "status" text when its status_code is ERROR.
//
// Every error here is an answer from Meta saying what went wrong, so even
// on media_publish nothing was published: a "try again" subcode is
// KindTransient, not KindUnknown. Retrying is safe anyway, because every
// attempt reads the container's status_code first and never publishes a
// PUBLISHED container twice.
var subcodeKinds = map[int]publishers.Kind{
	2207001: publishers.KindTransient,   // -1: Instagram server error, try again
	2207003: publishers.KindTransient,   // -2: downloading the image took too long
	2207006: publishers.KindTransient,   // 24: container not found; create a new one
	2207008: publishers.KindTransient,   // 24: container gone or temporary publishing error; retry, then recreate
	2207020: publishers.KindTransient,   // -2: container expired; create a new one
	2207027: publishers.KindTransient,   // 9007: container not ready to publish yet
	2207032: publishers.KindTransient,   // -1: creating the container failed, try again
	2207052: publishers.KindTransient,   // 9004: Meta could not fetch image_url; nothing published yet
	2207053: publishers.KindTransient,   // -1: unknown upload error; create a new container
	2207082: publishers.KindTransient,   // processing failed; create a new container
	2207085: publishers.KindTransient,   // processing failed; create a new container
	2207042: publishers.KindRateLimited, // 9: daily publishing limit reached
	2207050: publishers.KindAuth,        // 25: account inactive, checkpointed or restricted
	2207004: publishers.KindRejected,    // 36000: image larger than 8 MiB
	2207005: publishers.KindRejected,    // 1 or 36001: image format not supported
	2207009: publishers.KindRejected,    // 36003: aspect ratio not supported
	2207010: publishers.KindRejected,    // 36004: caption too long
	2207023: publishers.KindRejected,    // media type not supported
	2207026: publishers.KindRejected,    // video format not supported
	2207028: publishers.KindRejected,    // carousel validation failed
	2207040: publishers.KindRejected,    // more than 20 @-tags
	2207051: publishers.KindRejected,    // 4: blocked as suspected spam
	2207057: publishers.KindRejected,    // 1: thumbnail offset out of range
}

// retryAfter is how soon a transient subcode may be retried, when Meta's
// documentation says "wait a moment".
var retryAfter = map[int]time.Duration{
	2207027: notReadyWait,
	2207008: time.Minute, // "try again in the next 30 seconds to 2 minutes"
}

// classify turns the outcome of a Graph call into a *publishers.Error, or
// nil. write is true only for media_publish, the one call that publishes.
func (p *Publisher) classify(res fb.Result, err error, write bool) error {
	e := graph.ClassifyAt(p.now(), platform, res, err, write)
	if e == nil {
		return nil
	}
	var ge *fb.Error
	if errors.As(err, &ge) {
		refine(e, ge.ErrorSubcode, p.now())
	}
	return e
}

// refine applies subcodeKinds to e.
func refine(e *publishers.Error, subcode int, now time.Time) {
	kind, ok := subcodeKinds[subcode]
	if !ok {
		return
	}
	e.Kind = kind
	if d, ok := retryAfter[subcode]; ok {
		e.RetryAt = now.Add(d)
	}
}

// subcodeIn finds a known error subcode in a container's status text, for
// example "Error: Media upload has failed with error code 2207003".
func subcodeIn(status string) int {
	for _, m := range sevenDigits.FindAllString(status, -1) {
		n, _ := strconv.Atoi(m)
		if _, ok := subcodeKinds[n]; ok {
			return n
		}
	}
	return 0
}

var sevenDigits = regexp.MustCompile(`\b[0-9]{7}\b`)

// fail returns a *publishers.Error that did not come from a Graph answer.
func fail(kind publishers.Kind, msg string) *publishers.Error {
	return &publishers.Error{Platform: platform, Kind: kind, Message: msg}
}
