//! Lints for rules that surprise, word for word.

use crate::harness::Test;

fn check(fields: &str) -> String {
    let spec = format!(
        "calendar:\n  name: Team\n  timezone: Europe/Paris\n  since: 2026-01-05\n  domain: example.org\n  horizon: 2027-12-31\nrituals:\n  - id: r\n    title: R\n    time: \"10:00-11:00\"\n    {fields}\n"
    );
    let out = Test::new().spec(&spec).args(["check"]).run();
    assert_eq!(out.status, 0, "{}", out.stderr);
    out.stderr
}

#[test]
fn day_31_fifth_weekday_and_a_rule_past_the_horizon_are_warned_about() {
    let e = check("every: month on day 31");
    assert!(
        e.contains("warning: `r` is on day 31 of the month, which 7 months out of 12 do not have: those months have no occurrence\n"),
        "{e}"
    );
    assert!(e.contains("hint: for the end of every month, write `month on last day`"));
    let e = check("every: fifth wednesday of the month");
    assert!(
        e.contains("warning: `r` is on a fifth weekday, which most months do not have: it happens 4 times in 2026 and 4 times in 2027\n"),
        "{e}"
    );
    let e = check("rrule: FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;INTERVAL=1\n    since: 2028-03-01");
    assert!(
        e.contains("warning: the rule of `r` gives no date before the horizon (2027-12-31): its first is 2032-02-29\n"),
        "{e}"
    );
    let e = check("rrule: FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO");
    assert!(
        e.contains("warning: Thunderbird (ical.js 2.2.1) shows wrong dates for the rule of `r`\n"),
        "{e}"
    );
    let quiet = check("every: month on last day");
    assert!(!quiet.contains("warning"), "{quiet}");
}
