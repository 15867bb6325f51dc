//go:build race

// Built only under -race (the go tool sets the `race` tag then): this test fails on
// purpose, to show the race detector's report.
package race

import "testing"

// ANCHOR: racy_test
// The count may even come out right: what fails the test is the detector, which
// watches every memory access of the run and reports two goroutines touching
// `counter` with nothing ordering them.
func TestCountRacy(t *testing.T) {
	t.Logf("counted %d of 5000", CountRacy(5, 1000))
}

// ANCHOR_END: racy_test
