//! Prints a scale fixture (`tests/support/gen_spec.rs`):
//!
//! ```sh
//! cargo run --release --example gen-spec -- N > spec.yaml             # rich: zones, people, rotations, holidays
//! cargo run --release --example gen-spec -- plain N > spec.yaml       # plain weekly, Europe/Paris, 2021-2027
//! cargo run --release --example gen-spec -- daily N YEAR > spec.yaml  # daily since 1 January YEAR
//! ```

#[path = "../tests/support/gen_spec.rs"]
mod gen_spec;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let num = |s: &str| s.parse::<usize>().ok();
    let text = match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        [n] => num(n).map(gen_spec::spec),
        ["plain", n] => num(n).map(gen_spec::plain),
        ["daily", n, year] => num(n)
            .zip(year.parse::<i32>().ok())
            .map(|(n, y)| gen_spec::daily(n, y)),
        _ => None,
    };
    let Some(text) = text else {
        eprintln!("usage: gen-spec N | gen-spec plain N | gen-spec daily N YEAR");
        std::process::exit(2);
    };
    print!("{text}");
}
