//! Where the CalDAV user name and password come from:
//! `RITUALS_CALDAV_USER` / `RITUALS_CALDAV_PASSWORD`, else the `~/.netrc`
//! entry for the host (`machine HOST login USER password PASS`, or
//! `default`), else none. The password is never printed: `Debug` hides it.

use std::fmt;

use super::error::CaldavError;

#[derive(Clone, PartialEq, Eq)]
pub struct Credentials {
    pub user: String,
    pub password: String,
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials")
            .field("user", &self.user)
            .field("password", &"<hidden>")
            .finish()
    }
}

impl Credentials {
    /// The `Authorization` header value (RFC 7617 basic).
    pub fn basic(&self) -> String {
        format!(
            "Basic {}",
            base64(format!("{}:{}", self.user, self.password).as_bytes())
        )
    }
}

/// The credentials for `host`: from `user`/`password` (the two variables'
/// values), else from the netrc text, else none.
///
/// # Errors
/// `HalfCredentials` when only one of the variables is set.
pub fn resolve(
    user: Option<String>,
    password: Option<String>,
    netrc: Option<&str>,
    host: &str,
) -> Result<Option<Credentials>, CaldavError> {
    match (user, password) {
        (Some(user), Some(password)) => Ok(Some(Credentials { user, password })),
        (Some(_), None) => Err(CaldavError::HalfCredentials {
            missing: "RITUALS_CALDAV_PASSWORD",
        }),
        (None, Some(_)) => Err(CaldavError::HalfCredentials {
            missing: "RITUALS_CALDAV_USER",
        }),
        (None, None) => Ok(netrc.and_then(|text| from_netrc(text, host))),
    }
}

/// The credentials the environment gives for `host` (reads `$NETRC`, or
/// `~/.netrc`).
///
/// # Errors
/// As [`resolve`].
pub fn from_env(host: &str) -> Result<Option<Credentials>, CaldavError> {
    let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    let netrc_path = var("NETRC").or_else(|| var("HOME").map(|h| format!("{h}/.netrc")));
    let netrc = netrc_path.and_then(|p| std::fs::read_to_string(p).ok());
    resolve(
        var("RITUALS_CALDAV_USER"),
        var("RITUALS_CALDAV_PASSWORD"),
        netrc.as_deref(),
        host,
    )
}

/// The entry for `host` in a netrc file (its `machine` entry, else its
/// `default`). `macdef` bodies are not supported: the file is read as
/// whitespace-separated tokens.
pub fn from_netrc(text: &str, host: &str) -> Option<Credentials> {
    let mut tokens = text.split_whitespace();
    let mut found: Option<Credentials> = None;
    let mut default: Option<Credentials> = None;
    // Which entry the tokens being read belong to: Some(true) for `host`,
    // Some(false) for `default`, None for another machine.
    let mut target: Option<bool> = None;
    let mut user = String::new();
    let mut password = String::new();
    let mut flush = |target: Option<bool>, user: &mut String, password: &mut String| {
        let c = Credentials {
            user: std::mem::take(user),
            password: std::mem::take(password),
        };
        match target {
            Some(true) if found.is_none() => found = Some(c),
            Some(false) if default.is_none() => default = Some(c),
            _ => {}
        }
    };
    while let Some(t) = tokens.next() {
        match t {
            "machine" => {
                flush(target, &mut user, &mut password);
                target = (tokens.next() == Some(host)).then_some(true);
            }
            "default" => {
                flush(target, &mut user, &mut password);
                target = Some(false);
            }
            "login" => tokens.next().unwrap_or("").clone_into(&mut user),
            "password" => tokens.next().unwrap_or("").clone_into(&mut password),
            _ => {}
        }
    }
    flush(target, &mut user, &mut password);
    found.or(default)
}

/// Standard base64 with padding (RFC 4648 §4): a few lines instead of a
/// dependency for one header.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i)) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_of_rfc4648_vectors() {
        for (i, o) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(i.as_bytes()), o);
        }
    }

    #[test]
    fn netrc_machine_then_default() {
        let text = "machine other login o password op\nmachine dav.example.org\n  login alice\n  password s3cret\ndefault login anon password ap\n";
        let c = from_netrc(text, "dav.example.org").unwrap();
        assert_eq!((c.user.as_str(), c.password.as_str()), ("alice", "s3cret"));
        let d = from_netrc(text, "elsewhere").unwrap();
        assert_eq!(d.user, "anon");
        assert_eq!(from_netrc("machine x login a password b", "y"), None);
    }

    #[test]
    fn variables_win_and_must_come_in_pairs() {
        let netrc = Some("machine h login n password p");
        let c = resolve(Some("u".into()), Some("p".into()), netrc, "h").unwrap();
        assert_eq!(c.unwrap().user, "u");
        assert_eq!(
            resolve(Some("u".into()), None, netrc, "h"),
            Err(CaldavError::HalfCredentials {
                missing: "RITUALS_CALDAV_PASSWORD"
            })
        );
        assert_eq!(resolve(None, None, netrc, "h").unwrap().unwrap().user, "n");
    }

    #[test]
    fn debug_hides_the_password() {
        let c = Credentials {
            user: "u".into(),
            password: "hunter2".into(),
        };
        assert!(!format!("{c:?}").contains("hunter2"));
        assert_eq!(c.basic(), "Basic dTpodW50ZXIy");
    }
}
