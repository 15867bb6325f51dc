// Command runasync shows RunAsync: run functions concurrently, return the first error,
// and cancel the others through a shared context. A panic becomes an error that names
// the file and line where it happened.
//
// Run it with: go run ./03-jobs/runasync   (from book/go)
package main

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"time"
)

// ANCHOR: runasync
// GenericFunction is one job: it gets a context to notice when it should stop,
// and returns an error or nil.
type GenericFunction func(ctx context.Context) error

// RunAsync runs every function in its own goroutine and returns the first error.
// On that first error it cancels ctx, so the others can stop early.
func RunAsync(parent context.Context, fns ...GenericFunction) error {
	ctx, cancel := context.WithCancel(parent)
	defer cancel() // however we return, every function sees ctx.Done()

	// Buffered: the functions that finish after we returned can still send, and exit.
	errc := make(chan error, len(fns))
	for _, fn := range fns {
		go func() {
			errc <- safeCall(ctx, fn)
		}()
	}
	for range fns {
		if err := <-errc; err != nil {
			return err // the deferred cancel() tells the others to stop
		}
	}
	return nil
}

// ANCHOR_END: runasync

// ANCHOR: safecall
// safeCall runs fn and turns a panic into an error: recover() only works
// inside a deferred function, on the goroutine that panicked.
func safeCall(ctx context.Context, fn GenericFunction) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic at %s: %v", formatStack(debug.Stack()), r)
		}
	}()
	return fn(ctx)
}

// formatStack picks the one line we care about out of a goroutine's stack trace:
// the first file:line below the "panic(" frame that is not inside the runtime.
func formatStack(stack []byte) string {
	lines := strings.Split(string(stack), "\n")
	afterPanic := false
	for _, line := range lines {
		if strings.HasPrefix(line, "panic(") {
			afterPanic = true
			continue
		}
		// File lines look like "\t/path/to/main.go:42 +0x1d".
		if !afterPanic || !strings.HasPrefix(line, "\t") || strings.Contains(line, "/runtime/") {
			continue
		}
		fileAndLine := strings.Fields(strings.TrimSpace(line))[0]
		return filepath.Base(fileAndLine)
	}
	return "unknown location"
}

// ANCHOR_END: safecall

// ANCHOR: main
func main() {
	// The jobs write what happened to them here; main prints it once they are done,
	// so the output comes out in the same order every time.
	var wg sync.WaitGroup
	var slowSaw, loopSaw string
	wg.Add(2)

	slow := func(ctx context.Context) error {
		defer wg.Done()
		select {
		case <-time.After(30 * time.Second):
			slowSaw = "finished its 30 s of work"
			return nil
		case <-ctx.Done(): // the Go spelling of "check the stop signal"
			slowSaw = "stopped: " + ctx.Err().Error()
			return ctx.Err()
		}
	}
	looping := func(ctx context.Context) error {
		defer wg.Done()
		for {
			select {
			case <-ctx.Done():
				loopSaw = "stopped: " + ctx.Err().Error()
				return ctx.Err()
			case <-time.After(10 * time.Millisecond): // one unit of work
			}
		}
	}
	failing := func(ctx context.Context) error {
		time.Sleep(100 * time.Millisecond)
		return errors.New("the upstream said 500")
	}

	start := time.Now()
	err := RunAsync(context.Background(), slow, looping, failing)
	elapsed := time.Since(start).Round(100 * time.Millisecond)
	fmt.Printf("RunAsync returned after %v: %v\n", elapsed, err)
	wg.Wait()
	fmt.Println("  slow:   ", slowSaw)
	fmt.Println("  looping:", loopSaw)

	var shelf []int
	panicky := func(ctx context.Context) error {
		fmt.Println(shelf[3]) // index out of range: a runtime panic
		return nil
	}
	fmt.Println("RunAsync with a panicking job:", RunAsync(context.Background(), panicky))
}

// ANCHOR_END: main
