//! Running a child process with a deadline, reading its output line by line as it comes.
//!
//! Every process the runner starts (cargo, a test binary) runs under a deadline. An
//! attendee's half-written code can deadlock, and a test waiting forever must not turn
//! `cargo workshop` into a hang: the runner kills the child at the deadline and says so.
//!
//! Output is read on two threads (stdout and stderr each have a pipe with a limited
//! buffer; reading one while the child blocks writing the other would deadlock us) and
//! handed to the caller as lines, so a long build can show what it is doing.

use std::io::{BufRead, BufReader, Read};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

/// Which stream a line came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stream {
    Stdout,
    Stderr,
}

/// How the child ended.
#[derive(Debug)]
pub struct Finished {
    /// `None` if it had to be killed.
    pub status: Option<ExitStatus>,
    /// It was still running at the deadline and was killed.
    pub timed_out: bool,
}

impl Finished {
    pub fn success(&self) -> bool {
        self.status.is_some_and(|status| status.success())
    }
}

/// How often the loop wakes up to look at the clock and the child when no line arrives.
const TICK: Duration = Duration::from_millis(100);

/// After the child exits, how long to wait for the rest of its output. A grandchild
/// that inherited the pipes can keep them open long after; we don't wait for it.
const DRAIN: Duration = Duration::from_secs(2);

/// Runs `command` (stdin closed, stdout and stderr piped) until it exits or `deadline`
/// passes, calling `on_line` for every line of output as it arrives.
pub fn run(
    command: &mut Command,
    deadline: Duration,
    on_line: &mut dyn FnMut(Stream, &str),
) -> std::io::Result<Finished> {
    let started = Instant::now();
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    let (sender, lines) = mpsc::channel();
    if let Some(stdout) = child.stdout.take() {
        forward_lines(stdout, Stream::Stdout, sender.clone());
    }
    if let Some(stderr) = child.stderr.take() {
        forward_lines(stderr, Stream::Stderr, sender);
    }

    let mut exited: Option<(ExitStatus, Instant)> = None;
    loop {
        match lines.recv_timeout(TICK) {
            Ok((stream, line)) => on_line(stream, &line),
            // Both pipes closed: the child (and anything it started) is done writing.
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
            Err(mpsc::RecvTimeoutError::Timeout) => {}
        }
        if exited.is_none()
            && let Some(status) = child.try_wait()?
        {
            exited = Some((status, Instant::now()));
        }
        if let Some((_, at)) = exited {
            if at.elapsed() > DRAIN {
                break;
            }
        } else if started.elapsed() > deadline {
            kill(&mut child);
            // Whatever was already written is still worth showing.
            for (stream, line) in lines.try_iter() {
                on_line(stream, &line);
            }
            return Ok(Finished {
                status: None,
                timed_out: true,
            });
        }
    }
    let status = match exited {
        Some((status, _)) => status,
        None => wait_until(&mut child, started + deadline)?,
    };
    Ok(Finished {
        status: Some(status),
        timed_out: false,
    })
}

/// The output closed but the child hasn't exited yet (it is usually a moment away).
fn wait_until(child: &mut Child, deadline: Instant) -> std::io::Result<ExitStatus> {
    loop {
        if let Some(status) = child.try_wait()? {
            return Ok(status);
        }
        if Instant::now() > deadline {
            kill(child);
            return child.wait();
        }
        thread::sleep(Duration::from_millis(20));
    }
}

fn kill(child: &mut Child) {
    // Errors mean it already exited, which is what we wanted.
    let _ = child.kill();
    let _ = child.wait();
}

/// Reads `pipe` on its own thread and sends each line (lossily decoded: a test may print
/// bytes that are not UTF-8) to `sender`.
fn forward_lines(
    pipe: impl Read + Send + 'static,
    stream: Stream,
    sender: mpsc::Sender<(Stream, String)>,
) {
    thread::spawn(move || {
        let mut reader = BufReader::new(pipe);
        let mut buffer = Vec::new();
        loop {
            buffer.clear();
            match reader.read_until(b'\n', &mut buffer) {
                Ok(0) | Err(_) => break,
                Ok(_) => {
                    let line = String::from_utf8_lossy(&buffer);
                    let line = line.trim_end_matches(['\n', '\r']).to_owned();
                    if sender.send((stream, line)).is_err() {
                        break;
                    }
                }
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A command that prints and exits, on every platform the workshop supports.
    fn echo_twice() -> Command {
        if cfg!(windows) {
            let mut command = Command::new("cmd");
            command.args(["/C", "echo one& echo two 1>&2"]);
            command
        } else {
            let mut command = Command::new("sh");
            command.args(["-c", "echo one; echo two >&2"]);
            command
        }
    }

    fn sleep_forever() -> Command {
        if cfg!(windows) {
            let mut command = Command::new("powershell");
            command.args(["-Command", "Start-Sleep -Seconds 600"]);
            command
        } else {
            let mut command = Command::new("sleep");
            command.arg("600");
            command
        }
    }

    #[test]
    fn lines_from_both_streams_arrive() {
        let mut lines = Vec::new();
        let finished = run(
            &mut echo_twice(),
            Duration::from_secs(30),
            &mut |stream, line| lines.push((stream, line.trim().to_owned())),
        )
        .expect("spawn");
        assert!(finished.success(), "{finished:?}");
        assert!(
            lines.contains(&(Stream::Stdout, "one".to_owned())),
            "{lines:?}"
        );
        assert!(
            lines.contains(&(Stream::Stderr, "two".to_owned())),
            "{lines:?}"
        );
    }

    #[test]
    fn a_child_past_its_deadline_is_killed() {
        let started = Instant::now();
        let finished = run(
            &mut sleep_forever(),
            Duration::from_millis(300),
            &mut |_, _| {},
        )
        .expect("spawn");
        assert!(finished.timed_out);
        assert!(finished.status.is_none());
        // Killed promptly: generous margin for a loaded CI machine.
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "took {:?}",
            started.elapsed()
        );
    }
}
