package main

import (
	"github.com/connections/postgate"
	"github.com/connections/postgate/publishers"
	"github.com/connections/postgate/publishers/facebook"
	"github.com/connections/postgate/publishers/instagram"
	"github.com/connections/postgate/publishers/linkedin"
	"github.com/connections/postgate/publishers/outbox"
	"github.com/connections/postgate/publishers/x"
)

// connectors build each platform's live publisher from its settings.
var connectors = map[postgate.Platform]func(publishers.Settings, publishers.Deps) (publishers.Publisher, error){
	postgate.X: func(s publishers.Settings, d publishers.Deps) (publishers.Publisher, error) { return x.New(s, d) },
	postgate.Instagram: func(s publishers.Settings, d publishers.Deps) (publishers.Publisher, error) {
		return instagram.New(s, d)
	},
	postgate.LinkedIn: func(s publishers.Settings, d publishers.Deps) (publishers.Publisher, error) {
		return linkedin.New(s, d)
	},
}

// preflights check content against each platform's limits. They need no
// credentials, so they run in outbox mode and in check too.
var preflights = map[postgate.Platform]func(postgate.Content) []publishers.Problem{
	postgate.X:         (&x.Publisher{}).Preflight,
	postgate.Facebook:  (&facebook.Publisher{}).Preflight,
	postgate.Instagram: (&instagram.Publisher{}).Preflight,
	postgate.LinkedIn:  (&linkedin.Publisher{}).Preflight,
}

func outboxPublisher(dir string, pl postgate.Platform, d publishers.Deps) publishers.Publisher {
	return outbox.New(dir, pl, d)
}
