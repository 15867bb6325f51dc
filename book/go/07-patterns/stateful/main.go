// Command stateful keeps a map of counters in one goroutine that owns it; other
// goroutines read and write it by sending requests that carry a reply channel (Go by
// Example's "Stateful Goroutines").
//
// Run it from book/go: go run ./07-patterns/stateful
package main

import (
	"fmt"
	"sync"
)

// ANCHOR: stateful
type addOp struct {
	key    string
	amount int
	resp   chan int // the new total
}

type getOp struct {
	key  string
	resp chan int
}

// owner is the only goroutine that touches counters: no lock needed.
func owner(adds <-chan addOp, gets <-chan getOp) {
	counters := map[string]int{}
	for {
		select {
		case op := <-adds:
			counters[op.key] += op.amount
			op.resp <- counters[op.key]
		case op := <-gets:
			op.resp <- counters[op.key]
		}
	}
}

// ANCHOR_END: stateful

func main() {
	adds, gets := make(chan addOp), make(chan getOp)
	go owner(adds, gets)

	var wg sync.WaitGroup
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 50 {
				op := addOp{key: "visits", amount: 1, resp: make(chan int)}
				adds <- op
				<-op.resp
			}
		}()
	}
	wg.Wait()
	op := getOp{key: "visits", resp: make(chan int)}
	gets <- op
	fmt.Println("visits:", <-op.resp) // 1000: no update lost
}
