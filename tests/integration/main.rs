//! Integration tests, compiled as one test binary: each module drives the
//! `rituals` binary through the `Test` builder in `harness`.

mod harness;

mod build;
mod check;
mod errors;
mod ics_parse;
mod no_panic;
mod safety;
