//! How a verb ends: [`Exit`] when it ran and reported (passed or failed), [`Error`] when
//! it could not do its job.
//!
//! The split matters for exit codes. A wrong command line (`cargo workshop chek`, a
//! misspelt exercise) is the caller's mistake and exits `2`, like clap's own usage
//! errors; everything else that goes wrong exits `1`. Scripts and CI can tell them apart.

use std::fmt;

use crate::term::Style;

/// A verb that ran to the end. `Failure` means it already printed why (failing tests,
/// a verification miss) and the process should exit `1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Success,
    Failure,
}

/// A verb that could not do its job, with the message to print.
#[derive(Debug)]
pub enum Error {
    /// The command line was wrong: exit 2.
    Usage(String),
    /// Something else failed (a missing file, cargo could not start): exit 1.
    Failed(String),
}

impl Error {
    pub fn usage(message: impl Into<String>) -> Error {
        Error::Usage(message.into())
    }

    pub fn failed(message: impl Into<String>) -> Error {
        Error::Failed(message.into())
    }

    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Usage(_) => 2,
            Error::Failed(_) => 1,
        }
    }

    pub fn print(&self, style: &Style) {
        eprintln!("{} {self}", style.bad_bold("error:"));
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Usage(message) | Error::Failed(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for Error {}
