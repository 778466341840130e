fn main() {
    let inputs = [
        "calendar:\n  name: x\n  timezone: Europe/Paris\n  domain: d\n  naem: y\n",
        "calendar:\n  name: x\n  timezone: Europe/Paris\n",
        "calendar:\n  name: x\n  timezone: Europe/Paris\n  domain: d\nrituals:\n  - id: a\n    title: t\n    every: monday\n    time: 10:00\n    busy: yes\n",
        "calendar:\n  name: x\n  name: y\n",
        "calendar: [\n",
        "",
        "rituals:\n  - id: a\n    count: x\n",
        "calendar:\n  name: x\n  timezone: Europe/Paris\n  domain: d\nrituals:\n  - title: t\n    every: monday\n    time: 10:00\n",
    ];
    for i in inputs {
        let opts = serde_saphyr::options! { strict_booleans: true };
        let r: Result<rituals::spec::raw::RawSpec, _> =
            serde_saphyr::from_str_with_options(i, opts);
        match r {
            Ok(_) => println!("OK"),
            Err(e) => {
                println!(
                    "DISPLAY: {e}\nLOC: {:?}\nDBG: {:?}\n---",
                    e.location(),
                    e.without_snippet()
                );
            }
        }
    }
}
