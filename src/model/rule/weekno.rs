//! BYWEEKNO (RFC 5545 §3.3.10): week 1 is the first week, starting on
//! WKST, with at least four days in the year. Week numbers are those of
//! the year being expanded; days of the previous year's last week and of
//! the next year's week 1 that fall in this year count as those weeks
//! (the reading of python-dateutil and libical, which we check against).

use chrono::{Datelike, NaiveDate, Weekday};

/// The dates of `year` that the BYWEEKNO list selects, sorted.
pub(super) fn days(year: i32, wkst: Weekday, by_week_no: &[i16]) -> Vec<NaiveDate> {
    let Some(jan1) = NaiveDate::from_ymd_opt(year, 1, 1) else {
        return Vec::new();
    };
    let len = year_len(year);
    let ws = wkst.num_days_from_monday() as i32;
    let year_wd = jan1.weekday().num_days_from_monday() as i32;
    // Index (0-based day of the year) of the first WKST day.
    let first_wkst = (7 - year_wd + ws) % 7;
    let (no1, week_year_len) = if first_wkst >= 4 {
        // Week 1 began last year: it has days before 1 January.
        (0, len + (year_wd - ws).rem_euclid(7))
    } else {
        (first_wkst, len - first_wkst)
    };
    let weeks = week_year_len / 7 + (week_year_len % 7) / 4;
    let week_start = |n: i32| {
        if n > 1 {
            let i = no1 + (n - 1) * 7;
            if no1 != first_wkst {
                i - (7 - first_wkst)
            } else {
                i
            }
        } else {
            no1
        }
    };
    let mut mask = vec![false; (len + 7) as usize];
    let mark_week = |from: i32, mask: &mut Vec<bool>| {
        let mut i = from;
        for _ in 0..7 {
            if i < 0 || i as usize >= mask.len() {
                break;
            }
            mask[i as usize] = true;
            i += 1;
            if (year_wd + i) % 7 == ws {
                break;
            }
        }
    };
    for &n in by_week_no {
        let mut n = i32::from(n);
        if n < 0 {
            n += weeks + 1;
        }
        if !(1..=weeks).contains(&n) {
            continue;
        }
        mark_week(week_start(n), &mut mask);
    }
    if by_week_no.contains(&1) {
        // Week 1 of next year may start in this year's last days.
        let i = week_start(weeks + 1);
        if i < len {
            mark_week(i, &mut mask);
        }
    }
    if no1 > 0 {
        // This year's first days belong to last year's last week.
        let last_weeks = if by_week_no.contains(&-1) {
            -1
        } else {
            let prev_wd = NaiveDate::from_ymd_opt(year - 1, 1, 1)
                .map_or(0, |d| d.weekday().num_days_from_monday() as i32);
            let prev_no1 = (7 - prev_wd + ws) % 7;
            if prev_no1 >= 4 {
                52 + (year_len(year - 1) + (prev_wd - ws).rem_euclid(7)) % 7 / 4
            } else {
                52 + (len - no1) % 7 / 4
            }
        };
        if by_week_no.iter().any(|&n| i32::from(n) == last_weeks) {
            for m in mask.iter_mut().take(no1 as usize) {
                *m = true;
            }
        }
    }
    mask.iter()
        .take(len as usize)
        .enumerate()
        .filter(|(_, m)| **m)
        .filter_map(|(i, _)| NaiveDate::from_yo_opt(year, i as u32 + 1))
        .collect()
}

/// 365 or 366.
pub(super) fn year_len(year: i32) -> i32 {
    if NaiveDate::from_ymd_opt(year, 2, 29).is_some() {
        366
    } else {
        365
    }
}
