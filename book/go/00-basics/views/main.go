// Page views counted by one goroutine per feed into one map under a sync.Mutex: the Go
// side of chapter 00's shared_state exercise.
//
// Run it from book/go (add -race to let the race detector watch it):
//
//	go run ./00-basics/views
//
// Go lets every goroutine reach the map and trusts you to lock; drop the Lock/Unlock
// pair and it still compiles, and "fatal error: concurrent map writes" or the race
// detector tells you at run time. Rust asks for the Arc<Mutex<...>> before it compiles.
package main

import (
	"fmt"
	"sort"
	"sync"
)

// ANCHOR: count
// countViews reads every feed on its own goroutine until the feed is
// closed, all counting into one map, and returns the counts once every
// feed is done.
func countViews(feeds []<-chan string) map[string]int {
	var mu sync.Mutex
	views := map[string]int{}
	var wg sync.WaitGroup
	for _, feed := range feeds {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for path := range feed {
				mu.Lock()
				views[path]++ // read, add, write: all under the one lock
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return views
}

// ANCHOR_END: count

func main() {
	visits := [][]string{
		{"/", "/docs", "/"},
		{"/", "/pricing"},
		{"/docs", "/", "/signup"},
	}
	feeds := make([]<-chan string, len(visits))
	for i, paths := range visits {
		feed := make(chan string)
		feeds[i] = feed
		go func(paths []string) {
			for _, path := range paths {
				feed <- path
			}
			close(feed)
		}(paths)
	}
	views := countViews(feeds)
	paths := make([]string, 0, len(views))
	for path := range views {
		paths = append(paths, path)
	}
	sort.Strings(paths)
	for _, path := range paths {
		fmt.Printf("%-8s %d\n", path, views[path])
	}
}
