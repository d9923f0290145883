// Package config loads postgate's configuration: a YAML file, overridden by
// POSTGATE_* environment variables, overridden by command-line flags. An
// unknown key is an error naming the key, and Validate names the field of
// every invalid value.
//
// Relative paths in the file (calendar, state, review_dir, outbox_dir) are
// resolved against the folder of the config file, so a config works from
// any working directory. Without a config file they are relative to the
// working directory.
//
// Platform settings are free-form here ("platforms.x.consumer_key"); each
// connector validates its own keys. Environment variables reach them as
// POSTGATE_PLATFORMS_<PLATFORM>_<KEY>, e.g. POSTGATE_PLATFORMS_X_ACCESS_TOKEN.
package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/spf13/pflag"
	"github.com/spf13/viper"

	"github.com/connections/postgate"
)

// Modes a platform can run in.
const (
	ModeOutbox = "outbox" // write each delivery as a JSON file under outbox_dir
	ModeLive   = "live"   // publish with the platform's connector
)

// Config is the whole configuration.
type Config struct {
	Timezone     string              `mapstructure:"timezone"`
	Calendar     []string            `mapstructure:"calendar"`
	State        string              `mapstructure:"state"`
	ReviewDir    string              `mapstructure:"review_dir"`
	OutboxDir    string              `mapstructure:"outbox_dir"`
	MissedWindow time.Duration       `mapstructure:"missed_window"`
	Gate         Gate                `mapstructure:"gate"`
	Platforms    map[string]Platform `mapstructure:"platforms"`
	Retry        Retry               `mapstructure:"retry"`
	LogLevel     string              `mapstructure:"log_level"`

	// File is the config file that was read ("" when none).
	File string `mapstructure:"-"`
	// Location is Timezone, loaded by Validate.
	Location *time.Location `mapstructure:"-"`
}

// Gate is the practice knowledge the compliance gate uses.
type Gate struct {
	StaffNames       []string `mapstructure:"staff_names"`
	OfficialContacts []string `mapstructure:"official_contacts"`
	EvidenceDomains  []string `mapstructure:"evidence_domains"`
	CrisisDirections []string `mapstructure:"crisis_directions"`
	Policy           Policy   `mapstructure:"policy"`
}

// Policy names the policy the gate enforces.
type Policy struct {
	Name       string `mapstructure:"name"`
	Version    string `mapstructure:"version"`
	ReviewDate string `mapstructure:"review_date"` // YYYY-MM-DD or YYYY-MM
}

// Platform is one platform's mode and its connector settings.
type Platform struct {
	Mode     string            `mapstructure:"mode"`
	Settings map[string]string `mapstructure:",remain"`
}

// Retry bounds the retries of transient failures and rate limits within
// one delivery attempt; longer waits reschedule the delivery.
type Retry struct {
	MaxAttempts int           `mapstructure:"max_attempts"`
	MaxWait     time.Duration `mapstructure:"max_wait"`
}

// defaults are the embedded defaults: everything works with no config file
// and no credentials, publishing to the outbox.
var defaults = map[string]any{
	"timezone":                 "Europe/London",
	"calendar":                 []string{"calendar.yaml"},
	"state":                    "state/postgate.db",
	"review_dir":               "review",
	"outbox_dir":               "outbox",
	"missed_window":            "2h",
	"log_level":                "info",
	"retry.max_attempts":       5,
	"retry.max_wait":           "2m",
	"gate.staff_names":         []string{},
	"gate.official_contacts":   []string{},
	"gate.evidence_domains":    []string{"nhs.uk", "nice.org.uk", "who.int"},
	"gate.crisis_directions":   []string{"999", "116 123", "emergency services"},
	"gate.policy.name":         "Social Media Policy",
	"gate.policy.version":      "October 2024",
	"gate.policy.review_date":  "2025-10",
	"platforms.x.mode":         ModeOutbox,
	"platforms.facebook.mode":  ModeOutbox,
	"platforms.instagram.mode": ModeOutbox,
	"platforms.linkedin.mode":  ModeOutbox,
}

// Flags are the command-line flags that override config keys. Register them
// on a command with AddFlags.
var flagKeys = map[string]string{
	"timezone":      "timezone",
	"calendar":      "calendar",
	"state":         "state",
	"review-dir":    "review_dir",
	"outbox-dir":    "outbox_dir",
	"missed-window": "missed_window",
	"log-level":     "log_level",
}

// AddFlags registers the override flags on fs.
func AddFlags(fs *pflag.FlagSet) {
	fs.String("timezone", "", "default IANA time zone for calendars (config: timezone)")
	fs.StringSlice("calendar", nil, "calendar file(s), YAML or CSV (config: calendar)")
	fs.String("state", "", "path of the state database (config: state)")
	fs.String("review-dir", "", "review folder (config: review_dir)")
	fs.String("outbox-dir", "", "outbox folder (config: outbox_dir)")
	fs.Duration("missed-window", 0, "how late a missed post may still go out (config: missed_window)")
	fs.String("log-level", "", "debug, info, warn or error (config: log_level)")
}

// Load reads the config file at path ("" for none), applies the
// environment and the flags in fs that were set, and validates the result.
func Load(path string, fs *pflag.FlagSet) (*Config, error) {
	v := viper.New()
	for k, val := range defaults {
		v.SetDefault(k, val)
	}
	v.SetEnvPrefix("POSTGATE")
	v.SetEnvKeyReplacer(strings.NewReplacer(".", "_"))
	v.AutomaticEnv()
	if path != "" {
		v.SetConfigFile(path)
		v.SetConfigType("yaml")
		if err := v.ReadInConfig(); err != nil {
			return nil, fmt.Errorf("config %s: %w", path, err)
		}
	}
	if fs != nil {
		for name, key := range flagKeys {
			if f := fs.Lookup(name); f != nil && f.Changed {
				if err := v.BindPFlag(key, f); err != nil {
					return nil, err
				}
			}
		}
	}
	var c Config
	if err := v.UnmarshalExact(&c); err != nil {
		return nil, fmt.Errorf("config %s: %w", orDefaults(path), cleanDecodeError(err))
	}
	c.File = path
	if err := c.applyPlatformEnv(os.Environ()); err != nil {
		return nil, fmt.Errorf("config %s: %w", orDefaults(path), err)
	}
	if err := c.Validate(); err != nil {
		return nil, fmt.Errorf("config %s: %w", orDefaults(path), err)
	}
	c.resolvePaths()
	return &c, nil
}

func orDefaults(path string) string {
	if path == "" {
		return "(embedded defaults)"
	}
	return path
}

var invalidKeys = regexp.MustCompile(`'([^']*)' has invalid keys: ([^\n]+)`)

// cleanDecodeError turns mapstructure's "'gate' has invalid keys: foo" into
// "unknown key gate.foo".
func cleanDecodeError(err error) error {
	m := invalidKeys.FindStringSubmatch(err.Error())
	if m == nil {
		return err
	}
	var keys []string
	for k := range strings.SplitSeq(m[2], ",") {
		k = strings.TrimSpace(k)
		// mapstructure names the root by its Go type; nested keys by their path.
		if parent := strings.TrimPrefix(strings.TrimPrefix(m[1], "config.Config"), "."); parent != "" {
			k = parent + "." + k
		}
		keys = append(keys, k)
	}
	return fmt.Errorf("unknown key %s", strings.Join(keys, ", "))
}

// applyPlatformEnv sets platform settings from POSTGATE_PLATFORMS_<P>_<KEY>.
func (c *Config) applyPlatformEnv(environ []string) error {
	const prefix = "POSTGATE_PLATFORMS_"
	for _, kv := range environ {
		name, value, _ := strings.Cut(kv, "=")
		rest, ok := strings.CutPrefix(name, prefix)
		if !ok {
			continue
		}
		platform, key, ok := strings.Cut(strings.ToLower(rest), "_")
		if !ok || key == "" {
			return fmt.Errorf("environment %s: want %s<PLATFORM>_<KEY>", name, prefix)
		}
		p := c.Platforms[platform]
		if key == "mode" {
			p.Mode = value
		} else {
			if p.Settings == nil {
				p.Settings = map[string]string{}
			}
			p.Settings[key] = value
		}
		if c.Platforms == nil {
			c.Platforms = map[string]Platform{}
		}
		c.Platforms[platform] = p
	}
	return nil
}

// Validate checks every field and returns all problems, each naming its key.
func (c *Config) Validate() error {
	var errs []error
	bad := func(key, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s: %s", key, fmt.Sprintf(format, args...)))
	}
	loc, err := time.LoadLocation(c.Timezone)
	if err != nil || c.Timezone == "" {
		bad("timezone", "%q is not an IANA time zone name (e.g. Europe/London)", c.Timezone)
	}
	c.Location = loc
	if len(c.Calendar) == 0 {
		bad("calendar", "name at least one calendar file")
	}
	for key, val := range map[string]string{"state": c.State, "review_dir": c.ReviewDir, "outbox_dir": c.OutboxDir} {
		if strings.TrimSpace(val) == "" {
			bad(key, "must not be empty")
		}
	}
	if c.MissedWindow <= 0 {
		bad("missed_window", "must be a positive duration such as 2h")
	}
	if c.Retry.MaxAttempts < 1 {
		bad("retry.max_attempts", "must be at least 1")
	}
	if _, err := c.Gate.Policy.ReviewTime(); err != nil {
		bad("gate.policy.review_date", "%v", err)
	}
	if !slices.Contains([]string{"debug", "info", "warn", "error"}, c.LogLevel) {
		bad("log_level", "%q: want debug, info, warn or error", c.LogLevel)
	}
	for name, p := range c.Platforms {
		if _, err := postgate.ParsePlatform(name); err != nil {
			bad("platforms."+name, "%v", err)
		}
		if p.Mode != ModeOutbox && p.Mode != ModeLive {
			bad("platforms."+name+".mode", "%q: want %s or %s", p.Mode, ModeOutbox, ModeLive)
		}
	}
	return errors.Join(errs...)
}

// ReviewTime parses ReviewDate ("" is the zero time).
func (p Policy) ReviewTime() (time.Time, error) {
	if p.ReviewDate == "" {
		return time.Time{}, nil
	}
	for _, layout := range []string{"2006-01-02", "2006-01"} {
		if t, err := time.Parse(layout, p.ReviewDate); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%q: want a date such as 2025-10-01 or 2025-10", p.ReviewDate)
}

// resolvePaths makes relative paths relative to the config file's folder.
func (c *Config) resolvePaths() {
	if c.File == "" {
		return
	}
	dir := filepath.Dir(c.File)
	abs := func(p string) string {
		if filepath.IsAbs(p) {
			return p
		}
		return filepath.Join(dir, p)
	}
	for i, p := range c.Calendar {
		c.Calendar[i] = abs(p)
	}
	c.State, c.ReviewDir, c.OutboxDir = abs(c.State), abs(c.ReviewDir), abs(c.OutboxDir)
}

// Enabled returns the configured platforms in the stable order of
// postgate.Platforms.
func (c *Config) Enabled() []postgate.Platform {
	var out []postgate.Platform
	for _, p := range postgate.Platforms {
		if _, ok := c.Platforms[string(p)]; ok {
			out = append(out, p)
		}
	}
	return out
}
