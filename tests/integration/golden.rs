//! Golden outputs: every output of every fixture spec, compared byte for
//! byte with the expected files committed under `tests/golden/` (issue 15,
//! "Done when" 1). This is the proof that a performance change is
//! byte-identical; a change that legitimately alters an output re-blesses.
//!
//! Regenerate the expected files (then review `git diff tests/golden`):
//!
//! ```sh
//! RITUALS_BLESS=1 cargo test --test integration golden
//! ```
//!
//! Cases: the seed `rituals.yaml`, each spec of `tests/fixtures/valid` and
//! `tests/fixtures/interop`, the folder `tests/fixtures/valid` as a
//! many-teams build, and the 1,000-ritual scale fixture
//! (`tests/support/gen_spec.rs`, generated here deterministically).
//! Outputs of each case: `build` (every written file and the command's
//! output), `build --check` over that output, `print`, `agenda` as text and
//! as JSON over a fixed window (2026-09-01 to 2027-04-30: both hemispheres'
//! DST changes and the year's end holidays) and `check`; all with
//! `SOURCE_DATE_EPOCH` fixed (`harness::EPOCH`).
//!
//! Storage: small cases keep every output as a file under
//! `tests/golden/<case>/` (reviewable diffs). The interop fixtures
//! (≈ 240 KB of feeds each) and the 1,000-ritual spec (≈ 20 MB) keep a
//! SHA-256 list, `tests/golden/<case>.sha256`, so the committed golden data
//! stays small.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::harness::Test;
use crate::scale::gen_spec;

const FROM: &str = "2026-09-01";
const TO: &str = "2027-04-30";

#[derive(Clone, Copy, PartialEq)]
enum Store {
    /// Every output as a file under `tests/golden/<case>/`.
    Files,
    /// `tests/golden/<case>.sha256`: one `HEX  NAME` line per output.
    Hashes,
}

/// What a case builds: one spec file, or a folder of specs (many teams).
enum Input {
    File(String),
    Folder(PathBuf),
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_owned()
}

fn cases() -> Vec<(String, Input, Store)> {
    let read = |p: &Path| std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{p:?}: {e}"));
    let mut cases = vec![(
        "seed".to_owned(),
        Input::File(read(&root().join("rituals.yaml"))),
        Store::Files,
    )];
    for (dir, store) in [("valid", Store::Files), ("interop", Store::Hashes)] {
        let mut specs: Vec<PathBuf> = std::fs::read_dir(root().join("tests/fixtures").join(dir))
            .expect("fixtures folder")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
            .collect();
        specs.sort();
        for p in specs {
            let stem = p.file_stem().expect("stem").to_string_lossy();
            cases.push((format!("{dir}-{stem}"), Input::File(read(&p)), store));
        }
    }
    cases.push((
        "teams-valid".to_owned(),
        Input::Folder(root().join("tests/fixtures/valid")),
        Store::Files,
    ));
    cases.push((
        "scale-1000".to_owned(),
        Input::File(gen_spec::spec(1000)),
        Store::Hashes,
    ));
    cases
}

/// One command's exit code, standard output and standard error as one text.
fn transcript(out: &crate::harness::Output, dir: &Path) -> Vec<u8> {
    // The temporary folder's path varies from run to run.
    let d = dir.to_string_lossy();
    let clean = |s: &str| s.replace(&*d, "TMP");
    format!(
        "exit: {}\n--- stdout\n{}--- stderr\n{}",
        out.status,
        clean(&out.stdout),
        clean(&out.stderr)
    )
    .into_bytes()
}

/// Every output of one case, by name.
fn outputs(input: &Input) -> BTreeMap<String, Vec<u8>> {
    let (t, spec) = match input {
        Input::File(yaml) => (Test::new().spec(yaml), "rituals.yaml".to_owned()),
        Input::Folder(src) => {
            let mut t = Test::new();
            let mut names: Vec<PathBuf> = std::fs::read_dir(src)
                .expect("folder")
                .map(|e| e.expect("entry").path())
                .collect();
            names.sort();
            for p in names {
                let name = format!("teams/{}", p.file_name().expect("name").to_string_lossy());
                t = t.file(&name, std::fs::read(&p).expect("read spec"));
            }
            (t, "teams".to_owned())
        }
    };
    let dir = t.path().to_owned();
    let mut out = BTreeMap::new();
    let mut run = |name: &str, args: &[&str]| {
        let mut all = vec![args[0], "-f", &spec];
        all.extend_from_slice(&args[1..]);
        let o = t.run_args(all);
        out.insert(name.to_owned(), (transcript(&o, &dir), o));
    };
    run("build.txt", &["build", "-o", "public"]);
    run("build-check.txt", &["build", "--check", "-o", "public"]);
    run("print.txt", &["print"]);
    run("agenda.txt", &["agenda", "--from", FROM, "--to", TO]);
    run(
        "agenda-json.txt",
        &["agenda", "--from", FROM, "--to", TO, "--format", "json"],
    );
    run("check.txt", &["check"]);
    let mut files: BTreeMap<String, Vec<u8>> =
        out.into_iter().map(|(k, (bytes, _))| (k, bytes)).collect();
    collect(&dir.join("public"), "public", &mut files);
    files
}

fn collect(dir: &Path, prefix: &str, into: &mut BTreeMap<String, Vec<u8>>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries {
        let p = e.expect("entry").path();
        let name = format!(
            "{prefix}/{}",
            p.file_name().expect("name").to_string_lossy()
        );
        if p.is_dir() {
            collect(&p, &name, into);
        } else {
            into.insert(name, std::fs::read(&p).expect("read output"));
        }
    }
}

fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .fold(String::new(), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

/// The committed expectation of a case, in the same shape as `outputs`
/// (hash lists compare hashes, file stores compare bytes).
fn expected(case: &str, store: Store) -> BTreeMap<String, Vec<u8>> {
    let golden = root().join("tests/golden");
    let mut map = BTreeMap::new();
    match store {
        Store::Files => collect(&golden.join(case), "", &mut map),
        Store::Hashes => {
            let text =
                std::fs::read_to_string(golden.join(format!("{case}.sha256"))).unwrap_or_default();
            for line in text.lines() {
                if let Some((hex, name)) = line.split_once("  ") {
                    map.insert(name.to_owned(), hex.as_bytes().to_vec());
                }
            }
        }
    }
    // `collect` with an empty prefix names files "/NAME".
    map.into_iter()
        .map(|(k, v)| (k.trim_start_matches('/').to_owned(), v))
        .collect()
}

fn bless(case: &str, store: Store, actual: &BTreeMap<String, Vec<u8>>) {
    let golden = root().join("tests/golden");
    match store {
        Store::Files => {
            let dir = golden.join(case);
            let _ = std::fs::remove_dir_all(&dir);
            for (name, bytes) in actual {
                let p = dir.join(name);
                std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
                std::fs::write(p, bytes).expect("write golden");
            }
        }
        Store::Hashes => {
            std::fs::create_dir_all(&golden).expect("mkdir");
            let text: String = actual
                .iter()
                .map(|(name, bytes)| format!("{}  {name}\n", sha256(bytes)))
                .collect();
            std::fs::write(golden.join(format!("{case}.sha256")), text).expect("write golden");
        }
    }
}

/// The first line where two outputs differ, for the failure message.
fn first_difference(want: &[u8], got: &[u8]) -> String {
    let (w, g) = (String::from_utf8_lossy(want), String::from_utf8_lossy(got));
    for (i, (a, b)) in w.lines().zip(g.lines()).enumerate() {
        if a != b {
            return format!("line {}: expected {a:?}, got {b:?}", i + 1);
        }
    }
    format!(
        "expected {} lines, got {}",
        w.lines().count(),
        g.lines().count()
    )
}

fn compare(
    store: Store,
    want: &BTreeMap<String, Vec<u8>>,
    got: &BTreeMap<String, Vec<u8>>,
) -> Vec<String> {
    let mut problems = Vec::new();
    for name in want.keys().filter(|k| !got.contains_key(*k)) {
        problems.push(format!("{name}: expected, not produced"));
    }
    for (name, bytes) in got {
        let Some(w) = want.get(name) else {
            problems.push(format!("{name}: produced, not expected"));
            continue;
        };
        let differs = match store {
            Store::Files => w != bytes,
            Store::Hashes => w != sha256(bytes).as_bytes(),
        };
        if differs {
            let detail = match store {
                Store::Files => first_difference(w, bytes),
                Store::Hashes => "SHA-256 differs".to_owned(),
            };
            problems.push(format!("{name}: {detail}"));
        }
    }
    problems
}

#[test]
fn every_output_matches_the_committed_golden_files() {
    let blessing = std::env::var_os("RITUALS_BLESS").is_some();
    let mut failures = String::new();
    let cases = cases();
    assert!(cases.len() >= 17, "fixtures went missing: {}", cases.len());
    for (case, input, store) in cases {
        let got = outputs(&input);
        assert!(
            got.keys().any(|k| k == "public/rituals.ics"),
            "{case}: build wrote no team feed"
        );
        if blessing {
            bless(&case, store, &got);
            continue;
        }
        for p in compare(store, &expected(&case, store), &got) {
            let _ = writeln!(failures, "{case}: {p}");
        }
    }
    assert!(
        failures.is_empty(),
        "outputs differ from tests/golden (if the change is intended: \
         RITUALS_BLESS=1 cargo test --test integration golden, then review git diff):\n{failures}"
    );
}
