//! DURATION values (RFC 5545 §3.3.6), for REFRESH-INTERVAL and VALARM
//! triggers.

/// An RFC 5545 §3.3.6 DURATION from seconds: `PT12H`, `P1D`, `PT1H30M`.
pub fn duration_value(secs: u64) -> String {
    if secs > 0 && secs.is_multiple_of(7 * 86400) {
        return format!("P{}W", secs / (7 * 86400));
    }
    let (d, rest) = (secs / 86400, secs % 86400);
    let (h, m, s) = (rest / 3600, rest % 3600 / 60, rest % 60);
    let mut out = String::from("P");
    if d > 0 {
        out.push_str(&format!("{d}D"));
    }
    if rest > 0 || d == 0 {
        out.push('T');
        if h > 0 {
            out.push_str(&format!("{h}H"));
        }
        if m > 0 {
            out.push_str(&format!("{m}M"));
        }
        if s > 0 || (h == 0 && m == 0) {
            out.push_str(&format!("{s}S"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::duration_value;

    #[test]
    fn durations() {
        assert_eq!(duration_value(12 * 3600), "PT12H");
        assert_eq!(duration_value(86400), "P1D");
        assert_eq!(duration_value(7 * 86400), "P1W");
        assert_eq!(duration_value(5400), "PT1H30M");
        assert_eq!(duration_value(90000), "P1DT1H");
        assert_eq!(duration_value(0), "PT0S");
    }
}
