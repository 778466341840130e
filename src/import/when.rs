//! Times and lengths in the spec's words: `"10:00-11:00"`, `all day`,
//! `1h30m`, and the occurrence texts of `extra`, `moved` and `dates`.

use chrono::{NaiveDateTime, TimeDelta, Timelike};

/// `15m`, `1h`, `1h30m`, `1d9h`, `2w`.
pub fn duration_text(d: TimeDelta) -> String {
    let mut m = d.num_minutes().max(0);
    if m > 0 && m % (7 * 24 * 60) == 0 {
        return format!("{}w", m / (7 * 24 * 60));
    }
    let mut out = String::new();
    for (unit, size) in [("d", 24 * 60), ("h", 60), ("m", 1)] {
        if m >= size {
            out.push_str(&format!("{}{unit}", m / size));
            m %= size;
        }
    }
    if out.is_empty() { "0m".to_owned() } else { out }
}

/// `HH:MM` of `start + len` (the start's when out of range).
pub fn end_text(start: NaiveDateTime, len: TimeDelta) -> String {
    start
        .checked_add_signed(len)
        .unwrap_or(start)
        .format("%H:%M")
        .to_string()
}

/// `time` and `duration` for a series starting at `start`, lasting `len`.
pub fn time_fields(
    all_day: bool,
    start: NaiveDateTime,
    len: TimeDelta,
) -> (String, Option<String>) {
    if all_day {
        let days = len.num_days().max(1);
        return ("all day".to_owned(), (days > 1).then(|| format!("{days}d")));
    }
    let from = start.format("%H:%M").to_string();
    // No length (DTEND = DTSTART): the spec's shortest, one minute.
    let len = len.max(TimeDelta::minutes(1));
    if len < TimeDelta::days(1) {
        (format!("{from}-{}", end_text(start, len)), None)
    } else {
        (from, Some(duration_text(len)))
    }
}

/// `2026-07-02` when at the series' time of day, else `2026-07-02 14:00`.
pub fn at_text(all_day: bool, t: NaiveDateTime, series_start: NaiveDateTime) -> String {
    if all_day || (t.hour(), t.minute()) == (series_start.hour(), series_start.minute()) {
        t.format("%Y-%m-%d").to_string()
    } else {
        t.format("%Y-%m-%d %H:%M").to_string()
    }
}

/// A `moved.to` or `dates` item: `2026-05-26 10:30`, with `-11:30` when
/// its length is not the series' one.
pub fn occurrence_text(
    all_day: bool,
    start: NaiveDateTime,
    len: TimeDelta,
    series_len: TimeDelta,
) -> String {
    if all_day {
        return start.format("%Y-%m-%d").to_string();
    }
    let at = start.format("%Y-%m-%d %H:%M").to_string();
    if len == series_len || len <= TimeDelta::zero() {
        at
    } else {
        format!("{at}-{}", end_text(start, len))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn spec_words() {
        assert_eq!(duration_text(TimeDelta::minutes(90)), "1h30m");
        assert_eq!(duration_text(TimeDelta::hours(33)), "1d9h");
        assert_eq!(duration_text(TimeDelta::days(14)), "2w");
        assert_eq!(
            time_fields(false, t("2026-01-05 23:30"), TimeDelta::hours(1)),
            ("23:30-00:30".into(), None)
        );
        assert_eq!(
            time_fields(false, t("2026-01-05 09:00"), TimeDelta::hours(33)),
            ("09:00".into(), Some("1d9h".into()))
        );
        assert_eq!(
            time_fields(true, t("2026-01-05 00:00"), TimeDelta::days(2)),
            ("all day".into(), Some("2d".into()))
        );
        assert_eq!(
            at_text(false, t("2026-07-02 14:00"), t("2026-01-05 10:30")),
            "2026-07-02 14:00"
        );
        assert_eq!(
            at_text(false, t("2026-07-01 10:30"), t("2026-01-05 10:30")),
            "2026-07-01"
        );
        assert_eq!(
            occurrence_text(
                false,
                t("2026-06-02 14:00"),
                TimeDelta::minutes(90),
                TimeDelta::minutes(30)
            ),
            "2026-06-02 14:00-15:30"
        );
    }
}
