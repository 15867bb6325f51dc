// Command pertimeout gives one slow call a time limit, two ways: select with
// time.After (we stop waiting; the goroutine runs on), and context.WithTimeout (the
// call itself is told to stop).
//
// Run it from book/go: go run ./04-timeouts/pertimeout
package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// ANCHOR: after
// callWithTimeout runs work in a goroutine and waits at most limit for its result.
// When the timer wins, the goroutine is not stopped: Go cannot kill a goroutine either.
func callWithTimeout(work func() string, limit time.Duration) (string, error) {
	result := make(chan string, 1) // room for the late result: no leaked goroutine
	go func() { result <- work() }()
	select {
	case r := <-result:
		return r, nil
	case <-time.After(limit):
		return "", fmt.Errorf("no answer within %v", limit)
	}
}

// ANCHOR_END: after

// ANCHOR: ctx
// slowCall takes d, unless ctx ends first. Passing ctx down is Go's way to cancel:
// every function on the way must accept it and watch ctx.Done().
func slowCall(ctx context.Context, d time.Duration) (string, error) {
	select {
	case <-time.After(d):
		return fmt.Sprintf("done after %v", d), nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

func callWithContext(d, limit time.Duration) {
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	res, err := slowCall(ctx, d)
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		fmt.Printf("ctx   %v call, %v limit: timed out (%v)\n", d, limit, err)
	case err != nil:
		fmt.Printf("ctx   %v call, %v limit: failed: %v\n", d, limit, err)
	default:
		fmt.Printf("ctx   %v call, %v limit: %s\n", d, limit, res)
	}
}

// ANCHOR_END: ctx

func main() {
	sleepy := func(d time.Duration) func() string {
		return func() string { time.Sleep(d); return fmt.Sprintf("done after %v", d) }
	}
	for _, d := range []time.Duration{50 * time.Millisecond, 300 * time.Millisecond} {
		res, err := callWithTimeout(sleepy(d), 100*time.Millisecond)
		if err != nil {
			fmt.Printf("after %v call, 100ms limit: %v\n", d, err)
		} else {
			fmt.Printf("after %v call, 100ms limit: %s\n", d, res)
		}
	}
	callWithContext(50*time.Millisecond, 100*time.Millisecond)
	callWithContext(300*time.Millisecond, 100*time.Millisecond)
}
