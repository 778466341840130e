//! `rituals`: calendar as code.
//!
//! Pipeline: YAML spec (`spec`) → validated model (`model`, built by
//! `validate`) → occurrences (`expand`) → renderers (`ics`, `agenda`)
//! → atomic writes (`output`). `cli` → `config` → `run` drive it.

pub mod agenda;
pub mod agenda_stream;
pub mod build;
pub mod check;
pub mod cli;
pub mod config;
pub mod diagnostic;
pub mod error;
pub mod expand;
pub mod holidays;
pub mod html;
pub mod ics;
pub mod import;
pub mod import_cmd;
pub mod lint;
pub mod load;
pub mod model;
pub mod output;
pub mod previous;
pub mod publisher;
pub mod run;
pub mod schema;
pub mod spec;
pub mod standalone;
pub mod validate;
