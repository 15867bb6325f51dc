// Command selectloop reads length-prefixed frames beside a heartbeat ticker and a
// shutdown signal, and loses none of them, though ticks land in the middle of frames.
//
// Go cannot select on a read, only on channels. So the read runs in a goroutine of its
// own and hands over whole frames, and a select case that is not chosen has received
// nothing: no value is ever lost. Rust's select! can race any future, a half-done read
// included, and that is where its trap comes from (chapter 04, exercise 7).
//
// Run it from book/go: go run ./04-timeouts/selectloop
package main

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"time"
)

const maxFrame = 64 * 1024

// readFrame reads a 4-byte big-endian length, then that many bytes. It returns io.EOF
// at a clean end of stream.
func readFrame(r io.Reader) ([]byte, error) {
	var header [4]byte
	if _, err := io.ReadFull(r, header[:]); err != nil {
		return nil, err // io.EOF if the stream ended where a frame would start
	}
	n := binary.BigEndian.Uint32(header[:])
	if n > maxFrame {
		return nil, fmt.Errorf("a frame of %d bytes, over the %d-byte limit", n, maxFrame)
	}
	frame := make([]byte, n)
	if _, err := io.ReadFull(r, frame); err != nil {
		if errors.Is(err, io.EOF) {
			err = io.ErrUnexpectedEOF
		}
		return nil, err
	}
	return frame, nil
}

// ANCHOR: session
type read struct {
	frame []byte
	err   error
}

// readSession reads frames until the stream ends or breaks, or ctx is done, and counts
// a ping at every tick meanwhile.
func readSession(ctx context.Context, r io.Reader, tick time.Duration) ([]string, int, error) {
	reads := make(chan read)
	go func() { // the only place that reads: a frame leaves it whole, or not at all
		for {
			frame, err := readFrame(r)
			select {
			case reads <- read{frame, err}:
			case <-ctx.Done():
				return
			}
			if err != nil {
				return
			}
		}
	}()

	ticker := time.NewTicker(tick)
	defer ticker.Stop()
	var frames []string
	pings := 0
	for {
		select {
		case got := <-reads: // a case not chosen has received nothing
			if errors.Is(got.err, io.EOF) {
				return frames, pings, nil
			}
			if got.err != nil {
				return frames, pings, got.err
			}
			frames = append(frames, string(got.frame))
		case <-ticker.C:
			pings++ // a real client would send a keep-alive here
		case <-ctx.Done():
			return frames, pings, nil
		}
	}
}

// ANCHOR_END: session

// serve writes five frames, each header 15 ms before its body, then closes the pipe.
func serve(w *io.PipeWriter) {
	for i := 0; i < 5; i++ {
		body := []byte(fmt.Sprintf("message %02d", i))
		var header [4]byte
		binary.BigEndian.PutUint32(header[:], uint32(len(body)))
		if _, err := w.Write(header[:]); err != nil {
			return
		}
		time.Sleep(15 * time.Millisecond)
		if _, err := w.Write(body); err != nil {
			return
		}
	}
	w.Close()
}

func main() {
	r, w := io.Pipe()
	go serve(w)

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	frames, pings, err := readSession(ctx, r, 10*time.Millisecond)
	fmt.Printf("got %d of 5 frames: %q\n", len(frames), frames)
	fmt.Printf("pinged while frames were half-sent: %v, error: %v\n", pings >= 5, err)
}
