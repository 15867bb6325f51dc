//! A cancel signal for threads: the threads' twin of `CancellationToken` and Go's
//! `ctx.Done()`.
//!
//! The idea: a channel that nobody ever sends on. Cancelling drops its only `Sender`,
//! which closes the channel, and from then on every `recv` on it, in every thread,
//! returns at once. So a worker can put `recv(token.done())` in a `select!` beside its
//! real work, just as a goroutine puts `case <-ctx.Done():` beside its own. A thread
//! still has to *look*: nothing can stop a thread that does not check.

use std::convert::Infallible;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use crossbeam_channel::{Receiver, RecvTimeoutError, Sender, TryRecvError, bounded};

// ANCHOR: cancel_token
/// A cheap-to-clone "stop now" signal shared by threads.
#[derive(Clone, Debug)]
pub struct CancelToken {
    /// The only sender; `None` once cancelled. It never sends (it cannot: `Infallible`
    /// has no values); dropping it is the signal.
    sender: Arc<Mutex<Option<Sender<Infallible>>>>,
    /// Every clone listens on the same channel.
    done: Receiver<Infallible>,
}

impl CancelToken {
    /// A token that is not cancelled yet.
    pub fn new() -> Self {
        let (sender, done) = bounded(0);
        CancelToken {
            sender: Arc::new(Mutex::new(Some(sender))),
            done,
        }
    }

    /// Cancels the token, for every clone. Cancelling twice is fine.
    pub fn cancel(&self) {
        // A poisoned lock only means another thread panicked while cancelling; the
        // `Option` inside is still valid, so go on.
        let mut sender = self.sender.lock().unwrap_or_else(PoisonError::into_inner);
        sender.take();
    }

    /// `true` once [`CancelToken::cancel`] has been called on any clone.
    pub fn is_cancelled(&self) -> bool {
        matches!(self.done.try_recv(), Err(TryRecvError::Disconnected))
    }

    /// A channel that becomes ready (disconnected) when the token is cancelled: use it
    /// as `recv(token.done()) -> _ => …` in a `crossbeam_channel::select!`.
    pub fn done(&self) -> &Receiver<Infallible> {
        &self.done
    }

    /// Sleeps for `duration`, but wakes up early if the token is cancelled. Returns
    /// `true` if it was cancelled. (Go: `select { case <-ctx.Done(): case <-time.After(d): }`.)
    pub fn sleep(&self, duration: Duration) -> bool {
        matches!(
            self.done.recv_timeout(duration),
            Err(RecvTimeoutError::Disconnected)
        )
    }
}
// ANCHOR_END: cancel_token

impl Default for CancelToken {
    fn default() -> Self {
        CancelToken::new()
    }
}
