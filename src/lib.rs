//! `rituals`: calendar as code.
//!
//! Pipeline: YAML spec (`spec`) → validated model (`model`, built by
//! `validate`) → occurrences (`expand`) → renderers (`ics`, `agenda`, `html`)
//! → atomic writes (`output`).

pub mod holidays;
pub mod ics;
pub mod model;
