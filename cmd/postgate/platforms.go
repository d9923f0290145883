package main

import (
	"github.com/connections/postgate"
	"github.com/connections/postgate/publishers"
	"github.com/connections/postgate/publishers/bluesky"
	"github.com/connections/postgate/publishers/facebook"
	"github.com/connections/postgate/publishers/instagram"
	"github.com/connections/postgate/publishers/linkedin"
	"github.com/connections/postgate/publishers/mastodon"
	"github.com/connections/postgate/publishers/outbox"
	"github.com/connections/postgate/publishers/x"
)

// connector builds a platform's live publisher from its settings.
type connector func(publishers.Settings, publishers.Deps) (publishers.Publisher, error)

// live adapts a connector package's New to connector.
func live[P publishers.Publisher](newP func(publishers.Settings, publishers.Deps) (P, error)) connector {
	return func(s publishers.Settings, d publishers.Deps) (publishers.Publisher, error) {
		p, err := newP(s, d)
		if err != nil {
			return nil, err
		}
		return p, nil
	}
}

// connectors are the live publishers, by platform.
var connectors = map[postgate.Platform]connector{
	postgate.X:         live(x.New),
	postgate.Facebook:  live(facebook.New),
	postgate.Instagram: live(instagram.New),
	postgate.LinkedIn:  live(linkedin.New),
	postgate.Mastodon:  live(mastodon.New),
	postgate.Bluesky:   live(bluesky.New),
}

// preflights check content against each platform's limits. They read no
// settings, so they run in outbox mode and in check too.
var preflights = map[postgate.Platform]func(postgate.Content) []publishers.Problem{
	postgate.X:         (&x.Publisher{}).Preflight,
	postgate.Facebook:  (&facebook.Publisher{}).Preflight,
	postgate.Instagram: (&instagram.Publisher{}).Preflight,
	postgate.LinkedIn:  (&linkedin.Publisher{}).Preflight,
	postgate.Mastodon:  (&mastodon.Publisher{}).Preflight,
	postgate.Bluesky:   (&bluesky.Publisher{}).Preflight,
}

func outboxPublisher(dir string, pl postgate.Platform, d publishers.Deps) publishers.Publisher {
	return outbox.New(dir, pl, d)
}
