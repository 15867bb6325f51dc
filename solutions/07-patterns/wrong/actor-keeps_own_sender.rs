//! Exercise 6 (actor): one task owns the state; everybody else holds a handle
//! and sends it requests.
//!
//! KNOWN WRONG (keeps_own_sender): hands the task a handle to itself ("to send itself
//! follow-up requests"), so its channel always has a live Sender and its recv never
//! returns None: the task outlives every handle.
//!
//! Instead of sharing a map behind a lock, give the map to one task and let it
//! be the only one to touch it. Others send it requests over a channel and get
//! their answers back on a one-shot channel of their own. Go calls it a
//! *stateful goroutine* ("share memory by communicating"); elsewhere it is an
//! *actor*. Requests are handled one at a time, in order, so an update can
//! never be lost between a read and a write, and no lock is held anywhere.
//!
//! Why it works:
//!
//! - The handle is a `tokio::sync::mpsc::Sender`, and cloning the handle clones
//!   the sender: every clone talks to the same task.
//! - A request carries a `tokio::sync::oneshot::Sender` for its reply. The
//!   handle keeps the receiver and awaits it.
//! - The task loops on `recv` until it returns `None`: that happens once every
//!   `Sender` is gone, that is, when the last handle is dropped. So the task
//!   must not hold a sender of its own channel, or it waits for itself forever.
//! - If the task has stopped (it ended, or was aborted), `send` fails, and a
//!   reply sender dropped without an answer makes the reply's receiver fail.
//!   Both are a [`Stopped`] error for the caller, not a panic and not a hang.

use std::collections::HashMap;

use tokio::sync::{mpsc, oneshot};
use tokio::task::JoinHandle;

// ANCHOR: types
/// The counters task has stopped: the request was not (or may not have been)
/// handled.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("the counters task has stopped")]
pub struct Stopped;

/// What a handle can ask the task.
#[derive(Debug)]
pub enum Request {
    /// Add `amount` to `key`'s counter; reply with the new total.
    Add {
        key: String,
        amount: u64,
        reply: oneshot::Sender<u64>,
    },
    /// Reply with `key`'s counter (0 if it was never added to).
    Get {
        key: String,
        reply: oneshot::Sender<u64>,
    },
}

/// A handle to the counters task. Clone it to give other tasks their own
/// handle to the same counters.
#[derive(Clone, Debug)]
pub struct Counters {
    requests: mpsc::Sender<Request>,
}

/// How many requests may wait in the task's channel.
pub const QUEUE: usize = 32;
// ANCHOR_END: types

// ANCHOR: spawn
/// Start the task that owns the counters and return a handle to it, with the
/// task's `JoinHandle`: the task ends once every handle has been dropped, and
/// its output is the final counters. Must be called inside a tokio runtime.
pub fn spawn_counters() -> (Counters, JoinHandle<HashMap<String, u64>>) {
    let (requests, inbox) = mpsc::channel(QUEUE);
    // Wrong: the task's own handle keeps its channel open forever.
    let myself = Counters {
        requests: requests.clone(),
    };
    let task = tokio::spawn(serve(inbox, myself));
    (Counters { requests }, task)
}

/// The task: the only code that ever touches the map, one request at a time.
async fn serve(
    mut inbox: mpsc::Receiver<Request>,
    _myself: Counters,
) -> HashMap<String, u64> {
    let mut counters: HashMap<String, u64> = HashMap::new();
    // `recv` gives `None` once every `Sender` is gone: the last handle dropped.
    while let Some(request) = inbox.recv().await {
        match request {
            Request::Add { key, amount, reply } => {
                let total = counters.entry(key).or_insert(0);
                *total += amount;
                // An asker that gave up has dropped its receiver: nothing to do.
                let _ = reply.send(*total);
            }
            Request::Get { key, reply } => {
                let _ = reply.send(counters.get(&key).copied().unwrap_or(0));
            }
        }
    }
    counters
}
// ANCHOR_END: spawn

// ANCHOR: handle
impl Counters {
    /// Add `amount` to `key`'s counter and return the new total.
    pub async fn add(&self, key: &str, amount: u64) -> Result<u64, Stopped> {
        let key = key.to_owned();
        self.ask(|reply| Request::Add { key, amount, reply }).await
    }

    /// The current value of `key`'s counter (0 if it was never added to).
    pub async fn get(&self, key: &str) -> Result<u64, Stopped> {
        let key = key.to_owned();
        self.ask(|reply| Request::Get { key, reply }).await
    }

    /// Send the request that `make` builds around a fresh reply channel, and
    /// wait for the answer. Either end failing means the task has stopped:
    /// `send` fails once its receiver is gone, and the reply fails when the
    /// task dropped the request without answering.
    async fn ask(
        &self,
        make: impl FnOnce(oneshot::Sender<u64>) -> Request,
    ) -> Result<u64, Stopped> {
        let (reply, answer) = oneshot::channel();
        self.requests.send(make(reply)).await.map_err(|_| Stopped)?;
        answer.await.map_err(|_| Stopped)
    }
}
// ANCHOR_END: handle
