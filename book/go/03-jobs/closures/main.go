// Command closures shows how closures carry arguments into a job and results out of it,
// when every job must have the same shape: func() error.
//
// Run it with: go run ./03-jobs/closures   (from book/go)
package main

import (
	"fmt"
	"sort"
	"sync"
)

type GenericFunction func() error

// RunAsync: the first error, or nil once all functions succeeded.
// (The runasync program has the version with a context and panic recovery.)
func RunAsync(fns ...GenericFunction) error {
	errc := make(chan error, len(fns))
	for _, fn := range fns {
		go func() { errc <- fn() }()
	}
	for range fns {
		if err := <-errc; err != nil {
			return err
		}
	}
	return nil
}

// featureUsage stands in for one call to one feature's microservice.
func featureUsage(customer, feature string) (int, error) {
	perLetter := map[string]int{"search": 12, "maps": 5, "alerts": 3, "news": 8}
	n, ok := perLetter[feature]
	if !ok {
		return 0, fmt.Errorf("no such feature: %s", feature)
	}
	return n * len(customer), nil
}

// ANCHOR: closures
// UsageReport is the state every job writes into: a pointer to it travels in the closures.
type UsageReport struct {
	mu    sync.Mutex
	Usage map[string]int
}

// usageJob is a higher-order function: it takes the arguments and returns a
// GenericFunction that has them captured. Arguments in: customer, feature.
// Results out: through the report pointer.
func usageJob(customer, feature string, report *UsageReport) GenericFunction {
	return func() error {
		n, err := featureUsage(customer, feature)
		if err != nil {
			return err
		}
		report.mu.Lock()
		defer report.mu.Unlock()
		report.Usage[feature] = n
		return nil
	}
}

// ANCHOR_END: closures

func main() {
	// ANCHOR: main
	report := &UsageReport{Usage: map[string]int{}}
	var jobs []GenericFunction
	for _, feature := range []string{"search", "maps", "alerts", "news"} {
		jobs = append(jobs, usageJob("ada", feature, report))
	}
	if err := RunAsync(jobs...); err != nil {
		fmt.Println("error:", err)
		return
	}
	// ANCHOR_END: main
	features := make([]string, 0, len(report.Usage))
	for feature := range report.Usage {
		features = append(features, feature)
	}
	sort.Strings(features) // map order is random in Go; print in a fixed order
	for _, feature := range features {
		fmt.Printf("  %-7s %d\n", feature, report.Usage[feature])
	}
	fmt.Println("with an unknown feature:",
		RunAsync(usageJob("ada", "search", report), usageJob("ada", "teleport", report)))
}
