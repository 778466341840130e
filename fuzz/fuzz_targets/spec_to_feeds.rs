//! Any bytes through the whole path a build takes: read → parse →
//! validate → lint → expand → render every feed, and render every
//! diagnostic. Any panic is a bug; errors are expected.
#![no_main]

use chrono::{DateTime, NaiveDate};
use libfuzzer_sys::fuzz_target;
use rituals::expand::Expander;
use rituals::render::ics::stamp::PreviousFeeds;
use rituals::render::ics::{BuildInfo, Renderer};
use rituals::spec::Source;
use rituals::validate::{Context, validate};

fuzz_target!(|data: &[u8]| {
    let Ok(source) = Source::from_bytes("fuzz.yaml".into(), None, data.to_vec()) else {
        return;
    };
    let show = |d: &rituals::diagnostic::Diagnostic| {
        let _ = rituals::diagnostic::render(d, &source.name, &source.text, false);
    };
    let raw = match rituals::spec::parse(&source) {
        Ok(raw) => raw,
        Err(d) => return show(&d),
    };
    let today = NaiveDate::from_ymd_opt(2026, 11, 28).expect("a date");
    let spec = match validate(&raw, &Context { build_date: today }) {
        Ok(spec) => spec,
        Err(diags) => return diags.iter().for_each(show),
    };
    let expander = Expander::new(&spec);
    rituals::lint::lint(&expander, today)
        .iter()
        .for_each(|(_, d)| show(d));
    let previous = PreviousFeeds::default();
    let build = BuildInfo {
        now: DateTime::from_timestamp(1_795_824_000, 0).expect("a time"),
    };
    let renderer = Renderer::new(&expander, &previous, build);
    for kind in renderer.kinds() {
        let _ = renderer.feed(kind);
    }
});
