// Command pipeline squares numbers in a two-stage pipeline joined by small buffered
// channels: a slow consumer holds the producer back, and when the consumer leaves
// early, closing done stops every stage (the Go blog's "Pipelines and cancellation").
//
// Run it from book/go: go run ./07-patterns/pipeline
package main

import (
	"fmt"
	"time"
)

// ANCHOR: pipeline
// gen sends 0, 1, 2, ... until done is closed. The buffer of 2 is its room to
// run ahead: when it is full, the send blocks until someone reads.
func gen(done <-chan struct{}) <-chan int {
	out := make(chan int, 2)
	go func() {
		defer close(out) // the end of the input is the end of the output
		for n := 0; ; n++ {
			select {
			case out <- n:
				fmt.Println("  gen: sent", n)
			case <-done:
				return // the consumer left: stop producing
			}
		}
	}()
	return out
}

// sq squares what it reads, until its input closes or done is closed.
func sq(done <-chan struct{}, in <-chan int) <-chan int {
	out := make(chan int, 2)
	go func() {
		defer close(out)
		for n := range in {
			select {
			case out <- n * n:
			case <-done:
				return
			}
		}
	}()
	return out
}

// ANCHOR_END: pipeline

func main() {
	done := make(chan struct{})
	squares := sq(done, gen(done))
	for i := 0; i < 3; i++ {
		time.Sleep(100 * time.Millisecond) // a slow consumer
		fmt.Println("main: got", <-squares)
	}
	close(done) // leave early: every stage returns
	time.Sleep(50 * time.Millisecond)
	fmt.Println("main: done")
}
