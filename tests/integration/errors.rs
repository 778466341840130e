//! The malformed-spec corpus: every `tests/errors/NN-name.yaml` must make
//! `rituals build` exit 2 with exactly the stderr of `NN-name.stderr`, and
//! leave the output folder as it was. A `.stderr` without a `.yaml` names
//! an input generated here (too big to commit).
//!
//! `RITUALS_BLESS=1 cargo test --test integration errors` rewrites the
//! expected files from the actual output; review every diff before
//! committing it.

use std::path::{Path, PathBuf};

use crate::harness::{Test, snapshot};

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/errors")
}

/// Inputs that are generated rather than committed.
fn generated(name: &str) -> Option<Vec<u8>> {
    match name {
        // One byte over the default 4 MiB cap, and valid YAML otherwise:
        // the size alone must be refused.
        "too-large" => {
            let mut text = b"calendar:\n  name: Team\n".to_vec();
            let line = b"# padding padding padding padding padding padding padding\n";
            while text.len() + line.len() <= 4 * 1024 * 1024 {
                text.extend_from_slice(line);
            }
            text.resize(4 * 1024 * 1024 + 1, b'#');
            Some(text)
        }
        _ => None,
    }
}

/// A previous build's output, which a failed build must leave alone.
fn with_previous_output(t: Test) -> Test {
    t.file("public/rituals.ics", "previous team feed\r\n")
        .file("public/standup.ics", "previous ritual feed\r\n")
        .file("public/people/alice.ics", "previous person feed\r\n")
}

#[test]
fn every_malformed_spec_gives_its_exact_error_and_writes_nothing() {
    let bless = std::env::var_os("RITUALS_BLESS").is_some();
    let mut cases: Vec<PathBuf> = std::fs::read_dir(corpus())
        .expect("tests/errors")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "stderr"))
        .collect();
    cases.sort();
    assert!(cases.len() >= 40, "the corpus has {} cases", cases.len());
    let mut failures = Vec::new();
    for expected_path in &cases {
        let stem = expected_path.file_stem().expect("stem").to_string_lossy();
        let name = stem.split_once('-').map_or(&*stem, |(_, n)| n);
        let input = match generated(name) {
            Some(bytes) => bytes,
            None => std::fs::read(expected_path.with_extension("yaml"))
                .unwrap_or_else(|e| panic!("{stem}.yaml: {e}")),
        };
        let t = with_previous_output(Test::new().file("rituals.yaml", input)).args(["build"]);
        let before = snapshot(&t.path().join("public"));
        let out = t.run();
        let after = snapshot(&t.path().join("public"));
        if bless {
            std::fs::write(expected_path, &out.stderr).expect("bless");
        }
        let expected = std::fs::read_to_string(expected_path).expect("expected stderr");
        if out.status != 2 {
            failures.push(format!("{stem}: exit {} instead of 2", out.status));
        }
        if out.stderr != expected {
            failures.push(format!(
                "{stem}: stderr differs\n--- expected\n{expected}--- actual\n{}",
                out.stderr
            ));
        }
        if !out.stdout.is_empty() {
            failures.push(format!("{stem}: wrote to stdout: {}", out.stdout));
        }
        if before != after {
            failures.push(format!("{stem}: the output folder changed"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// Every spec in the corpus has an expected message, and the reverse.
#[test]
fn corpus_files_come_in_pairs() {
    for e in std::fs::read_dir(corpus()).expect("tests/errors") {
        let p = e.expect("entry").path();
        let stem = p.file_stem().expect("stem").to_string_lossy().into_owned();
        if p.extension().is_some_and(|e| e == "yaml") {
            assert!(
                p.with_extension("stderr").exists(),
                "{stem}.stderr is missing"
            );
        }
    }
}
