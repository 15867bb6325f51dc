package main

import (
	"runtime"
	"strings"
	"testing"
)

func TestKibFieldReadsAKilobyteLineOfProcStatus(t *testing.T) {
	status := "Name:\tmemory\nVmHWM:\t  123456 kB\nVmRSS:\t    2048 kB\n"
	if got, err := kibField(strings.NewReader(status), "VmHWM"); err != nil || got != 123456 {
		t.Errorf("expected VmHWM 123456, got %d (%v)", got, err)
	}
	if _, err := kibField(strings.NewReader(status), "VmSwap"); err == nil {
		t.Error("expected an error for a missing field")
	}
}

func TestAFewGoroutinesParkAndFinish(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("reads /proc")
	}
	line, err := parkGoroutines(8)
	if err != nil || !strings.HasPrefix(line, "parked 8 baseline_kib ") {
		t.Fatalf("expected 8 goroutines to park and finish, got %q (%v)", line, err)
	}
}
