//! python-dateutil, run once per batch of rules.

use std::io::Write as _;
use std::path::PathBuf;
use std::process::{Command, Stdio};

/// One rule to expand: DTSTART (local, `YYYYMMDDTHHMMSS`), the RRULE
/// value, and the week start the reader assumes when the rule has none.
pub struct Case {
    pub dtstart: String,
    pub rrule: String,
    pub wkst: Option<&'static str>,
}

/// A Python that imports dateutil, or None after a loud SKIP (a failure
/// under `CI=true`).
pub fn python_or_skip(test: &str) -> Option<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let candidates = [
        std::env::var_os("RITUALS_INTEROP_PYTHON").map(PathBuf::from),
        Some(root.join(".venv/bin/python")),
        Some(PathBuf::from("python3")),
    ];
    for py in candidates.into_iter().flatten() {
        let ok = Command::new(&py)
            .args(["-c", "import dateutil.rrule"])
            .output()
            .is_ok_and(|o| o.status.success());
        if ok {
            return Some(py);
        }
    }
    let ci = std::env::var("CI").is_ok_and(|v| v == "true");
    assert!(
        !ci,
        "CI=true but no Python with dateutil was found: run tests/interop/setup.sh"
    );
    let bar = "!".repeat(78);
    let _ = writeln!(
        std::io::stderr(),
        "\n{bar}\n!! SKIP {test}: no Python with dateutil (run tests/interop/setup.sh)\n{bar}\n"
    );
    None
}

/// The local start dates dateutil gives for each case, up to `until`.
pub fn expand(py: &PathBuf, cases: &[Case], until: &str) -> Vec<Vec<String>> {
    let input = serde_json::Value::Array(
        cases
            .iter()
            .map(|c| {
                serde_json::json!({
                    "dtstart": c.dtstart,
                    "rrule": c.rrule,
                    "until": until,
                    "wkst": c.wkst,
                })
            })
            .collect(),
    );
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/interop/dateutil_expand.py");
    let mut child = Command::new(py)
        .arg(script)
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.to_string().as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "dateutil failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("dateutil json")
}
