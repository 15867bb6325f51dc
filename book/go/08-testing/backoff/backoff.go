// Package backoff is exercise 1's retry with exponential backoff, in Go, and two ways to
// test its timing without waiting for it: a fake clock (any Go version,
// backoff_test.go) and testing/synctest's bubble (Go 1.25, synctest_test.go).
//
// Run from book/go: go test ./08-testing/backoff
package backoff

import (
	"errors"
	"time"
)

// ANCHOR: retry
// Backoff says when to try again: FirstDelay, then twice that, and so on, each wait
// capped at MaxDelay; MaxAttempts attempts in all.
type Backoff struct {
	FirstDelay, MaxDelay time.Duration
	MaxAttempts          int
}

// ErrPermanent marks an error that trying again cannot fix (wrap it: errors.Is).
var ErrPermanent = errors.New("permanent")

// Sleeper is the one thing Retry needs from a clock. Passing it in, instead of calling
// time.Sleep, is what lets a test hand in a fake one.
type Sleeper interface {
	Sleep(d time.Duration)
}

// Retry calls op until it succeeds, fails permanently, or has run MaxAttempts times,
// and returns its last error.
func Retry(clock Sleeper, b Backoff, op func() error) error {
	delay := b.FirstDelay
	for attempt := 1; ; attempt++ {
		err := op()
		if err == nil || errors.Is(err, ErrPermanent) || attempt >= b.MaxAttempts {
			return err
		}
		clock.Sleep(min(delay, b.MaxDelay))
		delay *= 2
	}
}

// ANCHOR_END: retry

// RealClock sleeps for real.
type RealClock struct{}

// Sleep is time.Sleep.
func (RealClock) Sleep(d time.Duration) { time.Sleep(d) }
