// Command channels is the Go twin of the Rust bench `channels`
// (benches/benches/channels.rs): 100 000 numbers from producers to one consumer
// through a channel with a buffer of 1024, and through an unbuffered one (every send
// waits for its receive); then the buffered one again with GOMAXPROCS=1, the twin of
// tokio's current-thread runtime. First one producer, then four.
//
// A Go channel is the one tool Go has for all of these cases; Rust has three (std,
// crossbeam, tokio), because threads and async tasks block in different ways.
//
//	go run ./channels        (in benches/go; WORKSHOP_BENCH_QUICK=1 or -quick for a short run)
//	go run ./channels -json  (JSON lines for `cargo workshop bench channels`, which merges them)
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"runtime"

	"workshop/benches/internal/table"
)

const (
	messages = 100000
	capacity = 1024
)

// expectedSum is 0 + 1 + ... + (messages - 1): checked every time, so a lost message
// fails the bench instead of looking fast.
const expectedSum = messages * (messages - 1) / 2

func main() {
	quickFlag := flag.Bool("quick", false, "a short run (also: WORKSHOP_BENCH_QUICK=1)")
	asJSON := flag.Bool("json", false, "print the rows as JSON lines (for cargo workshop bench)")
	flag.Parse()
	quick := *quickFlag || os.Getenv("WORKSHOP_BENCH_QUICK") == "1"

	for i, producers := range []int{1, 4} {
		if i > 0 && !*asJSON {
			fmt.Println()
		}
		plural := "s"
		if producers == 1 {
			plural = ""
		}
		title := fmt.Sprintf("channels (Go): %d messages, %d producer%s -> 1 consumer", messages, producers, plural)
		rows := []table.Row{
			table.Measure(fmt.Sprintf("chan, buffer %d", capacity), messages, "message", quick, func() { send(producers, capacity) }),
			table.Measure("chan, unbuffered", messages, "message", quick, func() { send(producers, 0) }),
		}
		// One thread runs Go code: producers and consumer take turns, like tasks on
		// tokio's current-thread runtime.
		cores := runtime.GOMAXPROCS(1)
		rows = append(rows, table.Measure(fmt.Sprintf("chan, buffer %d, GOMAXPROCS=1", capacity), messages, "message", quick, func() { send(producers, capacity) }))
		runtime.GOMAXPROCS(cores)
		// The same table id as the Rust bench's criterion group, so the rows meet.
		id := fmt.Sprintf("channels/%d-producer", producers)
		if err := table.Print(os.Stdout, *asJSON, id, title, rows); err != nil {
			log.Fatal(err)
		}
	}
}

// ANCHOR: send
// send moves the numbers 0..messages-1 from `producers` goroutines to this one.
func send(producers, buffer int) {
	ch := make(chan int, buffer)
	done := make(chan struct{})
	for p := range producers {
		go func() { // since Go 1.22, p is a new variable in every iteration
			for n := p; n < messages; n += producers {
				ch <- n
			}
			done <- struct{}{}
		}()
	}
	// Close the channel once every producer is done, so the range below ends.
	go func() {
		for p := 0; p < producers; p++ {
			<-done
		}
		close(ch)
	}()
	sum := 0
	for n := range ch {
		sum += n
	}
	if sum != expectedSum {
		log.Fatalf("the channel lost or duplicated messages: sum %d, expected %d", sum, expectedSum)
	}
}

// ANCHOR_END: send
