//! A `Thing`: what one call to one service gives back (given, not an exercise).
//!
//! The idea to take away: a failed call is still a result. The Go article this
//! step ports drops errors on the floor "for readability"; here every call,
//! good or bad, comes back as a `Thing` with a name, a status and how long it
//! took, so a batch never loses a member and never panics because one upstream
//! misbehaved.
use std::time::Duration;

use serde_json::Value;

// ANCHOR: thing
/// How one call went.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Status {
    /// The service answered 2xx with a JSON body.
    Ok,
    /// Anything else: no connection, a non-2xx status, a body that is not JSON,
    /// a timeout. The message says which, for a human.
    Error(String),
}

/// The result of fetching one service, e.g. `http://127.0.0.1:PORT/github`.
#[derive(Clone, Debug, PartialEq)]
pub struct Thing {
    /// The service's name: the last segment of the URL's path (`"github"`).
    pub name: String,
    /// Whether the call worked, and if not, why.
    pub status: Status,
    /// The JSON document the service sent; `None` when `status` is an error.
    pub body: Option<Value>,
    /// Wall-clock time from sending the request to having the whole body.
    pub elapsed: Duration,
}
// ANCHOR_END: thing

impl Thing {
    /// A call that worked.
    pub fn ok(
        name: impl Into<String>,
        body: Value,
        elapsed: Duration,
    ) -> Thing {
        Thing {
            name: name.into(),
            status: Status::Ok,
            body: Some(body),
            elapsed,
        }
    }

    /// A call that failed, with a message that says why.
    pub fn failed(
        name: impl Into<String>,
        message: impl Into<String>,
        elapsed: Duration,
    ) -> Thing {
        Thing {
            name: name.into(),
            status: Status::Error(message.into()),
            body: None,
            elapsed,
        }
    }

    /// `true` when the call worked and `body` holds the service's JSON.
    pub fn is_ok(&self) -> bool {
        self.status == Status::Ok
    }
}
