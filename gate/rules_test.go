package gate

import (
	"testing"

	"github.com/connections/postgate"
)

// Tables of posts per rule family, each with tricky compliant cases. The
// settings are those of examplesConfig: staff Priya Shah, Marcus Bell and
// Aisha Rahman; the practice at 12 Market Street Riverside, 020 7946 0000,
// hello@connections.example.

const (
	T = RuleTestimonial
	P = RulePrivacy
	H = RuleHealth
	O = RuleOutcome
	C = RuleClinical
	R = RuleCrisis
	M = RuleMedia
	X = RuleConduct
)

func TestTestimonial(t *testing.T) {
	runCases(t, []ruleCase{
		{text: "Five stars from the families we support ★★★★★", want: []string{T}},
		{text: "Rated 4.9 out of 5 on Google!", want: []string{T}},
		{text: "If you've finished your sessions, please leave us a review on Google.", want: []string{T}},
		{text: "Read our client testimonials on the website.", want: []string{T}},
		{text: "\"I got my life back.\" - a former client", want: []string{T}},
		{text: "Our clients tell us we are the best thing that happened to them.", want: []string{T, O}},
		{text: "Tell us how counselling helped you and we'll share your words.", want: []string{T}},
		{text: "Here's a lovely message from a client who finished last month.", want: []string{T, P}},
		{text: "Would you recommend Connections to a friend? Vote in our poll!", want: []string{T}},
		// compliant
		{text: "Many clients tell us they feel nervous before a first session. That's normal."},
		{text: "Annual review: we've updated our complaints procedure."},
		{text: "Our book club is reading 'The Midnight Library' this month."},
		{text: "Thanks to everyone who came to our open day!"},
		{text: "Share your favourite winter recipe in the comments!"},
	})
}

func TestPrivacy(t *testing.T) {
	runCases(t, []ruleCase{
		{text: "Congratulations to our client Jade Okoro on her new job!", want: []string{P, T}},
		{text: "A 52-year-old bus driver came to us after a road accident.", want: []string{P}},
		{text: "Yesterday's session with a young dad really stayed with me.", want: []string{P}},
		{text: "Happy birthday, @lucy_k88! So proud of how far you've come.", want: []string{P, T}},
		{text: "Ring Dave on 07700 900123 to hear about his recovery.", want: []string{P}},
		{text: "Her card number is 4929 1234 5678 9012.", want: []string{P}},
		{text: "Send the letter to 27 Larch Close, RV3 8TT.", want: []string{P}},
		{text: "One of our clients, who teaches at Oakfield Primary, has asked us to share this.", want: []string{P}},
		{text: "I've struggled with anxiety since my divorce and I don't know how to cope.", want: []string{P}},
		{text: "My name is Siobhan and I need help with my son.", want: []string{P}},
		{text: "Our Tuesday group.", media: []postgate.Media{{Path: "g.jpg", Alt: "Group members smiling in the garden", Source: "own"}}, want: []string{P}},
		{text: "Our Tuesday group.", media: []postgate.Media{{Path: "g.jpg", Alt: "Group members smiling in the garden", Source: "consent"}}, want: []string{P}},
		// compliant
		{text: "Priya Shah and Marcus Bell are at the Riverside Library on Monday 3 March from 10am."},
		{text: "Visit us at 12 Market Street Riverside or call 020 7946 0000."},
		{text: "Closed for the bank holiday on Monday 25 August."},
		{text: "Children aged 8 to 12 are welcome at our Saturday art group."},
		{text: "Many couples tell counsellors that money is the argument that keeps coming back."},
		{text: "Samaritans are there day and night on 116 123."},
		{text: "Our team at the summer fair.", media: []postgate.Media{{Path: "t.jpg", Alt: "Priya and Aisha at our stall", Source: "consent", Consent: "CF-2025-07"}}},
		{text: "A quiet corner.", media: []postgate.Media{{Path: "c.jpg", Alt: "An armchair by a window", Source: "own"}}},
		{text: "Author Matt Haig's book is on our shelf this month."},
	})
}

func TestHealthClaim(t *testing.T) {
	nhs := []string{"https://www.nhs.uk/mental-health/"}
	runCases(t, []ruleCase{
		{text: "Running cures depression.", want: []string{H, O}},
		{text: "Studies show that gratitude journaling halves anxiety.", want: []string{H}},
		{text: "One in four adults will have a mental health problem this year.", want: []string{H}},
		{text: "Caffeine causes panic attacks.", want: []string{H}},
		{text: "Meditation rewires the brain in eight weeks.", want: []string{H}},
		{text: "Talking therapy is more effective than medication.", want: []string{H}},
		{text: "Caffeine causes panic attacks.", evidence: []string{"https://www.psychologytoday.com/x"}, want: []string{H}},
		// compliant
		{text: "Caffeine causes panic attacks in some people.", evidence: nhs},
		{text: "A walk in the fresh air can help clear your head."},
		{text: "Many people find that a regular bedtime helps them feel more rested."},
		{text: "There's no cure for a Monday, but tea helps."},
		{text: "Our workshop looks at sleep, routines and winding down."},
	})
}

func TestGuaranteedOutcome(t *testing.T) {
	nice := []string{"https://www.nice.org.uk/guidance/cg90"}
	runCases(t, []ruleCase{
		{text: "Guaranteed to end your anxiety.", want: []string{O}},
		{text: "We promise you'll feel better after one session.", want: []string{O}},
		{text: "The best counsellors in Riverside.", want: []string{O}},
		{text: "Say goodbye to stress for good!", want: []string{O}},
		{text: "Results guaranteed or your money back.", want: []string{O}},
		{text: "Our method works for everyone.", evidence: nice, want: []string{O}},
		{text: "You'll never feel anxious again.", want: []string{O}},
		// compliant
		{text: "We can guarantee the kettle is on and the biscuits are out."},
		{text: "We can't promise a quick fix, but we can promise to listen."},
		{text: "Best of luck to everyone starting university this week!"},
		{text: "Grab a permanent marker and write one kind thing about yourself."},
		{text: "Counselling works differently for everyone, and your counsellor will check in about what helps."},
	})
}

func TestClinicalEngagement(t *testing.T) {
	runCases(t, []ruleCase{
		{text: "DM us to reschedule your appointment.", want: []string{C}},
		{text: "Feeling anxious? Comment below and we'll suggest what to do.", want: []string{C}},
		{text: "If your sertraline makes you drowsy, take it at night.", want: []string{C}},
		{text: "Take 200mg of magnesium before bed.", want: []string{C}},
		{text: "Struggling with your marriage? Send us a message on Facebook and we'll help.", want: []string{C}},
		{text: "You probably have ADHD if you lose your keys every day.", want: []string{C}},
		// compliant
		{text: "To book, email hello@connections.example or call 020 7946 0000."},
		{text: "Please don't use comments or DMs for appointments; call the office instead."},
		{text: "What's your favourite comfort film? Tell us in the comments!"},
		{text: "We reply to emails within one working day."},
	})
}

func TestCrisis(t *testing.T) {
	runCases(t, []ruleCase{
		{text: "Suicide is the biggest killer of men under 50.", want: []string{R, H}},
		{text: "If you're self-harming, you are not alone.", want: []string{R}},
		{text: "Feeling like you can't go on? Reach out to someone you trust.", want: []string{R}},
		{text: "Having thoughts of suicide? Message us and we'll talk.", want: []string{R, C}},
		{text: "In crisis? Call 999. Or DM us any time, day or night.", want: []string{R, C}},
		// compliant
		{text: "If you're thinking about suicide, call Samaritans on 116 123 or 999 in an emergency."},
		{text: "The cost-of-living crisis is hard on everyone. Ask about our reduced fees."},
		{text: "In an emergency, call 999 or go to A&E."},
		{text: "Our team is running a half marathon for Samaritans this spring."},
	})
}

func TestMediaAndConduct(t *testing.T) {
	runCases(t, []ruleCase{
		{text: "New artwork.", media: []postgate.Media{{Path: "a.jpg", Source: "own"}}, want: []string{M}},
		{text: "New artwork.", media: []postgate.Media{{Path: "a.jpg", Alt: "A painting of a boat"}}, want: []string{M}},
		{text: "New artwork.", media: []postgate.Media{{Path: "a.jpg", Alt: "A painting of a boat", Source: "web"}}, want: []string{M}},
		{text: "Some people are just psychos, honestly.", want: []string{X}},
		{text: "What a shit week. Glad it's Friday!", want: []string{X}},
		// compliant
		{text: "New artwork.", media: []postgate.Media{{Path: "a.jpg", Alt: "A painting of a boat", Source: "stock"}}},
		{text: "We don't use labels like 'psycho': words matter."},
	})
}
