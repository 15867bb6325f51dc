//! Given: the signals that stop the server (Ctrl-C everywhere, SIGTERM on Unix).
//!
//! The one idea: register for a signal *before* you announce that you are listening.
//! Until a process has asked for a signal, the signal's default action applies, and the
//! default for SIGINT and SIGTERM is to kill the process on the spot. So
//! [`shutdown_signal`] is a plain function that registers the handlers when it is called
//! and returns the future that waits for them; an `async fn` would register nothing
//! until its first poll, leaving a window after "listening on" in which `kill` would
//! cut every request short.
use std::future::Future;

// ANCHOR: shutdown_signal
/// Registers for Ctrl-C (SIGINT) and, on Unix, SIGTERM (what `kill`, Docker and
/// Kubernetes send) right now, and returns a future that completes when either arrives.
/// Call it from inside the tokio runtime, before the server says it is listening.
pub fn shutdown_signal() -> impl Future<Output = ()> + Send + 'static {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let interrupt = signal(SignalKind::interrupt());
        let terminate = signal(SignalKind::terminate());
        async move {
            tokio::select! {
                () = wait_for(interrupt, "Ctrl-C") => tracing::info!("Ctrl-C received"),
                () = wait_for(terminate, "SIGTERM") => tracing::info!("SIGTERM received"),
            }
        }
    }
    #[cfg(not(unix))]
    {
        // Windows has no SIGTERM; Ctrl-C is the portable part.
        let ctrl_c = tokio::signal::windows::ctrl_c();
        async move {
            match ctrl_c {
                Ok(mut ctrl_c) => {
                    ctrl_c.recv().await;
                    tracing::info!("Ctrl-C received");
                }
                Err(error) => {
                    tracing::warn!(%error, "cannot listen for Ctrl-C");
                    std::future::pending::<()>().await;
                }
            }
        }
    }
}

/// Waits for one registered Unix signal. If it could not be registered, waits forever:
/// the other signal may still stop the server cleanly.
#[cfg(unix)]
async fn wait_for(registered: std::io::Result<tokio::signal::unix::Signal>, name: &str) {
    match registered {
        Ok(mut signal) => {
            signal.recv().await;
        }
        Err(error) => {
            tracing::warn!(%error, "cannot listen for {name}");
            std::future::pending::<()>().await;
        }
    }
}
// ANCHOR_END: shutdown_signal
