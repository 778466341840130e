//! The parse-only floor as a process: read a spec and parse it into the raw
//! serde model (`spec::parse`), nothing else. For `benches/e2e.sh`.

use std::path::Path;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: parse-only SPEC.yaml");
        std::process::exit(2);
    };
    let source = rituals::spec::Source::read(Path::new(&path), u64::MAX >> 1).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(2)
    });
    match rituals::spec::parse(&source) {
        Ok(raw) => println!("{} rituals", raw.rituals.len()),
        Err(d) => {
            eprintln!("{}", d.message);
            std::process::exit(2);
        }
    }
}
