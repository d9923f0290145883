package publishers

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// Settings are one platform's configuration keys and values, as read from
// the config file and POSTGATE_PLATFORMS_<NAME>_<KEY> environment variables.
// Keys are lower case. The "mode" key is consumed before a connector sees them.
type Settings map[string]string

// CheckKeys returns an error naming the first key (in sorted order) that is
// neither in known nor, for a key in secrets, its "_file" variant. Secret
// keys are accepted bare too.
func (s Settings) CheckKeys(known, secrets []string) error {
	keys := make([]string, 0, len(s))
	for k := range s {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if slices.Contains(known, k) || slices.Contains(secrets, k) {
			continue
		}
		if base, ok := strings.CutSuffix(k, "_file"); ok && slices.Contains(secrets, base) {
			continue
		}
		return fmt.Errorf("unknown key %q", k)
	}
	return nil
}

// Secret reads a secret key through ReadSecret.
func (s Settings) Secret(key string) (Secret, error) { return ReadSecret(s, key) }

// Require returns an error naming every key in keys whose value is empty.
// A secret counts as set when either the key or key_file is.
func (s Settings) Require(keys ...string) error {
	var missing []string
	for _, k := range keys {
		if s[k] == "" && s[k+"_file"] == "" {
			missing = append(missing, k)
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("missing required key(s): %s", strings.Join(missing, ", "))
	}
	return nil
}
