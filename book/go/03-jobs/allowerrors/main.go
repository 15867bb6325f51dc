// Command allowerrors shows RunAsyncAllowErrors: run functions concurrently, wait for
// all of them, and return one error slot per function (nil where it succeeded).
//
// Run it with: go run ./03-jobs/allowerrors   (from book/go)
package main

import (
	"errors"
	"fmt"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"time"
)

// ANCHOR: allowerrors
// GenericFunction is one job: no arguments, an error or nil.
type GenericFunction func() error

// RunAsyncAllowErrors runs every function in its own goroutine, waits for all of them,
// and returns their errors by index: errs[i] belongs to fns[i].
func RunAsyncAllowErrors(fns ...GenericFunction) []error {
	errs := make([]error, len(fns))
	var wg sync.WaitGroup
	wg.Add(len(fns))
	for i, fn := range fns {
		go func() {
			defer wg.Done()
			// Each goroutine writes only its own slot: no two write the same memory.
			errs[i] = safeCall(fn)
		}()
	}
	wg.Wait()
	return errs
}

// ANCHOR_END: allowerrors

func safeCall(fn GenericFunction) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic at %s: %v", formatStack(debug.Stack()), r)
		}
	}()
	return fn()
}

// formatStack returns "file.go:LINE" of the first frame below "panic(" that is not in
// the Go runtime: the line that panicked.
func formatStack(stack []byte) string {
	afterPanic := false
	for _, line := range strings.Split(string(stack), "\n") {
		if strings.HasPrefix(line, "panic(") {
			afterPanic = true
			continue
		}
		if !afterPanic || !strings.HasPrefix(line, "\t") || strings.Contains(line, "/runtime/") {
			continue
		}
		return filepath.Base(strings.Fields(strings.TrimSpace(line))[0])
	}
	return "unknown location"
}

// ANCHOR: main
func main() {
	var counts map[string]int // nil: writing to it panics
	start := time.Now()
	errs := RunAsyncAllowErrors(
		func() error { time.Sleep(300 * time.Millisecond); return nil },
		func() error { return errors.New("timeout talking to maps") },
		func() error { counts["search"]++; return nil },
		func() error { time.Sleep(200 * time.Millisecond); return errors.New("quota exceeded") },
	)
	fmt.Printf("all done after %v (the slowest job, not the sum)\n",
		time.Since(start).Round(100*time.Millisecond))
	for i, err := range errs {
		fmt.Printf("  job %d: %v\n", i, err)
	}
}

// ANCHOR_END: main
