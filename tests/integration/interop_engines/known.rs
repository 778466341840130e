//! Expected differences between engines and the agenda, each justified
//! by the RFC section that decides it.

/// An expected difference between an engine and the agenda, kept on purpose:
/// the engine shows this occurrence, but at a different start or end.
pub(super) struct Known {
    /// Fixture file stem (`europe-paris`), or `rituals` for `rituals.yaml`.
    pub fixture: &'static str,
    /// `ical.js`, `icalendar`, `ical` or `libical`.
    pub engine: &'static str,
    /// The agenda's line (`START END UID SUMMARY`), right by the RFC. The
    /// engine must show instead exactly one line of the same UID and
    /// SUMMARY starting within [`DISPLACED_BY_AT_MOST`] of it.
    pub line: &'static str,
    /// Why the engine is wrong, with the RFC section that decides it.
    pub reason: &'static str,
}

/// How far a known difference may move an occurrence (a DST shift is at
/// most one hour; twice that leaves a margin and still no ambiguity).
pub(super) const DISPLACED_BY_AT_MOST: i64 = 2 * 3600;

const GAP_START: &str = "a local time inside a spring-forward gap is read with the offset \
     after the gap, one gap length early; RFC 5545 §3.3.5: a nonexistent local time is \
     interpreted with the UTC offset before the gap (02:30 means 03:30)";
const OVERLAP_START: &str = "an ambiguous local time on fall-back day is read as its second \
     instance; RFC 5545 §3.3.5: it refers to the first occurrence of that local time";
const LIBICAL_AFTER_GAP: &str = "libical 3.0's RecurIterator, having moved an instance out of a \
     spring-forward gap (02:30 to 03:30), returns the next instance at the moved time too, one \
     gap length late; RFC 5545 §3.3.10: every instance has DTSTART's local time, and \
     §3.3.5 shifts only the nonexistent one";
const WALL_CLOCK_END: &str = "the end is the start plus the duration in local wall-clock time, \
     so an occurrence across a DST change is too long, zero-length or ends before it starts; \
     RFC 5545 §3.8.5.3: the duration given by DTSTART/DTEND is exact and applies to every \
     instance (§3.3.6: hours and minutes are exact durations)";
const END_IN_CHANGE: &str = "the end falls in the gap or the repeated hour and is resolved \
     there (after the gap / second instance) instead of start + exact duration; RFC 5545 \
     §3.8.5.3 (exact duration for every instance) and §3.3.5";

/// Expected differences: each must still occur (a fixed engine makes the
/// test fail until its entry is removed), and no other difference may.
/// Summarised for users in `the README (Known client behaviours)`.
#[rustfmt::skip]
pub(super) const KNOWN: &[Known] = &[
    // BEGIN KNOWN: agenda line (RFC) — `// engine:` what the engine shows instead.
    Known { fixture: "america-new-york", engine: "ical.js", line: "2026-03-08T06:30:00Z 2026-03-08T07:00:00Z overlap-0130@interop.example.org DST probe 01:30", reason: END_IN_CHANGE }, // engine: 2026-03-08T06:30:00Z 2026-03-08T06:00:00Z
    Known { fixture: "america-new-york", engine: "ical.js", line: "2026-03-08T07:30:00Z 2026-03-08T08:00:00Z gap-0230@interop.example.org DST probe 02:30", reason: GAP_START }, // engine: 2026-03-08T06:30:00Z 2026-03-08T07:00:00Z
    Known { fixture: "america-new-york", engine: "ical.js", line: "2026-11-01T04:30:00Z 2026-11-01T05:00:00Z early-0030@interop.example.org DST probe 00:30", reason: END_IN_CHANGE }, // engine: 2026-11-01T04:30:00Z 2026-11-01T06:00:00Z
    Known { fixture: "america-new-york", engine: "ical.js", line: "2026-11-01T05:30:00Z 2026-11-01T06:00:00Z overlap-0130@interop.example.org DST probe 01:30", reason: OVERLAP_START }, // engine: 2026-11-01T06:30:00Z 2026-11-01T07:00:00Z
    Known { fixture: "america-new-york", engine: "icalendar", line: "2026-03-08T07:30:00Z 2026-03-08T08:00:00Z gap-0230@interop.example.org DST probe 02:30", reason: WALL_CLOCK_END }, // engine: 2026-03-08T07:30:00Z 2026-03-08T07:00:00Z
    Known { fixture: "america-new-york", engine: "icalendar", line: "2026-11-01T05:30:00Z 2026-11-01T06:00:00Z overlap-0130@interop.example.org DST probe 01:30", reason: WALL_CLOCK_END }, // engine: 2026-11-01T05:30:00Z 2026-11-01T07:00:00Z
    Known { fixture: "america-new-york", engine: "ical", line: "2026-03-08T07:30:00Z 2026-03-08T08:00:00Z gap-0230@interop.example.org DST probe 02:30", reason: WALL_CLOCK_END }, // engine: 2026-03-08T07:30:00Z 2026-03-08T07:00:00Z
    Known { fixture: "america-new-york", engine: "ical", line: "2026-11-01T05:30:00Z 2026-11-01T06:00:00Z overlap-0130@interop.example.org DST probe 01:30", reason: WALL_CLOCK_END }, // engine: 2026-11-01T05:30:00Z 2026-11-01T07:00:00Z
    Known { fixture: "america-santiago", engine: "ical.js", line: "2026-04-05T02:30:00Z 2026-04-05T02:45:00Z overlap-2330@interop.example.org DST probe 23:30", reason: OVERLAP_START }, // engine: 2026-04-05T03:30:00Z 2026-04-05T03:45:00Z
    Known { fixture: "america-santiago", engine: "ical.js", line: "2026-09-06T04:30:00Z 2026-09-06T05:00:00Z early-0030@interop.example.org DST probe 00:30", reason: GAP_START }, // engine: 2026-09-06T03:30:00Z 2026-09-06T04:00:00Z
    Known { fixture: "america-santiago", engine: "icalendar", line: "2026-09-06T04:30:00Z 2026-09-06T05:00:00Z early-0030@interop.example.org DST probe 00:30", reason: WALL_CLOCK_END }, // engine: 2026-09-06T04:30:00Z 2026-09-06T04:00:00Z
    Known { fixture: "america-santiago", engine: "ical", line: "2026-09-06T04:30:00Z 2026-09-06T05:00:00Z early-0030@interop.example.org DST probe 00:30", reason: WALL_CLOCK_END }, // engine: 2026-09-06T04:30:00Z 2026-09-06T04:00:00Z
    Known { fixture: "america-st-johns", engine: "ical.js", line: "2026-03-08T05:00:00Z 2026-03-08T05:30:00Z overlap-0130@interop.example.org DST probe 01:30", reason: END_IN_CHANGE }, // engine: 2026-03-08T05:00:00Z 2026-03-08T04:30:00Z
    Known { fixture: "america-st-johns", engine: "ical.js", line: "2026-03-08T06:00:00Z 2026-03-08T06:30:00Z gap-0230@interop.example.org DST probe 02:30", reason: GAP_START }, // engine: 2026-03-08T05:00:00Z 2026-03-08T05:30:00Z
    Known { fixture: "america-st-johns", engine: "ical.js", line: "2026-11-01T03:00:00Z 2026-11-01T03:30:00Z early-0030@interop.example.org DST probe 00:30", reason: END_IN_CHANGE }, // engine: 2026-11-01T03:00:00Z 2026-11-01T04:30:00Z
    Known { fixture: "america-st-johns", engine: "ical.js", line: "2026-11-01T04:00:00Z 2026-11-01T04:30:00Z overlap-0130@interop.example.org DST probe 01:30", reason: OVERLAP_START }, // engine: 2026-11-01T05:00:00Z 2026-11-01T05:30:00Z
    Known { fixture: "america-st-johns", engine: "icalendar", line: "2026-03-08T06:00:00Z 2026-03-08T06:30:00Z gap-0230@interop.example.org DST probe 02:30", reason: WALL_CLOCK_END }, // engine: 2026-03-08T06:00:00Z 2026-03-08T05:30:00Z
    Known { fixture: "america-st-johns", engine: "icalendar", line: "2026-11-01T04:00:00Z 2026-11-01T04:30:00Z overlap-0130@interop.example.org DST probe 01:30", reason: WALL_CLOCK_END }, // engine: 2026-11-01T04:00:00Z 2026-11-01T05:30:00Z
    Known { fixture: "america-st-johns", engine: "ical", line: "2026-03-08T06:00:00Z 2026-03-08T06:30:00Z gap-0230@interop.example.org DST probe 02:30", reason: WALL_CLOCK_END }, // engine: 2026-03-08T06:00:00Z 2026-03-08T05:30:00Z
    Known { fixture: "america-st-johns", engine: "ical", line: "2026-11-01T04:00:00Z 2026-11-01T04:30:00Z overlap-0130@interop.example.org DST probe 01:30", reason: WALL_CLOCK_END }, // engine: 2026-11-01T04:00:00Z 2026-11-01T05:30:00Z
    Known { fixture: "asia-tehran", engine: "ical.js", line: "2021-03-21T21:00:00Z 2021-03-21T21:15:00Z daily-0030@interop.example.org DST probe 00:30", reason: GAP_START }, // engine: 2021-03-21T20:00:00Z 2021-03-21T20:15:00Z
    Known { fixture: "asia-tehran", engine: "ical.js", line: "2021-09-21T19:00:00Z 2021-09-21T19:15:00Z daily-2330@interop.example.org DST probe 23:30", reason: OVERLAP_START }, // engine: 2021-09-21T20:00:00Z 2021-09-21T20:15:00Z
    Known { fixture: "australia-lord-howe", engine: "ical.js", line: "2026-04-04T14:45:00Z 2026-04-04T15:15:00Z overlap-0145@interop.example.org DST probe 01:45", reason: OVERLAP_START }, // engine: 2026-04-04T15:15:00Z 2026-04-04T15:45:00Z
    Known { fixture: "australia-lord-howe", engine: "ical.js", line: "2026-10-03T15:15:00Z 2026-10-03T15:45:00Z overlap-0145@interop.example.org DST probe 01:45", reason: END_IN_CHANGE }, // engine: 2026-10-03T15:15:00Z 2026-10-03T15:15:00Z
    Known { fixture: "australia-lord-howe", engine: "ical.js", line: "2026-10-03T15:45:00Z 2026-10-03T16:15:00Z gap-0215@interop.example.org DST probe 02:15", reason: GAP_START }, // engine: 2026-10-03T15:15:00Z 2026-10-03T15:45:00Z
    Known { fixture: "australia-lord-howe", engine: "icalendar", line: "2026-04-04T14:45:00Z 2026-04-04T15:15:00Z overlap-0145@interop.example.org DST probe 01:45", reason: WALL_CLOCK_END }, // engine: 2026-04-04T14:45:00Z 2026-04-04T15:45:00Z
    Known { fixture: "australia-lord-howe", engine: "icalendar", line: "2026-10-03T15:45:00Z 2026-10-03T16:15:00Z gap-0215@interop.example.org DST probe 02:15", reason: WALL_CLOCK_END }, // engine: 2026-10-03T15:45:00Z 2026-10-03T15:45:00Z
    Known { fixture: "australia-lord-howe", engine: "ical", line: "2026-04-04T14:45:00Z 2026-04-04T15:15:00Z overlap-0145@interop.example.org DST probe 01:45", reason: WALL_CLOCK_END }, // engine: 2026-04-04T14:45:00Z 2026-04-04T15:45:00Z
    Known { fixture: "australia-lord-howe", engine: "ical", line: "2026-10-03T15:45:00Z 2026-10-03T16:15:00Z gap-0215@interop.example.org DST probe 02:15", reason: WALL_CLOCK_END }, // engine: 2026-10-03T15:45:00Z 2026-10-03T15:45:00Z
    Known { fixture: "australia-sydney", engine: "ical.js", line: "2026-04-04T15:30:00Z 2026-04-04T16:00:00Z gap-0230@interop.example.org DST probe 02:30", reason: OVERLAP_START }, // engine: 2026-04-04T16:30:00Z 2026-04-04T17:00:00Z
    Known { fixture: "australia-sydney", engine: "ical.js", line: "2026-10-03T16:30:00Z 2026-10-03T17:00:00Z gap-0230@interop.example.org DST probe 02:30", reason: GAP_START }, // engine: 2026-10-03T15:30:00Z 2026-10-03T16:00:00Z
    Known { fixture: "australia-sydney", engine: "icalendar", line: "2026-04-04T15:30:00Z 2026-04-04T16:00:00Z gap-0230@interop.example.org DST probe 02:30", reason: WALL_CLOCK_END }, // engine: 2026-04-04T15:30:00Z 2026-04-04T17:00:00Z
    Known { fixture: "australia-sydney", engine: "icalendar", line: "2026-10-03T16:30:00Z 2026-10-03T17:00:00Z gap-0230@interop.example.org DST probe 02:30", reason: WALL_CLOCK_END }, // engine: 2026-10-03T16:30:00Z 2026-10-03T16:00:00Z
    Known { fixture: "australia-sydney", engine: "ical", line: "2026-04-04T15:30:00Z 2026-04-04T16:00:00Z gap-0230@interop.example.org DST probe 02:30", reason: WALL_CLOCK_END }, // engine: 2026-04-04T15:30:00Z 2026-04-04T17:00:00Z
    Known { fixture: "australia-sydney", engine: "ical", line: "2026-10-03T16:30:00Z 2026-10-03T17:00:00Z gap-0230@interop.example.org DST probe 02:30", reason: WALL_CLOCK_END }, // engine: 2026-10-03T16:30:00Z 2026-10-03T16:00:00Z
    Known { fixture: "europe-dublin", engine: "ical.js", line: "2026-03-29T00:30:00Z 2026-03-29T01:00:00Z early-0030@interop.example.org DST probe 00:30", reason: END_IN_CHANGE }, // engine: 2026-03-29T00:30:00Z 2026-03-29T00:00:00Z
    Known { fixture: "europe-dublin", engine: "ical.js", line: "2026-03-29T01:30:00Z 2026-03-29T02:00:00Z gap-0130@interop.example.org DST probe 01:30", reason: GAP_START }, // engine: 2026-03-29T00:30:00Z 2026-03-29T01:00:00Z
    Known { fixture: "europe-dublin", engine: "ical.js", line: "2026-10-24T23:30:00Z 2026-10-25T00:00:00Z early-0030@interop.example.org DST probe 00:30", reason: END_IN_CHANGE }, // engine: 2026-10-24T23:30:00Z 2026-10-25T01:00:00Z
    Known { fixture: "europe-dublin", engine: "ical.js", line: "2026-10-25T00:30:00Z 2026-10-25T01:00:00Z gap-0130@interop.example.org DST probe 01:30", reason: OVERLAP_START }, // engine: 2026-10-25T01:30:00Z 2026-10-25T02:00:00Z
    Known { fixture: "europe-dublin", engine: "icalendar", line: "2026-03-29T01:30:00Z 2026-03-29T02:00:00Z gap-0130@interop.example.org DST probe 01:30", reason: WALL_CLOCK_END }, // engine: 2026-03-29T01:30:00Z 2026-03-29T01:00:00Z
    Known { fixture: "europe-dublin", engine: "icalendar", line: "2026-10-25T00:30:00Z 2026-10-25T01:00:00Z gap-0130@interop.example.org DST probe 01:30", reason: WALL_CLOCK_END }, // engine: 2026-10-25T00:30:00Z 2026-10-25T02:00:00Z
    Known { fixture: "europe-dublin", engine: "ical", line: "2026-03-29T01:30:00Z 2026-03-29T02:00:00Z gap-0130@interop.example.org DST probe 01:30", reason: WALL_CLOCK_END }, // engine: 2026-03-29T01:30:00Z 2026-03-29T01:00:00Z
    Known { fixture: "europe-dublin", engine: "ical", line: "2026-10-25T00:30:00Z 2026-10-25T01:00:00Z gap-0130@interop.example.org DST probe 01:30", reason: WALL_CLOCK_END }, // engine: 2026-10-25T00:30:00Z 2026-10-25T02:00:00Z
    Known { fixture: "europe-paris", engine: "ical.js", line: "2026-03-29T01:30:00Z 2026-03-29T02:00:00Z gap-0230@interop.example.org DST probe 02:30", reason: GAP_START }, // engine: 2026-03-29T00:30:00Z 2026-03-29T01:00:00Z
    Known { fixture: "europe-paris", engine: "ical.js", line: "2026-10-25T00:30:00Z 2026-10-25T01:00:00Z gap-0230@interop.example.org DST probe 02:30", reason: OVERLAP_START }, // engine: 2026-10-25T01:30:00Z 2026-10-25T02:00:00Z
    Known { fixture: "europe-paris", engine: "icalendar", line: "2026-03-29T01:30:00Z 2026-03-29T02:00:00Z gap-0230@interop.example.org DST probe 02:30", reason: WALL_CLOCK_END }, // engine: 2026-03-29T01:30:00Z 2026-03-29T01:00:00Z
    Known { fixture: "europe-paris", engine: "icalendar", line: "2026-10-25T00:30:00Z 2026-10-25T01:00:00Z gap-0230@interop.example.org DST probe 02:30", reason: WALL_CLOCK_END }, // engine: 2026-10-25T00:30:00Z 2026-10-25T02:00:00Z
    Known { fixture: "europe-paris", engine: "ical", line: "2026-03-29T01:30:00Z 2026-03-29T02:00:00Z gap-0230@interop.example.org DST probe 02:30", reason: WALL_CLOCK_END }, // engine: 2026-03-29T01:30:00Z 2026-03-29T01:00:00Z
    Known { fixture: "europe-paris", engine: "ical", line: "2026-10-25T00:30:00Z 2026-10-25T01:00:00Z gap-0230@interop.example.org DST probe 02:30", reason: WALL_CLOCK_END }, // engine: 2026-10-25T00:30:00Z 2026-10-25T02:00:00Z
    Known { fixture: "pacific-chatham", engine: "ical.js", line: "2026-04-04T13:15:00Z 2026-04-04T13:45:00Z gap-0300@interop.example.org DST probe 03:00", reason: OVERLAP_START }, // engine: 2026-04-04T14:15:00Z 2026-04-04T14:45:00Z
    Known { fixture: "pacific-chatham", engine: "ical.js", line: "2026-09-26T14:15:00Z 2026-09-26T14:45:00Z gap-0300@interop.example.org DST probe 03:00", reason: GAP_START }, // engine: 2026-09-26T13:15:00Z 2026-09-26T13:45:00Z
    Known { fixture: "america-new-york", engine: "libical", line: "2026-03-15T06:30:00Z 2026-03-15T07:00:00Z gap-0230@interop.example.org DST probe 02:30", reason: LIBICAL_AFTER_GAP }, // engine: 2026-03-15T07:30:00Z 2026-03-15T08:00:00Z
    Known { fixture: "america-new-york", engine: "libical", line: "2026-11-01T05:30:00Z 2026-11-01T06:00:00Z overlap-0130@interop.example.org DST probe 01:30", reason: OVERLAP_START }, // engine: 2026-11-01T06:30:00Z 2026-11-01T07:00:00Z
    Known { fixture: "america-santiago", engine: "libical", line: "2026-04-05T02:30:00Z 2026-04-05T02:45:00Z overlap-2330@interop.example.org DST probe 23:30", reason: OVERLAP_START }, // engine: 2026-04-05T03:30:00Z 2026-04-05T03:45:00Z
    Known { fixture: "america-santiago", engine: "libical", line: "2026-09-13T03:30:00Z 2026-09-13T04:00:00Z early-0030@interop.example.org DST probe 00:30", reason: LIBICAL_AFTER_GAP }, // engine: 2026-09-13T04:30:00Z 2026-09-13T05:00:00Z
    Known { fixture: "america-st-johns", engine: "libical", line: "2026-03-15T05:00:00Z 2026-03-15T05:30:00Z gap-0230@interop.example.org DST probe 02:30", reason: LIBICAL_AFTER_GAP }, // engine: 2026-03-15T06:00:00Z 2026-03-15T06:30:00Z
    Known { fixture: "america-st-johns", engine: "libical", line: "2026-11-01T04:00:00Z 2026-11-01T04:30:00Z overlap-0130@interop.example.org DST probe 01:30", reason: OVERLAP_START }, // engine: 2026-11-01T05:00:00Z 2026-11-01T05:30:00Z
    Known { fixture: "asia-tehran", engine: "libical", line: "2021-03-22T20:00:00Z 2021-03-22T20:15:00Z daily-0030@interop.example.org DST probe 00:30", reason: LIBICAL_AFTER_GAP }, // engine: 2021-03-22T21:00:00Z 2021-03-22T21:15:00Z
    Known { fixture: "asia-tehran", engine: "libical", line: "2021-09-21T19:00:00Z 2021-09-21T19:15:00Z daily-2330@interop.example.org DST probe 23:30", reason: OVERLAP_START }, // engine: 2021-09-21T20:00:00Z 2021-09-21T20:15:00Z
    Known { fixture: "australia-lord-howe", engine: "libical", line: "2026-04-04T14:45:00Z 2026-04-04T15:15:00Z overlap-0145@interop.example.org DST probe 01:45", reason: OVERLAP_START }, // engine: 2026-04-04T15:15:00Z 2026-04-04T15:45:00Z
    Known { fixture: "australia-lord-howe", engine: "libical", line: "2026-10-10T15:15:00Z 2026-10-10T15:45:00Z gap-0215@interop.example.org DST probe 02:15", reason: LIBICAL_AFTER_GAP }, // engine: 2026-10-10T15:45:00Z 2026-10-10T16:15:00Z
    Known { fixture: "australia-sydney", engine: "libical", line: "2026-04-04T15:30:00Z 2026-04-04T16:00:00Z gap-0230@interop.example.org DST probe 02:30", reason: OVERLAP_START }, // engine: 2026-04-04T16:30:00Z 2026-04-04T17:00:00Z
    Known { fixture: "australia-sydney", engine: "libical", line: "2026-10-10T15:30:00Z 2026-10-10T16:00:00Z gap-0230@interop.example.org DST probe 02:30", reason: LIBICAL_AFTER_GAP }, // engine: 2026-10-10T16:30:00Z 2026-10-10T17:00:00Z
    Known { fixture: "europe-dublin", engine: "libical", line: "2026-04-05T00:30:00Z 2026-04-05T01:00:00Z gap-0130@interop.example.org DST probe 01:30", reason: LIBICAL_AFTER_GAP }, // engine: 2026-04-05T01:30:00Z 2026-04-05T02:00:00Z
    Known { fixture: "europe-paris", engine: "libical", line: "2026-04-05T00:30:00Z 2026-04-05T01:00:00Z gap-0230@interop.example.org DST probe 02:30", reason: LIBICAL_AFTER_GAP }, // engine: 2026-04-05T01:30:00Z 2026-04-05T02:00:00Z
    Known { fixture: "europe-paris", engine: "libical", line: "2026-10-25T00:30:00Z 2026-10-25T01:00:00Z gap-0230@interop.example.org DST probe 02:30", reason: OVERLAP_START }, // engine: 2026-10-25T01:30:00Z 2026-10-25T02:00:00Z
    Known { fixture: "pacific-chatham", engine: "libical", line: "2026-04-04T13:15:00Z 2026-04-04T13:45:00Z gap-0300@interop.example.org DST probe 03:00", reason: OVERLAP_START }, // engine: 2026-04-04T14:15:00Z 2026-04-04T14:45:00Z
    Known { fixture: "pacific-chatham", engine: "libical", line: "2026-10-03T13:15:00Z 2026-10-03T13:45:00Z gap-0300@interop.example.org DST probe 03:00", reason: LIBICAL_AFTER_GAP }, // engine: 2026-10-03T14:15:00Z 2026-10-03T14:45:00Z
    // END KNOWN
];
