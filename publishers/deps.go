package publishers

import (
	"log/slog"
	"net/http"
	"time"
)

// Deps are what every connector is built with besides its settings.
type Deps struct {
	// HTTPClient sends every request. Nil means DefaultHTTPClient.
	HTTPClient *http.Client
	// Logger receives one line per request at debug level; never a secret.
	Logger *slog.Logger
	// Now is the clock. Nil means time.Now.
	Now func() time.Time
}

// DefaultHTTPClient is used when Deps.HTTPClient is nil: a bounded timeout,
// so that a hung platform turns into an outcome-unknown error, not a hang.
var DefaultHTTPClient = &http.Client{Timeout: 60 * time.Second}

// Client returns d.HTTPClient or DefaultHTTPClient.
func (d Deps) Client() *http.Client {
	if d.HTTPClient != nil {
		return d.HTTPClient
	}
	return DefaultHTTPClient
}

// Log returns d.Logger or a logger that discards everything.
func (d Deps) Log() *slog.Logger {
	if d.Logger != nil {
		return d.Logger
	}
	return slog.New(slog.DiscardHandler)
}

// Clock returns d.Now or time.Now.
func (d Deps) Clock() func() time.Time {
	if d.Now != nil {
		return d.Now
	}
	return time.Now
}
