//! Ping-pong: two threads take turns over two unbuffered channels, a port of
//! the seed's second Go program (`iterateUntil` with `myTurn`, `yourTurn` and
//! `done`).
//!
//! The idea to take away: a rendezvous channel (`bounded(0)`, Go's unbuffered
//! `chan`) hands over control as well as data: the sender waits until the
//! receiver has the value. And a protocol like this one has exactly one place
//! where the order of two lines is *not* fixed; see [`ping_pong`].

use std::num::NonZeroUsize;
use std::thread;

use crossbeam_channel::{Receiver, Sender, bounded, unbounded};

use super::MESSAGE;

/// The two workers: one prints the turn number, the other prints [`MESSAGE`].
#[derive(Clone, Copy)]
enum Role {
    Numbers,
    Message,
}

// ANCHOR: worker
/// One player: `turns` times, wait for my turn, print my line, hand the turn
/// over; then report "OK!" on `done`.
fn iterate_until(
    turns: usize,
    my_turn: Receiver<()>,
    your_turn: Sender<()>,
    done: Sender<&'static str>,
    role: Role,
    out: Sender<String>,
) {
    for i in 0..turns {
        // Both channels live as long as the whole protocol; they close early
        // only if a thread panicked, and then there is nothing sensible left to
        // do but stop.
        if my_turn.recv().is_err() {
            return;
        }
        let line = match role {
            Role::Numbers => i.to_string(),
            Role::Message => MESSAGE.to_string(),
        };
        let _ = out.send(line);
        // Blocks until the other player takes the turn (a rendezvous). The
        // message player's very last hand-over is taken by the main thread,
        // which throws it away.
        if your_turn.send(()).is_err() {
            return;
        }
    }
    let _ = done.send("OK!");
}
// ANCHOR_END: worker

// ANCHOR: ping_pong
/// Runs the ping-pong protocol for `turns` turns each and returns the
/// transcript.
///
/// The lines are `there is`, then `0`, [`MESSAGE`], `1`, [`MESSAGE`], … up to
/// `turns - 1`, then the last [`MESSAGE`] and the first `OK!` **in either
/// order**, then `OK!` and `all done`. Why either order: the numbers worker
/// finishes as soon as its last hand-over is taken and reports `OK!`, while the
/// message worker, just woken by that very hand-over, prints its last line.
/// Nothing orders those two; the Go program has the same race (its published
/// output shows `OK!` first).
///
/// `turns` is non-zero because with zero turns the protocol deadlocks: nobody
/// is left to take the first turn that the main thread hands out (Go would
/// report "all goroutines are asleep").
pub fn ping_pong(turns: NonZeroUsize) -> Vec<String> {
    let turns = turns.get();
    // Everything "printed" goes through one channel, so its order is the print
    // order.
    let (out, transcript) = unbounded::<String>();
    // Unbuffered, like Go's `make(chan struct{})`: a send waits for its
    // receive.
    let (x_send, x_recv) = bounded::<()>(0);
    let (y_send, y_recv) = bounded::<()>(0);
    // Room for both reports, like `make(chan string, 2)`: a worker never waits
    // to report.
    let (done_send, done_recv) = bounded::<&'static str>(2);

    thread::scope(|scope| {
        // crossbeam channels are multi-producer *and* multi-consumer, so the
        // main thread can keep its own ends of X, as Go's main uses `chanX`
        // too.
        let (x_recv_main, x_send_main) = (x_recv.clone(), x_send.clone());
        let (out_n, done_n) = (out.clone(), done_send.clone());
        scope.spawn(move || {
            iterate_until(turns, x_recv, y_send, done_n, Role::Numbers, out_n)
        });
        let (out_m, done_m) = (out.clone(), done_send);
        scope.spawn(move || {
            iterate_until(turns, y_recv, x_send, done_m, Role::Message, out_m)
        });

        let say = |line: &str| {
            let _ = out.send(line.to_string());
        };
        say("there is");
        // Hand out the first turn. The numbers worker is alive until it has
        // taken it.
        if x_send_main.send(()).is_err() {
            return;
        }
        // The numbers worker's report: it can only come first, because the
        // message worker is still waiting for someone to take its last turn.
        if let Ok(report) = done_recv.recv() {
            say(report);
        }
        // Throw away the last turn signal: it is the message worker's final
        // hand-over.
        let _ = x_recv_main.recv();
        if let Ok(report) = done_recv.recv() {
            say(report);
        }
        say("all done");
    });
    // The scope joined both workers; drop our sender so the transcript ends.
    drop(out);
    transcript.iter().collect()
}
// ANCHOR_END: ping_pong
