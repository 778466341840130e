//! Local time → instant: the one place where the time policy is decided.

use chrono::{DateTime, LocalResult, NaiveDateTime, Offset, TimeZone, Utc};
use chrono_tz::Tz;

/// The instant of a local wall-clock time in `tz`.
///
/// Policy, as RFC 5545 §3.3.5 ("FORM #3: DATE WITH LOCAL TIME AND TIME
/// ZONE REFERENCE") prescribes for recurrence instances:
/// - a time that does not exist (spring-forward gap) "is interpreted using
///   the UTC offset before the gap in local times": 02:30 on the day Paris
///   jumps from 02:00 to 03:00 becomes 03:30 CEST (shifted by the gap);
/// - a time that happens twice (fall-back fold) is the first occurrence,
///   i.e. the earlier instant, still in daylight time.
///
/// Weekly arithmetic happens on local dates before this conversion, so a
/// 09:00 meeting stays at 09:00 across DST changes.
pub fn resolve(tz: Tz, local: NaiveDateTime) -> DateTime<Utc> {
    match tz.from_local_datetime(&local) {
        LocalResult::Single(t) => t.with_timezone(&Utc),
        LocalResult::Ambiguous(earlier, _) => earlier.with_timezone(&Utc),
        LocalResult::None => {
            // In a gap: use the offset in force before it. A day earlier is
            // before any gap (no zone has two transitions within a day).
            let before = local - chrono::TimeDelta::days(1);
            let offset = match tz.from_local_datetime(&before) {
                LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => t.offset().fix(),
                LocalResult::None => tz.offset_from_utc_datetime(&before).fix(),
            };
            DateTime::from_naive_utc_and_offset(local - offset, Utc)
        }
    }
}

/// How a local time fares on a given date: for the DST lint.
#[derive(Debug, PartialEq, Eq)]
pub enum Fate {
    Normal,
    /// Does not exist; clients show it shifted to this local time.
    Gap(NaiveDateTime),
    /// Happens twice; we (and RFC-abiding clients) use the first.
    Fold,
}

pub fn fate(tz: Tz, local: NaiveDateTime) -> Fate {
    match tz.from_local_datetime(&local) {
        LocalResult::Single(_) => Fate::Normal,
        LocalResult::Ambiguous(..) => Fate::Fold,
        LocalResult::None => Fate::Gap(resolve(tz, local).with_timezone(&tz).naive_local()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn gap_shifts_forward_by_the_gap() {
        let paris = chrono_tz::Europe::Paris;
        assert_eq!(
            resolve(paris, at("2026-03-29 02:30")).to_rfc3339(),
            "2026-03-29T01:30:00+00:00"
        );
        assert_eq!(
            fate(paris, at("2026-03-29 02:30")),
            Fate::Gap(at("2026-03-29 03:30"))
        );
        // Lord Howe's gap is 30 minutes.
        let lh = chrono_tz::Australia::Lord_Howe;
        assert_eq!(
            fate(lh, at("2026-10-04 02:10")),
            Fate::Gap(at("2026-10-04 02:40"))
        );
    }

    #[test]
    fn fold_takes_the_first_instant() {
        let paris = chrono_tz::Europe::Paris;
        assert_eq!(
            resolve(paris, at("2026-10-25 02:30")).to_rfc3339(),
            "2026-10-25T00:30:00+00:00"
        );
        assert_eq!(fate(paris, at("2026-10-25 02:30")), Fate::Fold);
    }
}
