//! `cargo workshop watch`: re-check the current exercise every time you save.
//!
//! Two ways to notice a save, on purpose. File-system events (`notify`: inotify,
//! FSEvents, ReadDirectoryChangesW) make the re-check immediate. But events don't arrive
//! everywhere: WSL editing files under `/mnt/c`, network drives, some containers and VMs
//! (rustlings' watch mode was bitten by exactly this). So the loop also looks every half
//! second at the step's fingerprint (a hash of its sources).
//!
//! Events are only a wake-up call, folded into one "something changed" flag; the
//! fingerprint decides. So a burst of events costs one look, an editor that rewrites a
//! file unchanged costs nothing, and reading the files to hash them (which the OS reports
//! as events too) cannot feed back into more looks. A save is noticed within half a
//! second either way.
//!
//! It is bounded: `q` + Enter (or closing stdin) quits, and so does Ctrl-C.

use std::io::{BufRead, IsTerminal};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::thread;
use std::time::{Duration, Instant};

use notify::{EventKind, RecursiveMode, Watcher};

use crate::cache;
use crate::check;
use crate::error::{Error, Exit};
use crate::exercises::{Exercise, Workshop};
use crate::progress;
use crate::term::Style;

/// How often the loop wakes up to look at the change flag (and the keyboard).
const TICK: Duration = Duration::from_millis(100);

/// How often the fingerprint is compared when no file event arrives.
const POLL: Duration = Duration::from_millis(500);

/// Editors often write a file in several steps; wait this long for the burst to settle.
const SETTLE: Duration = Duration::from_millis(150);

const KEYS: &str = "Enter: check again · h: hint · l: list · q: quit";

/// A line typed on stdin, or `None` when stdin closed.
type Input = Option<String>;

/// `cargo workshop watch`.
pub fn watch(ws: &Workshop, out: &Style) -> Result<Exit, Error> {
    let (sender, inputs) = mpsc::channel();
    read_input(sender);
    let changed = Arc::new(AtomicBool::new(false));
    // Kept alive until we return; dropping it stops the events. `WORKSHOP_WATCH_POLL=1`
    // skips them: for file systems whose events are wrong rather than missing, and for
    // the test that proves polling alone is enough.
    let poll_only = std::env::var_os("WORKSHOP_WATCH_POLL").is_some_and(|value| value == "1");
    let _watcher = if poll_only {
        None
    } else {
        match file_events(ws, Arc::clone(&changed)) {
            Ok(watcher) => Some(watcher),
            Err(e) => {
                let note = format!("(no file events here: {e}; checking for saves every 0.5 s)");
                eprintln!("{}", out.dim(&note));
                None
            }
        }
    };

    let Some(mut current) = next_exercise(ws, out)? else {
        println!(
            "{} Every exercise passes; nothing to watch.",
            out.good("All done!")
        );
        return Ok(Exit::Success);
    };
    let mut recheck = true;
    let mut last_seen = String::new();
    let mut last_look = Instant::now();
    loop {
        if recheck {
            recheck = false;
            clear_screen();
            last_seen = cache::step_fingerprint(ws, &current.step);
            if check::check_one(ws, &current, out)? {
                let Some(next) = next_exercise(ws, out)? else {
                    println!();
                    println!("{} Every exercise passes.", out.good("All done!"));
                    return Ok(Exit::Success);
                };
                println!();
                print!("{}", progress::render_next(ws, &progress::cached(ws), out));
                current = next;
                last_seen = cache::step_fingerprint(ws, &current.step);
            }
            println!();
            println!(
                "{}",
                out.dim(&format!("Watching {} for saves.  {KEYS}", current.name))
            );
            // What the check itself touched is not a save.
            changed.store(false, Ordering::Relaxed);
        }

        match inputs.recv_timeout(TICK) {
            Ok(Some(line)) => match line.trim() {
                "q" | "quit" | "exit" => return Ok(Exit::Success),
                "" | "c" | "check" => recheck = true,
                "h" | "hint" => {
                    check::hint(ws, Some(&current.name), false, out)?;
                }
                "l" | "list" => print!(
                    "{}",
                    progress::render_list(&progress::cached(ws), out, false)
                ),
                other => println!("`{other}`? {KEYS}"),
            },
            Ok(None) | Err(RecvTimeoutError::Disconnected) => return Ok(Exit::Success),
            Err(RecvTimeoutError::Timeout) => {}
        }

        if changed.swap(false, Ordering::Relaxed) || last_look.elapsed() >= POLL {
            last_look = Instant::now();
            if cache::step_fingerprint(ws, &current.step) != last_seen {
                thread::sleep(SETTLE);
                recheck = true;
            }
        }
    }
}

/// The first exercise not done, re-running what changed.
fn next_exercise(ws: &Workshop, out: &Style) -> Result<Option<Exercise>, Error> {
    Ok(progress::refresh(ws, out)?.next().cloned())
}

/// Lines typed on stdin; end of input is sent too (it means "quit").
fn read_input(sender: Sender<Input>) {
    thread::spawn(move || {
        for line in std::io::stdin().lock().lines() {
            let Ok(line) = line else { break };
            if sender.send(Some(line)).is_err() {
                return;
            }
        }
        let _ = sender.send(None);
    });
}

/// A native watcher on `exercises/` that raises `changed` when a file is created,
/// modified or removed. Opening and reading files are events too on some platforms
/// (inotify's `IN_OPEN`), and hashing the sources reads them: those are ignored.
fn file_events(
    ws: &Workshop,
    changed: Arc<AtomicBool>,
) -> notify::Result<notify::RecommendedWatcher> {
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if let Ok(event) = event
            && matches!(
                event.kind,
                EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_) | EventKind::Any
            )
        {
            changed.store(true, Ordering::Relaxed);
        }
    })?;
    watcher.watch(&ws.root.join("exercises"), RecursiveMode::Recursive)?;
    Ok(watcher)
}

fn clear_screen() {
    if std::io::stdout().is_terminal() && crate::term::understands_ansi() {
        // Clear, then cursor home: each check starts on a clean screen, like rustlings.
        print!("\x1b[2J\x1b[H");
    }
}
