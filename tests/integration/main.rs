//! Integration tests, compiled as one test binary: each module drives the
//! `rituals` binary through the `Test` builder in `harness`.

mod harness;
mod oracle;

mod agenda_stream;
mod browser;
mod build;
mod crosscheck;
mod errors;
mod exceptions;
mod expander_props;
mod html;
mod interop_engines;
mod people;
mod scale;
mod schema;
mod standalone;
mod teams;
mod vtimezone;
