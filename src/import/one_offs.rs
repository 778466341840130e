//! Events that do not repeat: reported, or with `--one-offs` gathered by
//! title into `dates:` rituals (issue 13's form).

use super::Lossy;
use super::Options;
use super::doc::ScheduleDoc;
use super::ids::{Ids, slug_or};
use super::people::People;
use super::ritual::{Built, Segment, build};
use super::series::Series;

#[derive(Default)]
pub struct OneOffs {
    pub built: Vec<Built>,
    pub lossy: Vec<Lossy>,
    pub not_imported: Vec<String>,
}

fn when(s: &Series) -> String {
    if s.all_day() {
        s.start.format("%Y-%m-%d").to_string()
    } else {
        s.start.format("%Y-%m-%d %H:%M").to_string()
    }
}

pub fn one_offs(list: &[Series], opts: &Options, ids: &mut Ids, people: &mut People) -> OneOffs {
    let mut out = OneOffs::default();
    let mut groups: Vec<Vec<&Series>> = Vec::new();
    for s in list {
        let report = |msg: String, out: &mut OneOffs| {
            let l = Lossy::new(&s.uid, msg);
            out.not_imported.push(format!("{}: {}", l.uid, l.message));
            out.lossy.push(l);
        };
        if let Some(since) = opts.since.filter(|d| s.start.date() < *d) {
            report(
                format!(
                    "a one-off event on {}, before --since {since}; not imported",
                    when(s)
                ),
                &mut out,
            );
            continue;
        }
        if !opts.one_offs {
            report(
                format!(
                    "a one-off event on {} (\"{}\"); not imported (`--one-offs` imports one-off events as `dates:`)",
                    when(s),
                    s.details.title
                ),
                &mut out,
            );
            continue;
        }
        match groups.iter_mut().find(|g| {
            g[0].details.title == s.details.title
                && g[0].zone == s.zone
                && g[0].all_day() == s.all_day()
        }) {
            Some(g) => g.push(s),
            None => groups.push(vec![s]),
        }
    }
    for g in groups {
        let id = ids.unique(&slug_or(&g[0].details.title, "event"));
        let mut b = build(
            id,
            &[Segment {
                from: None,
                series: g[0],
            }],
            people,
            None,
        );
        let first = g[0];
        let items: Vec<String> = g
            .iter()
            .map(|s| {
                let same = s.all_day()
                    || (s.start.time() == first.start.time() && s.duration == first.duration);
                if same {
                    s.start.format("%Y-%m-%d").to_string()
                } else {
                    format!(
                        "{}-{}",
                        s.start.format("%Y-%m-%d %H:%M"),
                        super::when::end_text(s.start, s.duration)
                    )
                }
            })
            .collect();
        b.doc.schedule = ScheduleDoc::Dates(items);
        out.built.push(b);
    }
    out
}
