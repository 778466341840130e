//! `rituals man`: print the man page (roff).
//!
//! One page, `rituals(1)`, with a section per command: clap_mangen alone
//! would list the commands as `rituals-build(1)` pages that nobody
//! installs, and reflow the examples as prose. Its sections (synopsis,
//! options) are used for each command, under our own headings; the
//! examples are kept line for line between `.nf` and `.fi`.

use std::io::Write;

use clap::CommandFactory;

use crate::cli::Cli;
use crate::error::Error;

/// Prints the man page on standard output; returns the exit code.
///
/// # Errors
/// `Error::Io` when standard output cannot be written.
pub fn run() -> Result<i32, Error> {
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(page()?.as_bytes())?;
    stdout.flush()?;
    Ok(0)
}

/// The man page, in roff.
///
/// # Errors
/// Only if clap_mangen fails to write into memory.
pub fn page() -> std::io::Result<String> {
    let mut cmd = Cli::command();
    cmd.build();
    let examples = cmd.get_after_help().map(|h| h.to_string());
    // Rendered below, verbatim, instead of clap_mangen's reflowed EXTRA.
    let top = clap_mangen::Man::new(cmd.clone().after_help(None::<&str>));
    let mut out = Vec::new();
    top.render_title(&mut out)?;
    top.render_name_section(&mut out)?;
    top.render_synopsis_section(&mut out)?;
    top.render_description_section(&mut out)?;
    top.render_options_section(&mut out)?;
    out.extend_from_slice(b".SH COMMANDS\n");
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        command(&mut out, sub)?;
    }
    if let Some(text) = examples {
        out.extend_from_slice(b".SH EXAMPLES\n");
        verbatim(&mut out, &text, false);
    }
    out.extend_from_slice(
        concat!(
            ".SH EXIT STATUS\n",
            ".TP\n0\nsuccess\n",
            ".TP\n1\na check failed: \\fBcheck\\fR found errors (or warnings with \\fB\\-\\-strict\\fR), ",
            "or \\fBbuild \\-\\-check\\fR found the published feeds stale\n",
            ".TP\n2\nbad input, usage or I/O error; nothing was written\n",
        )
        .as_bytes(),
    );
    top.render_version_section(&mut out)?;
    // Each of clap_mangen's sections starts with the same two lines that
    // define `\*(Aq`; once, at the top, is enough.
    let text = String::from_utf8_lossy(&out);
    let mut page = String::with_capacity(text.len());
    let mut seen = 0;
    for line in text.lines() {
        if line.starts_with(".ie \\n(.g .ds Aq") || line.starts_with(".el .ds Aq") {
            seen += 1;
            if seen > 2 {
                continue;
            }
        }
        page.push_str(line);
        page.push('\n');
    }
    Ok(page)
}

/// One command's subsection: what it does, its synopsis, its options and
/// its examples.
fn command(out: &mut Vec<u8>, sub: &clap::Command) -> std::io::Result<()> {
    let mut head = format!(".SS {}\n", sub.get_name());
    if let Some(about) = sub.get_about() {
        head.push_str(&escape(&about.to_string()));
        head.push('\n');
    }
    out.extend_from_slice(head.as_bytes());
    let man = clap_mangen::Man::new(sub.clone().after_help(None::<&str>));
    let mut section = Vec::new();
    man.render_synopsis_section(&mut section)?;
    man.render_options_section(&mut section)?;
    // Under this command's heading, not as sections of the page.
    let text = String::from_utf8_lossy(&section);
    for line in text.lines() {
        if line == ".SH SYNOPSIS" {
            out.extend_from_slice(b".PP\n");
        } else if !line.starts_with(".SH ") {
            out.extend_from_slice(line.as_bytes());
            out.push(b'\n');
        }
    }
    if let Some(help) = sub.get_after_help() {
        out.extend_from_slice(b".PP\n");
        verbatim(out, &help.to_string(), true);
    }
    Ok(())
}

/// `Examples:` (shown if `heading`) and the lines under it, each kept
/// as written.
fn verbatim(out: &mut Vec<u8>, text: &str, heading: bool) {
    let mut lines = text.lines().peekable();
    if let Some(first) = lines.next_if(|l| l.ends_with(':') && !l.starts_with(' '))
        && heading
    {
        out.extend_from_slice(format!("{}\n", escape(first)).as_bytes());
    }
    out.extend_from_slice(b".RS 4\n.nf\n");
    for line in lines {
        let line = line.strip_prefix("  ").unwrap_or(line);
        out.extend_from_slice(format!("{}\n", escape(line)).as_bytes());
    }
    out.extend_from_slice(b".fi\n.RE\n");
}

/// Text as roff reads it literally: a backslash is `\e`, a hyphen `\-`
/// (not a typographic hyphen: copied commands must work), and a line
/// starting with `.` or `'` is not a request.
fn escape(text: &str) -> String {
    let s = text.replace('\\', "\\e").replace('-', "\\-");
    if s.starts_with(['.', '\'']) {
        format!("\\&{s}")
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_roff_would_read_as_markup() {
        assert_eq!(escape("a-b"), "a\\-b");
        assert_eq!(escape("C:\\x"), "C:\\ex");
        assert_eq!(escape(".ics files"), "\\&.ics files");
    }
}
