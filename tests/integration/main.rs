//! Integration tests, compiled as one test binary: each module drives the
//! `rituals` binary through the `Test` builder in `harness`.

mod harness;
mod oracle;

mod agenda_stream;
mod browser;
mod build;
mod caldav;
mod check;
mod closures;
mod crosscheck;
mod errors;
mod exceptions;
mod expander_props;
mod feeds;
mod golden;
mod history;
mod holidays_cmd;
mod holidays_crosscheck;
mod html;
mod ics_parse;
mod import;
mod interop_engines;
mod layout;
mod messages;
mod no_panic;
mod people;
mod pipes;
mod readme;
mod safety;
mod scale;
mod schedules;
mod schema;
mod standalone;
mod teams;
mod vtimezone;
