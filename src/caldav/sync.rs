//! The sync plan: given what the collection holds and the resources the
//! spec produces, what to create, update and delete. Pure: no I/O.
//!
//! Ownership is decided by the UID inside a resource, never by its href:
//! a resource is ours when its UID ends in `@<domain>` of the spec. Only
//! ours are passed in (the listing drops the others before anything is
//! decided) and only ours are ever written or deleted.

use super::canon;

/// A resource as the collection holds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Remote {
    /// The href the server listed (as given: an absolute path or URL).
    pub href: String,
    /// The ETag, when the server gave one (RFC 4918 §15.6).
    pub etag: Option<String>,
    /// The UID of its VEVENTs.
    pub uid: String,
    /// Its calendar data.
    pub body: String,
}

/// A resource the spec produces: one UID, as bytes.
#[derive(Clone, Copy, Debug)]
pub struct Local<'a> {
    pub uid: &'a str,
    pub bytes: &'a [u8],
}

/// One write to make.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change<'a> {
    /// PUT with `If-None-Match: *` at `href` (relative to the collection).
    Create {
        uid: &'a str,
        href: String,
        bytes: &'a [u8],
    },
    /// PUT with `If-Match: etag` over the server's resource.
    Update {
        uid: &'a str,
        href: &'a str,
        etag: Option<&'a str>,
        bytes: &'a [u8],
    },
    /// DELETE with `If-Match: etag`: a UID of ours the spec no longer produces.
    Delete {
        uid: &'a str,
        href: &'a str,
        etag: Option<&'a str>,
    },
}

impl Change<'_> {
    pub fn uid(&self) -> &str {
        match self {
            Change::Create { uid, .. }
            | Change::Update { uid, .. }
            | Change::Delete { uid, .. } => uid,
        }
    }

    /// `create`, `update` or `delete`, as the dry run and reports say it.
    pub fn verb(&self) -> &'static str {
        match self {
            Change::Create { .. } => "create",
            Change::Update { .. } => "update",
            Change::Delete { .. } => "delete",
        }
    }
}

/// What a run does: its writes in order (deletes, updates, creates, each
/// by UID) and how many of our resources are already current.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Plan<'a> {
    pub changes: Vec<Change<'a>>,
    pub unchanged: usize,
}

/// Whether a UID belongs to the spec whose UIDs end in `@domain`.
pub fn is_ours(uid: &str, domain: &str) -> bool {
    uid.strip_suffix(domain)
        .is_some_and(|rest| rest.len() > 1 && rest.ends_with('@'))
}

/// Whether the server's copy holds the same events as `ours`, stamps
/// (DTSTAMP, LAST-MODIFIED, SEQUENCE) aside: the "content did not change"
/// of `ics::stamp`, with the server's copy as the previous version.
pub fn same_events(ours: &str, server: &str) -> bool {
    canon::vevents_without_stamps(ours) == canon::vevents_without_stamps(server)
}

/// The plan. `remotes` holds only resources of ours (see [`is_ours`]);
/// `locals` every resource the spec produces, with their final bytes (the
/// server's stamp kept or bumped). A UID held twice on the server is
/// updated at its first href.
pub fn plan<'a>(locals: &[Local<'a>], remotes: &'a [Remote], domain: &str) -> Plan<'a> {
    let mut by_uid: std::collections::BTreeMap<&str, &Remote> = std::collections::BTreeMap::new();
    for r in remotes.iter().filter(|r| is_ours(&r.uid, domain)) {
        by_uid.entry(r.uid.as_str()).or_insert(r);
    }
    let produced: std::collections::HashSet<&str> = locals.iter().map(|l| l.uid).collect();
    let mut deletes = Vec::new();
    for r in remotes.iter().filter(|r| is_ours(&r.uid, domain)) {
        if !produced.contains(r.uid.as_str()) {
            deletes.push(Change::Delete {
                uid: &r.uid,
                href: &r.href,
                etag: r.etag.as_deref(),
            });
        }
    }
    let mut updates = Vec::new();
    let mut creates = Vec::new();
    let mut unchanged = 0;
    for l in locals {
        match by_uid.get(l.uid) {
            None => creates.push(Change::Create {
                uid: l.uid,
                href: href_for(l.uid),
                bytes: l.bytes,
            }),
            Some(r) => {
                let ours = String::from_utf8_lossy(l.bytes);
                if canon::canonical(&ours) == canon::canonical(&r.body) {
                    unchanged += 1;
                } else {
                    updates.push(Change::Update {
                        uid: l.uid,
                        href: &r.href,
                        etag: r.etag.as_deref(),
                        bytes: l.bytes,
                    });
                }
            }
        }
    }
    let mut changes = deletes;
    changes.extend(updates);
    changes.extend(creates);
    Plan { changes, unchanged }
}

/// `<uid>.ics`, percent-encoded (RFC 3986 §3.3: a path segment keeps
/// unreserved characters and `@`; everything else as `%XX` of its UTF-8
/// bytes).
pub fn href_for(uid: &str) -> String {
    let mut out = String::with_capacity(uid.len() + 4);
    for b in uid.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~@".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out.push_str(".ics");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ics(uid: &str, summary: &str, seq: u32) -> String {
        format!(
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:{uid}\r\nSEQUENCE:{seq}\r\nSUMMARY:{summary}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        )
    }

    fn remote(uid: &str, summary: &str) -> Remote {
        Remote {
            href: format!("/cal/{uid}.ics"),
            etag: Some(format!("\"{uid}\"")),
            uid: uid.to_owned(),
            body: ics(uid, summary, 0),
        }
    }

    #[test]
    fn ownership_is_the_uid_domain() {
        assert!(is_ours("standup@example.org", "example.org"));
        assert!(!is_ours("standup@sub.example.org", "example.org"));
        assert!(!is_ours("standup@notexample.org", "example.org"));
        assert!(!is_ours("@example.org", "example.org"));
        assert!(!is_ours("example.org", "example.org"));
    }

    #[test]
    fn creates_updates_deletes_and_leaves_foreign_alone() {
        let a = ics("a@x.org", "A", 0);
        let b = ics("b@x.org", "B2", 1);
        let locals = [
            Local {
                uid: "a@x.org",
                bytes: a.as_bytes(),
            },
            Local {
                uid: "b@x.org",
                bytes: b.as_bytes(),
            },
            Local {
                uid: "new@x.org",
                bytes: a.as_bytes(),
            },
        ];
        let remotes = [
            remote("a@x.org", "A"),
            remote("b@x.org", "B"),
            remote("gone@x.org", "G"),
            remote("theirs@other.org", "T"),
        ];
        let p = plan(&locals, &remotes, "x.org");
        assert_eq!(p.unchanged, 1);
        let got: Vec<(&str, &str)> = p.changes.iter().map(|c| (c.verb(), c.uid())).collect();
        assert_eq!(
            got,
            [
                ("delete", "gone@x.org"),
                ("update", "b@x.org"),
                ("create", "new@x.org")
            ]
        );
        assert!(matches!(
            &p.changes[1],
            Change::Update {
                href: "/cal/b@x.org.ics",
                etag: Some("\"b@x.org\""),
                ..
            }
        ));
        assert!(matches!(&p.changes[2], Change::Create { href, .. } if href == "new@x.org.ics"));
    }

    #[test]
    fn nothing_to_do_when_current() {
        let a = ics("a@x.org", "A", 0);
        let locals = [Local {
            uid: "a@x.org",
            bytes: a.as_bytes(),
        }];
        let remotes = [remote("a@x.org", "A")];
        let p = plan(&locals, &remotes, "x.org");
        assert_eq!(
            p,
            Plan {
                changes: vec![],
                unchanged: 1
            }
        );
    }

    #[test]
    fn same_events_ignores_stamps_only() {
        assert!(same_events(&ics("a@x", "A", 0), &ics("a@x", "A", 3)));
        assert!(!same_events(&ics("a@x", "A", 0), &ics("a@x", "B", 0)));
    }

    #[test]
    fn hrefs_are_percent_encoded() {
        assert_eq!(href_for("standup@x.org"), "standup@x.org.ics");
        assert_eq!(href_for("a b/é@x"), "a%20b%2F%C3%A9@x.ics");
    }
}
