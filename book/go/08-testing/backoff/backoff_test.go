package backoff

import (
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"
)

// ANCHOR: fake_clock
// fakeClock never sleeps: it notes each wait and moves its own "now" forward.
type fakeClock struct {
	now   time.Duration
	waits []time.Duration
}

func (c *fakeClock) Sleep(d time.Duration) {
	c.waits = append(c.waits, d)
	c.now += d
}

func TestWaitsDoubleAndStopAtTheCap(t *testing.T) {
	clock := &fakeClock{}
	b := Backoff{FirstDelay: 100 * time.Millisecond, MaxDelay: time.Second,
		MaxAttempts: 6}
	var attempts []time.Duration
	err := Retry(clock, b, func() error {
		attempts = append(attempts, clock.now)
		return errors.New("503")
	})
	want := []time.Duration{0, 100, 300, 700, 1500, 2500}
	for i := range want {
		want[i] *= time.Millisecond
	}
	if !slices.Equal(attempts, want) || err == nil {
		t.Fatalf("attempts at %v (err %v), want %v and an error", attempts, err, want)
	}
}

// ANCHOR_END: fake_clock

func TestAPermanentErrorIsNotRetried(t *testing.T) {
	clock := &fakeClock{}
	calls := 0
	err := Retry(clock, Backoff{FirstDelay: time.Second, MaxDelay: time.Second,
		MaxAttempts: 5}, func() error {
		calls++
		return fmt.Errorf("404: %w", ErrPermanent)
	})
	if calls != 1 || !errors.Is(err, ErrPermanent) || len(clock.waits) != 0 {
		t.Fatalf("%d attempts, waits %v, err %v: want 1 attempt, no wait, the error",
			calls, clock.waits, err)
	}
}
