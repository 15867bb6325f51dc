// A panic in one goroutine ends the whole program, however healthy the others are.
// Run from book/go:
//
//	go run ./06-parallel-cpu/panics          # each worker recovers: errors, not a crash
//	go run ./06-parallel-cpu/panics -crash   # no recover: the program dies (exit status 2)
package main

import (
	"flag"
	"fmt"
)

// ANCHOR: worker
func indexChunk(chunk int, recoverPanics bool, errs chan<- error) {
	if recoverPanics {
		defer func() {
			// recover only works in a deferred call on the panicking goroutine itself.
			if r := recover(); r != nil {
				errs <- fmt.Errorf("chunk %d: %v", chunk, r)
				return
			}
		}()
	}
	if chunk == 2 {
		panic("bad document 7")
	}
	errs <- nil
}

// ANCHOR_END: worker

func main() {
	crash := flag.Bool("crash", false, "do not recover panics in the workers")
	flag.Parse()
	errs := make(chan error)
	for chunk := 0; chunk < 4; chunk++ {
		go indexChunk(chunk, !*crash, errs)
	}
	for i := 0; i < 4; i++ {
		if err := <-errs; err != nil {
			fmt.Println("failed:", err)
		} else {
			fmt.Println("a chunk is done")
		}
	}
	fmt.Println("main is still here")
}
