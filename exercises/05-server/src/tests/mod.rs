//! The tests of this step, one module per exercise (the module name is the test group),
//! plus shared helpers in `support`.
//!
//! Groups 1 to 3 call the functions directly; groups 4 to 6 run the whole server in the
//! test's runtime, on `127.0.0.1:0`, against the fake upstream. Each group relies only on
//! the exercises before it.
mod support;

mod call_upstream;
mod drain;
mod fan_out;
mod limit_in_flight;
mod parse_deadline;
mod things;
