//! Exercise `select_loop`: `crate::select_loop::read_session` (async, paused time).
//!
//! Each test plays the server: it writes frames into one end of an in-memory pipe
//! (`tokio::io::duplex`) on a schedule of its own, and `read_session` reads the other
//! end. The heartbeat ticks every 10 ms. On paused time the schedule is exact, so a
//! tick lands in the middle of a frame on every run, not on some runs.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use tokio::io::{AsyncWriteExt, DuplexStream, duplex};
use tokio::sync::mpsc;
use tokio::time::{Instant, interval, sleep, timeout};
use tokio_util::sync::CancellationToken;

use super::support::ms;
use crate::select_loop::{MAX_FRAME, Session, read_session};

/// The heartbeat's period.
const TICK: Duration = Duration::from_millis(10);

/// How long (on the paused clock) a session may run before the test gives up on it.
/// Paused time makes this cost no real time when nothing else is going on.
const BOUND: Duration = Duration::from_secs(10);

/// The `i`th message of a test: text, so that a length read out of step is obvious.
fn message(i: usize) -> Vec<u8> {
    format!("message {i:02}").into_bytes()
}

fn header(body: &[u8]) -> [u8; 4] {
    u32::try_from(body.len())
        .expect("test frames are small")
        .to_be_bytes()
}

/// The server's side of the pipe.
async fn write(server: &mut DuplexStream, bytes: &[u8]) {
    server
        .write_all(bytes)
        .await
        .expect("the pipe has room for every test frame");
}

/// Runs `read_session` on `client` with a 10 ms heartbeat. Returns the session (or
/// `None` if it was still running after [`BOUND`]) and when it returned.
async fn run_session(
    client: DuplexStream,
    shutdown: CancellationToken,
    on_ping: impl FnMut() + Send + 'static,
) -> (Option<Session>, Duration) {
    let start = Instant::now();
    let session = timeout(
        BOUND,
        read_session(client, interval(TICK), on_ping, shutdown),
    )
    .await
    .ok();
    (session, start.elapsed())
}

/// A counter of pings, and the closure that counts them.
fn ping_counter() -> (Arc<AtomicUsize>, impl FnMut() + Send + 'static) {
    let pings = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&pings);
    (pings, move || {
        counter.fetch_add(1, Ordering::SeqCst);
    })
}

/// What a test says when frames are missing, with the most likely reason.
fn diagnosis(session: &Session) -> String {
    match &session.error {
        Some(error) if error.to_string().contains("limit") => format!(
            "the session ended with the error \"{error}\". That \"length\" is four bytes of \
             a message's text read as a header: the stream went out of step because a \
             length header was read and then lost. Likely mistake: read_frame is created \
             anew on every turn of the select!, so each tick drops a read that is halfway \
             through a frame (read_frame is not cancel-safe); keep one read going across \
             the turns of the loop instead"
        ),
        Some(error) => format!(
            "the session ended with the error \"{error}\" although the server sent only \
             whole frames. Likely mistake: a read dropped halfway by a tick lost bytes, and \
             the stream went out of step (read_frame is not cancel-safe)"
        ),
        None => "the session ended without an error, but frames are missing: was a frame \
                 dropped halfway, or the session ended before the stream did?"
            .to_string(),
    }
}

fn texts(frames: &[Vec<u8>]) -> Vec<String> {
    frames
        .iter()
        .map(|frame| String::from_utf8_lossy(frame).into_owned())
        .collect()
}

#[tokio::test(start_paused = true)]
async fn every_frame_arrives_though_ticks_land_mid_frame() {
    const FRAMES: usize = 12;
    let (client, mut server) = duplex(64 * 1024);
    // Each frame's header comes 15 ms before its body: a 10 ms tick always lands between.
    tokio::spawn(async move {
        for i in 0..FRAMES {
            let body = message(i);
            write(&mut server, &header(&body)).await;
            sleep(ms(15)).await;
            write(&mut server, &body).await;
        }
        // Dropping the server's end is the end of the stream.
    });
    let (pings, on_ping) = ping_counter();
    let (session, elapsed) = run_session(client, CancellationToken::new(), on_ping).await;
    let Some(session) = session else {
        panic!(
            "expected the session to end when the stream did (after {} ms); it was still \
             running {BOUND:?} later. Does the loop stop when read_frame says the stream \
             ended (Ok(None))?",
            FRAMES * 15
        );
    };
    let expected: Vec<Vec<u8>> = (0..FRAMES).map(message).collect();
    if session.frames != expected {
        panic!(
            "expected all {FRAMES} messages, in order, because the server sent every one \
             whole; got {} of them: {:?}. What happened: {}.",
            session.frames.len(),
            texts(&session.frames),
            diagnosis(&session)
        );
    }
    assert!(
        session.error.is_none(),
        "expected a clean end of stream (no error); got {:?}",
        session.error
    );
    let pings = pings.load(Ordering::SeqCst);
    assert!(
        pings >= 15,
        "expected a ping at every 10 ms tick while the frames came in (about {} ms, so at \
         least 15); got {pings}. Likely mistake: the heartbeat is only looked at between \
         frames, not while a read waits",
        elapsed.as_millis()
    );
}

#[tokio::test(start_paused = true)]
async fn the_heartbeat_is_served_while_a_frame_is_half_read() {
    let (client, mut server) = duplex(64 * 1024);
    let (ping_tx, mut ping_rx) = mpsc::unbounded_channel();
    // This server sends a header, then the body only after it has seen three pings:
    // a client that does not ping while it waits for the body never gets it.
    let server_task = tokio::spawn(async move {
        let body = b"hello after three pings".to_vec();
        write(&mut server, &header(&body)).await;
        for _ in 0..3 {
            if ping_rx.recv().await.is_none() {
                return false;
            }
        }
        write(&mut server, &body).await;
        true
    });
    let on_ping = move || {
        let _ = ping_tx.send(());
    };
    let (session, _elapsed) = run_session(client, CancellationToken::new(), on_ping).await;
    let Some(session) = session else {
        panic!(
            "expected the frame to arrive after three pings (about 30 ms); the session was \
             still waiting {BOUND:?} later, and the server was still waiting for pings. \
             Likely mistake: the loop awaits a whole frame before it looks at the heartbeat \
             again; the ticks must be served while a read waits (select! on both)"
        );
    };
    let server_saw_pings = server_task.await.unwrap_or(false);
    assert!(
        server_saw_pings,
        "expected the server to receive three pings while its frame was half-sent; it did \
         not. Is ping called at every tick?"
    );
    assert_eq!(
        texts(&session.frames),
        ["hello after three pings"],
        "expected the one frame the server sent, whole. What happened: {}.",
        diagnosis(&session)
    );
}

#[tokio::test(start_paused = true)]
async fn shutdown_returns_at_once_with_the_frames_so_far() {
    let (client, mut server) = duplex(64 * 1024);
    let shutdown = CancellationToken::new();
    // Three whole frames, then the header of a fourth whose body never comes; the
    // stream stays open (the server keeps its end) until the test ends.
    let server_task = tokio::spawn(async move {
        for i in 0..3 {
            let body = message(i);
            write(&mut server, &header(&body)).await;
            write(&mut server, &body).await;
        }
        write(&mut server, &header(&message(3))).await;
        std::future::pending::<()>().await;
        drop(server);
    });
    let trigger = shutdown.clone();
    tokio::spawn(async move {
        sleep(ms(100)).await;
        trigger.cancel();
    });
    let (_pings, on_ping) = ping_counter();
    let (session, elapsed) = run_session(client, shutdown, on_ping).await;
    server_task.abort();
    let Some(session) = session else {
        panic!(
            "expected the session to end at the shutdown signal (100 ms); it was still \
             running {BOUND:?} later, waiting for a frame that never comes. Likely mistake: \
             the loop does not watch shutdown (a third branch of the select!)"
        );
    };
    assert!(
        elapsed >= ms(100) && elapsed < ms(101),
        "expected to return right at the shutdown signal (100 ms); returned after \
         {elapsed:?}"
    );
    assert_eq!(
        texts(&session.frames),
        ["message 00", "message 01", "message 02"],
        "expected the three whole frames received before the shutdown, kept (a partial \
         result, not nothing). What happened: {}.",
        diagnosis(&session)
    );
    assert!(
        session.error.is_none(),
        "expected a shutdown to be no error; got {:?}",
        session.error
    );
}

#[tokio::test(start_paused = true)]
async fn a_broken_stream_ends_the_session_with_its_error() {
    let (client, mut server) = duplex(64 * 1024);
    tokio::spawn(async move {
        for i in 0..2 {
            let body = message(i);
            write(&mut server, &header(&body)).await;
            write(&mut server, &body).await;
        }
        // A header that announces more than MAX_FRAME bytes: a broken stream.
        let too_big = u32::try_from(MAX_FRAME + 1).expect("small");
        write(&mut server, &too_big.to_be_bytes()).await;
        std::future::pending::<()>().await;
        drop(server);
    });
    let (_pings, on_ping) = ping_counter();
    let (session, _elapsed) = run_session(client, CancellationToken::new(), on_ping).await;
    let Some(session) = session else {
        panic!(
            "expected the session to end at the broken header; it was still running \
             {BOUND:?} later. Does the loop stop when read_frame returns an error?"
        );
    };
    assert_eq!(
        texts(&session.frames),
        ["message 00", "message 01"],
        "expected the two frames before the broken header, kept"
    );
    let error = session.error.as_ref().map(|e| e.kind());
    assert_eq!(
        error,
        Some(std::io::ErrorKind::InvalidData),
        "expected the session to end with read_frame's error (InvalidData: a frame over \
         the limit) in Session::error, not to swallow it"
    );
}
