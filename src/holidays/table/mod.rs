//! The region table: every country and subdivision `holidays` accepts,
//! one file per country or group of countries.

mod de;
mod europe;
mod fr;
mod gb;
mod us;

use super::RegionDef;

/// Every region, countries first within each group, in listing order.
pub(super) const GROUPS: &[&[RegionDef]] = &[
    fr::REGIONS,
    europe::REGIONS,
    de::REGIONS,
    gb::REGIONS,
    us::REGIONS,
];
