// Two goroutines printing side by side, unsynchronised: the seed article's first
// program. Run: go run ./00-basics/goroutines (from book/go).
//
// The interleaving of the numbers and the messages changes from run to run: nothing
// orders them. main sleeps long enough for both to finish, which is exactly the kind of
// "synchronisation by sleeping" the later programs replace.
package main

import (
	"fmt"
	"time"
)

const message = "im reading fugu.cafe"

// ANCHOR: goroutines
func count(upTo int) {
	for i := 0; i < upTo; i++ {
		time.Sleep(500 * time.Millisecond)
		fmt.Println(i)
	}
}

func main() {
	turns := 10
	go count(turns) // `go` starts the call and returns at once

	// A function literal works just as well.
	go func(line string) {
		for i := 0; i < turns; i++ {
			time.Sleep(500 * time.Millisecond)
			fmt.Println(line)
		}
	}(message)

	fmt.Println("ops") // printed first: neither goroutine has woken up yet
	time.Sleep(6 * time.Second)
}

// ANCHOR_END: goroutines
