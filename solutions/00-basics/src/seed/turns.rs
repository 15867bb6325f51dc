//! Turn-taking with a mutex and a condition variable, a port of the seed's
//! third Go program (`sync.Mutex` + `sync.Cond` + `sync.WaitGroup`), built on
//! the `turn_taking` exercise's [`Turns`].
//!
//! The idea to take away: because each line is produced *while holding the
//! turn*, the transcript is fully ordered; no race is left, unlike the end of
//! the ping-pong.

use std::thread;

use crossbeam_channel::unbounded;

use super::MESSAGE;
use crate::turn_taking::Turns;

/// Player 0 prints the turn number, player 1 prints [`MESSAGE`].
const NUMBERS: usize = 0;
const MESSAGES: usize = 1;

// ANCHOR: turns
/// Two threads alternate `turns` times each; returns the transcript:
/// `there is`, `0`, [`MESSAGE`], `1`, [`MESSAGE`], …, `both OK!`,
/// `all done`.
pub fn take_turns(turns: usize) -> Vec<String> {
    let (out, transcript) = unbounded::<String>();
    let table = Turns::new(2);
    let _ = out.send("there is".to_string());
    // The scope is the `WaitGroup`: it returns when both players are done.
    thread::scope(|scope| {
        scope.spawn(|| {
            for i in 0..turns {
                let _ = table.take_turn(NUMBERS, || out.send(i.to_string()));
            }
        });
        scope.spawn(|| {
            for _ in 0..turns {
                let _ =
                    table.take_turn(MESSAGES, || out.send(MESSAGE.to_string()));
            }
        });
    });
    let _ = out.send("both OK!".to_string());
    let _ = out.send("all done".to_string());
    drop(out);
    transcript.iter().collect()
}
// ANCHOR_END: turns
