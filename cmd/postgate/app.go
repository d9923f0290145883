package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/connections/postgate"
	"github.com/connections/postgate/calendar"
	"github.com/connections/postgate/config"
	"github.com/connections/postgate/gate"
	"github.com/connections/postgate/publishers"
	"github.com/connections/postgate/review"
	"github.com/connections/postgate/scheduler"
	"github.com/connections/postgate/store"
)

// app is what a command needs, built from the configuration.
type app struct {
	cfg *config.Config
	log *slog.Logger
	now func() time.Time
}

// configPath returns the config file to read: the flag, $POSTGATE_CONFIG,
// or postgate.yaml in the working directory if it exists.
func (o *options) configPath() string {
	if o.configFile != "" {
		return o.configFile
	}
	if p := os.Getenv("POSTGATE_CONFIG"); p != "" {
		return p
	}
	if _, err := os.Stat("postgate.yaml"); err == nil {
		return "postgate.yaml"
	}
	return ""
}

// load reads the configuration; fs carries the override flags, if any.
func (o *options) load(fs *pflag.FlagSet) (*app, error) {
	cfg, err := config.Load(o.configPath(), fs)
	if err != nil {
		return nil, invalid(err)
	}
	level := map[string]slog.Level{"debug": slog.LevelDebug, "info": slog.LevelInfo,
		"warn": slog.LevelWarn, "error": slog.LevelError}[cfg.LogLevel]
	log := slog.New(slog.NewTextHandler(o.stderr, &slog.HandlerOptions{Level: level}))
	return &app{cfg: cfg, log: log, now: time.Now}, nil
}

// gateConfig converts the config file's gate block.
func (a *app) gateConfig() gate.Config {
	g := a.cfg.Gate
	review, _ := g.Policy.ReviewTime()
	return gate.Config{
		StaffNames: g.StaffNames, OfficialContacts: g.OfficialContacts,
		EvidenceDomains: g.EvidenceDomains, CrisisDirections: g.CrisisDirections,
		Policy: gate.Policy{Name: g.Policy.Name, Version: g.Policy.Version, ReviewDate: review},
	}
}

func (a *app) policyName() string {
	return a.cfg.Gate.Policy.Name + " (" + a.cfg.Gate.Policy.Version + ")"
}

// newGate builds the gate and logs its warnings (such as a policy past its
// review date).
func (a *app) newGate(warn io.Writer) (*gate.Gate, error) {
	gc := a.gateConfig()
	g, err := gate.New(gc)
	if err != nil {
		return nil, invalid(fmt.Errorf("config: %w", err))
	}
	for _, w := range gc.Warnings(a.now()) {
		fmt.Fprintln(warn, "warning:", w)
	}
	return g, nil
}

// loadCalendar loads the given files, or the configured ones.
func (a *app) loadCalendar(paths []string) ([]postgate.Post, error) {
	if len(paths) == 0 {
		paths = a.cfg.Calendar
	}
	posts, err := calendar.LoadAll(paths, a.cfg.Location)
	if err != nil {
		return nil, invalid(err)
	}
	return posts, nil
}

// openState opens the store and the review folder.
func (a *app) openState(ctx context.Context) (*store.Store, *review.Folder, error) {
	st, err := store.Open(ctx, a.cfg.State)
	if err != nil {
		return nil, nil, err
	}
	rf, err := review.Open(a.cfg.ReviewDir)
	if err != nil {
		st.Close()
		return nil, nil, err
	}
	return st, rf, nil
}

// openScheduler opens the store and the review folder and wires a
// scheduler over them, the gate (its warnings go to warn) and the
// configured publishers. The caller closes the store.
func (a *app) openScheduler(ctx context.Context, warn io.Writer) (*store.Store, *scheduler.Scheduler, error) {
	st, rf, err := a.openState(ctx)
	if err != nil {
		return nil, nil, err
	}
	g, err := a.newGate(warn)
	if err == nil {
		var s *scheduler.Scheduler
		if s, err = a.newScheduler(st, rf, g); err == nil {
			return st, s, nil
		}
	}
	st.Close()
	return nil, nil, err
}

// newScheduler wires a scheduler with the configured publishers.
func (a *app) newScheduler(st *store.Store, rf *review.Folder, g *gate.Gate) (*scheduler.Scheduler, error) {
	pubs, pre, err := a.publishers()
	if err != nil {
		return nil, err
	}
	return scheduler.New(scheduler.Options{
		Store: st, Gate: g, Review: rf, Publishers: pubs, Preflight: pre,
		Retrier: publishers.Retrier{MaxAttempts: a.cfg.Retry.MaxAttempts, MaxWait: a.cfg.Retry.MaxWait,
			Logger: a.log},
		MissedWindow: a.cfg.MissedWindow, Now: a.now, Logger: a.log, Policy: a.policyName(),
	}), nil
}

// publishers builds each configured platform's publisher: the outbox, or
// the live connector with its settings. Every platform gets its preflight
// check either way, so the outbox shows only what the platform would take.
func (a *app) publishers() (map[postgate.Platform]publishers.Publisher,
	map[postgate.Platform]func(postgate.Content) []publishers.Problem, error) {
	pubs := map[postgate.Platform]publishers.Publisher{}
	pre := map[postgate.Platform]func(postgate.Content) []publishers.Problem{}
	deps := publishers.Deps{Logger: a.log, Now: a.now}
	var errs []error
	for _, pl := range a.cfg.Enabled() {
		pc := a.cfg.Platforms[string(pl)]
		if f, ok := preflights[pl]; ok {
			pre[pl] = f
		}
		if pc.Mode == config.ModeOutbox {
			pubs[pl] = outboxPublisher(a.cfg.OutboxDir, pl, deps)
			continue
		}
		newLive, ok := connectors[pl]
		if !ok {
			errs = append(errs, fmt.Errorf("platforms.%s.mode: live publishing to %s is not available yet", pl, pl))
			continue
		}
		p, err := newLive(publishers.Settings(pc.Settings), deps)
		if err != nil {
			errs = append(errs, fmt.Errorf("platforms.%s: %w", pl, err))
			continue
		}
		pubs[pl] = p
	}
	if err := errors.Join(errs...); err != nil {
		return nil, nil, invalid(fmt.Errorf("config %s: %w", a.cfg.File, err))
	}
	return pubs, pre, nil
}

// platformList formats platforms for people.
func platformList(ps []postgate.Platform) string {
	s := make([]string, len(ps))
	for i, p := range ps {
		s[i] = string(p)
	}
	return strings.Join(s, ", ")
}
