//! Stage benchmarks: `cargo bench` (criterion). Inputs are the project's
//! `rituals.yaml` and the generated scale fixture (`tests/support/gen_spec.rs`),
//! sized so the whole run takes a few minutes on two cores. End-to-end
//! process timings are in `benches/e2e.sh`; results in docs/PERFORMANCE.md.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use chrono::DateTime;
use criterion::{Criterion, criterion_group, criterion_main};
use rituals::expand::Expander;
use rituals::model::Spec;
use rituals::render::ics::stamp::PreviousFeeds;
use rituals::render::ics::{BuildInfo, FeedKind, Renderer};
use rituals::spec::Source;
use rituals::validate::{self, Context};

#[path = "../tests/support/gen_spec.rs"]
mod gen_spec;

/// 2026-11-28T00:00:00Z, as in the integration tests.
const EPOCH: i64 = 1_795_824_000;

fn inputs() -> Vec<(&'static str, Source)> {
    let seed = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/rituals.yaml"))
        .expect("rituals.yaml");
    let source = |name: &str, text: String| Source {
        name: name.to_owned(),
        path: Some(PathBuf::from(name)),
        text: text.into(),
    };
    vec![
        ("seed", source("rituals.yaml", seed)),
        ("n1000", source("n1000.yaml", gen_spec::spec(1000))),
    ]
}

fn context() -> Context {
    Context {
        build_date: DateTime::from_timestamp(EPOCH, 0)
            .expect("valid epoch")
            .date_naive(),
    }
}

fn load(source: &Source) -> Spec {
    let raw = rituals::spec::parse(source).expect("fixture parses");
    validate::validate(&raw, &context()).expect("fixture is valid")
}

fn build_info() -> BuildInfo {
    BuildInfo {
        now: DateTime::from_timestamp(EPOCH, 0).expect("valid epoch"),
    }
}

/// How many slots `slots` gives for every ritual up to its plan date.
fn slots_of_every_ritual(
    spec: &Spec,
    slots: impl Fn(&Expander<'_>, usize, chrono::NaiveDate) -> Vec<rituals::expand::Slot>,
) -> usize {
    let x = Expander::new(spec);
    (0..spec.rituals.len())
        .map(|i| slots(&x, i, x.plan_until(&spec.rituals[i])).len())
        .sum()
}

fn stages(c: &mut Criterion) {
    for (name, source) in inputs() {
        let mut g = c.benchmark_group(name);
        g.sample_size(10).measurement_time(Duration::from_secs(4));

        // The parse-only floor: YAML into the raw serde model.
        g.bench_function("parse", |b| {
            b.iter(|| rituals::spec::parse(black_box(&source)).expect("parses"))
        });
        let raw = rituals::spec::parse(&source).expect("parses");
        g.bench_function("validate", |b| {
            b.iter(|| validate::validate(black_box(&raw), &context()).expect("valid"))
        });
        let spec = load(&source);
        // Every slot walked from each series' first date: what planning
        // did before issue 15, and what a window's walk costs per slot.
        g.bench_function("expand", |b| {
            b.iter(|| slots_of_every_ritual(&spec, |x, i, until| x.slots(i, until)))
        });
        // What a feed is planned from (issue 15): the exceptions, asked
        // of the rule, not every slot.
        g.bench_function("feed_slots", |b| {
            b.iter(|| slots_of_every_ritual(&spec, |x, i, until| x.feed_slots(i, until)))
        });
        let x = Expander::new(&spec);
        g.bench_function("lint", |b| {
            b.iter(|| rituals::lint::lint(&x, build_info().now.date_naive()).len())
        });
        let prev = PreviousFeeds::default();
        // The build's planning: every ritual's events planned once from
        // its feed slots (issue 15).
        g.bench_function("plan", |b| {
            b.iter(|| Renderer::new(&x, &prev, build_info()).kinds().len())
        });
        g.bench_function("render_ics_team", |b| {
            let r = Renderer::new(&x, &prev, build_info());
            b.iter(|| r.feed(FeedKind::Team).len())
        });
        g.bench_function("render_ics_all", |b| {
            b.iter(|| {
                let r = Renderer::new(&x, &prev, build_info());
                rituals::output::feeds::feed_files(&r)
                    .iter()
                    .map(|f| f.bytes.len())
                    .sum::<usize>()
            })
        });
        let r = Renderer::new(&x, &prev, build_info());
        g.bench_function("render_html", |b| {
            b.iter(|| {
                rituals::render::html::out_file(&r, build_info().now)
                    .bytes
                    .len()
            })
        });
        let files = rituals::output::feeds::feed_files(&r);
        g.bench_function("write_fresh", |b| {
            b.iter_batched(
                || tempfile::tempdir().expect("temp dir"),
                |dir| {
                    rituals::output::write_all(dir.path(), &files).expect("writes");
                    dir
                },
                criterion::BatchSize::PerIteration,
            )
        });
        // A folder that does not exist yet: built beside it, renamed once.
        g.bench_function("write_new_folder", |b| {
            b.iter_batched(
                || tempfile::tempdir().expect("temp dir"),
                |dir| {
                    rituals::output::write_all(&dir.path().join("public"), &files).expect("writes");
                    dir
                },
                criterion::BatchSize::PerIteration,
            )
        });
        let dir = tempfile::tempdir().expect("temp dir");
        rituals::output::write_all(dir.path(), &files).expect("writes");
        g.bench_function("write_unchanged", |b| {
            b.iter(|| rituals::output::write_all(dir.path(), &files).expect("writes"))
        });
        g.finish();
    }
}

/// The rules of issue 13's table and a few RRULEs, each expanded from
/// 2020 to 2035 by stepping: one figure per rule, in occurrences/s.
fn rules(c: &mut Criterion) {
    use rituals::model::Rule;
    let forms: Vec<(&str, Rule)> = [
        "monday",
        "2 weeks on sunday, monday",
        "3 days",
        "first and third thursday of the month",
        "2 months on last friday",
        "month on days 1 and 15",
        "month on last weekday",
        "year on 14 july",
        "year on last monday of may",
    ]
    .iter()
    .map(|e| (*e, validate::parse_every(e).expect("valid every")))
    .chain(
        [
            "FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO,FR",
            "FREQ=MONTHLY;BYDAY=TU,WE,TH;BYSETPOS=2",
            "FREQ=YEARLY;BYYEARDAY=1,100,-1",
        ]
        .iter()
        .map(|r| (*r, validate::parse_rrule(r).expect("valid rrule"))),
    )
    .collect();
    let from = chrono::NaiveDate::from_ymd_opt(2020, 1, 1).expect("date");
    let to = chrono::NaiveDate::from_ymd_opt(2035, 12, 31).expect("date");
    let mut g = c.benchmark_group("rules");
    g.sample_size(20).measurement_time(Duration::from_secs(2));
    for (name, rule) in &forms {
        g.bench_function(*name, |b| {
            b.iter(|| {
                let first = rule.first_on_or_after(from);
                let mut n = 0usize;
                let mut d = Some(first);
                while let Some(day) = d.filter(|d| *d <= to) {
                    n += 1;
                    d = rule.next_after(first, black_box(day));
                }
                n
            })
        });
    }
    g.finish();
}

criterion_group!(benches, stages, rules);
criterion_main!(benches);
