// Two goroutines taking turns over two unbuffered channels: the seed article's second
// program. Run: go run ./00-basics/pingpong (from book/go).
//
// Everything is ordered by the hand-overs except one pair of lines: the message
// goroutine's last line and the first "OK!". The published output shows "OK!" first;
// another run (or another machine) may print them the other way round.
package main

import "fmt"

const message = "im reading fugu.cafe"

// ANCHOR: worker
func iterateUntil(turns int, myTurn <-chan struct{}, yourTurn chan<- struct{},
	done chan<- string, printsNumbers bool) {
	for i := 0; i < turns; i++ {
		<-myTurn // wait for my turn
		if printsNumbers {
			fmt.Println(i)
		} else {
			fmt.Println(message)
		}
		yourTurn <- struct{}{} // blocks until the other side takes the turn
	}
	done <- "OK!"
}

// ANCHOR_END: worker

// ANCHOR: main
func main() {
	turns := 10
	x := make(chan struct{}) // unbuffered: a send waits for its receive
	y := make(chan struct{})
	done := make(chan string, 2) // buffered: reporting never blocks

	go iterateUntil(turns, x, y, done, true)
	go iterateUntil(turns, y, x, done, false)

	fmt.Println("there is")
	x <- struct{}{} // hand out the first turn
	fmt.Println(<-done)
	<-x // the message goroutine's last hand-over: nobody else will take it
	fmt.Println(<-done)
	fmt.Println("all done")
}

// ANCHOR_END: main
