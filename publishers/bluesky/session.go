package bluesky

import (
	"context"
	"encoding/json"
	"net/http"

	"github.com/connections/postgate/publishers"
)

// session is a logged-in session, kept in memory only.
type session struct {
	DID     string
	Handle  string
	access  publishers.Secret // accessJwt: lives minutes
	refresh publishers.Secret // refreshJwt: renews the session
}

// sessionAnswer is the answer of createSession and refreshSession.
type sessionAnswer struct {
	DID        string `json:"did"`
	Handle     string `json:"handle"`
	AccessJwt  string `json:"accessJwt"`
	RefreshJwt string `json:"refreshJwt"`
}

// session returns the current session, logging in first if there is none.
func (p *Publisher) session(ctx context.Context) (session, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.sess.access.IsZero() {
		if err := p.login(ctx); err != nil {
			return session{}, err
		}
	}
	return p.sess, nil
}

// login creates a session with the identifier and app password. The
// caller holds p.mu. createSession is limited to 30 calls per five minutes
// and 300 per day for an account, so it is used only when there is no
// session to renew.
func (p *Publisher) login(ctx context.Context) error {
	c, err := procedure("com.atproto.server.createSession", map[string]string{
		"identifier": p.identifier, "password": p.password.Reveal()})
	if err != nil {
		return p.fail(publishers.KindPermanent, "", err)
	}
	body, err := p.do(ctx, c, publishers.Secret{})
	if err != nil {
		return err
	}
	return p.keep(body)
}

// renew replaces the session whose access token was stale: with
// refreshSession, or by logging in again when the refresh token too is
// expired or revoked. If another call has renewed it already, the new
// session is returned as it is.
func (p *Publisher) renew(ctx context.Context, stale publishers.Secret) (session, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.sess.access != stale && !p.sess.access.IsZero() {
		return p.sess, nil
	}
	if err := p.refreshOrLogin(ctx); err != nil {
		return session{}, err
	}
	return p.sess, nil
}

// refreshOrLogin renews the session with its refresh token, or logs in
// when there is none or the PDS refuses it. The caller holds p.mu.
func (p *Publisher) refreshOrLogin(ctx context.Context) error {
	if p.sess.refresh.IsZero() {
		return p.login(ctx)
	}
	body, err := p.do(ctx, call{method: http.MethodPost, nsid: "com.atproto.server.refreshSession"}, p.sess.refresh)
	if isTokenError(err) {
		p.log.InfoContext(ctx, "bluesky refresh token refused; logging in again")
		return p.login(ctx)
	}
	if err != nil {
		return err
	}
	return p.keep(body)
}

// keep stores the session in a createSession or refreshSession answer.
// The caller holds p.mu.
func (p *Publisher) keep(body []byte) error {
	var a sessionAnswer
	if err := json.Unmarshal(body, &a); err != nil || a.AccessJwt == "" || a.RefreshJwt == "" || a.DID == "" {
		return p.fail(publishers.KindTransient, "the PDS's session answer is unreadable", err)
	}
	p.sess = session{DID: a.DID, Handle: a.Handle,
		access: publishers.NewSecret(a.AccessJwt), refresh: publishers.NewSecret(a.RefreshJwt)}
	return nil
}

// call sends c with the session's access token. When the PDS refuses the
// token as expired or invalid (400 ExpiredToken or InvalidToken, so the
// request certainly was not carried out), it renews the session and sends
// c once more. This is a re-authentication, not a retry of the post.
func (p *Publisher) call(ctx context.Context, c call) ([]byte, error) {
	sess, err := p.session(ctx)
	if err != nil {
		return nil, err
	}
	body, err := p.do(ctx, c, sess.access)
	if !isTokenError(err) {
		return body, err
	}
	if sess, err = p.renew(ctx, sess.access); err != nil {
		return nil, err
	}
	return p.do(ctx, c, sess.access)
}
