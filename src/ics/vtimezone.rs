//! PLACEHOLDER until the vtz branch lands.
use super::content_line::{ContentWriter, Value};

pub struct ZoneInfo {
    tz: chrono_tz::Tz,
}

impl ZoneInfo {
    pub fn new(tz: chrono_tz::Tz, _first_year: i32, _last_year: i32) -> ZoneInfo {
        ZoneInfo { tz }
    }
    pub fn write(&self, w: &mut ContentWriter) {
        w.begin("VTIMEZONE");
        w.property("TZID", &[], Value::Raw(self.tz.name()));
        w.end("VTIMEZONE");
    }
}
