// Two goroutines taking turns under a mutex and a condition variable: the seed article's
// third program. Run: go run ./00-basics/turns (from book/go).
//
// Each line is printed while holding the lock and the turn, so the output is the same
// on every run.
package main

import (
	"fmt"
	"sync"
)

const message = "im reading fugu.cafe"

// ANCHOR: worker
func iterateUntil(turns int, mu *sync.Mutex, cond *sync.Cond,
	wg *sync.WaitGroup, turn *string, me string) {
	defer wg.Done()
	for i := 0; i < turns; i++ {
		mu.Lock()
		for *turn != me { // re-check after every wake-up
			cond.Wait() // unlocks mu while asleep, locks it again on waking
		}
		if me == "numbers" {
			fmt.Println(i)
			*turn = "message"
		} else {
			fmt.Println(message)
			*turn = "numbers"
		}
		cond.Signal() // two players: waking one is enough; with more, Broadcast
		mu.Unlock()
	}
}

// ANCHOR_END: worker

// ANCHOR: main
func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	turn := "numbers"

	fmt.Println("there is")
	wg.Add(2)
	go iterateUntil(10, &mu, cond, &wg, &turn, "numbers")
	go iterateUntil(10, &mu, cond, &wg, &turn, "message")
	wg.Wait()
	fmt.Println("both OK!")
	fmt.Println("all done")
}

// ANCHOR_END: main
