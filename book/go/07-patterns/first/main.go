// Command first races replicas of a slow search backend two ways: Rob Pike's First
// (ask every replica at once, keep the first answer) and a hedged request (ask one,
// and the next only if no answer came within a hedge delay), and counts the requests
// each one sent.
//
// Run it from book/go: go run ./07-patterns/first
package main

import (
	"context"
	"fmt"
	"sync/atomic"
	"time"
)

type Result string

// Search is one replica: it answers after its latency, or gives up when ctx is done.
type Search func(ctx context.Context, query string) (Result, error)

var sent atomic.Int64

func replica(name string, latency time.Duration) Search {
	return func(ctx context.Context, query string) (Result, error) {
		sent.Add(1)
		select {
		case <-time.After(latency):
			return Result(fmt.Sprintf("%s result for %q", name, query)), nil
		case <-ctx.Done():
			return "", ctx.Err() // cancelled: the loser stops working
		}
	}
}

// ANCHOR: first
// First asks every replica at once and returns the first answer (Pike's
// "Google Search 3.0"). The channel has room for every answer, so the losers
// can still send theirs and end, instead of blocking forever.
func First(ctx context.Context, query string, replicas ...Search) Result {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel() // tells the losers to stop
	c := make(chan Result, len(replicas))
	for _, search := range replicas {
		go func() {
			if r, err := search(ctx, query); err == nil {
				c <- r
			}
		}()
	}
	return <-c
}

// ANCHOR_END: first

// ANCHOR: hedged
// Hedged asks replicas[0] at once and each next replica only when delay passes
// without an answer; the first answer wins and cancel stops the others.
// (Failures are left out to keep it short: the Rust exercise handles them.)
func Hedged(ctx context.Context, query string, delay time.Duration,
	replicas ...Search) Result {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	c := make(chan Result, len(replicas))
	for _, search := range replicas {
		go func() {
			if r, err := search(ctx, query); err == nil {
				c <- r
			}
		}()
		select {
		case r := <-c:
			return r // an answer before the hedge delay: ask no one else
		case <-time.After(delay):
			// no answer yet: hedge with the next replica
		}
	}
	return <-c
}

// ANCHOR_END: hedged

func main() {
	slow, fast := replica("slow", 300*time.Millisecond), replica("fast", 50*time.Millisecond)
	for _, run := range []struct {
		name string
		do   func() Result
	}{
		{"First, slow replica first", func() Result { return First(context.Background(), "golang", slow, fast, fast) }},
		{"Hedged, slow replica first", func() Result { return Hedged(context.Background(), "golang", 80*time.Millisecond, slow, fast, fast) }},
		{"Hedged, fast replica first", func() Result { return Hedged(context.Background(), "golang", 80*time.Millisecond, fast, slow, slow) }},
	} {
		sent.Store(0)
		start := time.Now()
		r := run.do()
		fmt.Printf("%-28s %-26s %3d ms, requests sent: %d\n", run.name, r, time.Since(start).Milliseconds(), sent.Load())
	}
}
