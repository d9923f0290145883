package linear

import "strings"

// Version names the feature set. The trainer records it in the model file,
// and a model made with other features is refused.
const Version = "linear-2"

// Walk calls visit once for every feature of toks, in order: each token, its
// extra feature, its stem ("~review" for "reviews"), and each pair of
// neighbouring tokens of one sentence ("thank you"). The key is only valid during the call. Curly apostrophes are
// written as straight ones, so "I’m" and "I'm" are the same feature.
func Walk(toks []Token, visit func(key []byte, sentence int)) {
	var arr [128]byte
	buf := arr[:0]
	for i, t := range toks {
		buf = appendNorm(buf[:0], t.Text)
		visit(buf, t.Sentence)
		if t.Extra != "" {
			buf = appendNorm(buf[:0], t.Extra)
			visit(buf, t.Sentence)
		}
		buf = appendNorm(append(buf[:0], '~'), t.Text)
		if n := stem(buf[1:]); n > 3 || n+1 < len(buf) {
			visit(buf[:n+1], t.Sentence)
		}
		if i > 0 && toks[i-1].Sentence == t.Sentence {
			buf = appendNorm(buf[:0], toks[i-1].Text)
			buf = append(buf, ' ')
			buf = appendNorm(buf, t.Text)
			visit(buf, t.Sentence)
		}
	}
}

// Features returns the distinct features of text, sorted by first use.
func Features(text string) []string {
	var out []string
	seen := map[string]bool{}
	Walk(Tokens(text), func(key []byte, _ int) {
		if k := string(key); !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	})
	return out
}

func appendNorm(buf []byte, s string) []byte {
	for {
		i := strings.Index(s, "’")
		if i < 0 {
			return append(buf, s...)
		}
		buf = append(buf, s[:i]...)
		buf = append(buf, '\'')
		s = s[i+len("’"):]
	}
}

// Readable turns a feature into words for a message: normalisation tokens
// become short descriptions, and a stem is shown as its word's start.
func Readable(feature string) string {
	if st, ok := strings.CutPrefix(feature, "~"); ok {
		return st + "…"
	}
	words := strings.Fields(feature)
	for i, w := range words {
		if r, ok := readable[w]; ok {
			words[i] = r
		}
	}
	return strings.Join(words, " ")
}

var readable = map[string]string{
	tokNum: "[number]", tokPct: "[percentage]", tokMoney: "[amount]", tokRatio: "[score like 5/5]",
	tokDec: "[number]", tokYear: "[year]", tokPhone: "[phone number]", tokEmail: "[email address]",
	tokURL: "[link]", tokHandle: "[@handle]", tokHashtag: "[hashtag]", tokQuote: "[quotation mark]",
	tokStar: "[star symbols]", tokEmoji: "[emoji]", tokDash: "[dash]", tokCap: "[capitalised name]",
	tokCaps: "[capitals]",
}

// stem returns the length of w's stem: w without a common English ending,
// so that "reviews", "reviewed" and "reviewing" all give "review" and forms
// the training data did not show still share a feature. It is deliberately
// crude: a stem only has to be the same for the forms of a word, not a real
// word, and it is always a prefix of w.
func stem(w []byte) int {
	n := len(w)
	for _, suf := range []string{"ings", "ing", "edly", "ed", "ers", "er", "est", "ies", "es", "ly", "s"} {
		if n >= len(suf)+3 && string(w[n-len(suf):]) == suf {
			n -= len(suf)
			break
		}
	}
	if n >= 4 && w[n-1] == w[n-2] && w[n-1] != 'l' && w[n-1] != 's' {
		n-- // "stopp" from "stopped" gives "stop"
	}
	if n >= 4 && w[n-1] == 'e' {
		n-- // "care" and "cared" both give "car"
	}
	return n
}
