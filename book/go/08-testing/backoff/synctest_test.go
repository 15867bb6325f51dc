//go:build go1.25

// testing/synctest is standard from Go 1.25 (Go 1.24 had it behind
// GOEXPERIMENT=synctest): older toolchains skip this file.
package backoff

import (
	"errors"
	"slices"
	"testing"
	"testing/synctest"
	"time"
)

// ANCHOR: synctest
// Inside the bubble, time is fake: it starts at midnight 2000-01-01 and jumps forward
// whenever every goroutine of the bubble is blocked, so the real clock and real
// time.Sleep work unchanged, take no time, and land exactly (tokio's paused time).
func TestWaitsOnTheBubblesClock(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		b := Backoff{FirstDelay: 100 * time.Millisecond, MaxDelay: time.Second,
			MaxAttempts: 6}
		var attempts []time.Duration
		_ = Retry(RealClock{}, b, func() error {
			attempts = append(attempts, time.Since(start))
			return errors.New("503")
		})
		want := []time.Duration{0, 100, 300, 700, 1500, 2500}
		for i := range want {
			want[i] *= time.Millisecond
		}
		if !slices.Equal(attempts, want) {
			t.Fatalf("attempts at %v, want %v", attempts, want)
		}
	})
}

// ANCHOR_END: synctest
