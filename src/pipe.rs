//! Standard output and error as the commands write them. A reader that
//! goes away (`rituals print | head -1`) is not an error: like `cat` and
//! `rg`, the program ends quietly with the status it would have had.
//!
//! Rust ignores SIGPIPE, so a write to a closed pipe fails with
//! `EPIPE` (`ErrorKind::BrokenPipe`) instead of killing the process.
//! Two ways to end quietly, by what the command does:
//!
//! - commands whose only job is the output (`print`, `agenda`, `man`…)
//!   stop at once: `main` treats [`is_closed`] errors as success;
//! - commands that also change files (`build`, `init`) and `check` (whose
//!   status is its result) write their report through [`Quiet`], which
//!   drops what the reader no longer wants, so that the work and the exit
//!   status are those of a run whose output was read.

use std::io::{self, Write};

/// Whether `e` says the reader of our output went away.
pub fn is_closed(e: &io::Error) -> bool {
    e.kind() == io::ErrorKind::BrokenPipe
}

/// A writer that turns a closed pipe into a sink: after the first
/// `BrokenPipe`, every write succeeds and writes nothing. Other errors
/// are returned.
pub struct Quiet<W: Write> {
    inner: W,
    closed: bool,
}

impl<W: Write> Quiet<W> {
    pub fn new(inner: W) -> Quiet<W> {
        Quiet {
            inner,
            closed: false,
        }
    }

    fn absorb<T>(&mut self, r: io::Result<T>, done: T) -> io::Result<T> {
        match r {
            Err(e) if is_closed(&e) => {
                self.closed = true;
                Ok(done)
            }
            r => r,
        }
    }
}

impl<W: Write> Write for Quiet<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.closed {
            return Ok(buf.len());
        }
        let r = self.inner.write(buf);
        self.absorb(r, buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.closed {
            return Ok(());
        }
        let r = self.inner.flush();
        self.absorb(r, ())
    }
}

/// Standard output, quiet when its reader goes away.
pub fn stdout() -> Quiet<io::StdoutLock<'static>> {
    Quiet::new(io::stdout().lock())
}

/// Standard error, quiet when its reader goes away (`check 2>&1 | head`).
/// Other errors writing to it cannot be reported anywhere: they are
/// ignored by the callers.
pub fn stderr() -> Quiet<io::StderrLock<'static>> {
    Quiet::new(io::stderr().lock())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Accepts `room` bytes, then fails with `kind`.
    struct Pipe {
        room: usize,
        kind: io::ErrorKind,
        got: Vec<u8>,
    }

    impl Write for Pipe {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            if self.got.len() >= self.room {
                return Err(io::Error::from(self.kind));
            }
            let n = buf.len().min(self.room - self.got.len());
            self.got.extend_from_slice(&buf[..n]);
            Ok(n)
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_closed_pipe_becomes_a_sink() {
        let mut q = Quiet::new(Pipe {
            room: 4,
            kind: io::ErrorKind::BrokenPipe,
            got: Vec::new(),
        });
        writeln!(q, "first line").unwrap();
        writeln!(q, "second line").unwrap();
        q.flush().unwrap();
        assert_eq!(q.inner.got, b"firs");
        assert!(q.closed);
    }

    #[test]
    fn other_errors_are_returned() {
        let mut q = Quiet::new(Pipe {
            room: 0,
            kind: io::ErrorKind::StorageFull,
            got: Vec::new(),
        });
        let e = writeln!(q, "x").unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::StorageFull);
        assert!(!q.closed);
    }
}
