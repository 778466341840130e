//! Building: render every feed (and page) of one team or many, stage them
//! all, then publish them together or, with `--check`, compare.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::OutFile;
use super::previous::{read_previous, stale_feeds};
use super::publisher::Publisher;
use crate::error::Error;
use crate::expand::Expander;
use crate::load::{Team as Loaded, Workspace};
use crate::render::ics::combined::{TeamEvents, combined_feed};
use crate::render::ics::stamp::PreviousFeeds;
use crate::render::ics::{BuildInfo, Event, FeedKind, Renderer};

/// What `build` was asked to do, beyond which spec(s) to build.
#[derive(Clone, Copy, Debug)]
pub struct BuildOptions<'a> {
    pub out: &'a Path,
    /// Write nothing; report what would change.
    pub check: bool,
    /// Where the previously published feeds are (default: `out`).
    pub previous: Option<&'a Path>,
    pub prune: bool,
    pub force: bool,
    pub build: BuildInfo,
}

/// Where a team's feeds are under an output (or `--previous`) folder.
pub(crate) fn team_dir(ws: &Workspace, dir: &Path, team: &Loaded) -> PathBuf {
    if ws.many {
        dir.join(&team.spec.calendar.slug)
    } else {
        dir.to_path_buf()
    }
}

pub(crate) fn team_feed(
    team: &Loaded,
    prev: &PreviousFeeds,
    build: BuildInfo,
    kind: FeedKind,
) -> Vec<u8> {
    let expander = Expander::new(&team.spec);
    Renderer::new(&expander, prev, build).feed(kind)
}

/// What the combined feed needs of a team.
pub(crate) struct Rendered {
    /// The events and zones of its team feed.
    events: Vec<Event>,
    zones: Vec<(&'static str, chrono_tz::Tz, i32, i32)>,
}

pub(crate) fn render_team(team: &Loaded, prev: &PreviousFeeds, build: BuildInfo) -> Rendered {
    let expander = Expander::new(&team.spec);
    let renderer = Renderer::new(&expander, prev, build);
    Rendered {
        events: renderer.events(FeedKind::Team),
        zones: renderer.zone_years().collect(),
    }
}

pub(crate) fn combined(teams: &[&Loaded], rendered: &[Rendered]) -> Result<Vec<u8>, Error> {
    let parts: Vec<TeamEvents<'_>> = teams
        .iter()
        .zip(rendered)
        .map(|(t, r)| TeamEvents {
            spec: &t.spec,
            events: &r.events,
            zones: &r.zones,
        })
        .collect();
    combined_feed(&parts).map_err(|c| Error::Usage(c.to_string()))
}

/// Every feed file of a build, relative to the output folder. Feeds are
/// rendered in parallel and kept in `kinds()` order.
pub fn feed_files(renderer: &Renderer<'_>) -> Vec<OutFile> {
    renderer
        .kinds()
        .into_par_iter()
        .map(|kind| OutFile {
            path: PathBuf::from(renderer.file_name(kind)),
            bytes: renderer.feed(kind),
        })
        .collect()
}

/// A one-team build: its feeds and page into `out`. Returns the exit code.
///
/// # Errors
/// `Error::Output` when a file cannot be staged or published.
pub fn build_one(loaded: &Loaded, opts: &BuildOptions<'_>) -> Result<i32, Error> {
    let BuildOptions {
        out,
        check,
        previous,
        prune,
        build,
        ..
    } = *opts;
    let prev = read_previous(previous.unwrap_or(out));
    let expander = Expander::new(&loaded.spec);
    let renderer = Renderer::new(&expander, &prev, build);
    let mut publisher = Publisher::new(out, check);
    stage_feeds(&renderer, None, Path::new(""), &mut publisher)?;
    let stale = stale_feeds(out, &feed_paths(&renderer, Path::new("")));
    let page = crate::render::html::out_file(&renderer, build.now);
    publisher.finish(vec![page], stale, prune)
}

/// Feeds rendered in parallel at a time: enough to keep the cores busy,
/// few enough that memory does not grow with the number of feeds.
const FEEDS_AT_ONCE: usize = 64;

/// Renders every feed of a team and hands each to the publisher as soon
/// as its batch is rendered, in `kinds()` order.
fn stage_feeds(
    renderer: &Renderer<'_>,
    team_events: Option<&[Event]>,
    dir: &Path,
    publisher: &mut Publisher,
) -> Result<(), Error> {
    let kinds = renderer.kinds();
    let Some((&team, rest)) = kinds.split_first() else {
        return Ok(());
    };
    let render = |kind: FeedKind| OutFile {
        path: dir.join(renderer.file_name(kind)),
        bytes: match (kind, team_events) {
            (FeedKind::Team, Some(events)) => renderer.feed_of(kind, events),
            _ => renderer.feed(kind),
        },
    };
    // The team feed (all events) takes as long as many batches of the
    // others: it is rendered alongside them, and reported first.
    let team_place = publisher.reserve();
    let (team_file, staged) = rayon::join(
        || render(team),
        || -> Result<(), Error> {
            for batch in rest.chunks(FEEDS_AT_ONCE) {
                let files: Vec<OutFile> = batch.par_iter().map(|&k| render(k)).collect();
                for f in &files {
                    publisher.add(f)?;
                }
            }
            Ok(())
        },
    );
    staged?;
    publisher.add_at(team_place, &team_file)
}

/// The paths of a team's feeds, relative to the output folder.
fn feed_paths(renderer: &Renderer<'_>, dir: &Path) -> Vec<PathBuf> {
    renderer
        .kinds()
        .into_iter()
        .map(|kind| dir.join(renderer.file_name(kind)))
        .collect()
}

/// A many-teams build: each team into `OUT/<slug>/` as a single-file
/// build writes it, and `OUT/rituals.ics` with every team's events. Teams
/// are rendered in parallel; the output does not depend on the order
/// they finish in.
///
/// # Errors
/// `Error::Output` when a file cannot be staged or published,
/// `Error::Usage` when the combined feed cannot be made.
pub fn build_teams(teams: &[Loaded], opts: &BuildOptions<'_>) -> Result<i32, Error> {
    let BuildOptions {
        out,
        check,
        previous,
        prune,
        build,
        ..
    } = *opts;
    let prev_dir = previous.unwrap_or(out);
    // Team by team (each one's feeds in parallel), staging feeds as they
    // are rendered; only the team feeds' events are kept, for the
    // combined feed.
    let mut publisher = Publisher::new(out, check);
    let mut rendered = Vec::new();
    let mut pages = Vec::new();
    let mut stale = Vec::new();
    for t in teams {
        let slug = Path::new(&t.spec.calendar.slug);
        let prev = read_previous(&prev_dir.join(slug));
        let expander = Expander::new(&t.spec);
        let renderer = Renderer::new(&expander, &prev, build);
        let events = renderer.events(FeedKind::Team);
        stage_feeds(&renderer, Some(&events), slug, &mut publisher)?;
        stale.extend(stale_feeds(
            &out.join(slug),
            &feed_paths(&renderer, Path::new("")),
        ));
        let page = crate::render::html::out_file(&renderer, build.now);
        pages.push(OutFile {
            path: slug.join(page.path),
            bytes: page.bytes,
        });
        rendered.push(Rendered {
            events,
            zones: renderer.zone_years().collect(),
        });
    }
    let refs: Vec<&Loaded> = teams.iter().collect();
    let combined_file = OutFile {
        path: PathBuf::from("rituals.ics"),
        bytes: combined(&refs, &rendered)?,
    };
    drop(rendered);
    stale.extend(stale_feeds(out, std::slice::from_ref(&combined_file.path)));
    publisher.add(&combined_file)?;
    let specs: Vec<&crate::model::Spec> = teams.iter().map(|t| &t.spec).collect();
    pages.push(crate::render::html::teams::out_file(&specs));
    publisher.finish(pages, stale, prune)
}
