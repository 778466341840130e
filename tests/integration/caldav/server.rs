//! Real CalDAV servers for the publish tests: Radicale and Xandikos from
//! the repository's .venv (installed by tests/caldav/setup.sh), each
//! started on 127.0.0.1 with a free port and a temporary storage folder,
//! and killed when the test ends.

use std::collections::BTreeMap;
use std::io::Write as _;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The user of the servers' basic auth, and its password: a string the
/// tests look for in every output, where it must never appear.
pub const USER: &str = "alice";
pub const PASSWORD: &str = "Pw-9f3c1e-never-printed";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Basic auth from an htpasswd file (plain), file-system storage.
    Radicale,
    /// No authentication (Xandikos wants TLS for its own basic auth),
    /// git-backed storage; stricter parsing and re-serialization.
    Xandikos,
    /// Xandikos over HTTPS with its self-signed certificate (`--autocert`):
    /// a TLS failure for any client that checks certificates.
    XandikosTls,
}

pub struct Server {
    pub kind: Kind,
    child: Option<Child>,
    pub port: u16,
    pub dir: tempfile::TempDir,
    /// The calendar collection's URL, ending in `/`.
    pub url: String,
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn python() -> PathBuf {
    std::env::var_os("RITUALS_CALDAV_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join(".venv/bin/python"))
}

/// The server, or None after a loud SKIP (a failure under CI=true).
pub fn start_or_skip(kind: Kind, test: &str) -> Option<Server> {
    let module = match kind {
        Kind::Radicale => "radicale",
        Kind::Xandikos => "xandikos",
        Kind::XandikosTls => "xandikos, cryptography",
    };
    let probe = Command::new(python())
        .args([
            "-c",
            &format!("import {module}, icalendar, recurring_ical_events"),
        ])
        .output();
    if !probe.is_ok_and(|o| o.status.success()) {
        let why = format!(
            "`{}` cannot import {module}, icalendar and recurring_ical_events",
            python().display()
        );
        let ci = std::env::var("CI").is_ok_and(|v| v == "true");
        assert!(
            !ci,
            "CI=true but {why}. Run tests/caldav/setup.sh and tests/interop/setup.sh."
        );
        let bar = "!".repeat(78);
        let _ = writeln!(
            std::io::stderr(),
            "\n{bar}\n!! SKIPPED {test}: {why}\n!! Install with: bash tests/interop/setup.sh && bash tests/caldav/setup.sh\n{bar}\n"
        );
        return None;
    }
    Some(Server::start(kind))
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("free port")
        .port()
}

impl Server {
    fn start(kind: Kind) -> Server {
        let dir = tempfile::tempdir().expect("temp dir");
        let port = free_port();
        let log = std::fs::File::create(dir.path().join("server.log")).expect("log");
        let mut cmd = Command::new(python());
        match kind {
            Kind::Radicale => {
                std::fs::write(dir.path().join("users"), format!("{USER}:{PASSWORD}\n"))
                    .expect("htpasswd");
                let config = format!(
                    "[server]\nhosts = 127.0.0.1:{port}\n[auth]\ntype = htpasswd\nhtpasswd_filename = {users}\nhtpasswd_encryption = plain\n[storage]\nfilesystem_folder = {store}\n[logging]\nlevel = info\n",
                    users = dir.path().join("users").display(),
                    store = dir.path().join("store").display(),
                );
                std::fs::write(dir.path().join("config"), config).expect("config");
                cmd.args(["-m", "radicale", "--config"])
                    .arg(dir.path().join("config"));
            }
            Kind::Xandikos | Kind::XandikosTls => {
                if kind == Kind::XandikosTls {
                    cmd.arg("-m").arg("xandikos").arg("serve").arg("--autocert");
                } else {
                    cmd.args(["-m", "xandikos", "serve"]);
                }
                cmd.args(["--defaults", "-l", "127.0.0.1"])
                    .args(["-p", &port.to_string(), "-d"])
                    .arg(dir.path().join("store"))
                    .arg("--state-dir")
                    .arg(dir.path().join("state"));
            }
        }
        let child = cmd
            .stdin(Stdio::null())
            .stdout(log.try_clone().expect("log"))
            .stderr(log)
            .spawn()
            .expect("start the server");
        let url = match kind {
            Kind::Radicale => format!("http://127.0.0.1:{port}/{USER}/calendar/"),
            Kind::Xandikos => format!("http://127.0.0.1:{port}/user/calendars/calendar/"),
            Kind::XandikosTls => format!("https://127.0.0.1:{port}/user/calendars/calendar/"),
        };
        let mut server = Server {
            kind,
            child: Some(child),
            port,
            dir,
            url,
        };
        server.wait_ready();
        if kind == Kind::Radicale {
            server.dav(&["mkcalendar", &server.url.clone()]);
        }
        server
    }

    fn wait_ready(&mut self) {
        let deadline = Instant::now() + Duration::from_secs(60);
        while TcpStream::connect(("127.0.0.1", self.port)).is_err() {
            if let Some(Ok(Some(status))) = self.child.as_mut().map(Child::try_wait) {
                panic!("{:?} exited ({status}):\n{}", self.kind, self.log());
            }
            assert!(
                Instant::now() < deadline,
                "{:?} did not listen within 60 s:\n{}",
                self.kind,
                self.log()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("server.log")).unwrap_or_default()
    }

    /// Runs tests/caldav/dav.py (an independent client) with the credentials.
    pub fn dav(&self, args: &[&str]) -> Vec<u8> {
        let out = Command::new(python())
            .arg(root().join("tests/caldav/dav.py"))
            .args(args)
            .env("DAV_USER", USER)
            .env("DAV_PASSWORD", PASSWORD)
            .output()
            .expect("run dav.py");
        assert!(
            out.status.success(),
            "dav.py {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    }

    /// A shell command that PUTs `file` at `href` (for the test hook).
    pub fn put_command(&self, href: &str, file: &Path) -> String {
        format!(
            "DAV_USER={USER} DAV_PASSWORD={PASSWORD} '{}' '{}' put '{}{href}' '{}'",
            python().display(),
            root().join("tests/caldav/dav.py").display(),
            self.url,
            file.display()
        )
    }

    /// The collection's folder in the server's storage.
    pub fn storage(&self) -> PathBuf {
        match self.kind {
            Kind::Radicale => self
                .dir
                .path()
                .join("store/collection-root")
                .join(USER)
                .join("calendar"),
            Kind::Xandikos | Kind::XandikosTls => {
                self.dir.path().join("store/user/calendars/calendar")
            }
        }
    }

    /// Every resource the server stores in the collection: file name → bytes.
    pub fn stored(&self) -> BTreeMap<String, Vec<u8>> {
        let mut out = BTreeMap::new();
        for e in std::fs::read_dir(self.storage())
            .expect("storage")
            .flatten()
        {
            let name = e.file_name().to_string_lossy().into_owned();
            if name.ends_with(".ics") && !name.starts_with('.') {
                out.insert(name, std::fs::read(e.path()).expect("read resource"));
            }
        }
        out
    }

    /// Something that changes with every write the server accepts:
    /// Radicale's logged PUT and DELETE requests, Xandikos's git HEAD
    /// commit (each write is a commit).
    pub fn writes_marker(&self) -> String {
        match self.kind {
            Kind::Radicale => {
                let log = self.log();
                let n = log
                    .lines()
                    .filter(|l| {
                        l.contains("] PUT request for") || l.contains("] DELETE request for")
                    })
                    .count();
                format!("{n} PUT/DELETE requests")
            }
            Kind::Xandikos | Kind::XandikosTls => {
                let git = self.storage().join(".git");
                let head = std::fs::read_to_string(git.join("HEAD")).expect("HEAD");
                match head.trim().strip_prefix("ref: ") {
                    Some(r) => std::fs::read_to_string(git.join(r)).expect("ref"),
                    None => head,
                }
            }
        }
    }

    /// SIGSTOP or SIGCONT: a server that accepts connections and answers none.
    pub fn signal(&self, sig: &str) {
        let pid = self.child.as_ref().expect("running").id().to_string();
        // The shell's builtin: no dependency on procps.
        let ok = Command::new("sh")
            .args(["-c", &format!("kill {sig} {pid}")])
            .status()
            .expect("kill");
        assert!(ok.success());
    }

    pub fn stop(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop();
    }
}
