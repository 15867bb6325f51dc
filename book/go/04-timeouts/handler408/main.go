// Command handler408 is an HTTP handler with a deadline: if the work is slower than the
// deadline, the client gets 408 Request Timeout instead of waiting.
//
// It starts the server on a free local port, sends it one fast and one slow request,
// prints both answers and exits. Run it from book/go: go run ./04-timeouts/handler408
package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"time"
)

// ANCHOR: handler
// handleTask does work that takes ?work_ms= milliseconds, under a 200 ms deadline.
func handleTask(w http.ResponseWriter, r *http.Request) {
	workMs, err := strconv.Atoi(r.URL.Query().Get("work_ms"))
	if err != nil {
		http.Error(w, "work_ms must be an integer", http.StatusBadRequest)
		return
	}

	// The request's context is cancelled when the client goes away; WithTimeout adds a
	// deadline on top. cancel releases the timer as soon as we are done.
	ctx, cancel := context.WithTimeout(r.Context(), 200*time.Millisecond)
	defer cancel()

	// Buffered: if the deadline wins, the worker can still send and exit. With an
	// unbuffered channel it would block on the send forever: a goroutine leak.
	done := make(chan string, 1)
	go func() {
		done <- doWork(ctx, time.Duration(workMs)*time.Millisecond)
	}()

	select {
	case res := <-done:
		fmt.Fprintf(w, "Success: %s\n", res)
	case <-ctx.Done():
		// ctx.Err() says why: context.DeadlineExceeded or context.Canceled.
		http.Error(w, fmt.Sprintf("Request canceled: %v", ctx.Err()), http.StatusRequestTimeout)
	}
}

// doWork stands for a slow call. It watches ctx, so it stops early when nobody wants
// its result any more: cancellation in Go is cooperative.
func doWork(ctx context.Context, d time.Duration) string {
	select {
	case <-time.After(d):
		return "task completed"
	case <-ctx.Done():
		return "task abandoned"
	}
}

// ANCHOR_END: handler

func main() {
	server := httptest.NewServer(http.HandlerFunc(handleTask))
	defer server.Close()

	for _, workMs := range []int{50, 500} {
		start := time.Now()
		resp, err := http.Get(fmt.Sprintf("%s/task?work_ms=%d", server.URL, workMs))
		if err != nil {
			fmt.Println("request failed:", err)
			return
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		fmt.Printf("work %3d ms -> %d after ~%d ms: %s", workMs, resp.StatusCode,
			time.Since(start).Round(50*time.Millisecond).Milliseconds(), body)
	}
}
