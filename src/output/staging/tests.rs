//! Staging: a new folder appears whole, a dropped staging leaves nothing,
//! an existing folder keeps its unchanged files.

use super::*;

fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p.strip_prefix(dir).unwrap().to_string_lossy().into_owned();
                out.push((rel, std::fs::read(&p).unwrap()));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn a_new_folder_appears_whole_at_commit() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let s = Staging::new(&out).unwrap();
    s.add(1, Path::new("people/a.ics"), b"A").unwrap();
    s.add_with(0, Path::new("team.ics"), |w| w.write_all(b"T"))
        .unwrap();
    assert!(!out.exists(), "nothing visible before commit");
    let outcomes = s.commit().unwrap();
    assert_eq!(
        outcomes,
        [
            (out.join("team.ics"), Outcome::Written),
            (out.join("people/a.ics"), Outcome::Written)
        ]
    );
    assert_eq!(
        files(&out),
        [
            ("people/a.ics".to_owned(), b"A".to_vec()),
            ("team.ics".to_owned(), b"T".to_vec())
        ]
    );
    // No staging folder is left beside it.
    assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 1);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(out.join("team.ics"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o644);
    }
}

#[test]
fn a_dropped_staging_leaves_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let s = Staging::new(&out).unwrap();
    s.add(0, Path::new("a.ics"), b"A").unwrap();
    drop(s);
    assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 0);
}

#[test]
fn an_existing_folder_keeps_unchanged_files_and_replaces_the_others() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().to_owned();
    std::fs::write(out.join("same.ics"), b"same").unwrap();
    std::fs::write(out.join("streamed.ics"), b"streamed").unwrap();
    std::fs::write(out.join("old.ics"), b"old").unwrap();
    let s = Staging::new(&out).unwrap();
    s.add(0, Path::new("same.ics"), b"same").unwrap();
    s.add_with(1, Path::new("streamed.ics"), |w| {
        w.write_all(b"stre")?;
        w.write_all(b"amed")
    })
    .unwrap();
    s.add_with(2, Path::new("old.ics"), |w| w.write_all(b"older"))
        .unwrap();
    assert_eq!(std::fs::read(out.join("old.ics")).unwrap(), b"old");
    let outcomes: Vec<Outcome> = s.commit().unwrap().into_iter().map(|(_, o)| o).collect();
    assert_eq!(
        outcomes,
        [Outcome::Unchanged, Outcome::Unchanged, Outcome::Written]
    );
    assert_eq!(std::fs::read(out.join("old.ics")).unwrap(), b"older");
    assert_eq!(files(&out).len(), 3, "no temporary file left");
}
