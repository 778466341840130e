//! Interop (issue 8): the feeds read the same in the engines real calendar
//! clients use.
//!
//! For every fixture spec in `tests/fixtures/interop/*.yaml` and the repo's
//! `rituals.yaml`, this builds the feeds with the real binary, asks
//! `rituals agenda --format json` for the occurrences over 2020–2035, and
//! expands the combined feed with three engines we did not write:
//!
//! - `ical.js` (Thunderbird), which knows no zone database and reads only the
//!   embedded VTIMEZONE (`tests/interop/icaljs.mjs`);
//! - `icalendar` + `recurring-ical-events` (Home Assistant, khal, CalDAV
//!   tooling) (`tests/interop/pyical.py`);
//! - the strict `ical` package (`tests/interop/ical_strict.py`);
//! - libical (Evolution, GNOME Calendar), through Debian's GObject
//!   introspection bindings (`tests/interop/libical.py`): its own recurrence
//!   engine over the feed's own VTIMEZONEs, and its restriction check
//!   (RFC 5545, and RFC 5546 for the METHOD written) on every feed.
//!
//! Each engine's occurrences must equal the agenda's held/moved/extra ones,
//! compared on (start, end, UID, SUMMARY), except the expected differences
//! listed in [`KNOWN`], each justified by the RFC section that decides it.
//! Every feed written (team, per ritual, per person) must also parse in each
//! engine's strictest mode.
//!
//! Engines are installed by `tests/interop/setup.sh` (pinned versions). When
//! they are absent the tests print a loud SKIP and pass, unless `CI=true`,
//! where absence is a failure. Locations: `node` on PATH (or
//! `RITUALS_INTEROP_NODE`) with `tests/interop/node_modules`; Python from
//! `RITUALS_INTEROP_PYTHON`, default `.venv/bin/python` at the repo root;
//! libical from `RITUALS_INTEROP_LIBICAL_PYTHON`, default Debian's
//! `/usr/bin/python3` (the GObject bindings are not on PyPI), installed by
//! `.ci/install-libical`.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The agenda window asked for (inclusive dates, the spec's zone).
const AGENDA_FROM: &str = "2020-01-01";
const AGENDA_TO: &str = "2035-12-31";
/// Engines expand starts in `[ENGINE_FROM, ENGINE_TO)` (UTC dates).
const ENGINE_FROM: &str = "2020-01-01";
const ENGINE_TO: &str = "2036-01-01";
/// Both sides are compared on starts (UTC, or the date of an all-day one) in
/// `[CMP_FROM, CMP_TO)`: a margin of two days inside both windows, so that
/// the local-date edges of the agenda window cannot create a difference.
const CMP_FROM: &str = "2020-01-03";
const CMP_TO: &str = "2035-12-30";
/// Fixed DTSTAMP: the comparison does not depend on the build time.
const SOURCE_DATE_EPOCH: &str = "1767225600";

mod closures;
mod known;

use known::{DISPLACED_BY_AT_MOST, KNOWN};

#[derive(Clone, Copy)]
enum Kind {
    Node,
    Python,
    /// The system Python with Debian's `gir1.2-ical-3.0`.
    SystemPython,
}

pub(crate) struct Engine {
    pub(crate) name: &'static str,
    kind: Kind,
    script: &'static str,
}

pub(crate) const ENGINES: &[Engine] = &[
    Engine {
        name: "ical.js",
        kind: Kind::Node,
        script: "icaljs.mjs",
    },
    Engine {
        name: "icalendar",
        kind: Kind::Python,
        script: "pyical.py",
    },
    Engine {
        name: "ical",
        kind: Kind::Python,
        script: "ical_strict.py",
    },
    Engine {
        name: "libical",
        kind: Kind::SystemPython,
        script: "libical.py",
    },
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn interop_dir() -> PathBuf {
    root().join("tests/interop")
}

/// Where the engines are, or why they are not usable.
pub(crate) struct Runtimes {
    node: PathBuf,
    python: PathBuf,
    system_python: PathBuf,
}

impl Runtimes {
    fn locate() -> Result<Self, String> {
        let node = std::env::var_os("RITUALS_INTEROP_NODE")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from("node"));
        let python = std::env::var_os("RITUALS_INTEROP_PYTHON")
            .map(PathBuf::from)
            .unwrap_or_else(|| root().join(".venv/bin/python"));
        let mut missing = Vec::new();
        match Command::new(&node).arg("--version").output() {
            Ok(o) if o.status.success() => {}
            _ => missing.push(format!("`{}` (Node.js) not runnable", node.display())),
        }
        if !interop_dir()
            .join("node_modules/ical.js/package.json")
            .is_file()
        {
            missing.push("tests/interop/node_modules/ical.js not installed".to_owned());
        }
        let probe = Command::new(&python)
            .args(["-c", "import icalendar, recurring_ical_events, ical"])
            .output();
        match probe {
            Ok(o) if o.status.success() => {}
            _ => missing.push(format!(
                "`{}` cannot import icalendar, recurring_ical_events and ical",
                python.display()
            )),
        }
        let system_python = std::env::var_os("RITUALS_INTEROP_LIBICAL_PYTHON")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from("/usr/bin/python3"));
        let probe = Command::new(&system_python)
            .args([
                "-c",
                "import gi; gi.require_version('ICalGLib', '3.0'); \
                 from gi.repository import ICalGLib",
            ])
            .output();
        match probe {
            Ok(o) if o.status.success() => {}
            _ => missing.push(format!(
                "`{}` cannot import ICalGLib 3.0 (apt-get install gir1.2-ical-3.0 python3-gi)",
                system_python.display()
            )),
        }
        if missing.is_empty() {
            Ok(Runtimes {
                node,
                python,
                system_python,
            })
        } else {
            Err(missing.join("; "))
        }
    }

    fn command(&self, engine: &Engine) -> Command {
        let (program, extra_env) = match engine.kind {
            Kind::Node => (&self.node, None),
            Kind::Python => (&self.python, Some(("PYTHONDONTWRITEBYTECODE", "1"))),
            Kind::SystemPython => (&self.system_python, Some(("PYTHONDONTWRITEBYTECODE", "1"))),
        };
        let mut cmd = Command::new(program);
        cmd.arg(interop_dir().join(engine.script));
        // Engines must not depend on the machine's zone or locale.
        cmd.env("TZ", "UTC").env("LC_ALL", "C.UTF-8");
        if let Some((k, v)) = extra_env {
            cmd.env(k, v);
        }
        cmd
    }
}

/// The runtimes, or `None` after a loud skip message; a failure under CI.
pub(crate) fn runtimes_or_skip(test: &str) -> Option<Runtimes> {
    match Runtimes::locate() {
        Ok(r) => Some(r),
        Err(why) => {
            let ci = std::env::var("CI").is_ok_and(|v| v == "true");
            assert!(
                !ci,
                "CI=true but the interop engines are missing: {why}. Run tests/interop/setup.sh."
            );
            // Straight to the stderr handle: libtest does not capture it, so
            // the skip shows even without --nocapture.
            let bar = "!".repeat(78);
            let _ = writeln!(
                std::io::stderr(),
                "\n{bar}\n!! SKIPPED {test}: interop engines missing: {why}\n\
                 !! Install them with: bash tests/interop/setup.sh && sh .ci/install-libical\n{bar}\n"
            );
            None
        }
    }
}

fn rituals() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_rituals"));
    cmd.env("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH)
        .env("TZ", "UTC")
        .env("LC_ALL", "C.UTF-8");
    cmd
}

fn run_ok(mut cmd: Command, what: &str) -> Output {
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("{what}: cannot run: {e}"));
    assert!(
        out.status.success(),
        "{what}: exit {:?}\nstderr:\n{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// The fixtures: every `tests/fixtures/interop/*.yaml`, then `rituals.yaml`.
fn fixtures() -> Vec<(String, PathBuf)> {
    let dir = root().join("tests/fixtures/interop");
    let mut v: Vec<(String, PathBuf)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .map(|p| {
            let stem = p.file_stem().expect("stem").to_string_lossy().into_owned();
            (stem, p)
        })
        .collect();
    v.sort();
    assert!(
        v.len() >= 11,
        "expected the 11 zone fixtures in {}",
        dir.display()
    );
    let seed = root().join("rituals.yaml");
    if seed.is_file() {
        v.push(("rituals".to_owned(), seed));
    } else {
        panic!("the repo's rituals.yaml is missing");
    }
    v
}

/// `START END UID SUMMARY`: what is compared (RECURRENCE-ID is informational).
type Key = String;

/// A multiset of comparison keys (a duplicate occurrence is a difference).
type Bag = BTreeMap<Key, usize>;

/// The same escaping as the drivers' one-line SUMMARY.
fn one_line(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('\r', "\\r")
        .replace('\n', "\\n")
}

fn agenda_bag(spec: &Path) -> Bag {
    agenda_bag_in(spec, (AGENDA_FROM, AGENDA_TO), (CMP_FROM, CMP_TO))
}

/// The agenda over `window` (inclusive local dates), keeping starts in
/// `[cmp.0, cmp.1)`.
fn agenda_bag_in(spec: &Path, window: (&str, &str), cmp: (&str, &str)) -> Bag {
    let in_cmp_window = |start: &str| (cmp.0..cmp.1).contains(&start);
    let mut cmd = rituals();
    cmd.arg("agenda")
        .arg("-f")
        .arg(spec)
        .args(["--from", window.0, "--to", window.1, "--format", "json"]);
    let out = run_ok(cmd, &format!("rituals agenda -f {}", spec.display()));
    let json: serde_json::Value =
        serde_json::from_slice(&out.stdout).expect("agenda --format json is JSON");
    let items = json.as_array().expect("agenda JSON is an array");
    let field = |o: &serde_json::Value, k: &str| -> String {
        o.get(k)
            .and_then(|v| v.as_str())
            .unwrap_or_else(|| panic!("agenda item lacks string field {k:?}: {o}"))
            .to_owned()
    };
    let mut bag = Bag::new();
    for o in items {
        if o.get("status").and_then(|s| s.as_str()) == Some("skipped") {
            continue;
        }
        let (start, end) = (field(o, "start_utc"), field(o, "end_utc"));
        let all_day = o.get("all_day").and_then(|v| v.as_bool()) == Some(true);
        assert_eq!(
            all_day,
            start.len() == 10,
            "all_day and start_utc disagree in {o}"
        );
        if in_cmp_window(&start) {
            let key = format!(
                "{start} {end} {} {}",
                field(o, "uid"),
                one_line(&field(o, "title"))
            );
            *bag.entry(key).or_default() += 1;
        }
    }
    bag
}

/// Parse driver output lines `START END UID RID SUMMARY` into a bag.
fn engine_bag(engine: &str, stdout: &str) -> Bag {
    engine_bag_in(engine, stdout, (CMP_FROM, CMP_TO))
}

fn engine_bag_in(engine: &str, stdout: &str, cmp: (&str, &str)) -> Bag {
    let in_cmp_window = |start: &str| (cmp.0..cmp.1).contains(&start);
    let mut bag = Bag::new();
    for line in stdout.lines() {
        let parts: Vec<&str> = line.splitn(5, ' ').collect();
        assert!(parts.len() >= 4, "{engine}: malformed line {line:?}");
        let summary = parts.get(4).copied().unwrap_or("");
        if in_cmp_window(parts[0]) {
            let key = format!("{} {} {} {summary}", parts[0], parts[1], parts[2]);
            *bag.entry(key).or_default() += 1;
        }
    }
    bag
}

pub(crate) fn expand(rt: &Runtimes, engine: &Engine, feed: &Path) -> Result<String, String> {
    expand_in(rt, engine, feed, (ENGINE_FROM, ENGINE_TO))
}

/// Expands a file we did not write (an export `rituals import` reads):
/// libical skips the restriction check meant for our own feeds, since
/// real exports break RFC 5546's rules (ATTENDEE without ORGANIZER, empty
/// DESCRIPTION) in ways every client tolerates.
pub(crate) fn expand_foreign(
    rt: &Runtimes,
    engine: &Engine,
    feed: &Path,
) -> Result<String, String> {
    let mut cmd = rt.command(engine);
    cmd.env("INTEROP_FOREIGN", "1");
    cmd.arg(feed).args([ENGINE_FROM, ENGINE_TO]);
    run_expand(cmd, engine, feed)
}

fn expand_in(
    rt: &Runtimes,
    engine: &Engine,
    feed: &Path,
    window: (&str, &str),
) -> Result<String, String> {
    let mut cmd = rt.command(engine);
    cmd.arg(feed).args([window.0, window.1]);
    run_expand(cmd, engine, feed)
}

fn run_expand(mut cmd: Command, engine: &Engine, feed: &Path) -> Result<String, String> {
    let out = cmd
        .output()
        .map_err(|e| format!("{}: cannot run: {e}", engine.name))?;
    if !out.status.success() {
        return Err(format!(
            "{} failed (exit {:?}) on {}:\n{}",
            engine.name,
            out.status.code(),
            feed.display(),
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(String::from_utf8(out.stdout).expect("driver output is UTF-8"))
}

fn check_parse(rt: &Runtimes, engine: &Engine, feeds: &[PathBuf]) -> Result<(), String> {
    let mut cmd = rt.command(engine);
    cmd.arg("--check").args(feeds);
    let out = cmd
        .output()
        .map_err(|e| format!("{}: cannot run: {e}", engine.name))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{} rejects a feed: {}",
            engine.name,
            String::from_utf8_lossy(&out.stderr)
        ))
    }
}

/// Lines only on one side: (`-` agenda only / `+` engine only, line).
fn differences(agenda: &Bag, engine: &Bag) -> Vec<(char, String)> {
    let mut diff = Vec::new();
    for (k, &n) in agenda {
        let m = engine.get(k).copied().unwrap_or(0);
        diff.extend(std::iter::repeat_n(('-', k.clone()), n.saturating_sub(m)));
    }
    for (k, &m) in engine {
        let n = agenda.get(k).copied().unwrap_or(0);
        diff.extend(std::iter::repeat_n(('+', k.clone()), m.saturating_sub(n)));
    }
    diff.sort_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0)));
    diff
}

/// Parse a UTC date-time or date (`…Z` or `YYYY-MM-DD`) to epoch seconds.
fn epoch(t: &str) -> Option<i64> {
    if t.len() == 10 {
        let d = chrono::NaiveDate::parse_from_str(t, "%Y-%m-%d").ok()?;
        return Some(d.and_hms_opt(0, 0, 0)?.and_utc().timestamp());
    }
    chrono::NaiveDateTime::parse_from_str(t, "%Y-%m-%dT%H:%M:%SZ")
        .ok()
        .map(|d| d.and_utc().timestamp())
}

/// `(start, UID SUMMARY)` of a comparison key.
fn start_and_identity(key: &str) -> (&str, &str) {
    let mut it = key.splitn(3, ' ');
    let start = it.next().unwrap_or("");
    let _end = it.next();
    (start, it.next().unwrap_or(""))
}

/// Split the differences into those explained by [`KNOWN`] (with the
/// engine's replacement line and the entry's index) and the unexpected ones.
#[allow(clippy::type_complexity)]
fn classify(
    fixture: &str,
    engine: &str,
    diff: Vec<(char, String)>,
) -> (Vec<(usize, String, String)>, Vec<(char, String)>) {
    let mut rest = diff;
    let mut explained = Vec::new();
    for (i, k) in KNOWN.iter().enumerate() {
        if k.fixture != fixture || k.engine != engine {
            continue;
        }
        let Some(minus) = rest.iter().position(|(s, l)| *s == '-' && l == k.line) else {
            continue;
        };
        let (start, ident) = start_and_identity(k.line);
        let near = |l: &str| {
            let (s, id) = start_and_identity(l);
            id == ident
                && matches!((epoch(s), epoch(start)), (Some(a), Some(b)) if (a - b).abs() <= DISPLACED_BY_AT_MOST)
        };
        let pluses: Vec<usize> = rest
            .iter()
            .enumerate()
            .filter(|(_, (s, l))| *s == '+' && near(l))
            .map(|(j, _)| j)
            .collect();
        if let [plus] = pluses[..] {
            let engine_line = rest[plus].1.clone();
            let (a, b) = if minus > plus {
                (minus, plus)
            } else {
                (plus, minus)
            };
            rest.remove(a);
            rest.remove(b);
            explained.push((i, k.line.to_owned(), engine_line));
        }
    }
    (explained, rest)
}

/// Every `.ics` under `dir`, recursively, sorted.
fn feeds_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("read build dir") {
            let p = e.expect("entry").path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "ics") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

fn build(spec: &Path, out: &Path) {
    let mut cmd = rituals();
    cmd.arg("build").arg("-f").arg(spec).arg("-o").arg(out);
    run_ok(cmd, &format!("rituals build -f {}", spec.display()));
    assert!(
        out.join("rituals.ics").is_file(),
        "build wrote no rituals.ics"
    );
}

#[test]
fn engines_agree_with_agenda_on_every_fixture() {
    let Some(rt) = runtimes_or_skip("engines_agree_with_agenda_on_every_fixture") else {
        return;
    };
    let mut failures = String::new();
    let mut table: Vec<(String, usize, Vec<String>)> = Vec::new();
    let mut known_seen = vec![false; KNOWN.len()];

    for (name, spec) in fixtures() {
        let tmp = tempfile::tempdir().expect("tempdir");
        build(&spec, tmp.path());
        let combined = tmp.path().join("rituals.ics");
        let agenda = agenda_bag(&spec);
        let all_feeds = feeds_under(tmp.path());
        let mut cells = Vec::new();

        // The engines run side by side: one thread each.
        let results: Vec<(Result<String, String>, Result<(), String>)> = std::thread::scope(|s| {
            let handles: Vec<_> = ENGINES
                .iter()
                .map(|engine| {
                    let (rt, combined, all_feeds) = (&rt, &combined, &all_feeds);
                    s.spawn(move || {
                        (
                            expand(rt, engine, combined),
                            check_parse(rt, engine, all_feeds),
                        )
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().expect("engine thread"))
                .collect()
        });

        for (engine, (expanded, parsed)) in ENGINES.iter().zip(results) {
            if let Err(e) = parsed {
                let _ = writeln!(failures, "\n[{name} × {}] strict parse: {e}", engine.name);
            }
            let stdout = match expanded {
                Ok(s) => s,
                Err(e) => {
                    let _ = writeln!(failures, "\n[{name} × {}] {e}", engine.name);
                    cells.push("ERROR".to_owned());
                    continue;
                }
            };
            let bag = engine_bag(engine.name, &stdout);
            let total: usize = bag.values().sum();
            let (explained, rest) = classify(&name, engine.name, differences(&agenda, &bag));
            let expected = explained.len();
            for (i, agenda_line, engine_line) in explained {
                known_seen[i] = true;
                println!(
                    "[{name} × {}] known difference:\n    agenda: {agenda_line}\n    {:<7} {engine_line}\n    because {}",
                    engine.name,
                    format!("{}:", engine.name),
                    KNOWN[i].reason
                );
            }
            let unexpected: Vec<String> = rest.iter().map(|(s, l)| format!("{s} {l}")).collect();
            if unexpected.is_empty() {
                cells.push(if expected > 0 {
                    format!("{total} ok ({expected} known)")
                } else {
                    format!("{total} ok")
                });
            } else {
                cells.push(format!("{total} DIFF {}", unexpected.len()));
                let _ = writeln!(
                    failures,
                    "\n[{name} × {}] {} unexpected difference(s) \
                     (- only in `rituals agenda`, + only in {}; START END UID SUMMARY):",
                    engine.name,
                    unexpected.len(),
                    engine.name
                );
                for l in unexpected.iter().take(60) {
                    let _ = writeln!(failures, "  {l}");
                }
                if unexpected.len() > 60 {
                    let _ = writeln!(failures, "  … {} more", unexpected.len() - 60);
                }
            }
        }
        table.push((name, agenda.values().sum(), cells));
    }

    for (k, seen) in KNOWN.iter().zip(&known_seen) {
        if !*seen {
            let _ = writeln!(
                failures,
                "\nKNOWN entry no longer observed (engine fixed? remove it from KNOWN \
                 and the README (Known client behaviours)): [{} × {}] {}",
                k.fixture, k.engine, k.line
            );
        }
    }

    println!("{}", render_table(&table));
    assert!(
        failures.is_empty(),
        "engines disagree with `rituals agenda`:{failures}\n{}",
        render_table(&table)
    );
}

fn render_table(rows: &[(String, usize, Vec<String>)]) -> String {
    let mut header = vec!["fixture".to_owned(), "agenda".to_owned()];
    header.extend(ENGINES.iter().map(|e| e.name.to_owned()));
    let body: Vec<Vec<String>> = rows
        .iter()
        .map(|(n, a, cells)| {
            let mut r = vec![n.clone(), a.to_string()];
            r.extend(cells.iter().cloned());
            r
        })
        .collect();
    let widths: Vec<usize> = (0..header.len())
        .map(|i| {
            std::iter::once(&header)
                .chain(&body)
                .map(|r| r.get(i).map_or(0, |c| c.chars().count()))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let fmt_row = |r: &Vec<String>| {
        let cells: Vec<String> = r
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c:<w$}"))
            .collect();
        format!("| {} |", cells.join(" | "))
    };
    let mut s = format!(
        "\nInterop: occurrences starting in [{CMP_FROM}, {CMP_TO}) per fixture and engine\n"
    );
    s.push_str(&fmt_row(&header));
    s.push('\n');
    let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    s.push_str(&format!("|-{}-|\n", rule.join("-|-")));
    for r in &body {
        s.push_str(&fmt_row(r));
        s.push('\n');
    }
    s
}

/// ical.js must read the zone from our VTIMEZONE, not from its name: with
/// one DAYLIGHT observance's TZOFFSETTO changed in a copy of a feed, its
/// summer occurrences move and no longer match the agenda.
#[test]
fn corrupted_vtimezone_makes_icaljs_disagree() {
    let Some(rt) = runtimes_or_skip("corrupted_vtimezone_makes_icaljs_disagree") else {
        return;
    };
    let spec = root().join("tests/fixtures/interop/europe-paris.yaml");
    let tmp = tempfile::tempdir().expect("tempdir");
    build(&spec, tmp.path());
    let agenda = agenda_bag(&spec);
    let icaljs = &ENGINES[0];

    let good = tmp.path().join("rituals.ics");
    let good_bag = engine_bag(icaljs.name, &expand(&rt, icaljs, &good).expect("ical.js"));
    let baseline = differences(&agenda, &good_bag).len();

    let text = std::fs::read_to_string(&good).expect("read feed");
    let corrupted = corrupt_one_daylight(&text);
    assert_ne!(
        corrupted, text,
        "no DAYLIGHT TZOFFSETTO:+0200 found to corrupt"
    );
    let bad = tmp.path().join("corrupted.ics");
    std::fs::write(&bad, &corrupted).expect("write corrupted feed");
    let bad_bag = engine_bag(icaljs.name, &expand(&rt, icaljs, &bad).expect("ical.js"));
    let diff = differences(&agenda, &bad_bag);
    println!(
        "corrupted VTIMEZONE: ical.js differs from the agenda on {} line(s) \
         (vs {baseline} on the intact feed)",
        diff.len()
    );
    assert!(
        diff.len() > baseline,
        "ical.js did not notice a corrupted VTIMEZONE: it must be using a zone database \
         instead of the feed's VTIMEZONE"
    );
    // The shifted occurrences are summer ones, one hour earlier in UTC.
    assert!(
        diff.iter()
            .any(|(sign, l)| *sign == '+' && l.contains("T06:30:00Z")),
        "expected a summer 09:30 stand-up at 06:30Z (+03:00) among:\n{diff:#?}"
    );
}

/// Change the first DAYLIGHT observance of Europe/Paris from +0200 to +0300.
fn corrupt_one_daylight(ics: &str) -> String {
    let mut out = String::with_capacity(ics.len());
    let mut in_daylight = false;
    let mut done = false;
    for line in ics.split_inclusive("\r\n") {
        if line.starts_with("BEGIN:DAYLIGHT") {
            in_daylight = true;
        } else if line.starts_with("END:DAYLIGHT") {
            in_daylight = false;
        }
        if in_daylight && !done && line.starts_with("TZOFFSETTO:+0200") {
            out.push_str(&line.replace("+0200", "+0300"));
            done = true;
        } else {
            out.push_str(line);
        }
    }
    out
}

/// The drivers fail loudly: a TZID without its VTIMEZONE (where ical.js
/// would silently fall back to floating time) and a malformed DATE-TIME are
/// errors in every engine, not empty or partial output.
#[test]
fn drivers_reject_broken_feeds() {
    let Some(rt) = runtimes_or_skip("drivers_reject_broken_feeds") else {
        return;
    };
    let tmp = tempfile::tempdir().expect("tempdir");
    let event = |dtstart: &str| {
        format!(
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//interop test//EN\r\n\
             BEGIN:VEVENT\r\nUID:x@example.org\r\nDTSTAMP:20260101T000000Z\r\n\
             {dtstart}\r\nDURATION:PT1H\r\nSUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        )
    };
    let cases = [
        (
            "no-vtimezone.ics",
            event("DTSTART;TZID=Europe/Paris:20260105T093000"),
        ),
        ("bad-date.ics", event("DTSTART:2026010X5T093000Z")),
    ];
    for (file, body) in cases {
        let path = tmp.path().join(file);
        std::fs::write(&path, body).expect("write");
        for engine in ENGINES {
            let res = expand(&rt, engine, &path);
            assert!(
                res.is_err(),
                "{} accepted {file} and printed {:?}",
                engine.name,
                res.ok()
            );
        }
    }
}

/// Issue 18: libical's restriction check (RFC 5545, and RFC 5546 for the
/// METHOD written) reports nothing on any feed of the seed, of the starter
/// spec or of any fixture; and it does report what we used to write.
#[test]
fn libical_restriction_check_passes_on_every_feed_we_write() {
    let Some(rt) = runtimes_or_skip("libical_restriction_check_passes_on_every_feed_we_write")
    else {
        return;
    };
    let libical = ENGINES
        .iter()
        .find(|e| e.name == "libical")
        .expect("libical engine");
    let mut failures = String::new();
    let mut count = 0;
    for (name, spec) in crate::feeds::every_spec() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let path = tmp.path().join("spec.yaml");
        std::fs::write(&path, spec).expect("write spec");
        let out = tmp.path().join("public");
        build(&path, &out);
        let feeds = feeds_under(&out);
        count += feeds.len();
        if let Err(e) = check_parse(&rt, libical, &feeds) {
            let _ = writeln!(failures, "\n[{name}] {e}");
        }
    }
    println!("libical: restriction check clean on {count} feeds");
    assert!(failures.is_empty(), "{failures}");

    // What the feeds said before issue 18: ATTENDEE without ORGANIZER in a
    // PUBLISH. The check must see it.
    let tmp = tempfile::tempdir().expect("tempdir");
    let bad = tmp.path().join("attendee.ics");
    std::fs::write(
        &bad,
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//interop test//EN\r\nMETHOD:PUBLISH\r\n\
         BEGIN:VEVENT\r\nUID:x@example.org\r\nDTSTAMP:20260101T000000Z\r\n\
         DTSTART:20260105T093000Z\r\nDTEND:20260105T103000Z\r\nSUMMARY:x\r\n\
         ATTENDEE;CN=A:mailto:a@example.org\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
    )
    .expect("write");
    let err = check_parse(&rt, libical, &[bad]).expect_err("libical accepted ATTENDEE in PUBLISH");
    assert!(
        err.contains("Failed iTIP restrictions for ATTENDEE property")
            && err.contains("Failed iTIP restrictions for ORGANIZER property"),
        "{err}"
    );
}

/// Issue 18, point 4: a series from 1994 to 2099 in Paris, whose VTIMEZONE
/// is a few RRULE observances (`feeds::a_long_history_gets_a_compact_vtimezone`),
/// reads at the tz database's instants in both engines that use the
/// VTIMEZONE (ical.js and libical), on every occurrence of the 106 years.
#[test]
fn a_long_history_reads_at_the_tz_database_instants() {
    let Some(rt) = runtimes_or_skip("a_long_history_reads_at_the_tz_database_instants") else {
        return;
    };
    let spec = root().join("tests/fixtures/feeds/long-history.yaml");
    let tmp = tempfile::tempdir().expect("tempdir");
    build(&spec, tmp.path());
    let feed = tmp.path().join("rituals.ics");
    let cmp = ("1994-01-01", "2099-12-31");
    let agenda = agenda_bag_in(&spec, ("1993-12-31", "2100-01-01"), cmp);
    let total: usize = agenda.values().sum();
    assert!(total > 5000, "{total} occurrences");
    for engine in ENGINES
        .iter()
        .filter(|e| ["ical.js", "libical"].contains(&e.name))
    {
        let out = expand_in(&rt, engine, &feed, ("1993-12-30", "2100-01-02")).expect("expands");
        let bag = engine_bag_in(engine.name, &out, cmp);
        let diff = differences(&agenda, &bag);
        println!(
            "long history × {}: {total} occurrences, {} differences",
            engine.name,
            diff.len()
        );
        assert!(diff.is_empty(), "{} differs:\n{diff:#?}", engine.name);
    }
}
