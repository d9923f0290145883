package config_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/spf13/pflag"

	"github.com/connections/postgate/config"
)

func write(t *testing.T, body string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "postgate.yaml")
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestEmbeddedDefaults(t *testing.T) {
	c, err := config.Load("", nil)
	if err != nil {
		t.Fatal(err)
	}
	if c.Timezone != "Europe/London" || c.MissedWindow != 2*time.Hour || c.Platforms["x"].Mode != config.ModeOutbox {
		t.Errorf("defaults = %+v", c)
	}
	if len(c.Enabled()) != 4 {
		t.Errorf("Enabled = %v, want the four policy platforms", c.Enabled())
	}
}

func TestFileEnvAndFlags(t *testing.T) {
	path := write(t, `
timezone: America/New_York
calendar: [a.yaml, b.csv]
missed_window: 30m
gate:
  staff_names: [Priya Shah]
platforms:
  x: {mode: live, api_base: "http://127.0.0.1:1", consumer_key_file: /run/secrets/x}
`)
	t.Setenv("POSTGATE_STATE", "/var/lib/postgate/db")
	t.Setenv("POSTGATE_PLATFORMS_X_ACCESS_TOKEN", "tok")
	t.Setenv("POSTGATE_PLATFORMS_LINKEDIN_MODE", "live")
	fs := pflag.NewFlagSet("t", pflag.ContinueOnError)
	config.AddFlags(fs)
	if err := fs.Parse([]string{"--missed-window", "45m"}); err != nil {
		t.Fatal(err)
	}
	c, err := config.Load(path, fs)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Dir(path)
	if c.Calendar[0] != filepath.Join(dir, "a.yaml") || len(c.Calendar) != 2 {
		t.Errorf("calendar = %v", c.Calendar)
	}
	if c.State != "/var/lib/postgate/db" {
		t.Errorf("state = %q, want the environment's", c.State)
	}
	if c.MissedWindow != 45*time.Minute {
		t.Errorf("missed_window = %v, want the flag's 45m", c.MissedWindow)
	}
	x := c.Platforms["x"]
	if x.Mode != "live" || x.Settings["api_base"] != "http://127.0.0.1:1" || x.Settings["access_token"] != "tok" ||
		x.Settings["consumer_key_file"] != "/run/secrets/x" {
		t.Errorf("platforms.x = %+v", x)
	}
	if c.Platforms["linkedin"].Mode != "live" {
		t.Errorf("linkedin mode from env = %q", c.Platforms["linkedin"].Mode)
	}
	if c.Gate.StaffNames[0] != "Priya Shah" || c.Location.String() != "America/New_York" {
		t.Errorf("gate/location = %+v %v", c.Gate, c.Location)
	}
}

func TestErrorsNameTheKey(t *testing.T) {
	tests := []struct{ body, want string }{
		{"timezon: Europe/London\n", "unknown key timezon"},
		{"gate:\n  staf_names: [a]\n", "unknown key gate.staf_names"},
		{"timezone: Mars/Olympus\n", "timezone:"},
		{"missed_window: -1h\n", "missed_window:"},
		{"platforms:\n  myspace: {mode: outbox}\n", "platforms.myspace"},
		{"platforms:\n  x: {mode: maybe}\n", "platforms.x.mode"},
		{"gate:\n  policy: {review_date: soon}\n", "gate.policy.review_date"},
	}
	for _, tt := range tests {
		_, err := config.Load(write(t, tt.body), nil)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("config %q: err = %v, want it to mention %q", tt.body, err, tt.want)
		}
	}
}
