// Command server is the Go twin of the workshop's step 05 server (solutions/05-server).
//
// GET /things?deadline_ms=N calls every configured upstream at once, one goroutine per
// call, all under one context.WithTimeout, and answers
// {"elapsed_ms": int, "results": [{"name","status","elapsed_ms","body"?,"error"?}]}
// in configured order. The same rules as the Rust server: deadline_ms digits only in
// 1..=10000 (default 1000), bodies capped at 1 MiB, redirects not followed, 503 at once
// over -max-in-flight, JSON errors, a panic is a 500, graceful shutdown on SIGINT/SIGTERM.
//
//	go run ./server -upstream facebook=http://127.0.0.1:4000/facebook -upstream ...
//
// It prints "listening on http://ADDR" on stdout once it accepts connections (the bench
// reads that line). Unlike the Rust server it has no embedded fake upstreams: without
// -upstream it only says how it is measured and exits, which is what
// `cargo workshop bench server` sees when it runs the Go twins after the Rust bench.
//
// One copy, two readers: benches/benches/server.rs measures it and book/src/05-server.md
// includes it (its ANCHOR lines).
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"
)

const (
	defaultDeadline = 1000 * time.Millisecond
	maxDeadlineMs   = 10000
	maxBodyBytes    = 1 << 20
)

type upstream struct {
	Name string
	URL  string
}

// ANCHOR: result
type result struct {
	Name      string          `json:"name"`
	Status    string          `json:"status"` // "ok", "error" or "timeout"
	ElapsedMs int64           `json:"elapsed_ms"`
	Body      json.RawMessage `json:"body,omitempty"`
	Error     string          `json:"error,omitempty"`
}

type thingsResponse struct {
	ElapsedMs int64    `json:"elapsed_ms"`
	Results   []result `json:"results"`
}

// ANCHOR_END: result

type server struct {
	upstreams []upstream
	client    *http.Client
	inFlight  chan struct{} // a semaphore: one slot per request in flight
}

// ANCHOR: parse_deadline
func parseDeadline(query url.Values) (time.Duration, error) {
	values, present := query["deadline_ms"]
	if !present {
		return defaultDeadline, nil
	}
	if len(values) > 1 {
		return 0, errors.New("deadline_ms is given more than once; give it once")
	}
	value := values[0]
	// Digits only: strconv.ParseUint would refuse "+5" too, but say so ourselves.
	if value == "" || strings.Trim(value, "0123456789") != "" {
		return 0, rejected(value)
	}
	ms, err := strconv.ParseUint(value, 10, 64)
	if err != nil || ms < 1 || ms > maxDeadlineMs {
		return 0, rejected(value)
	}
	return time.Duration(ms) * time.Millisecond, nil
}

// ANCHOR_END: parse_deadline

func rejected(value string) error {
	if len(value) > 32 {
		value = value[:32] + "…"
	}
	return fmt.Errorf("deadline_ms must be a whole number of milliseconds from 1 to %d (digits only), got %q", maxDeadlineMs, value)
}

// ANCHOR: call_upstream
func (s *server) callUpstream(ctx context.Context, target string) (json.RawMessage, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, target, nil)
	if err != nil {
		return nil, err
	}
	resp, err := s.client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, fmt.Errorf("upstream answered HTTP %d", resp.StatusCode)
	}
	// Read at most one byte more than the limit: enough to know it is too large.
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxBodyBytes+1))
	if err != nil {
		return nil, err
	}
	if len(body) > maxBodyBytes {
		return nil, fmt.Errorf("upstream body is larger than the %d-byte limit (1 MiB)", maxBodyBytes)
	}
	if !json.Valid(body) {
		return nil, errors.New("upstream body is not valid JSON")
	}
	return body, nil
}

// ANCHOR_END: call_upstream

// ANCHOR: fan_out
func (s *server) fanOut(parent context.Context, deadline time.Duration) []result {
	// One deadline for every call; cancelled as well when the client goes away,
	// because parent is the request's context.
	ctx, cancel := context.WithTimeout(parent, deadline)
	defer cancel()
	started := time.Now()

	type done struct {
		slot   int
		result result
	}
	// Buffered: a goroutine can always deliver, even if nobody is listening any more.
	finished := make(chan done, len(s.upstreams))
	for slot, up := range s.upstreams {
		go func() { // Go 1.22: slot and up are new in every iteration
			body, err := s.callUpstream(ctx, up.URL)
			r := result{Name: up.Name, ElapsedMs: time.Since(started).Milliseconds()}
			switch {
			case err == nil:
				r.Status, r.Body = "ok", body
			case errors.Is(ctx.Err(), context.DeadlineExceeded):
				r.Status = "timeout"
				r.Error = fmt.Sprintf("no answer within the deadline of %d ms", deadline.Milliseconds())
			default:
				r.Status, r.Error = "error", withoutURL(err).Error()
			}
			finished <- done{slot, r}
		}()
	}

	// Every call returns by the deadline (the context aborts it), so this loop does too.
	results := make([]result, len(s.upstreams))
	for range s.upstreams {
		d := <-finished
		results[d.slot] = d.result
	}
	return results
}

// ANCHOR_END: fan_out

// withoutURL drops the "Get \"http://...\": " prefix: clients need not see our upstreams.
func withoutURL(err error) error {
	var urlErr *url.Error
	if errors.As(err, &urlErr) {
		return urlErr.Err
	}
	return err
}

// ANCHOR: things
func (s *server) things(w http.ResponseWriter, r *http.Request) {
	started := time.Now()
	deadline, err := parseDeadline(r.URL.Query())
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	results := s.fanOut(r.Context(), deadline)
	writeJSON(w, http.StatusOK, thingsResponse{
		ElapsedMs: time.Since(started).Milliseconds(),
		Results:   results,
	})
}

// ANCHOR_END: things

// ANCHOR: limit_in_flight
func (s *server) limitInFlight(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case s.inFlight <- struct{}{}: // a free slot: take it
			defer func() { <-s.inFlight }()
			next.ServeHTTP(w, r)
		default: // none free: say no at once instead of queueing
			w.Header().Set("Retry-After", "1")
			writeError(w, http.StatusServiceUnavailable, "too many requests in flight; try again in a moment")
		}
	})
}

// ANCHOR_END: limit_in_flight

// recoverPanics answers 500 for a panicking handler. net/http would recover too, but
// by closing the connection without an answer.
func recoverPanics(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if p := recover(); p != nil {
				if p == http.ErrAbortHandler {
					panic(p)
				}
				log.Printf("a request handler panicked; answering 500: %v", p)
				writeError(w, http.StatusInternalServerError, "internal error while handling this request")
			}
		}()
		next.ServeHTTP(w, r)
	})
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (s *statusRecorder) WriteHeader(status int) {
	s.status = status
	s.ResponseWriter.WriteHeader(status)
}

func logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		started := time.Now()
		recorder := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(recorder, r)
		log.Printf("request method=%s path=%s status=%d elapsed_ms=%d",
			r.Method, r.URL.Path, recorder.status, time.Since(started).Milliseconds())
	})
}

func onlyGET(handler http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET,HEAD")
			writeError(w, http.StatusMethodNotAllowed,
				fmt.Sprintf("method %s is not allowed on %s; allowed: GET,HEAD", r.Method, r.URL.Path))
			return
		}
		handler(w, r)
	}
}

func healthz(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, map[string]bool{"ok": true})
}

func notFound(w http.ResponseWriter, r *http.Request) {
	writeError(w, http.StatusNotFound,
		fmt.Sprintf("no such path: %s; try GET /things?deadline_ms=500 or GET /healthz", r.URL.Path))
}

func writeError(w http.ResponseWriter, status int, message string) {
	writeJSON(w, status, map[string]string{"error": message})
}

func writeJSON(w http.ResponseWriter, status int, value interface{}) {
	body, err := json.Marshal(value)
	if err != nil {
		status, body = http.StatusInternalServerError, []byte(`{"error":"cannot encode the answer"}`)
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

type specList []string

func (l *specList) String() string     { return strings.Join(*l, ",") }
func (l *specList) Set(v string) error { *l = append(*l, v); return nil }

func parseSpecs(specs []string) ([]upstream, error) {
	seen := map[string]bool{}
	var ups []upstream
	for _, spec := range specs {
		name, target, found := strings.Cut(spec, "=")
		name, target = strings.TrimSpace(name), strings.TrimSpace(target)
		switch {
		case !found:
			return nil, fmt.Errorf("upstream %q has no '=': expected NAME=URL", spec)
		case name == "":
			return nil, fmt.Errorf("upstream %q has an empty name", spec)
		case seen[name]:
			return nil, fmt.Errorf("upstream name %q is given twice", name)
		case !strings.HasPrefix(target, "http://"):
			return nil, fmt.Errorf("upstream %q: URL %q must start with http://", name, target)
		}
		seen[name] = true
		ups = append(ups, upstream{Name: name, URL: target})
	}
	return ups, nil
}

// ANCHOR: main
func main() {
	listen := flag.String("listen", "127.0.0.1:3000", "address to listen on")
	maxInFlight := flag.Int("max-in-flight", 512, "requests handled at once before answering 503")
	quiet := flag.Bool("quiet", false, "no log line per request")
	var specs specList
	flag.Var(&specs, "upstream", "NAME=URL of an upstream (repeat for more)")
	flag.Parse()

	if len(specs) == 0 {
		fmt.Println("This is the Go twin of the step 05 server. The bench `server` " +
			"(cargo bench -p benches --bench server) builds it and measures it with the " +
			"same load driver as the Rust server, in the same table.\n" +
			"To run it by hand: go run ./server -upstream facebook=http://127.0.0.1:4000/facebook " +
			"-upstream github=http://127.0.0.1:4000/github (start the fake upstreams first " +
			"with `cargo workshop upstream`).")
		return
	}
	upstreams, err := parseSpecs(specs)
	if err == nil && *maxInFlight < 1 {
		err = errors.New("-max-in-flight must be at least 1")
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		os.Exit(2)
	}

	s := &server{
		upstreams: upstreams,
		client: &http.Client{
			// One shared client; its Transport keeps a pool of connections per upstream.
			Transport: &http.Transport{
				Proxy:               nil, // loopback only: ignore HTTP_PROXY
				MaxIdleConns:        1024,
				MaxIdleConnsPerHost: 1024, // the default, 2, would reconnect under load
				IdleConnTimeout:     90 * time.Second,
			},
			CheckRedirect: func(*http.Request, []*http.Request) error {
				return http.ErrUseLastResponse // never follow a redirect
			},
		},
		inFlight: make(chan struct{}, *maxInFlight),
	}

	mux := http.NewServeMux()
	mux.HandleFunc("/things", onlyGET(s.things))
	mux.HandleFunc("/healthz", onlyGET(healthz))
	mux.HandleFunc("/", notFound)
	var handler http.Handler = recoverPanics(s.limitInFlight(mux))
	if !*quiet {
		handler = logRequests(handler)
	}

	srv := &http.Server{
		Handler:           handler,
		ReadHeaderTimeout: 5 * time.Second, // slow header senders are cut off
		IdleTimeout:       5 * time.Second,
		MaxHeaderBytes:    64 << 10,
	}
	ln, err := net.Listen("tcp", *listen)
	if err != nil {
		fmt.Fprintln(os.Stderr, "error: cannot listen:", err)
		os.Exit(1)
	}
	fmt.Printf("listening on http://%s\n", ln.Addr())

	// Each connection gets its own goroutine inside srv.Serve; each request runs there.
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Fatal(err)
		}
	}()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	<-ctx.Done()
	log.Print("shutting down: finishing the requests in flight")
	grace, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := srv.Shutdown(grace); err != nil {
		log.Printf("connections still busy after the grace period were cut: %v", err)
	}
	log.Print("stopped cleanly")
}

// ANCHOR_END: main
