package bluesky

import (
	"regexp"
	"time"
)

// tidAlphabet is base32-sortable: its characters sort in the order of
// their values, so TIDs sort in time order.
const tidAlphabet = "234567abcdefghijklmnopqrstuvwxyz"

// TID returns the 13-character timestamp identifier for t and a 10-bit
// clock identifier: the 53-bit count of microseconds since the Unix epoch,
// then the clock identifier, as a 64-bit number (top bit zero) written in
// tidAlphabet.
func TID(t time.Time, clockID uint64) string {
	v := uint64(t.UnixMicro())<<10 | clockID&0x3ff
	var b [13]byte
	for i := len(b) - 1; i >= 0; i-- {
		b[i] = tidAlphabet[v&31]
		v >>= 5
	}
	return string(b[:])
}

// newTID returns a TID from the clock, later than any this Publisher gave
// before, even if the clock stands still or steps back.
func (p *Publisher) newTID() string {
	p.tidMu.Lock()
	defer p.tidMu.Unlock()
	micros := max(p.now().UnixMicro(), p.lastTID+1)
	p.lastTID = micros
	return TID(time.UnixMicro(micros), p.clockID)
}

// rkeyForm is the record key syntax of the AT Protocol.
var rkeyForm = regexp.MustCompile(`^[A-Za-z0-9._:~-]{1,512}$`)

// validRKey reports whether s may be used as a record key.
func validRKey(s string) bool {
	return rkeyForm.MatchString(s) && s != "." && s != ".."
}
