//! What can go wrong talking to a CalDAV server. Every message names the
//! server and what to do; none holds a credential (the URL is refused
//! when it carries one, and the password is never formatted).

use std::fmt;

/// Characters of a refused resource's response body quoted in the error.
pub const EXCERPT_CHARS: usize = 200;

#[derive(Debug, PartialEq, Eq)]
pub enum CaldavError {
    /// The URL cannot be used (not http/https, no host, credentials in it).
    BadUrl { reason: String },
    /// Only one of the two credential variables is set.
    HalfCredentials { missing: &'static str },
    /// The host name does not resolve.
    UnknownHost { host: String },
    /// Nothing accepts connections there (connection refused, unreachable).
    Unreachable { origin: String, reason: String },
    /// The TLS handshake or certificate check failed.
    Tls { origin: String, reason: String },
    /// No complete answer within the timeout.
    Timeout { origin: String, secs: u64 },
    /// 401 or 403 on the collection.
    Unauthorized { url: String, status: u16 },
    /// 404 on the collection.
    NotFound { url: String },
    /// The URL answers but is not a calendar collection.
    NotCalendar { url: String },
    /// The server refused a request: status and an excerpt of its answer.
    Refused {
        what: String,
        status: u16,
        excerpt: String,
    },
    /// The server's answer could not be read.
    BadAnswer { what: String, reason: String },
}

impl fmt::Display for CaldavError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CaldavError::BadUrl { reason } => write!(f, "the CalDAV URL {reason}"),
            CaldavError::HalfCredentials { missing } => write!(
                f,
                "{missing} is not set\nhint: set both RITUALS_CALDAV_USER and RITUALS_CALDAV_PASSWORD, or neither to use ~/.netrc"
            ),
            CaldavError::UnknownHost { host } => {
                write!(f, "cannot reach the CalDAV server: unknown host `{host}`")
            }
            CaldavError::Unreachable { origin, reason } => {
                write!(f, "cannot reach the CalDAV server at {origin}: {reason}")
            }
            CaldavError::Tls { origin, reason } => write!(
                f,
                "TLS failure with {origin}: {reason}\nhint: check the server's certificate and the URL's host name"
            ),
            CaldavError::Timeout { origin, secs } => write!(
                f,
                "the CalDAV server at {origin} did not answer within {secs} s\nhint: `--timeout SECS` allows more time"
            ),
            CaldavError::Unauthorized { url, status } => {
                if *status == 401 {
                    write!(
                        f,
                        "the CalDAV server refused the credentials for {url} (401 Unauthorized)"
                    )?;
                } else {
                    write!(
                        f,
                        "the CalDAV server refused these credentials access to {url} ({status} Forbidden)"
                    )?;
                }
                write!(
                    f,
                    "\nhint: set RITUALS_CALDAV_USER and RITUALS_CALDAV_PASSWORD (for Nextcloud, an app password), or a ~/.netrc entry for the host"
                )
            }
            CaldavError::NotFound { url } => write!(
                f,
                "{url} was not found (404): it is not a calendar collection\nhint: a Nextcloud calendar's URL is https://HOST/remote.php/dav/calendars/USER/CALENDAR/"
            ),
            CaldavError::NotCalendar { url } => write!(
                f,
                "{url} is not a calendar collection\nhint: give the URL of a calendar, e.g. https://HOST/remote.php/dav/calendars/USER/CALENDAR/ on Nextcloud"
            ),
            CaldavError::Refused {
                what,
                status,
                excerpt,
            } => {
                let reason = ureq::http::StatusCode::from_u16(*status)
                    .ok()
                    .and_then(|s| s.canonical_reason())
                    .map(|r| format!(" {r}"))
                    .unwrap_or_default();
                write!(
                    f,
                    "the CalDAV server refused {what}: {status}{reason}: {excerpt}"
                )
            }
            CaldavError::BadAnswer { what, reason } => {
                write!(
                    f,
                    "cannot read the CalDAV server's answer to {what}: {reason}"
                )
            }
        }
    }
}

impl std::error::Error for CaldavError {}

/// The first `EXCERPT_CHARS` characters of a response body, on one line.
pub fn excerpt(body: &str) -> String {
    let one_line: String = body.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out: String = one_line.chars().take(EXCERPT_CHARS).collect();
    if one_line.chars().count() > EXCERPT_CHARS {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpts_are_one_bounded_line() {
        assert_eq!(excerpt("a\n  b\r\nc"), "a b c");
        let long = "x".repeat(500);
        assert_eq!(excerpt(&long).chars().count(), EXCERPT_CHARS + 1);
    }

    #[test]
    fn messages_name_what_to_do() {
        let e = CaldavError::Unauthorized {
            url: "https://h/c/".into(),
            status: 401,
        };
        assert_eq!(
            e.to_string(),
            "the CalDAV server refused the credentials for https://h/c/ (401 Unauthorized)\nhint: set RITUALS_CALDAV_USER and RITUALS_CALDAV_PASSWORD (for Nextcloud, an app password), or a ~/.netrc entry for the host"
        );
    }
}
