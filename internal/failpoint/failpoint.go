// Package failpoint lets the crash tests stop postgate at an exact step of a
// delivery. A failpoint is named in the environment variable
// POSTGATE_FAILPOINT when the process starts; when execution reaches it,
// the process prints "failpoint NAME" on stderr and waits forever, so that
// the test can kill it with SIGKILL at that very point. With the variable
// unset (always, outside tests) Hit costs one string comparison.
package failpoint

import (
	"fmt"
	"os"
)

// The failpoints in a delivery, in order.
const (
	BeforeRequest = "before-request" // the intent to publish is committed; nothing was sent
	AfterAnswer   = "after-answer"   // the platform answered; the outcome is not yet committed
)

var armed = os.Getenv("POSTGATE_FAILPOINT")

// Hit stops the process at failpoint name if the environment armed it.
func Hit(name string) {
	if armed == "" || armed != name {
		return
	}
	fmt.Fprintf(os.Stderr, "failpoint %s\n", name)
	select {}
}
