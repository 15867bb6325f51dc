// Command memory is the Go twin of the Rust bench `memory` (benches/benches/memory.rs):
// the resident memory a parked goroutine holds, at 10 000 and 100 000 of them.
//
// Each figure is taken in a fresh child process (this program, re-run with -child N):
// it reads its resident memory (VmRSS), starts N goroutines that each block on
// receiving from one channel, waits until all of them are parked, reads its peak
// resident memory (VmHWM), then closes the channel and waits for all to finish. The
// figure is (peak - baseline) / N: bytes per parked goroutine, as the OS sees them.
//
// A goroutine starts with a 2 KiB stack that grows when it needs more; parked here, it
// needs no more. Around it: the runtime's record of the goroutine (its g), and the
// waiting-on-a-channel record (a sudog). Linux only: it reads /proc.
//
//	go run ./memory          (in benches/go; -quick or WORKSHOP_BENCH_QUICK=1: each figure once)
//	go run ./memory -json    (JSON lines for `cargo workshop bench memory`, which merges them)
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/exec"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"workshop/benches/internal/table"
)

var counts = []int{10000, 100000}

// childDeadline bounds how long a child may take to park, measure and release.
const childDeadline = 60 * time.Second

const tableID = "memory"

func main() {
	quickFlag := flag.Bool("quick", false, "each figure once (also: WORKSHOP_BENCH_QUICK=1)")
	asJSON := flag.Bool("json", false, "print the rows as JSON lines (for cargo workshop bench)")
	child := flag.Int("child", 0, "internal: park this many goroutines and print the figures")
	flag.Parse()
	quick := *quickFlag || os.Getenv("WORKSHOP_BENCH_QUICK") == "1"

	if *child > 0 {
		line, err := parkGoroutines(*child)
		if err != nil {
			log.Fatalf("memory child: %v", err)
		}
		fmt.Println(line)
		return
	}
	if runtime.GOOS != "linux" {
		fmt.Println("memory: this bench reads /proc, which only Linux has; nothing measured.")
		return
	}
	runs := 3
	if quick {
		runs = 1
	}

	title := "memory (Go): resident memory per parked goroutine (peak RSS over a baseline, a fresh process per figure)"
	e := table.NewEmitter(os.Stdout)
	if *asJSON {
		e.Table(tableID, title, false)
	} else {
		fmt.Println(title)
		fmt.Printf("  %-20s %9s %12s %10s\n", "name", "parked", "RSS growth", "per unit")
	}
	for _, count := range counts {
		var samples []sample
		for range runs {
			s, err := measure(count)
			if err != nil {
				log.Fatal(err)
			}
			samples = append(samples, s)
		}
		sort.Slice(samples, func(i, j int) bool { return samples[i].perUnit() < samples[j].perUnit() })
		s := samples[len(samples)/2]
		name := fmt.Sprintf("goroutine, %dk", count/1000)
		if *asJSON {
			e.Row(tableID, name, []table.Value{
				{Col: "parked", V: float64(s.parked), Unit: "n", Better: "lower"},
				{Col: "RSS growth", V: s.growth, Unit: "B", Better: "lower"},
				{Col: "per unit", V: s.perUnit(), Unit: "B", Better: "lower", Ratio: true},
			})
		} else {
			fmt.Printf("  %-20s %9d %8.1f MiB %6.0f B\n", name, s.parked, s.growth/1048576, s.perUnit())
		}
	}
	if err := e.Err(); err != nil {
		log.Fatal(err)
	}
}

type sample struct {
	parked int
	growth float64 // bytes
}

func (s sample) perUnit() float64 { return s.growth / float64(max(s.parked, 1)) }

// measure runs one child and reads its line: "parked N baseline_kib K peak_kib K".
func measure(count int) (sample, error) {
	exe, err := os.Executable()
	if err != nil {
		return sample{}, fmt.Errorf("cannot find this program: %v", err)
	}
	cmd := exec.Command(exe, "-child", strconv.Itoa(count))
	cmd.Stderr = os.Stderr
	done := make(chan struct{})
	timer := time.AfterFunc(childDeadline+5*time.Second, func() {
		if cmd.Process != nil {
			cmd.Process.Kill()
		}
		close(done)
	})
	out, err := cmd.Output()
	if !timer.Stop() {
		<-done
		return sample{}, fmt.Errorf("the child for %d goroutines did not answer in time", count)
	}
	if err != nil {
		return sample{}, fmt.Errorf("the child for %d goroutines failed: %v", count, err)
	}
	fields := strings.Fields(string(out))
	number := func(key string) (float64, error) {
		for i := 0; i+1 < len(fields); i++ {
			if fields[i] == key {
				return strconv.ParseFloat(fields[i+1], 64)
			}
		}
		return 0, fmt.Errorf("the child printed %q, without %s", out, key)
	}
	parked, err1 := number("parked")
	baseline, err2 := number("baseline_kib")
	peak, err3 := number("peak_kib")
	for _, err := range []error{err1, err2, err3} {
		if err != nil {
			return sample{}, err
		}
	}
	return sample{int(parked), max(peak-baseline, 0) * 1024}, nil
}

// ANCHOR: park
// parkGoroutines starts count goroutines that each block on one channel, measures,
// then releases them by closing the channel.
func parkGoroutines(count int) (string, error) {
	var parked, finished atomic.Int64
	release := make(chan struct{})
	var wg sync.WaitGroup
	baseline, err := statusKiB("VmRSS")
	if err != nil {
		return "", err
	}

	wg.Add(count)
	for range count {
		go func() {
			defer wg.Done()
			parked.Add(1)
			<-release // parked: blocked on a receive until the channel is closed
			finished.Add(1)
		}()
	}
	if err := waitFor(&parked, count, "goroutines to park"); err != nil {
		return "", err
	}
	peak, err := statusKiB("VmHWM")
	if err != nil {
		return "", err
	}

	close(release)
	wg.Wait()
	if finished.Load() != int64(count) {
		return "", fmt.Errorf("%d of %d goroutines finished", finished.Load(), count)
	}
	return fmt.Sprintf("parked %d baseline_kib %d peak_kib %d", count, baseline, peak), nil
}

// ANCHOR_END: park

// waitFor sleeps until counter reaches target, at most childDeadline.
func waitFor(counter *atomic.Int64, target int, what string) error {
	deadline := time.Now().Add(childDeadline)
	for counter.Load() < int64(target) {
		if time.Now().After(deadline) {
			return fmt.Errorf("waited %v for %s: %d of %d", childDeadline, what, counter.Load(), target)
		}
		time.Sleep(2 * time.Millisecond)
	}
	return nil
}

// statusKiB reads a kB field of /proc/self/status (VmRSS: resident now, VmHWM: the peak).
func statusKiB(key string) (int64, error) {
	file, err := os.Open("/proc/self/status")
	if err != nil {
		return 0, err
	}
	defer file.Close()
	return kibField(file, key)
}

func kibField(r io.Reader, key string) (int64, error) {
	scanner := bufio.NewScanner(r)
	for scanner.Scan() {
		name, value, found := strings.Cut(scanner.Text(), ":")
		if found && name == key {
			fields := strings.Fields(value)
			if len(fields) > 0 {
				return strconv.ParseInt(fields[0], 10, 64)
			}
		}
	}
	return 0, fmt.Errorf("no %s in /proc/self/status", key)
}
