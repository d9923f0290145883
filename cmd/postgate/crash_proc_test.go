package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// crashWait bounds every wait of the crash tests, so that a hang fails the
// test instead of hanging CI.
const crashWait = 30 * time.Second

// binary is the postgate binary the crash tests run, built once per test
// binary into binDir, which TestMain removes.
var binary struct {
	once sync.Once
	dir  string
	path string
	err  error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if binary.dir != "" {
		os.RemoveAll(binary.dir)
	}
	os.Exit(code)
}

// postgateBinary builds the real binary with go build, once, and returns
// its path.
func postgateBinary(t *testing.T) string {
	t.Helper()
	binary.once.Do(func() {
		binary.dir, binary.err = os.MkdirTemp("", "postgate-crash-")
		if binary.err != nil {
			return
		}
		binary.path = binary.dir + "/postgate"
		out, err := exec.Command("go", "build", "-o", binary.path, ".").CombinedOutput()
		if err != nil {
			binary.err = fmt.Errorf("go build: %w\n%s", err, out)
		}
	})
	if binary.err != nil {
		t.Fatal(binary.err)
	}
	return binary.path
}

// syncBuffer collects a child's output while the test reads it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// proc is one running postgate process.
type proc struct {
	t    *testing.T
	cmd  *exec.Cmd
	out  *syncBuffer   // stdout and stderr
	done chan struct{} // closed when the process has exited
	err  error         // Wait's result, set before done closes
}

// start starts the binary with args and the extra environment, and kills it
// when the test ends if it is still running.
func (s *crashSpace) start(env []string, args ...string) *proc {
	s.t.Helper()
	args = append(args, "--config", s.path("postgate.yaml"))
	cmd := exec.Command(postgateBinary(s.t), args...)
	cmd.Dir = s.dir
	cmd.Env = append(append(os.Environ(), s.fake.env...), env...)
	p := &proc{t: s.t, cmd: cmd, out: &syncBuffer{}, done: make(chan struct{})}
	cmd.Stdout = p.out
	cmd.Stderr = p.out
	if err := cmd.Start(); err != nil {
		s.t.Fatalf("start postgate: %v", err)
	}
	go func() {
		p.err = cmd.Wait()
		close(p.done)
	}()
	s.t.Cleanup(func() {
		cmd.Process.Kill()
		<-p.done
	})
	s.procs = append(s.procs, p)
	return p
}

// runOnce runs `postgate run --once` to the end and fails the test unless
// it exits 0.
func (s *crashSpace) runOnce() {
	s.t.Helper()
	p := s.start(nil, "run", "--once")
	if code := p.wait(); code != 0 {
		s.t.Fatalf("run --once after the crash: exit %d\n%s", code, p.out)
	}
}

// waitFor waits until cond holds, or fails the test naming what it waited
// for. It also fails if the process exits first.
func (p *proc) waitFor(what string, cond func() bool) {
	p.t.Helper()
	deadline := time.Now().Add(crashWait)
	for !cond() {
		select {
		case <-p.done:
			if cond() {
				return
			}
			p.t.Fatalf("postgate exited (%v) before %s\n%s", p.err, what, p.out)
		case <-time.After(10 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			p.t.Fatalf("timed out after %v waiting for %s\n%s", crashWait, what, p.out)
		}
	}
}

// waitMarker waits for the failpoint's line on stderr.
func (p *proc) waitMarker(name string) {
	p.t.Helper()
	p.waitFor("failpoint "+name, func() bool { return strings.Contains(p.out.String(), "failpoint "+name+"\n") })
}

// signal sends sig. A process that already exited is not an error: a crash
// point can race with the process finishing on its own.
func (p *proc) signal(sig syscall.Signal) {
	p.t.Helper()
	if err := p.cmd.Process.Signal(sig); err != nil && !errors.Is(err, os.ErrProcessDone) {
		p.t.Fatalf("signal %v: %v", sig, err)
	}
}

// kill sends SIGKILL and waits for the process to be gone.
func (p *proc) kill() {
	p.t.Helper()
	p.signal(syscall.SIGKILL)
	p.wait()
}

// wait waits for the process to exit and returns its exit code (-1 when a
// signal ended it).
func (p *proc) wait() int {
	p.t.Helper()
	select {
	case <-p.done:
	case <-time.After(crashWait):
		p.t.Fatalf("postgate did not exit within %v\n%s", crashWait, p.out)
	}
	return p.cmd.ProcessState.ExitCode()
}

// ctxWait is a context bounded like every other wait.
func ctxWait(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), crashWait)
	t.Cleanup(cancel)
	return ctx
}
