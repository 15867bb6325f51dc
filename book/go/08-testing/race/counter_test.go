package race

import "testing"

func TestCountAtomic(t *testing.T) {
	if got := CountAtomic(5, 1000); got != 5000 {
		t.Fatalf("expected 5000, got %d", got)
	}
}
