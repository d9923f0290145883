package publishers

import (
	"fmt"
	"log/slog"
	"os"
	"strings"
)

// Secret holds a credential. Every way of printing it (fmt verbs, JSON, slog)
// shows "[redacted]"; only Reveal returns the value, and only connectors call it.
type Secret struct{ value string }

// NewSecret wraps a credential value.
func NewSecret(v string) Secret { return Secret{value: v} }

// Reveal returns the credential for use on the wire.
func (s Secret) Reveal() string { return s.value }

// IsZero reports whether no credential was given.
func (s Secret) IsZero() bool { return s.value == "" }

const redacted = "[redacted]"

func (s Secret) String() string               { return redacted }
func (s Secret) GoString() string             { return redacted }
func (s Secret) Format(f fmt.State, _ rune)   { fmt.Fprint(f, redacted) }
func (s Secret) MarshalJSON() ([]byte, error) { return []byte(`"` + redacted + `"`), nil }
func (s Secret) MarshalText() ([]byte, error) { return []byte(redacted), nil }
func (s Secret) LogValue() slog.Value         { return slog.StringValue(redacted) }

// ReadSecret returns the value of settings[key], or the trimmed contents of
// the file named by settings[key+"_file"]. It is an error to give both. The
// returned error names the key, never the value.
func ReadSecret(settings map[string]string, key string) (Secret, error) {
	v, file := settings[key], settings[key+"_file"]
	switch {
	case v != "" && file != "":
		return Secret{}, fmt.Errorf("%s and %s_file are both set; keep one", key, key)
	case file != "":
		b, err := os.ReadFile(file)
		if err != nil {
			return Secret{}, fmt.Errorf("%s_file: %w", key, err)
		}
		return NewSecret(strings.TrimSpace(string(b))), nil
	default:
		return NewSecret(v), nil
	}
}
