//! Transport errors (`ureq`'s) in the user's terms: which server, what
//! happened, what to do.

use super::error::CaldavError;

/// The error for a request to `origin` (`scheme://host[:port]`) that
/// failed before an HTTP status came back.
pub fn error(e: ureq::Error, origin: &str, timeout_secs: u64) -> CaldavError {
    let host = origin
        .split_once("://")
        .map_or(origin, |(_, h)| h)
        .to_owned();
    let origin = origin.to_owned();
    match e {
        ureq::Error::Timeout(_) => CaldavError::Timeout {
            origin,
            secs: timeout_secs,
        },
        ureq::Error::HostNotFound => CaldavError::UnknownHost { host },
        ureq::Error::Io(io) => match io.kind() {
            std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock => CaldavError::Timeout {
                origin,
                secs: timeout_secs,
            },
            std::io::ErrorKind::ConnectionRefused => CaldavError::Unreachable {
                origin,
                reason: "connection refused".to_owned(),
            },
            _ if is_tls(&io) => CaldavError::Tls {
                origin,
                reason: io.to_string(),
            },
            _ => CaldavError::Unreachable {
                origin,
                reason: io.to_string(),
            },
        },
        ureq::Error::ConnectionFailed => CaldavError::Unreachable {
            origin,
            reason: "connection failed".to_owned(),
        },
        ureq::Error::Tls(reason) => CaldavError::Tls {
            origin,
            reason: reason.to_owned(),
        },
        ureq::Error::Rustls(e) => CaldavError::Tls {
            origin,
            reason: e.to_string(),
        },
        ureq::Error::Pem(e) => CaldavError::Tls {
            origin,
            reason: e.to_string(),
        },
        other => CaldavError::BadAnswer {
            what: "a request".to_owned(),
            reason: other.to_string(),
        },
    }
}

/// rustls reports handshake failures as I/O errors wrapping its own.
fn is_tls(io: &std::io::Error) -> bool {
    io.get_ref().is_some_and(|inner| {
        let text = format!("{inner:?}");
        text.contains("InvalidCertificate")
            || text.contains("InvalidMessage")
            || text.contains("AlertReceived")
            || text.contains("PeerIncompatible")
            || text.contains("PeerMisbehaved")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_server() {
        let e = error(ureq::Error::HostNotFound, "https://nowhere.invalid", 30);
        assert_eq!(
            e.to_string(),
            "cannot reach the CalDAV server: unknown host `nowhere.invalid`"
        );
        let e = error(
            ureq::Error::Timeout(ureq::Timeout::Global),
            "https://dav.example.org",
            7,
        );
        assert_eq!(
            e.to_string(),
            "the CalDAV server at https://dav.example.org did not answer within 7 s\nhint: `--timeout SECS` allows more time"
        );
        let refused = std::io::Error::from(std::io::ErrorKind::ConnectionRefused);
        let e = error(ureq::Error::Io(refused), "http://127.0.0.1:9", 30);
        assert_eq!(
            e.to_string(),
            "cannot reach the CalDAV server at http://127.0.0.1:9: connection refused"
        );
    }
}
