//! Command-line arguments, as typed: inert data. `config` turns them into
//! the options the program runs with.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

const EXAMPLES: &str = "\
Examples:
  rituals build                      # rituals.yaml -> public/*.ics
  rituals build --check              # exit 1 if public/ is stale (for CI)
  rituals publish https://dav.example.org/calendars/team/rituals/
  rituals agenda --weeks 2           # the next two weeks
  rituals agenda --from 2026-03-01 --to 2026-11-30 --format json
  rituals check --strict
  rituals init                       # a starter rituals.yaml
  rituals build -f teams/ -o public  # one folder per team + public/rituals.ics";

#[derive(Debug, Parser)]
#[command(name = "rituals", version, about = "Calendar as code: turn rituals.yaml into iCalendar feeds", after_help = EXAMPLES)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write the feeds (and subscribe page) into the output folder.
    Build(BuildArgs),
    /// Print one feed on standard output.
    Print(PrintArgs),
    /// List the occurrences in a window of dates.
    Agenda(AgendaArgs),
    /// Validate and lint the spec without writing anything.
    Check(CheckArgs),
    /// List a year's public holidays of a country or subdivision.
    Holidays(HolidaysArgs),
    /// Sync the events into a CalDAV calendar (one resource per UID).
    Publish(PublishArgs),
    /// Print the JSON Schema of rituals.yaml (for editors).
    Schema,
    /// Write a commented starter rituals.yaml.
    Init(InitArgs),
    /// Print a shell completion script.
    Completions(CompletionsArgs),
    /// Print the man page (roff).
    Man,
    /// Turn an iCalendar export (.ics) into a rituals.yaml.
    Import(ImportArgs),
}

#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  rituals import team-export.ics > rituals.yaml\n  rituals import team-export.ics --since 2026-01-01 -o rituals.yaml"
)]
pub struct ImportArgs {
    /// The iCalendar file (Google, Outlook, Nextcloud, Thunderbird, Apple
    /// export, or a feed); `-` reads standard input.
    #[arg(value_name = "FILE.ics")]
    pub file: PathBuf,
    /// Write the spec to this file (atomically) instead of standard output.
    #[arg(short = 'o', long = "out", value_name = "OUT.yaml")]
    pub out: Option<PathBuf>,
    /// Import from this date on: each series starts at its first
    /// occurrence on or after it; earlier exceptions and events are left out.
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Import one-off events too, as `dates:` rituals.
    #[arg(long)]
    pub one_offs: bool,
    /// UIDs `<id>@DOMAIN` keep their id (default: the most common UID domain).
    #[arg(long, value_name = "DOMAIN")]
    pub domain: Option<String>,
}

#[derive(Debug, Args)]
#[command(after_help = "Example:\n  rituals init && rituals build")]
pub struct InitArgs {
    /// Folder to write rituals.yaml into.
    #[arg(value_name = "DIR", default_value = ".")]
    pub dir: PathBuf,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  rituals completions bash > ~/.local/share/bash-completion/completions/rituals\n  rituals completions zsh > ~/.zfunc/_rituals\n  rituals completions fish > ~/.config/fish/completions/rituals.fish"
)]
pub struct CompletionsArgs {
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct InputArgs {
    /// Spec file(s) or folder(s) of specs; `-` reads standard input. A
    /// folder or several files build one calendar per file (`OUT/<slug>/`)
    /// and a combined `OUT/rituals.ics`.
    #[arg(
        short = 'f',
        long = "file",
        value_name = "FILE",
        default_value = "rituals.yaml"
    )]
    pub files: Vec<PathBuf>,
    /// Also read the specs in the sub-folders of a `-f` folder.
    #[arg(long)]
    pub recursive: bool,
    /// Refuse spec files larger than this (each file).
    #[arg(long, value_name = "BYTES", default_value_t = crate::spec::DEFAULT_MAX_INPUT_BYTES)]
    pub max_input_bytes: u64,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Example:\n  SOURCE_DATE_EPOCH=$(git log -1 --format=%ct) rituals build -o public"
)]
pub struct BuildArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output folder.
    #[arg(
        short = 'o',
        long = "out",
        value_name = "DIR",
        default_value = "public"
    )]
    pub out: PathBuf,
    /// Write nothing; exit 1 and list what would change if the output is stale.
    #[arg(long)]
    pub check: bool,
    /// Read previously published feeds from here instead of the output folder.
    #[arg(long, value_name = "DIR")]
    pub previous: Option<PathBuf>,
    /// Remove feeds of rituals and people that are no longer in the spec.
    #[arg(long)]
    pub prune: bool,
    /// Allow an output folder that is the spec's own folder or `/`.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct PrintArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Print only this ritual's feed.
    #[arg(long, value_name = "ID", conflicts_with = "person")]
    pub ritual: Option<String>,
    /// Print this person's feed.
    #[arg(long, value_name = "ID")]
    pub person: Option<String>,
    /// With several teams: print this team's feeds (its calendar slug).
    #[arg(long, value_name = "SLUG")]
    pub team: Option<String>,
    /// Keep DTSTAMP/SEQUENCE of unchanged events from the feeds in this folder.
    #[arg(long, value_name = "DIR")]
    pub previous: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum AgendaFormat {
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct AgendaArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// First date (default: today, or the date of SOURCE_DATE_EPOCH).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Number of weeks to show.
    #[arg(long, value_name = "N", conflicts_with = "to")]
    pub weeks: Option<u32>,
    /// Last date (inclusive).
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Show times in this zone.
    #[arg(long, value_name = "ZONE")]
    pub tz: Option<String>,
    #[arg(long, value_enum, default_value = "text")]
    pub format: AgendaFormat,
    /// Only this person's schedule.
    #[arg(long, value_name = "ID")]
    pub person: Option<String>,
    /// With several teams: only this team (its calendar slug).
    #[arg(long, value_name = "SLUG")]
    pub team: Option<String>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Lang {
    Fr,
    En,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  rituals holidays FR-67 2027       # Alsace: Good Friday and 26 December too\n  rituals holidays GB-SCT --lang en\n  rituals holidays DE                # lists the Länder codes when misspelt"
)]
pub struct HolidaysArgs {
    /// A country or subdivision: FR, FR-67, DE-BY, GB-SCT, US…
    #[arg(value_name = "CODE")]
    pub code: String,
    /// The year (default: the current one, or SOURCE_DATE_EPOCH's).
    #[arg(value_name = "YEAR")]
    pub year: Option<i32>,
    /// Names in this language (default: the spec's `calendar.language`, else fr).
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
    /// The spec whose language applies (default: rituals.yaml, if valid).
    #[arg(short = 'f', long = "file", value_name = "FILE")]
    pub file: Option<PathBuf>,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Credentials: RITUALS_CALDAV_USER and RITUALS_CALDAV_PASSWORD, or a ~/.netrc entry for the host.\n\nExamples:\n  rituals publish https://cloud.example.org/remote.php/dav/calendars/team/rituels/\n  rituals publish --dry-run https://cloud.example.org/remote.php/dav/calendars/team/rituels/\n  rituals publish --person alice https://cloud.example.org/remote.php/dav/calendars/alice/personal/"
)]
pub struct PublishArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// The calendar collection's URL.
    #[arg(value_name = "URL")]
    pub url: String,
    /// Publish this person's feed instead of the team's.
    #[arg(long, value_name = "ID")]
    pub person: Option<String>,
    /// Change nothing: list the UIDs to create, update and delete; exit 1 if any.
    #[arg(long)]
    pub dry_run: bool,
    /// Give up on a request after this many seconds.
    #[arg(long, value_name = "SECS", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub timeout: u64,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Treat warnings as errors.
    #[arg(long)]
    pub strict: bool,
}
