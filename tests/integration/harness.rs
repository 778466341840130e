//! A small builder for running `rituals` in a temporary folder.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// `SOURCE_DATE_EPOCH` used by tests: 2026-11-28T00:00:00Z.
pub const EPOCH: &str = "1795824000";

pub struct Test {
    /// Shared with every `Output`, so the folder outlives a chained `run()`.
    pub dir: std::sync::Arc<tempfile::TempDir>,
    args: Vec<String>,
    env: Vec<(String, String)>,
    stdin: Option<Vec<u8>>,
}

pub struct Output {
    pub status: i32,
    pub stdout: String,
    pub stderr: String,
    pub dir: PathBuf,
    _keep: std::sync::Arc<tempfile::TempDir>,
}

impl Test {
    pub fn new() -> Test {
        Test {
            dir: std::sync::Arc::new(tempfile::tempdir().expect("temp dir")),
            args: Vec::new(),
            env: vec![
                ("SOURCE_DATE_EPOCH".into(), EPOCH.into()),
                ("NO_COLOR".into(), "1".into()),
            ],
            stdin: None,
        }
    }

    /// Writes `rituals.yaml` in the test folder.
    pub fn spec(self, yaml: &str) -> Test {
        self.file("rituals.yaml", yaml)
    }

    pub fn file(self, name: &str, content: impl AsRef<[u8]>) -> Test {
        let path = self.dir.path().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(path, content).expect("write file");
        self
    }

    pub fn args<I: IntoIterator<Item = S>, S: AsRef<str>>(mut self, args: I) -> Test {
        self.args
            .extend(args.into_iter().map(|s| s.as_ref().to_owned()));
        self
    }

    pub fn env(mut self, key: &str, value: &str) -> Test {
        self.env.push((key.into(), value.into()));
        self
    }

    pub fn stdin(mut self, bytes: impl Into<Vec<u8>>) -> Test {
        self.stdin = Some(bytes.into());
        self
    }

    /// Runs again in the same folder with other arguments.
    pub fn run_args<I: IntoIterator<Item = S>, S: AsRef<str>>(&self, args: I) -> Output {
        let t = Test {
            dir: self.dir.clone(),
            args: args.into_iter().map(|s| s.as_ref().to_owned()).collect(),
            env: self.env.clone(),
            stdin: None,
        };
        t.run()
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Runs the binary in the test folder.
    pub fn run(&self) -> Output {
        let mut cmd = Command::cargo_bin("rituals").expect("binary");
        cmd.current_dir(self.dir.path()).args(&self.args);
        cmd.env_remove("TZ").env_remove("LANG").env_remove("LC_ALL");
        for (k, v) in &self.env {
            cmd.env(k, v);
        }
        if let Some(input) = &self.stdin {
            cmd.write_stdin(input.clone());
        }
        let out = cmd.output().expect("run rituals");
        Output {
            status: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
            dir: self.dir.path().to_owned(),
            _keep: self.dir.clone(),
        }
    }
}

impl Output {
    pub fn success(self) -> Output {
        assert_eq!(
            self.status, 0,
            "expected success\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }

    pub fn status(self, code: i32) -> Output {
        assert_eq!(
            self.status, code,
            "expected exit {code}\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.dir.join(rel)).unwrap_or_else(|e| panic!("read {rel}: {e}"))
    }
}

/// Every file below `dir` with its bytes and modification time: to prove a
/// failed run touched nothing.
pub fn snapshot(dir: &Path) -> BTreeMap<PathBuf, (Vec<u8>, std::time::SystemTime)> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("read dir").flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let meta = e.metadata().expect("metadata");
                out.insert(
                    p.clone(),
                    (
                        std::fs::read(&p).expect("read"),
                        meta.modified().expect("mtime"),
                    ),
                );
            }
        }
    }
    out
}

/// The repository's own rituals.yaml.
pub fn project_spec() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("rituals.yaml"))
        .expect("rituals.yaml")
}
