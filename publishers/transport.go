package publishers

import (
	"errors"
	"net"
	"net/url"
	"syscall"
)

// WithoutURL unwraps the *url.Error that net/http adds to a transport
// failure: its text holds the full URL, and a URL may carry a secret.
func WithoutURL(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// NeverSent reports whether a transport failure shows that no byte of the
// request can have reached the server: a failed DNS lookup, or a refused
// or failed dial.
func NeverSent(err error) bool {
	var dns *net.DNSError
	var op *net.OpError
	return errors.As(err, &dns) || errors.Is(err, syscall.ECONNREFUSED) || (errors.As(err, &op) && op.Op == "dial")
}

// TransportKind classifies a request that got no complete answer. A write
// that may have reached the platform has an unknown outcome; anything else
// (a read, an upload before the write, a request never sent) is transient.
func TransportKind(write bool, err error) Kind {
	if write && !NeverSent(err) {
		return KindUnknown
	}
	return KindTransient
}
