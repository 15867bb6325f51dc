// Command fetch makes the step's one API call in Go: GET a JSON document and decode it
// into a struct, turning each way the call can fail into an error that says which.
//
// To run offline with nothing else started, it serves the weather document itself from
// an in-process test server (as the Rust tests use the in-process fake upstream), then
// calls it, then calls it again with the faults the Rust tests use.
//
// Run it with `go run ./01-typed-json/fetch` from book/go.
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"time"
)

// Weather is GET /weather (see ../decode for the zero-value story).
type Weather struct {
	City        string   `json:"city"`
	Temperature float64  `json:"temperature_c"`
	Conditions  string   `json:"conditions"`
	WindKmh     *float64 `json:"wind_kmh"`
}

// ANCHOR: fetch
// fetchJSON GETs url and decodes the body into out. The three ifs are the three
// ways the call fails: no answer, a bad status, a body that is not the JSON we
// want.
func fetchJSON(client *http.Client, url string, out any) error {
	resp, err := client.Get(url)
	if err != nil {
		return fmt.Errorf("GET %s failed: %w", url, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return fmt.Errorf("GET %s answered HTTP %d", url, resp.StatusCode)
	}
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return fmt.Errorf("GET %s failed: %w", url, err)
	}
	if err := json.Unmarshal(body, out); err != nil {
		return fmt.Errorf("GET %s: %w", url, err)
	}
	return nil
}

// ANCHOR_END: fetch

// fakeWeather answers like the workshop's fake upstream: ?fault=500 and
// ?fault=invalid_json misbehave, anything else gets the weather document.
func fakeWeather(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	switch r.URL.Query().Get("fault") {
	case "500":
		w.WriteHeader(http.StatusInternalServerError)
		fmt.Fprint(w, `{"error":"injected fault: 500"}`)
	case "invalid_json":
		fmt.Fprint(w, `{"service":"weather","city":`)
	default:
		fmt.Fprint(w, `{"service":"weather","city":"Berlin","temperature_c":21.5,"conditions":"sunny","wind_kmh":null}`)
	}
}

func main() {
	server := httptest.NewServer(http.HandlerFunc(fakeWeather))
	defer server.Close()

	// ANCHOR: call
	// One client for the whole program (it pools connections), with a
	// timeout: the default http.Client waits forever.
	client := &http.Client{Timeout: 5 * time.Second}
	var weather Weather
	if err := fetchJSON(client, server.URL+"/weather", &weather); err != nil {
		fmt.Println("error:", err)
		return
	}
	fmt.Printf("%s: %.1f °C, %s\n",
		weather.City, weather.Temperature, weather.Conditions)
	// ANCHOR_END: call

	for _, fault := range []string{"500", "invalid_json"} {
		var broken Weather
		err := fetchJSON(client, server.URL+"/weather?fault="+fault, &broken)
		fmt.Println("fault", fault, "->", err)
	}
}
