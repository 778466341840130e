use super::Loc;

/// A field as written in the spec: where, and its path (`rituals[2].time`),
/// so that lints run on the model can still point at the source.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Located {
    pub loc: Loc,
    pub path: String,
}

/// Where a segment's scheduling fields were written. A change that does
/// not set a field inherits the previous segment's location for it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SegmentLocs {
    /// The `time` in force (the ritual's, or the change that set it).
    pub time: Located,
    /// Each reminder in force, in the order of `Details::remind`.
    pub remind: Vec<Located>,
    /// The `every`, `rrule` or `dates` in force.
    pub rule: Located,
}
