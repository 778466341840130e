//! Building: render every feed (and page) of one team or many, stage them
//! all, then publish them together or, with `--check`, compare.

use std::path::{Path, PathBuf};

use super::OutFile;
use super::previous::{read_previous, stale_feeds};
use super::publisher::Publisher;
use crate::error::Error;
use crate::expand::Expander;
use crate::load::{Team as Loaded, Workspace};
use crate::render::ics::combined::{CombinedWriter, TeamEvents, combined_feed};
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
    crate::par::map(&renderer.kinds(), crate::par::RITUALS, |&kind| OutFile {
        path: PathBuf::from(renderer.file_name(kind)),
        bytes: renderer.feed(kind),
    })
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
    let publisher = Publisher::new(out, check)?;
    stage_feeds(&renderer, None, Path::new(""), &publisher)?;
    let stale = stale_feeds(out, &feed_paths(&renderer, Path::new("")));
    // The page comes after every feed in the report; `--check` does not
    // compare it (see `Publisher::finish`), so it is not rendered then.
    if !publisher.checking() {
        let place = publisher.reserve();
        publisher.stream_at(place, Path::new(crate::render::html::FILE_NAME), |w| {
            crate::render::html::write_page(&renderer, build.now, w)
        })?;
    }
    publisher.finish(Vec::new(), stale, prune)
}

/// Receives each event of a team feed as it is written (the combined
/// feed of a many-teams build).
type EventSink<'s> = &'s mut (dyn FnMut(&Event) -> std::io::Result<()> + Send);

/// Renders every feed of a team and stages each as soon as it is
/// rendered, from the thread that rendered it; the report keeps
/// `kinds()` order.
fn stage_feeds(
    renderer: &Renderer<'_>,
    each_team_event: Option<EventSink<'_>>,
    dir: &Path,
    publisher: &Publisher,
) -> Result<(), Error> {
    let kinds = renderer.kinds();
    let Some((&team, rest)) = kinds.split_first() else {
        return Ok(());
    };
    let team_place = publisher.reserve();
    let places: Vec<usize> = rest.iter().map(|_| publisher.reserve()).collect();
    // The team feed (all events) takes as long as many of the others: it
    // is streamed alongside them.
    let (team_staged, staged) = crate::par::join(
        rest.len() >= crate::par::RITUALS,
        || {
            publisher.stream_at(team_place, &dir.join(renderer.file_name(team)), |w| {
                match each_team_event {
                    Some(each) => renderer.write_feed_with(team, w, each),
                    None => renderer.write_feed(team, w),
                }
            })
        },
        || {
            let jobs: Vec<(FeedKind, usize)> = rest.iter().copied().zip(places).collect();
            crate::par::try_for_each(&jobs, crate::par::RITUALS, |&(kind, place)| {
                publisher.add_at(
                    place,
                    &OutFile {
                        path: dir.join(renderer.file_name(kind)),
                        bytes: renderer.feed(kind),
                    },
                )
            })
        },
    );
    team_staged?;
    staged
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
/// build writes it, and `OUT/rituals.ics` with every team's events. Team
/// by team (each one's feeds in parallel), every file is staged as it is
/// rendered; the combined feed is written alongside, each team feed's
/// events handed to it as they are written, so no team's events are held.
///
/// # Errors
/// `Error::Output` when a file cannot be staged or published,
/// `Error::Usage` when the combined feed cannot be made.
pub fn build_teams(teams: &[Loaded], opts: &BuildOptions<'_>) -> Result<i32, Error> {
    let publisher = Publisher::new(opts.out, opts.check)?;
    // Calendars and people only, in a lean workspace (`load::lean`).
    let specs: Vec<&crate::model::Spec> = teams.iter().map(|t| &t.spec).collect();
    let facts: Vec<&crate::load::TeamFacts> = teams.iter().map(|t| &t.facts).collect();
    let mut stale = Vec::new();
    let mut failure: Option<Error> = None;
    let combined_path = PathBuf::from("rituals.ics");
    let written = publisher.stream_at(publisher.reserve_late(), &combined_path, |w| {
        let mut combined = CombinedWriter::start(&specs, &facts, opts.build, w)?;
        // The build date of the load (`Clock::today`).
        let ctx = crate::validate::Context {
            build_date: opts.build.now.date_naive(),
        };
        // A lean team's rituals are validated again while the team before
        // it is written (`Loaded::full`): one parse on each core.
        let mut next = teams.first().map(|t| t.full(&ctx));
        for (k, t) in teams.iter().enumerate() {
            combined.team(k);
            let (built, prepared) = crate::par::join(
                true,
                || {
                    let full = next.take().transpose()?.flatten();
                    let member = full.as_ref().unwrap_or(t);
                    build_member(member, opts, &publisher, &mut combined, &mut stale)
                },
                || teams.get(k + 1).map(|t| t.full(&ctx)),
            );
            next = prepared;
            if let Err(e) = built {
                failure = Some(match combined.conflict.take() {
                    Some(c) => Error::Usage(c.to_string()),
                    None => e,
                });
                return Err(std::io::Error::other("a team could not be built"));
            }
        }
        combined.finish()
    });
    if let Some(e) = failure {
        return Err(e);
    }
    written?;
    stale.extend(stale_feeds(opts.out, std::slice::from_ref(&combined_path)));
    let pages = vec![crate::render::html::teams::out_file(&specs)];
    publisher.finish(pages, stale, opts.prune)
}

/// One team of a many-teams build: its feeds and page into `OUT/<slug>/`,
/// its team feed's events into the combined feed.
fn build_member(
    t: &Loaded,
    opts: &BuildOptions<'_>,
    publisher: &Publisher,
    combined: &mut CombinedWriter<'_>,
    stale: &mut Vec<PathBuf>,
) -> Result<(), Error> {
    let slug = Path::new(&t.spec.calendar.slug);
    let prev = read_previous(&opts.previous.unwrap_or(opts.out).join(slug));
    let expander = Expander::new(&t.spec);
    let renderer = Renderer::new(&expander, &prev, opts.build);
    stage_feeds(&renderer, Some(&mut |e| combined.add(e)), slug, publisher)?;
    stale.extend(stale_feeds(
        &opts.out.join(slug),
        &feed_paths(&renderer, Path::new("")),
    ));
    if !publisher.checking() {
        let page = slug.join(crate::render::html::FILE_NAME);
        publisher.stream_at(publisher.reserve_late(), &page, |w| {
            crate::render::html::write_page(&renderer, opts.build.now, w)
        })?;
    }
    Ok(())
}
