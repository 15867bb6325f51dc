// Command requestctx shows a timeout reaching the socket: the client's request carries
// a context with a deadline (http.NewRequestWithContext); when it passes, the transport
// closes the connection, and the server sees its request's context cancelled.
//
// Run it from book/go: go run ./04-timeouts/requestctx
package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"time"
)

func main() {
	// A server that never answers, and reports when its client gives up: the Go cousin
	// of the fake upstream's fault=hang and its `abandoned` counter.
	abandoned := make(chan error, 1)
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done() // cancelled when the client's connection closes
		abandoned <- r.Context().Err()
	}))
	defer server.Close()

	// ANCHOR: client
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, server.URL+"/github", nil)
	if err != nil {
		fmt.Println("bad request:", err)
		return
	}
	start := time.Now()
	resp, err := http.DefaultClient.Do(req)
	// ANCHOR_END: client
	if err == nil {
		resp.Body.Close()
		fmt.Println("unexpected answer:", resp.Status)
		return
	}
	fmt.Printf("client: gave up after ~%d ms: %v\n",
		time.Since(start).Round(50*time.Millisecond).Milliseconds(), err)

	select {
	case why := <-abandoned:
		fmt.Printf("server: the client went away (%v)\n", why)
	case <-time.After(5 * time.Second):
		fmt.Println("server: never noticed the client leave")
	}
}
