use super::*;

fn text(s: &str) -> String {
    parse(&[s]).unwrap().rrule_parts().unwrap()
}

#[test]
fn weekly_forms() {
    assert_eq!(text("Monday"), "FREQ=WEEKLY;BYDAY=MO");
    assert_eq!(text("friday, lundi"), "FREQ=WEEKLY;BYDAY=MO,FR");
    assert_eq!(
        parse(&["mon", "fri"]).unwrap().rrule_parts().unwrap(),
        "FREQ=WEEKLY;BYDAY=MO,FR"
    );
    assert_eq!(text("day"), "FREQ=DAILY");
    assert_eq!(
        text("2 weeks on tuesday"),
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU"
    );
    assert_eq!(
        text("2 weeks on sunday, monday"),
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,SU;WKST=MO"
    );
    assert_eq!(text("last Friday of the month"), "FREQ=MONTHLY;BYDAY=-1FR");
    assert_eq!(text("first monday of the month"), "FREQ=MONTHLY;BYDAY=1MO");
}

/// The issue's table, verbatim.
#[test]
fn the_issue_table() {
    for (spec, rrule) in [
        ("3 days", "FREQ=DAILY;INTERVAL=3"),
        (
            "first and third thursday of the month",
            "FREQ=MONTHLY;BYDAY=1TH,3TH",
        ),
        (
            "month on first and third thursday",
            "FREQ=MONTHLY;BYDAY=1TH,3TH",
        ),
        (
            "first thursday, third thursday of the month",
            "FREQ=MONTHLY;BYDAY=1TH,3TH",
        ),
        ("fifth wednesday of the month", "FREQ=MONTHLY;BYDAY=5WE"),
        (
            "2 months on last friday",
            "FREQ=MONTHLY;INTERVAL=2;BYDAY=-1FR",
        ),
        (
            "3 months on first monday",
            "FREQ=MONTHLY;INTERVAL=3;BYDAY=1MO",
        ),
        ("month on day 15", "FREQ=MONTHLY;BYMONTHDAY=15"),
        ("month on days 1 and 15", "FREQ=MONTHLY;BYMONTHDAY=1,15"),
        ("month on last day", "FREQ=MONTHLY;BYMONTHDAY=-1"),
        (
            "month on last weekday",
            "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
        ),
        (
            "month on first weekday",
            "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1",
        ),
        ("year on 14 july", "FREQ=YEARLY;BYMONTH=7;BYMONTHDAY=14"),
        (
            "year on last monday of may",
            "FREQ=YEARLY;BYMONTH=5;BYDAY=-1MO",
        ),
        // French names, other spellings.
        ("Year on 14 Juillet", "FREQ=YEARLY;BYMONTH=7;BYMONTHDAY=14"),
        ("year on july 14th", "FREQ=YEARLY;BYMONTH=7;BYMONTHDAY=14"),
    ] {
        assert_eq!(text(spec), rrule, "{spec}");
    }
}

#[test]
fn errors_say_what_to_write() {
    let err = parse(&["mondey"]).unwrap_err();
    assert_eq!(err.message, EXPECTED);
    assert_eq!(err.hint.as_deref(), Some("did you mean `monday`?"));
    let err = parse(&["frist thursday of the month"]).unwrap_err();
    assert_eq!(err.hint.as_deref(), Some("did you mean `first`?"));
    let err = parse(&["year on 30 february"]).unwrap_err();
    assert_eq!(err.message, "month 2 has no day 30");
    let err = parse(&["first and third of the month"]).unwrap_err();
    assert_eq!(
        err.hint.as_deref(),
        Some("name the weekday after its ordinal, e.g. `first and third thursday of the month`")
    );
    let err = parse(&["month on day 32"]).unwrap_err();
    assert_eq!(
        err.message,
        "`every`: `32` is not a day of the month (1 to 31, or `last`)"
    );
}
