package bluesky

import (
	"context"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/connections/postgate"
	"github.com/connections/postgate/publishers"
)

// platform names Bluesky in errors.
const platform = string(postgate.Bluesky)

// DefaultAPIBase is the PDS used when api_base is not set.
const DefaultAPIBase = "https://bsky.social"

// Setting keys.
const (
	keyAPIBase     = "api_base"
	keyIdentifier  = "identifier"
	keyAppPassword = "app_password"
)

var (
	knownKeys  = []string{keyAPIBase, keyIdentifier}
	secretKeys = []string{keyAppPassword}
)

// identifierForm accepts a handle (a domain name) or a DID.
var identifierForm = regexp.MustCompile(`^(did:[a-z]+:[A-Za-z0-9._:%-]+|([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]([A-Za-z0-9-]*[A-Za-z0-9])?)$`)

// Publisher posts to one Bluesky account through its PDS.
type Publisher struct {
	base       string // the PDS origin, no trailing slash
	identifier string // handle or DID
	password   publishers.Secret
	client     *http.Client
	log        *slog.Logger
	now        func() time.Time

	mu   sync.Mutex // guards sess, and serialises logins
	sess session    // empty until the first login

	tidMu   sync.Mutex // guards lastTID
	clockID uint64     // the TID clock identifier, random per Publisher
	lastTID int64      // the last TID timestamp handed out, in microseconds
}

var (
	_ publishers.Publisher      = (*Publisher)(nil)
	_ publishers.Preparer       = (*Publisher)(nil)
	_ publishers.Preflighter    = (*Publisher)(nil)
	_ publishers.Reconciler     = (*Publisher)(nil)
	_ publishers.AccountChecker = (*Publisher)(nil)
)

// New validates s and returns a Publisher. It does not log in: the first
// call that needs a session does. Errors name the offending key, never its
// value.
func New(s publishers.Settings, d publishers.Deps) (*Publisher, error) {
	if err := s.CheckKeys(knownKeys, secretKeys); err != nil {
		return nil, fmt.Errorf("bluesky: %w", err)
	}
	if err := s.Require(keyIdentifier, keyAppPassword); err != nil {
		return nil, fmt.Errorf("bluesky: %w", err)
	}
	password, err := s.Secret(keyAppPassword)
	if err != nil {
		return nil, fmt.Errorf("bluesky: %w", err)
	}
	if password.IsZero() {
		return nil, fmt.Errorf("bluesky: %s is empty", keyAppPassword)
	}
	id := strings.TrimPrefix(s[keyIdentifier], "@")
	if !identifierForm.MatchString(id) {
		return nil, fmt.Errorf("bluesky: %s must be a handle such as practice.bsky.social or a DID such as did:plc:…", keyIdentifier)
	}
	base, err := apiBase(s[keyAPIBase])
	if err != nil {
		return nil, fmt.Errorf("bluesky: %s: %w", keyAPIBase, err)
	}
	return &Publisher{
		base:       base,
		identifier: id,
		password:   password,
		client:     d.Client(),
		log:        d.Log().With("platform", platform),
		now:        d.Clock(),
		clockID:    rand.Uint64N(1 << 10),
	}, nil
}

// apiBase checks an api_base setting; empty means DefaultAPIBase.
func apiBase(s string) (string, error) {
	if s == "" {
		return DefaultAPIBase, nil
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" {
		return "", fmt.Errorf("want the PDS URL, such as %s", DefaultAPIBase)
	}
	return strings.TrimRight(s, "/"), nil
}

// Prepare returns the record key the post will be created under: a new TID
// from the clock, or req.Handle unchanged when it is set. It does no I/O.
// Stored before the first attempt, the key lets every later attempt and
// Reconcile ask the PDS whether the post exists.
func (p *Publisher) Prepare(_ context.Context, req publishers.Request) (string, error) {
	if req.Handle != "" {
		return req.Handle, nil
	}
	return p.newTID(), nil
}

// Publish makes one attempt to post req.Content under the record key
// req.Handle (or a new one, when it is empty). It first reads that record:
// if it exists, an earlier attempt published it and its receipt is
// returned. Otherwise it uploads the images and creates the record with
// that key. It neither sleeps nor retries, except to renew an expired
// session once.
func (p *Publisher) Publish(ctx context.Context, req publishers.Request) (publishers.Receipt, error) {
	if err := ctx.Err(); err != nil {
		return publishers.Receipt{}, p.fail(publishers.KindTransient, "not sent", err)
	}
	rkey := req.Handle
	if rkey == "" {
		rkey = p.newTID()
	}
	if !validRKey(rkey) {
		return publishers.Receipt{}, p.fail(publishers.KindPermanent, "the stored handle is not a record key", nil)
	}
	text := postText(req.Content)
	if probs := checkText(text, len(req.Content.Media)); len(probs) > 0 {
		return publishers.Receipt{}, p.fail(publishers.KindRejected, probs[0].Message, nil)
	}
	sess, err := p.session(ctx)
	if err != nil {
		return publishers.Receipt{}, err
	}
	if r, found, err := p.getPost(ctx, sess, rkey); err != nil || found {
		return r, err
	}
	images, err := p.uploadAll(ctx, req.Content.Media)
	if err != nil {
		return publishers.Receipt{}, err
	}
	created := p.now().UTC()
	rec := newPost(text, created, images)
	if err := p.createRecord(ctx, sess, rkey, rec); err != nil {
		return publishers.Receipt{}, err
	}
	return receipt(sess.DID, rkey, created), nil
}

// postText is the text Bluesky receives: the post text, and the link on a
// line of its own unless the text already holds it.
func postText(c postgate.Content) string {
	if c.Link == "" || strings.Contains(c.Text, c.Link) {
		return c.Text
	}
	if c.Text == "" {
		return c.Link
	}
	return strings.TrimRight(c.Text, " \t\n") + "\n" + c.Link
}

// receipt is the proof of the post at did/rkey.
func receipt(did, rkey string, created time.Time) publishers.Receipt {
	return publishers.Receipt{
		ID:          "at://" + did + "/" + collection + "/" + rkey,
		URL:         "https://bsky.app/profile/" + did + "/post/" + rkey,
		PublishedAt: created,
	}
}
