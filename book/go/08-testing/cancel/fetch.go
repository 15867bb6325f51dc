// Package cancel is exercise 2 in Go: a test proving that giving up on a request
// reaches the server, with an in-process fake server (net/http/httptest, on
// 127.0.0.1:0) and gates instead of sleeps.
//
// Run from book/go: go test ./08-testing/cancel
package cancel

import (
	"context"
	"io"
	"net/http"
)

// Fetch GETs url and returns its body. The request carries ctx: cancelling ctx makes
// the transport close the connection.
func Fetch(ctx context.Context, client *http.Client, url string) (string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return "", err
	}
	resp, err := client.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	return string(body), err
}
