//! The subscribe page in a real browser: headless Chromium driven by
//! `tests/browser/check-page.mjs` (playwright-core), against the project's
//! own rituals.yaml served over HTTP from 127.0.0.1.
//!
//! Needs /usr/bin/chromium (or $CHROMIUM), node, and
//! `npm ci --prefix tests/browser`; `.ci/install-browser` sets them up.
//! Without them the tests skip loudly, except under CI=true where they fail.
//! Screenshots go to target/browser-screenshots/.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::harness::{Test, project_spec};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn screenshot_dir() -> PathBuf {
    root().join("target/browser-screenshots")
}

/// Whether the browser tools are here; panics under CI when they are not.
/// `test` names the test that skips.
fn browser_available(test: &str) -> bool {
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let node = Command::new("node").arg("--version").output().is_ok();
    let driver = root()
        .join("tests/browser/node_modules/playwright-core")
        .is_dir();
    let missing: Vec<&str> = [
        (!Path::new(&chromium).exists()).then_some("chromium"),
        (!node).then_some("node"),
        (!driver).then_some("tests/browser/node_modules (npm ci --prefix tests/browser)"),
    ]
    .into_iter()
    .flatten()
    .collect();
    if missing.is_empty() {
        return true;
    }
    let msg = format!(
        "browser test cannot run, missing: {}; run .ci/install-browser",
        missing.join(", ")
    );
    assert!(std::env::var("CI").as_deref() != Ok("true"), "{msg}");
    // Straight to the stderr handle: libtest captures `eprintln!`, not
    // this, so the skip shows in a plain `cargo test`.
    let bar = "!".repeat(78);
    let _ = writeln!(
        std::io::stderr(),
        "\n{bar}\n!! SKIPPED {test}: {msg}\n{bar}\n"
    );
    false
}

/// A static file server on 127.0.0.1, one thread per connection.
fn serve(dir: PathBuf) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("addr").port();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let dir = dir.clone();
            std::thread::spawn(move || answer(stream, &dir));
        }
    });
    port
}

fn answer(mut stream: TcpStream, dir: &Path) {
    let mut request = String::new();
    let mut reader = BufReader::new(stream.try_clone().expect("clone"));
    if reader.read_line(&mut request).is_err() {
        return;
    }
    // Drain the headers.
    let mut line = String::new();
    while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
        line.clear();
    }
    let path = request.split_whitespace().nth(1).unwrap_or("/");
    let path = path
        .split('?')
        .next()
        .unwrap_or("/")
        .trim_start_matches('/');
    let path = if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.to_owned()
    };
    let file = dir.join(&path);
    let body = (!path.contains(".."))
        .then(|| std::fs::read(&file).ok())
        .flatten();
    let (status, body, kind) = match body {
        Some(b) => {
            let kind = match file.extension().and_then(|e| e.to_str()) {
                Some("html") => "text/html; charset=utf-8",
                Some("ics") => "text/calendar; charset=utf-8",
                _ => "application/octet-stream",
            };
            ("200 OK", b, kind)
        }
        None => ("404 Not Found", b"not found".to_vec(), "text/plain"),
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&body);
}

/// Ritual titles of a spec, read from its YAML independently of our parser.
fn titles(spec: &str) -> Vec<String> {
    let doc: serde_json::Value = serde_saphyr::from_str(spec).expect("YAML");
    doc["rituals"]
        .as_array()
        .expect("rituals")
        .iter()
        .map(|r| r["title"].as_str().expect("title").to_owned())
        .collect()
}

struct Report {
    status: i32,
    failures: Vec<String>,
    feeds: Vec<PathBuf>,
    screenshots: Vec<String>,
    output: String,
}

/// Runs the browser script on a served page.
fn check_page(url: &str, titles: &[String], name: &str) -> Report {
    let out = screenshot_dir();
    std::fs::create_dir_all(&out).expect("screenshot dir");
    let config = serde_json::json!({ "url": url, "titles": titles, "out": out, "name": name });
    let config_file = out.join(format!("config-{name}.json"));
    std::fs::write(&config_file, config.to_string()).expect("config");
    let run = Command::new("node")
        .arg(root().join("tests/browser/check-page.mjs"))
        .arg(&config_file)
        .output()
        .expect("node");
    let stdout = String::from_utf8_lossy(&run.stdout).into_owned();
    let output = format!("{stdout}\n{}", String::from_utf8_lossy(&run.stderr));
    let status = run.status.code().unwrap_or(-1);
    assert_ne!(status, 2, "the browser script could not run:\n{output}");
    let report: serde_json::Value =
        serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("no JSON report ({e}):\n{output}"));
    let strings = |v: &serde_json::Value| -> Vec<String> {
        v.as_array()
            .into_iter()
            .flatten()
            .filter_map(|s| s.as_str().map(str::to_owned))
            .collect()
    };
    Report {
        status,
        failures: strings(&report["failures"]),
        feeds: report["feeds"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|f| f["status"] == 200)
            .filter_map(|f| f["file"].as_str().map(PathBuf::from))
            .collect(),
        screenshots: strings(&report["screenshots"]),
        output,
    }
}

/// Builds `spec` into `dir` with the tests' fixed build date.
fn build(spec: &str, dir: &Path) {
    let t = Test::new().spec(spec);
    let out = dir.to_str().expect("utf-8 path");
    t.args(["build", "-o", out]).run().success();
}

fn assert_icalendar(file: &Path) {
    let text = std::fs::read_to_string(file).expect("feed");
    let unfolded = icalendar::parser::unfold(&text);
    let cals = icalendar::parser::read_calendar(&unfolded)
        .unwrap_or_else(|e| panic!("{} does not parse: {e}", file.display()));
    assert!(
        cals.properties.iter().any(|p| p.name == "VERSION")
            && cals.components.iter().any(|c| c.name == "VEVENT"),
        "{}: no VERSION or no VEVENT",
        file.display()
    );
}

#[test]
fn project_page_in_chromium() {
    if !browser_available("browser::project_page_in_chromium") {
        return;
    }
    let site = tempfile::tempdir().expect("site");
    let port = serve(site.path().to_owned());
    let spec = project_spec();
    // As is (relative links), and with `calendar.url` pointing at the
    // server (webcal, Google and Outlook links).
    build(&spec, &site.path().join("plain"));
    let base = format!("http://127.0.0.1:{port}/linked/");
    let linked = spec.replacen("calendar:\n", &format!("calendar:\n  url: {base}\n"), 1);
    build(&linked, &site.path().join("linked"));

    let titles = titles(&spec);
    assert!(titles.len() >= 4, "{titles:?}");
    for (name, url) in [
        (
            "project",
            format!("http://127.0.0.1:{port}/plain/index.html"),
        ),
        ("project-linked", format!("{base}index.html")),
    ] {
        let report = check_page(&url, &titles, name);
        assert!(
            report.status == 0 && report.failures.is_empty(),
            "{name}: {:#?}\n{}",
            report.failures,
            report.output
        );
        // 1 team + rituals + people feeds, each checked as iCalendar.
        let people = spec.matches("\n  - id: ").count() - titles.len();
        assert_eq!(
            report.feeds.len(),
            1 + titles.len() + people,
            "{}",
            report.output
        );
        for f in &report.feeds {
            assert_icalendar(f);
        }
        assert_eq!(report.screenshots.len(), 2);
        for s in &report.screenshots {
            assert!(std::fs::metadata(s).is_ok_and(|m| m.len() > 1000), "{s}");
            eprintln!("screenshot: {s}");
        }
    }
}

/// Every day busy, long titles, a time range past midnight: the week grid
/// must still fit a desktop and a phone with its time ranges whole.
const BUSY_WEEK: &str = r#"calendar:
  name: Busy team
  timezone: Europe/Paris
  since: 2026-11-30
  domain: example.org
  language: en
rituals:
  - { id: a, title: Morning stand-up with the whole team, every: day, time: "10:30-11:30" }
  - { id: b, title: Afternoon review, every: weekday, time: "11:30-12:45" }
  - { id: c, title: Retrospective and planning for the sprint, every: 2 weeks on tuesday, time: "23:30-00:30" }
"#;

#[test]
fn a_busy_week_fits_in_chromium() {
    if !browser_available("browser::a_busy_week_fits_in_chromium") {
        return;
    }
    let site = tempfile::tempdir().expect("site");
    let port = serve(site.path().to_owned());
    build(BUSY_WEEK, site.path());
    let url = format!("http://127.0.0.1:{port}/index.html");
    let report = check_page(&url, &titles(BUSY_WEEK), "busy-week");
    assert!(
        report.status == 0 && report.failures.is_empty(),
        "{:#?}\n{}",
        report.failures,
        report.output
    );
    assert_eq!(report.screenshots.len(), 2);
}

#[test]
fn browser_check_fails_on_a_missing_ritual_or_a_broken_link() {
    if !browser_available("browser::browser_check_fails_on_a_missing_ritual_or_a_broken_link") {
        return;
    }
    let site = tempfile::tempdir().expect("site");
    let port = serve(site.path().to_owned());
    let spec = project_spec();
    build(&spec, site.path());
    let url = format!("http://127.0.0.1:{port}/index.html");

    // A ritual the page does not show.
    let mut expected = titles(&spec);
    expected.push("Réunion fantôme".to_owned());
    let report = check_page(&url, &expected, "negative-title");
    assert_eq!(report.status, 1, "{}", report.output);
    assert_eq!(
        report.failures,
        ["ritual not visible: Réunion fantôme"],
        "{}",
        report.output
    );

    // A feed the page links to but the server does not have.
    std::fs::remove_file(site.path().join("point-hebdo.ics")).expect("remove");
    let report = check_page(&url, &titles(&spec), "negative-link");
    assert_eq!(report.status, 1, "{}", report.output);
    assert!(
        report
            .failures
            .iter()
            .any(|f| f.starts_with("feed link broken: HTTP 404") && f.ends_with("/point-hebdo.ics")),
        "{:#?}",
        report.failures
    );
}
