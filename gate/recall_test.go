package gate

import "testing"

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
