// Command cancelrest stops the other jobs when the first one fails: the errgroup
// pattern, written out with context.WithCancel and a sync.WaitGroup.
//
// Run it from book/go: go run ./04-timeouts/cancelrest
package main

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"
)

// ANCHOR: group
// runUntilFirstError runs every job in its own goroutine. The first error cancels ctx,
// which every job watches; then it waits until all jobs have returned.
func runUntilFirstError(parent context.Context, jobs []func(context.Context) error) error {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()

	var wg sync.WaitGroup
	var once sync.Once
	var firstErr error
	for _, job := range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := job(ctx); err != nil {
				once.Do(func() {
					firstErr = err
					cancel() // tell the others; they must be watching ctx.Done()
				})
			}
		}()
	}
	wg.Wait() // a goroutine cannot be killed: wait until each one has noticed
	return firstErr
}

// ANCHOR_END: group

func worker(name string, d time.Duration) func(context.Context) error {
	return func(ctx context.Context) error {
		select {
		case <-time.After(d):
			fmt.Printf("  %s: finished\n", name)
			return nil
		case <-ctx.Done():
			fmt.Printf("  %s: stopped (%v)\n", name, ctx.Err())
			return ctx.Err()
		}
	}
}

func failing(d time.Duration) func(context.Context) error {
	return func(ctx context.Context) error {
		time.Sleep(d)
		fmt.Println("  failing: upstream said 500")
		return errors.New("upstream said 500")
	}
}

func main() {
	start := time.Now()
	err := runUntilFirstError(context.Background(), []func(context.Context) error{
		worker("facebook", time.Hour),
		failing(50 * time.Millisecond),
		worker("github", time.Hour),
	})
	fmt.Printf("error: %v, after ~%d ms\n", err, time.Since(start).Round(50*time.Millisecond).Milliseconds())
}
