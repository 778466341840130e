use chrono::{NaiveDate, Weekday};

use super::*;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn take(rule: &Rule, anchor: NaiveDate, n: usize) -> Vec<NaiveDate> {
    let mut got = vec![rule.first_on_or_after(anchor)];
    while got.len() < n {
        got.push(rule.next_after(anchor, *got.last().unwrap()).unwrap());
    }
    got
}

#[test]
fn biweekly_counts_weeks_from_the_anchor_week() {
    let rule = Rule::weekly(2, &[Weekday::Mon, Weekday::Thu]);
    let anchor = d("2026-01-08"); // a Thursday
    let mut got = vec![anchor];
    while got.len() < 5 {
        got.push(rule.next_after(anchor, *got.last().unwrap()).unwrap());
    }
    assert_eq!(
        got,
        [
            d("2026-01-08"),
            d("2026-01-19"),
            d("2026-01-22"),
            d("2026-02-02"),
            d("2026-02-05")
        ]
    );
}

#[test]
fn last_friday_of_the_month() {
    let rule = Rule::monthly_nth(-1, Weekday::Fri);
    let first = rule.first_on_or_after(d("2026-01-01"));
    assert_eq!(first, d("2026-01-30"));
    assert_eq!(rule.next_after(first, first), Some(d("2026-02-27")));
}

#[test]
fn first_and_third_thursday() {
    let mut r = Recur::new(Freq::Monthly);
    r.by_day = vec![
        ByDay {
            nth: Some(3),
            day: Weekday::Thu,
        },
        ByDay {
            nth: Some(1),
            day: Weekday::Thu,
        },
    ];
    r.normalise();
    assert_eq!(r.rrule_text(), "FREQ=MONTHLY;BYDAY=1TH,3TH");
    let rule = Rule::Recur(r);
    assert_eq!(
        take(&rule, d("2026-01-01"), 4),
        [
            d("2026-01-01"),
            d("2026-01-15"),
            d("2026-02-05"),
            d("2026-02-19")
        ]
    );
}

#[test]
fn last_weekday_of_the_month_by_setpos() {
    let mut r = Recur::new(Freq::Monthly);
    r.by_day = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
    ]
    .map(|day| ByDay { nth: None, day })
    .to_vec();
    r.by_set_pos = vec![-1];
    assert_eq!(
        r.rrule_text(),
        "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1"
    );
    let rule = Rule::Recur(r);
    // May 2026 ends on a Sunday: its last weekday is Friday the 29th.
    assert_eq!(
        take(&rule, d("2026-04-01"), 3),
        [d("2026-04-30"), d("2026-05-29"), d("2026-06-30")]
    );
}

#[test]
fn yearly_on_a_month_day_and_interval_months() {
    let mut r = Recur::new(Freq::Yearly);
    r.by_month = vec![7];
    r.by_month_day = vec![14];
    assert_eq!(r.rrule_text(), "FREQ=YEARLY;BYMONTH=7;BYMONTHDAY=14");
    let rule = Rule::Recur(r);
    assert_eq!(
        take(&rule, d("2026-08-01"), 2),
        [d("2027-07-14"), d("2028-07-14")]
    );
    let mut r = Recur::new(Freq::Monthly);
    r.interval = 2;
    r.by_day = vec![ByDay {
        nth: Some(-1),
        day: Weekday::Fri,
    }];
    let rule = Rule::Recur(r);
    // From 31 January, after January's last Friday: the series starts in
    // February, and that month anchors the interval.
    let first = rule.first_on_or_after(d("2026-01-31"));
    assert_eq!(first, d("2026-02-27"));
    assert_eq!(take(&rule, first, 2), [d("2026-02-27"), d("2026-04-24")]);
}

#[test]
fn day_31_skips_short_months_and_no_date_ends() {
    let mut r = Recur::new(Freq::Monthly);
    r.by_month_day = vec![31];
    let rule = Rule::Recur(r);
    assert_eq!(
        take(&rule, d("2026-01-01"), 3),
        [d("2026-01-31"), d("2026-03-31"), d("2026-05-31")]
    );
    let mut never = Recur::new(Freq::Yearly);
    never.by_month = vec![2];
    never.by_month_day = vec![30];
    let never = Rule::Recur(never);
    assert_eq!(never.next_after(d("2026-01-01"), d("2026-01-01")), None);
}

#[test]
fn last_on_or_before_steps_back() {
    let rule = Rule::monthly_nth(1, Weekday::Mon);
    assert_eq!(
        rule.last_on_or_before(d("2026-01-05"), d("2026-03-01")),
        Some(d("2026-02-02"))
    );
    assert_eq!(
        rule.last_on_or_before(d("2026-01-05"), d("2026-01-04")),
        None
    );
}

#[test]
fn wkst_is_written_where_it_changes_the_dates() {
    let two = Rule::weekly(2, &[Weekday::Sun, Weekday::Mon]);
    assert_eq!(
        two.rrule_parts().unwrap(),
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,SU;WKST=MO"
    );
    let one = Rule::weekly(2, &[Weekday::Sun]);
    assert_eq!(
        one.rrule_parts().unwrap(),
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=SU"
    );
    assert_eq!(
        Rule::weekly(1, &[Weekday::Mon, Weekday::Fri])
            .rrule_parts()
            .unwrap(),
        "FREQ=WEEKLY;BYDAY=MO,FR"
    );
}

#[test]
fn dates_series() {
    let e = |s: &str| DateEntry {
        date: d(s),
        start: None,
        duration: None,
    };
    let rule = Rule::Dates(vec![e("2026-04-09"), e("2026-05-12"), e("2026-06-30")]);
    assert_eq!(rule.first_on_or_after(d("2026-01-01")), d("2026-04-09"));
    assert_eq!(
        rule.next_after(d("2026-04-09"), d("2026-04-09")),
        Some(d("2026-05-12"))
    );
    assert!(rule.matches(d("2026-04-09"), d("2026-06-30")));
    assert!(!rule.matches(d("2026-04-09"), d("2026-06-29")));
    assert_eq!(rule.rrule_parts(), None);
}

#[test]
fn gaps_and_counts_per_year() {
    let mut r = Recur::new(Freq::Monthly);
    r.by_day = vec![ByDay {
        nth: Some(5),
        day: Weekday::Wed,
    }];
    let rule = Rule::Recur(r);
    // 2026 has four months with five Wednesdays.
    assert_eq!(rule.per_year(d("2026-01-01"), 1), [4]);
    assert_eq!(Rule::daily(3).min_gap_days(d("2026-01-01")), 3);
    assert_eq!(
        Rule::monthly_nth(-1, Weekday::Fri).min_gap_days(d("2026-01-01")),
        28
    );
}
