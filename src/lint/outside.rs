//! `extra` dates outside the series. (`skip` and `moved` dates that are
//! not occurrences are refused by `validate`: they would do nothing.)

use crate::diagnostic::Diagnostic;
use crate::model::Spec;

pub(super) fn lint(spec: &Spec, out: &mut Vec<super::Finding>) {
    for (i, r) in spec.rituals.iter().enumerate() {
        let from = r.segments[0].span.from;
        let to = r.segments.last().and_then(|s| s.span.to);
        for (k, e) in r.extra.iter().enumerate() {
            if e.date >= from && to.is_none_or(|t| e.date < t) {
                continue;
            }
            let range = match to.and_then(|t| t.pred_opt()) {
                Some(last) => format!("{from} to {last}"),
                None => format!("from {from} on"),
            };
            out.push((
                Some(i),
                Diagnostic::warning(
                    format!(
                        "extra date {} of `{}` is outside the series ({range})",
                        e.date, r.id
                    ),
                    Some(e.loc),
                    format!("{}.extra[{k}]", r.path),
                )
                .hint("it is still published, on its own; check the date, `since` and `until`"),
            ));
        }
    }
}
