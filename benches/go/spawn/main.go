// Command spawn is the Go twin of the Rust bench `spawn` (benches/benches/spawn.rs):
// the cost of starting 1000 goroutines and waiting for all of them.
//
// A goroutine starts on a small stack (a few KiB, grown on demand) and is scheduled by
// the Go runtime onto GOMAXPROCS OS threads, so starting one is closer to a tokio task
// than to a thread. For comparison, the first row makes every goroutine lock its OS
// thread and exit without unlocking: the runtime then throws that thread away, so each
// goroutine costs a fresh OS thread, about what std::thread::spawn costs in Rust. The
// last row runs the goroutines with GOMAXPROCS=1 (one thread runs Go code): the twin of
// tokio's current-thread runtime.
//
//	go run ./spawn          (in benches/go; WORKSHOP_BENCH_QUICK=1 or -quick for a short run)
//	go run ./spawn -json    (JSON lines for `cargo workshop bench spawn`, which merges them)
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"runtime"
	"sync"

	"workshop/benches/internal/table"
)

const batch = 1000

// sink keeps the compiler from optimising the goroutines' work away.
var sink [batch]int

func main() {
	quickFlag := flag.Bool("quick", false, "a short run (also: WORKSHOP_BENCH_QUICK=1)")
	asJSON := flag.Bool("json", false, "print the rows as JSON lines (for cargo workshop bench)")
	flag.Parse()
	quick := *quickFlag || os.Getenv("WORKSHOP_BENCH_QUICK") == "1"

	// The thread row first, like the Rust table, so both compare against a thread.
	rows := []table.Row{
		table.Measure("OS thread", batch, "spawn", quick, goroutinesOnFreshThreads),
		table.Measure("goroutine", batch, "spawn", quick, goroutines),
	}
	cores := runtime.GOMAXPROCS(1) // one thread runs Go code, until restored below
	rows = append(rows, table.Measure("goroutine, GOMAXPROCS=1", batch, "spawn", quick, goroutines))
	runtime.GOMAXPROCS(cores)

	title := fmt.Sprintf("spawn (Go): start %d, then wait for all of them", batch)
	note := "Go's OS thread: a goroutine locked to a new thread; its clock stops before the thread ends, Rust's join waits for it"
	if err := table.Print(os.Stdout, *asJSON, "spawn", title, rows, note); err != nil {
		log.Fatal(err)
	}
}

// ANCHOR: goroutines
func goroutines() {
	var wg sync.WaitGroup
	wg.Add(batch)
	for i := range batch {
		go func() { // since Go 1.22, i is a new variable in every iteration
			defer wg.Done()
			sink[i] = i
		}()
	}
	wg.Wait()
}

// ANCHOR_END: goroutines

// goroutinesOnFreshThreads: a goroutine that exits while locked to its OS thread takes
// the thread down with it, so the runtime must start a new one for the next goroutine.
func goroutinesOnFreshThreads() {
	var wg sync.WaitGroup
	wg.Add(batch)
	for i := range batch {
		go func() {
			runtime.LockOSThread() // never unlocked: this thread ends with the goroutine
			defer wg.Done()
			sink[i] = i
		}()
	}
	wg.Wait()
}
