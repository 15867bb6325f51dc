// Command job shows a Job with Start() and Wait(), for people coming from Python's
// threading.Thread(target=f).start() / .join(): a goroutine plus a channel, behind a name.
//
// Run it with: go run ./03-jobs/job   (from book/go)
package main

import (
	"errors"
	"fmt"
	"time"
)

// ANCHOR: job
// Job is a named piece of work that has not started yet.
type Job[T any] struct {
	Name string
	Run  func() (T, error)
}

// Handle is a started job: Wait() blocks until its result is there.
type Handle[T any] struct {
	done  chan struct{} // closed when the job has finished
	value T
	err   error
}

// Start runs the job in a new goroutine and returns at once.
func (j Job[T]) Start() *Handle[T] {
	h := &Handle[T]{done: make(chan struct{})}
	go func() {
		defer close(h.done) // closing happens after the writes below: Wait may read them
		h.value, h.err = j.Run()
	}()
	return h
}

// Wait blocks until the job has finished and returns its result.
func (h *Handle[T]) Wait() (T, error) {
	<-h.done
	return h.value, h.err
}

// ANCHOR_END: job

func main() {
	// ANCHOR: main
	fetchUser := Job[string]{Name: "fetch-user", Run: func() (string, error) {
		time.Sleep(100 * time.Millisecond)
		return "ada", nil
	}}
	fetchOrders := Job[int]{Name: "fetch-orders", Run: func() (int, error) {
		time.Sleep(100 * time.Millisecond)
		return 0, errors.New("orders service unavailable")
	}}

	start := time.Now()
	user, orders := fetchUser.Start(), fetchOrders.Start() // both running now
	name, err1 := user.Wait()
	count, err2 := orders.Wait()
	fmt.Printf("user=%q err=%v | orders=%d err=%v | after %v\n",
		name, err1, count, err2, time.Since(start).Round(100*time.Millisecond))
	// ANCHOR_END: main
}
