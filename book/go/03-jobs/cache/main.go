// Command cache shows a cache shared by goroutines, and the mistake of holding its mutex
// across a slow call: every lookup then waits for every other, whatever its key. Go
// compiles it without a word; the Rust compiler refuses the same shape with a
// std::sync::Mutex, and allows it with tokio's Mutex, where it is just as slow.
//
// Run it with: go run ./03-jobs/cache   (from book/go)
package main

import (
	"fmt"
	"sync"
	"time"
)

// price stands in for a slow call to another service.
func price(item string) int {
	time.Sleep(100 * time.Millisecond)
	return len(item)
}

// ANCHOR: locked
// lockedCache holds its mutex across the slow call: correct, and one lookup at a time.
type lockedCache struct {
	mu     sync.Mutex
	prices map[string]int
}

func (c *lockedCache) Get(item string) int {
	c.mu.Lock()
	defer c.mu.Unlock() // runs at return: the lock is held across price()
	if p, ok := c.prices[item]; ok {
		return p
	}
	p := price(item)
	c.prices[item] = p
	return p
}

// ANCHOR_END: locked

// ANCHOR: slots
// slot is one item's entry: filled once, by whoever asks first.
type slot struct {
	once  sync.Once
	price int
}

// slotCache holds its mutex only to find or create the item's slot; the slow call
// runs outside it, once per item, and latecomers wait on that item's sync.Once.
type slotCache struct {
	mu    sync.Mutex
	slots map[string]*slot
}

func (c *slotCache) Get(item string) int {
	c.mu.Lock()
	s, ok := c.slots[item]
	if !ok {
		s = &slot{}
		c.slots[item] = s
	}
	c.mu.Unlock()
	s.once.Do(func() { s.price = price(item) })
	return s.price
}

// ANCHOR_END: slots

// lookAll looks three different items up at the same time and says how long it took.
func lookAll(get func(string) int) time.Duration {
	start := time.Now()
	var wg sync.WaitGroup
	for _, item := range []string{"tea", "coffee", "cocoa"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			get(item)
		}()
	}
	wg.Wait()
	return time.Since(start).Round(10 * time.Millisecond)
}

func main() {
	locked := &lockedCache{prices: map[string]int{}}
	slots := &slotCache{slots: map[string]*slot{}}
	fmt.Println("lock held across the call:", lookAll(locked.Get))
	fmt.Println("lock held to find the slot:", lookAll(slots.Get))
}
