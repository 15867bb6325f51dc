package cancel

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

// ANCHOR: gates
func TestCancelReachesTheServer(t *testing.T) {
	arrived := make(chan struct{}) // gate: the server has the request
	left := make(chan struct{})    // gate: the server saw the client leave
	server := httptest.NewServer(http.HandlerFunc(
		func(w http.ResponseWriter, r *http.Request) {
			close(arrived)
			<-r.Context().Done() // never answers; ends when the client leaves
			close(left)
		}))
	defer server.Close()

	ctx, cancel := context.WithCancel(context.Background())
	go Fetch(ctx, server.Client(), server.URL)
	select { // wait for the event, with a deadline: never a bare sleep
	case <-arrived:
	case <-time.After(2 * time.Second):
		t.Fatal("the request never reached the server")
	}
	cancel()
	select {
	case <-left:
	case <-time.After(2 * time.Second):
		t.Fatal("cancelled, but the server never saw the client leave")
	}
}

// ANCHOR_END: gates
