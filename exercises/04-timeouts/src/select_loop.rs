//! Exercise 7 (select_loop): a `select!` loop that reads framed messages beside a
//! heartbeat and a shutdown signal, and loses none of them.
//!
//! Why it is a trap: on every turn, a `select!` creates the futures of its branches,
//! runs the body of the one that finishes first, and *drops* the others. For
//! `Interval::tick` and `CancellationToken::cancelled` that is harmless: tokio
//! documents both as cancel-safe (dropping one before it completes loses nothing, and
//! creating it again carries on where it was). [`read_frame`] is not cancel-safe: it
//! reads a length header, then awaits the body, and the header it has read lives only
//! in its own local variables. Drop it in between, and those bytes are gone: the next
//! read takes the middle of a message for a length, and the stream is out of step for
//! good. No error at the moment of the loss, no warning from the compiler.
//!
//! So the question for every branch of a `select!` in a loop is: *if this future is
//! dropped halfway and made anew, what is lost?* For the heartbeat, nothing. For a read
//! that is halfway through a frame, the frame. The chapter's section on cancel safety
//! shows how a future can outlive the turns of a loop instead of being made anew.
//!
//! Go has no such trap: Go cannot `select` on a read at all, only on channels, so the
//! read runs in a goroutine of its own and hands over whole frames; a `case` that is not
//! chosen has received nothing.

use std::io;

use tokio::io::{AsyncRead, AsyncReadExt};
use tokio::time::Interval;
use tokio_util::sync::CancellationToken;

/// The largest frame [`read_frame`] accepts. A bigger length means a broken stream (or
/// one read out of step: four bytes of text read as a length are a number in the
/// hundreds of millions).
pub const MAX_FRAME: usize = 64 * 1024;

// ANCHOR: read_frame
/// Reads one frame: a 4-byte big-endian length, then that many bytes.
///
/// `Ok(None)` if the stream ends cleanly, where a frame would start; an error if it
/// ends inside a frame, or announces a frame over [`MAX_FRAME`] bytes.
///
/// **Not cancel-safe.** It awaits several times, and what it has read so far is kept
/// in its local variables only: dropped between two awaits, it loses those bytes.
pub async fn read_frame<R>(reader: &mut R) -> io::Result<Option<Vec<u8>>>
where
    R: AsyncRead + Unpin,
{
    // The first byte alone, to tell a clean end of stream from one that breaks a frame.
    let first = match reader.read_u8().await {
        Ok(byte) => byte,
        Err(error) if error.kind() == io::ErrorKind::UnexpectedEof => return Ok(None),
        Err(error) => return Err(error),
    };
    let mut rest = [0; 3];
    reader.read_exact(&mut rest).await?;
    let len = u32::from_be_bytes([first, rest[0], rest[1], rest[2]]) as usize;
    if len > MAX_FRAME {
        let message = format!("a frame of {len} bytes, over the {MAX_FRAME}-byte limit");
        return Err(io::Error::new(io::ErrorKind::InvalidData, message));
    }
    let mut frame = vec![0; len];
    reader.read_exact(&mut frame).await?;
    Ok(Some(frame))
}
// ANCHOR_END: read_frame

// ANCHOR: session
/// What [`read_session`] saw.
#[derive(Debug)]
pub struct Session {
    /// Every complete frame received, in order.
    pub frames: Vec<Vec<u8>>,
    /// Why the session ended early, if the stream broke. The frames received before
    /// the error stay in `frames`.
    pub error: Option<io::Error>,
}
// ANCHOR_END: session

// ANCHOR: read_session
/// Reads frames from `reader` until the stream ends, breaks, or `shutdown` is
/// cancelled, and calls `ping` at every tick of `heartbeat` meanwhile (a real client
/// would send a keep-alive there: a connection that goes quiet gets dropped).
///
/// Ticks are served as they come, even while a frame arrives slowly, and a tick never
/// costs a frame. At shutdown it returns at once, with the complete frames so far.
pub async fn read_session<R, P>(
    mut reader: R,
    mut heartbeat: Interval,
    mut ping: P,
    shutdown: CancellationToken,
) -> Session
where
    R: AsyncRead + Unpin + Send + 'static,
    P: FnMut(),
{
    // TODO: Serve the reads, the heartbeat's ticks and the shutdown signal at once, until
    //       the stream ends, breaks or shuts down; a tick that comes mid-frame must not
    //       cost that frame (read_frame is not cancel-safe: see the module doc).
    // Book: book/src/04-timeouts.md#exercise-7-a-select-loop-that-loses-nothing
    todo!()
}
// ANCHOR_END: read_session
