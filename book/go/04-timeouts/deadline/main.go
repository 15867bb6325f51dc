// Command deadline runs a batch of slow calls under one deadline and reports, in input
// order, which finished (with their results) and which timed out.
//
// Run it from book/go: go run ./04-timeouts/deadline
package main

import (
	"context"
	"fmt"
	"time"
)

// ANCHOR: batch
// Outcome is what became of one call: its result, or TimedOut.
type Outcome struct {
	Result   string
	TimedOut bool
}

type indexed struct {
	index  int
	result string
}

// fanOutWithDeadline starts every call at once and collects results until ctx's
// deadline. Calls still running then are reported as timed out, and their ctx is done,
// so a call that watches it stops too.
func fanOutWithDeadline(ctx context.Context, calls []func(context.Context) string) []Outcome {
	outcomes := make([]Outcome, len(calls))
	for i := range outcomes {
		outcomes[i].TimedOut = true // until it reports
	}
	// Buffered for every call: a late call can always send and exit.
	results := make(chan indexed, len(calls))
	for i, call := range calls {
		go func() {
			results <- indexed{i, call(ctx)}
		}()
	}
	for pending := len(calls); pending > 0; pending-- {
		select {
		case r := <-results:
			outcomes[r.index] = Outcome{Result: r.result}
		case <-ctx.Done():
			return outcomes
		}
	}
	return outcomes
}

// ANCHOR_END: batch

func fakeCall(name string, d time.Duration) func(context.Context) string {
	return func(ctx context.Context) string {
		select {
		case <-time.After(d):
			return name
		case <-ctx.Done():
			return "" // nobody reads it any more
		}
	}
}

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	start := time.Now()
	outcomes := fanOutWithDeadline(ctx, []func(context.Context) string{
		fakeCall("slow", 300*time.Millisecond),
		fakeCall("fast", 50*time.Millisecond),
		fakeCall("medium", 120*time.Millisecond),
	})
	fmt.Printf("returned after ~%d ms\n", time.Since(start).Round(50*time.Millisecond).Milliseconds())
	for i, o := range outcomes {
		if o.TimedOut {
			fmt.Printf("  call %d: timed out\n", i)
		} else {
			fmt.Printf("  call %d: done, %q\n", i, o.Result)
		}
	}
}
