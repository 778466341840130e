//! Prints the scale fixture: `cargo run --release --example gen-spec -- N > spec.yaml`.

#[path = "../tests/support/gen_spec.rs"]
mod gen_spec;

fn main() {
    let n = match std::env::args().nth(1).map(|a| a.parse::<usize>()) {
        Some(Ok(n)) => n,
        _ => {
            eprintln!("usage: gen-spec N  (N: the number of rituals)");
            std::process::exit(2);
        }
    };
    print!("{}", gen_spec::spec(n));
}
