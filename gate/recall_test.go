package gate

import (
	"slices"
	"testing"

	"github.com/connections/postgate"
)

// Classes of identifier added to raise client-privacy recall: names with a
// middle initial, accented names, names after "name" or before "from
// <organisation>", unknown name pairs, lower-case names after "my name is",
// house numbers written after the street, towns before postcodes, and zip
// codes introduced by "is".
func TestPrivacyRecallClasses(t *testing.T) {
	runCases(t, []ruleCase{
		{text: "The poem was read aloud by Halvard K. Brennsund at the wedding.", want: []string{P}},
		{text: "Please ask for Tomasz J. Wrzesniak at the desk.", want: []string{P}},
		{text: "Post the form to Ondřej Kovářík before Friday.", want: []string{P}},
		{text: "The booking is under my sister's name Yolanda Quiroga.", want: []string{P}},
		{text: "Oyelaran is from Brightwater Consulting and joins on Monday.", want: []string{P}},
		{text: "Tafadzwa Munyaradzi sent the forms back yesterday.", want: []string{P}},
		{text: "hi, my name is teodora vasquel and I'd like an appointment", want: []string{P}},
		{text: "Her flat is at Váci u. 42 on the third floor.", want: []string{P}},
		{text: "Send the parcel to Rua das Flores, 118 please.", want: []string{P}},
		{text: "He lives on Lindenstraße 7 with his brother.", want: []string{P}},
		{text: "She moved her office to Kristiansund 6509 last spring.", want: []string{P}},
		{text: "Our postal code is 90210 if you need it.", want: []string{P}},
		// compliant
		{text: "Vitamin D. Sunlight in the morning is a lovely start to the day."},
		{text: "Open Day is on Saturday 14 June at 12 Market Street Riverside."},
		{text: "Our Wellbeing Week runs from 3 to 7 March."},
		{text: "Join the walk in Riverside Park at 10am."},
	})
}

// Phrasings of health effects, causes, risks and treatments added to raise
// health-claim recall, with the soft wording that must stay compliant.
func TestHealthRecallClasses(t *testing.T) {
	runCases(t, []ruleCase{
		{text: "Board games are linked to a lower risk of cognitive decline.", want: []string{H}},
		{text: "Night owls are more prone to low mood, say sleep scientists.", want: []string{H}},
		{text: "Clutter is as bad for your health as a poor diet.", want: []string{H}},
		{text: "Anxiety causes stomach problems in most adults.", want: []string{H}},
		{text: "Pottery helps with depression in a way pills cannot.", want: []string{H}},
		{text: "A week by the sea heals.", want: []string{H}},
		{text: "Late-night scrolling disrupts your melatonin.", want: []string{H}},
		{text: "Sea swimming is nature's painkiller.", want: []string{H}},
		{text: "Forgetting names is a sign of dementia.", want: []string{H}},
		{text: "Evidence now links poor posture to low mood.", want: []string{H}},
		{text: "Most people with insomnia recover within weeks.", want: []string{H}},
		{text: "Scrolling before bed is making children more anxious.", want: []string{H}},
		// compliant
		{text: "Plenty of people find a short walk helps with stress. What helps you?"},
		{text: "A cup of tea and a chat can help on a hard day."},
		{text: "It's okay to rest this weekend."},
		{text: "There are no quick cures for grief, and that's all right."},
		{text: "Comment with a song that always lifts your mood!"},
		{text: "Feeling tired can be a sign you need a break."},
	})
}

// TestNamesNearStaff checks that a client named beside a member of staff,
// or in a post about the team, is still held; only a list of three or more
// names with a staff member in it reads as the team and its helpers.
func TestNamesNearStaff(t *testing.T) {
	runCases(t, []ruleCase{
		{text: "Priya is so proud of Jenny Walsh, who finally left her job at the bank.", want: []string{P, T}},
		{text: "Our team is thinking of Sarah Jenkins today after her overdose last week. Samaritans 116 123.", want: []string{P}},
		{text: "Marcus spent the afternoon with Daniel Okoro talking through his divorce.", want: []string{P}},
		// compliant
		{text: "Thank you to Priya, Marcus, Sam and Ravi for running the 10k for the food bank."},
	})
}

// Ways of sharing and asking for praise that fresh held-out sets found: a
// survey share, counted recommendations, praise reported from one person,
// a quotation received with a reaction, asking how "we did".
func TestTestimonialRecallClasses(t *testing.T) {
	runCases(t, []ruleCase{
		{text: "Our spring feedback round is in: 94 per cent said they would point a friend our way.", want: []string{T}},
		{text: "Recommended on the village Facebook group by 30 locals this autumn. Thank you!", want: []string{T}},
		{text: "A retired postman stopped Marcus outside the bakery to say the group gave him his confidence back.", want: []string{T, P}},
		{text: "'She just gets it.' Four words that had the whole team grinning today.", want: []string{T}},
		{text: "Out of ten, how did we do? Tell us in the survey and our favourite answers go on the noticeboard.", want: []string{T}},
		{text: "Know someone who'd vouch for us? Tag them!", want: []string{T}},
		// compliant
		{text: "We don't ask clients for reviews, ratings or testimonials; professional codes rule them out."},
		{text: "Try saying 'I am doing my best' to yourself when the day gets hard."},
		{text: "Five stars to our weekend volunteers for painting the waiting room."},
		{text: "Around 60% of adults say they feel stressed at work, according to a national survey.", want: []string{H}},
	})
}

// Promises found by fresh sets, and the disclaimers and idioms that must pass.
func TestOutcomeRecallClasses(t *testing.T) {
	runCases(t, []ruleCase{
		{text: "Therapy with our team works. Full stop.", want: []string{O}},
		{text: "Will counselling sort things out with your teenager? With Priya, absolutely.", want: []string{O}},
		{text: "Walk in anxious, walk out free.", want: []string{O}},
		{text: "No other practice in town understands grief the way we do.", want: []string{O}},
		{text: "Our counsellors don't fail. Simple as that.", want: []string{O}},
		{text: "#stressfree in six weeks #guaranteedresults", want: []string{O}},
		// compliant
		{text: "Nobody can honestly promise one session will make you feel better, and we won't pretend to."},
		{text: "Walk in with an umbrella, walk out without it: the lost property box is by the door."},
		{text: "Can you bring a friend to the open day? Of course!"},
	})
}

// Clinical engagement found by fresh sets: booking handled in public, a
// verdict on a medicine, a diagnosis by "those are" or "sounds a lot like".
func TestClinicalRecallClasses(t *testing.T) {
	runCases(t, []ruleCase{
		{text: "Hi Sam, we've got you down for Friday at 2 with Aisha, see you then!", want: []string{C, P}},
		{text: "Propranolol is great for interview nerves, honestly.", want: []string{C}},
		{text: "Restless, snappy and glued to the phone? Those are classic signs of teenage depression.", want: []string{C}},
		{text: "What do your panic attacks feel like? Share in the comments so others know they are not alone.", want: []string{C}},
		// compliant
		{text: "A few of you have asked whether we diagnose ADHD. We don't: that is done by psychiatrists."},
		{text: "We've taken down a comment on this post because it had someone's personal details in it."},
	})
}

// Crisis euphemisms and crisis offers found by fresh sets, and what passes.
func TestCrisisRecallClasses(t *testing.T) {
	runCases(t, []ruleCase{
		{text: "If things ever get too much, our Instagram inbox is checked round the clock.", want: []string{R, C}},
		{text: "Convinced everyone would be fine if you disappeared? That voice is lying.", want: []string{R}},
		{text: "Thinking of hurting yourself? Our DMs are open 24/7.", want: []string{R, C}},
		// A channel phrase that runs past its sentence must not break the rule.
		{text: "Feeling suicidal? Reach us over soCiAl!mediA", want: []string{R, C}},
		// compliant
		{text: "Myth: you have to hit rock bottom before you deserve counselling. You don't."},
		{text: "On the staff bookshelf: Reasons to Stay Alive, Matt Haig's memoir."},
		{text: "If you see a comment under our posts where someone seems to be in danger, call 999. We only check this page in office hours."},
	})
}

// Client stories found by fresh sets: a client named by their slot, by
// their visits, or by a session told of.
func TestPrivacyStoryClasses(t *testing.T) {
	runCases(t, []ruleCase{
		{text: "Happy birthday to my Tuesday 10am! Enjoy the cake.", want: []string{P}},
		{text: "Shout out to the bus driver who comes in every Monday evening. See you next week.", want: []string{P}},
		{text: "Last night's couples session ended with both of them laughing.", want: []string{P}},
		{text: "The couple I saw on Thursday left holding hands.", want: []string{P}},
		// compliant
		{text: "Someone asked on our page whether we offer Saturday sessions. We do: call to book."},
		{text: "Half of all mental health conditions start by age 14, so we run a parents' evening each autumn.", evidence: []string{"https://www.who.int/"}},
		{text: "A pattern I've noticed in this work: people apologise for crying. There's no need in a counselling room."},
	})
}

// Classes added after the twenty-first fresh set: replies to members of the
// public by handle, clients named by initials, workplaces named by what the
// person does there, bookings moved by a named colleague, tapering a
// medicine, crisis euphemisms about not existing, and promises phrased as
// "not one client has ever ... without".
func TestRepliesInitialsAndPromisesClasses(t *testing.T) {
	runCases(t, []ruleCase{
		{text: "@tilly.bakes thank you for coming to the summer fair! The lemon drizzle went in ten minutes.", want: nil},
		{text: "@tilly.bakes so proud of how far you've come since your first session 💛", want: []string{P, T}},
		{text: "M.W., you did it: the interview you dreaded last spring went brilliantly.", want: []string{P}},
		{text: "Well done to D.F., who finished her last session with us today!", want: []string{P, T}},
		{text: "P.S. The office is closed on Monday for the bank holiday."},
		{text: "A line often credited to J. M. Barrie, and a good one for Monday."},
		{text: "A lovely card arrived from someone now teaching again at Northfield Academy.", want: []string{P, T}},
		{text: "@ollie_w hi Ollie, Priya's moved you to 2pm on Friday. See you then!", want: []string{C, P}},
		{text: "Tapering? Weaning off sertraline is easiest if you cut by a quarter every fortnight.", want: []string{C}},
		{text: "If you've got to the point where you'd rather not exist, you are not alone.", want: []string{R}},
		{text: "If you've got to the point where you'd rather not exist, call Samaritans on 116 123 any time."},
		{text: "Not a single family has left our parenting course without real progress.", want: []string{O}},
		{text: "There's no worry our counsellors can't fix.", want: []string{O}},
		{text: "We actually solve the problem, not just talk about it.", want: []string{O}},
		{text: "Dozens of clients have written in to thank us this year.", want: []string{T}},
		{text: "Our Google page is missing your stars!", want: []string{T}},
		{text: "Comments here are public, so keep session details out of them and email hello@connections.example instead."},
		{text: "It's Halloween! Share your pumpkin pics in the comments 🎃"},
		{text: "The kettle finally works again. Success story of the week 🙌"},
		{text: "Five stars to whoever left flowers at reception this morning."},
	})
}

// Classes added after the twenty-second fresh set: a session story told
// by when it happened, asking those counselling helped to tell their story,
// superlatives phrased as "nobody understands it the way we do", slogans
// where a problem ends, and the compliant posts that share their words.
func TestStoriesSlogansAndAdviceClasses(t *testing.T) {
	runCases(t, []ruleCase{
		{text: "Sat with a retired nurse yesterday who still keeps her late husband's coat by the door.", want: []string{P}},
		{text: "Tiny victory in the counselling room this morning: a certain someone finally said no to their boss.", want: []string{P, T}},
		{text: "If therapy with us helped you through a rough year, tell us your story in the comments.", want: []string{T, C}},
		{text: "Nobody round here gets grief the way our counsellors do.", want: []string{O}},
		{text: "Connections: where worry ends.", want: []string{O}},
		{text: "I'm humbled by the courage it takes to make that first phone call."},
		{text: "Setting boundaries: it's ok to say 'I need to think about it and get back to you'. What would you add?"},
		{text: "The NHS advises people to consider taking vitamin D in winter; your pharmacist can help you choose.",
			evidence: []string{"https://www.nhs.uk/conditions/vitamins-and-minerals/vitamin-d/"}},
		{text: "Panic attacks feel frightening. The NHS page below explains what happens in the body."},
	})
}

// Classes added after the twenty-third fresh set: praise received and passed
// on, asking for a reaction from those counselling helped, doses written in
// words, advice that answers a question about a medicine, myths corrected,
// and words inside curly quotes (which once hid them from the lexicons).
func TestReportedPraiseDosesAndQuotesClasses(t *testing.T) {
	runCases(t, []ruleCase{
		{text: "Marcus had an email this week saying he'd given someone their confidence back. We're all a bit teary.", want: []string{T}},
		{text: "A note arrived at the front desk and honestly we've been beaming all day 🥹", want: []string{T}},
		{text: "Drop a 🌱 if our team helped you through this year.", want: []string{T}},
		{text: "\"Kindest counsellors in the county.\" We hear that a lot 😊", want: []string{T}},
		{text: "Two milligrams of melatonin is plenty for most adults.", want: []string{C, H}},
		{text: "Forgot your sertraline last night? Skipping one dose is fine, just carry on.", want: []string{C}},
		{text: "Worried friends keep saying ‘soon it won't matter’? Ask them directly how they are.", want: []string{R}},
		{text: "Parenting myth: good parents never lose their temper. Reality: repair matters more than perfection."},
		{text: "Pancake Day! Marcus says sugar is the only proper topping 🥞"},
		{text: "A scam account is offering ‘therapy by DM’ with our logo. It isn't us; please report it."},
		{text: "A dad I once worked with called those first weeks “the loneliest hours of my life”. Fathers struggle too.", want: []string{P}},
	})
}

// Classes found by reading which labelled testimonials, promises and
// stories the rules alone missed across the held-out sets (the model had
// been catching them): listed words of praise, reported superlatives, asking
// for a few lines where the public will read them, promises in so many
// words, rankings, and clients told of by when or how often they are seen.
func TestRulesOnlyGapsClasses(t *testing.T) {
	runCases(t, []ruleCase{
		{text: "Words clients have used about us this spring: 'gentle', 'honest', 'a turning point'.", want: []string{T}},
		{text: "Someone told Priya she was the kindest counsellor they'd ever had. She's still smiling.", want: []string{P, T}},
		{text: "Found counselling here useful? A couple of lines on our Google listing helps others find us.", want: []string{T}},
		{text: "Did Aisha help you this year? A few lines on Google would mean the world.", want: []string{T}},
		{text: "Finished with us? We'd love to hear what's different now. Email hello@connections.example.", want: []string{T}},
		{text: "Our wall of thank-you notes keeps growing 💛", want: []string{T}},
		{text: "You'll feel lighter after your first session. That's a promise.", want: []string{O}},
		{text: "Feel better by session four or your fifth one is on the house.", want: []string{O}},
		{text: "Our approach works every single time.", want: []string{O}},
		{text: "Top-ranked counselling practice in the county.", want: []string{O}},
		{text: "Goodbye overthinking, hello calm. That's what our course delivers.", want: []string{O}},
		{text: "We'll never share your details with anyone. That's a promise."},
		{text: "Thinking about the retired teacher I saw on Wednesday; she's nearly ready to finish.", want: []string{P}},
		{text: "The chef who's been coming every Monday since June brought us soup today.", want: []string{P}},
		{text: "A 15-year-old came to see us after school today, on his own.", want: []string{P}},
		{text: "The building is 120 years old and the heating shows it."},
		{text: "If you're one of our regulars, remember we're closed on Friday."},
	})
}

// Classes added after the twenty-fourth fresh set: bookings handled under a
// post or by skipping the official channel, reassurances and earlier "if"
// clauses that do not withdraw a channel, doses in IU, medicines advised
// with a pronoun, quizzes scored into a diagnosis, and the practice's own
// handle.
func TestChannelsDosesAndHandlesClasses(t *testing.T) {
	runCases(t, []ruleCase{
		{text: "Can't make your Tuesday slot? No worries, reply here with a better day and we'll sort it.", want: []string{C}},
		{text: "Thinking of booking? Skip the phone queue and just DM us the times you're free.", want: []string{C}},
		{text: "Teens: if your parents won't let you see a counsellor, DM us and we'll work something out.", want: []string{C}},
		{text: "A 1,000 IU vitamin D capsule every morning through winter.", want: []string{C}},
		{text: "Citalopram leaving you flat? Lots of people feel better once they halve it for a week.", want: []string{C}},
		{text: "Five signs of burnout. Ticked three or more? Then that's what you're dealing with.", want: []string{C}},
		{text: "If he goes quiet during rows, he's probably avoidantly attached.", want: []string{C}},
		{text: "Running late? Tweet us @ConnectionsRiv and we'll shuffle you round.", want: []string{C}},
		{text: "Panic attacks are frightening. The NHS explains what helps on the page linked below.",
			evidence: []string{"https://www.nhs.uk/mental-health/conditions/panic-disorder/"}},
		{text: "Poll time! Should our next talk be about sleep or stress? Vote below 🗳️"},
		{text: "Our staff book club gave this one ⭐⭐⭐⭐⭐. Agree?"},
		{text: "The Rotary club have nominated us for their community award. We're honoured!"},
	})
}

// Classes added after the twenty-fifth fresh set: replies to people who
// asked in public (the handle is theirs, not a client's, unless the reply
// shows otherwise), "what people are saying", rewards for recommendations,
// clients seen or mentioned before, promises that therapy always works, and
// crisis phrases in the past tense.
func TestRepliesAndPraiseHeadlinesClasses(t *testing.T) {
	runCases(t, []ruleCase{
		{text: "Reply to @nina_k: thanks for asking! We can't go into appointments on here, but reception can help on 020 7946 0000."},
		{text: "Reply to @nina_k: we don't take bookings through Instagram, but you can book on the website."},
		{text: "Reply to @nina_k: I've moved you to Friday at 2. See you then!", want: []string{C, P}},
		{text: "@nina_k so proud of you for finishing that 10k after everything we worked through together!", want: []string{P, T}},
		{text: "What people are saying 💬 “I sleep again.” “Best decision I made.”", want: []string{T}},
		{text: "Every Google review this month enters you into our hamper draw!", want: []string{T}},
		{text: "Remember the nurse Aisha mentioned in the spring? She's back at work.", want: []string{P, T}},
		{text: "Counselling with us always works if you stick with it.", want: []string{O}},
		{text: "Honestly, some nights last winter I didn't want to wake up.", want: []string{R}},
		{text: "Thinking of stopping your antidepressants? Your GP is the right person to plan that with, not us."},
		{text: "Happy retirement to Jean, who has run our front desk for years and never once lost the spare key!"},
	})
}

// Classes found by reading the testimonials and stories the rules alone
// still missed across the held-out sets: praise collected, voted or chosen
// by clients, and a counsellor's own clients named by slot, by tenure or
// as the person they are "working with".
func TestCollectedPraiseAndOwnClientsClasses(t *testing.T) {
	runCases(t, []ruleCase{
		{text: "We're collecting short reflections from former clients for our anniversary booklet.", want: []string{T}},
		{text: "Riverside's favourite practice, chosen by the people we see 🏆", want: []string{T}},
		{text: "Quick poll: rate your first appointment with us from 1 to 10!", want: []string{T}},
		{text: "Saw a client of mine at the farmers' market today. We did the polite nod.", want: []string{P}},
		{text: "My Wednesday client brought in the best brownies.", want: []string{P}},
		{text: "I'm working with a retired postman at the moment whose stories are wonderful.", want: []string{P}},
		{text: "Just finished with a lovely young woman who starts university next week.", want: []string{P}},
		{text: "Our clients' privacy matters more to us than any post."},
		{text: "Thanks to whoever restocked the biscuits. You know who you are!"},
		{text: "We're working with a local GP surgery on a new referral route."},
	})
}

// Classes added after the twenty-sixth fresh set.
func TestStaffArrivalsAndWishesClasses(t *testing.T) {
	runCases(t, []ruleCase{
		{text: "Meet the team: Priya Shah came to Connections four years ago after training in Leeds."},
		{text: "Nobody monitors our inbox out of hours and it isn't a crisis service: for urgent help phone 111 or Samaritans on 116 123."},
		{text: "Bereaved people often say they wish someone had warned them about the second year."},
		{text: "Hear from people who've actually sat in our waiting room: new video out now.", want: []string{T}},
		{text: "If you're barely hanging on tonight, we see you.", want: []string{R}},
		{text: "Marcus spent this morning with a couple who met at a bus stop in 1979.", want: []string{P}},
	})
}

// Classes added after the twenty-seventh fresh set.
func TestGuestbooksLeaguesAndGroupsClasses(t *testing.T) {
	runCases(t, []ruleCase{
		{text: "Our reception guestbook is filling up: add a line about what your sessions have meant to you.", want: []string{T}},
		{text: "Top of the county's counselling league again. Accept no substitutes.", want: []string{O}},
		{text: "One term with us and you'll have seen the last of the bedtime battles.", want: []string{O}},
		{text: "Funniest moment in group tonight: someone's phone played the Jaws theme mid-meditation.", want: []string{P}},
		{text: "If a colleague shows these signs, they're almost certainly burnt out.", want: []string{C}},
		{text: "Best of luck, Ellie! Our trainee is off to a new placement in Leeds."},
		{text: "Thanks for the tag, @RiversideHR! Email hello@connections.example about a team session."},
		{text: "Stress can show up as poor sleep or headaches. If it's getting too much, talk to your GP.",
			evidence: []string{"https://www.nhs.uk/mental-health/feelings-symptoms-behaviours/feelings-and-symptoms/stress/"}},
	})
}

// Classes added after the twenty-eighth fresh set.
func TestWitnessesAndStoriesClasses(t *testing.T) {
	runCases(t, []ruleCase{
		{text: "Priya has never had a family drop out after working with her.", want: []string{O}},
		{text: "Anyone who has sat in our rooms will tell you: we get results.", want: []string{O, T}},
		{text: "My week has been taken over by one client's story.", want: []string{P}},
		{text: "Some of you reading this have a plan. Please don't act on it tonight.", want: []string{R}},
		{text: "A daily swim is all it takes to keep depression away.", want: []string{H, O}},
		{text: "Book of the month: four stars from her, though the middle drags 📚"},
		{text: "@sam_t sorry things are hard. We can't offer advice on here; if you're unsafe, ring 999 or Samaritans on 116 123."},
	})
}

// Classes added after the twenty-ninth fresh set.
func TestCommutesAndRelapsePromisesClasses(t *testing.T) {
	runCases(t, []ruleCase{
		{text: "Bike Week! Share your journey to work with us with #RiversideRides 🚲"},
		{text: "Nobody has to hit rock bottom before seeing a counsellor."},
		{text: "Sleep and mood are linked in complicated ways, and there's no single fix."},
		{text: "Worked with us? The panic won't come back.", want: []string{O}},
		{text: "At your darkest point this winter? Reception answers weekdays 9 to 5.", want: []string{R}},
		{text: "Only two spaces left! DM us 'YES' to claim one.", want: []string{C}},
	})
}

// TestStaffFromConfig checks that rules naming "who saw a client" use the
// configured staff, not the example practice's: another practice's
// counsellor is recognised, and a relative clause is not a counsellor.
func TestStaffFromConfig(t *testing.T) {
	cfg := examplesConfig()
	cfg.StaffNames = []string{"Dana Cole"}
	useLearned = false
	defer func() { useLearned = true }()
	g := mustGate(t, cfg)
	for text, want := range map[string]bool{
		"Remember the firefighter Dana mentioned in the spring? He's back on shift.": true,
		"The teacher who has seen our poster is welcome at the open day.":            false,
	} {
		v, err := g.Check(postgate.Content{Text: text})
		if err != nil {
			t.Fatal(err)
		}
		if got := slices.ContainsFunc(v.Findings, func(f Finding) bool { return f.Rule == RulePrivacy && f.Severity == Block }); got != want {
			t.Errorf("%q: client-privacy %v, want %v (%+v)", text, got, want, v.Findings)
		}
	}
}

// Classes added after the thirtieth fresh set.
func TestBooksReactionsAndEuphemismsClasses(t *testing.T) {
	runCases(t, []ruleCase{
		{text: "Matt Haig's memoir about depression is my reread this week. Honest and funny in places."},
		{text: "Our book of the month is Johann Hari's look at depression. Plenty to argue with."},
		{text: "Booking and cancelling happen off social media: find email and phone under Contact Us."},
		{text: "The team's verdict on the new office cactus: ten out of ten 🌵"},
		{text: "If life feels unbearable right now, try to see your GP in the morning.", want: []string{R}},
		{text: "Comments are open: what's the heaviest thing on your plate this month?", want: []string{C}},
		{text: "The message that made our whole week 😭", want: []string{T}},
	})
}
