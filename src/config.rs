//! The one conversion from inert CLI arguments to what a run needs.

use std::path::PathBuf;

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;

use crate::cli::{
    AgendaArgs, AgendaFormat, BuildArgs, CheckArgs, Cli, Command, InputArgs, Lang, PrintArgs,
    PublishArgs,
};
use crate::error::Error;
use crate::model::Language;
use crate::render::agenda::Format;

/// The build clock: `SOURCE_DATE_EPOCH` (reproducible builds), or now.
/// It sets DTSTAMP of new or changed events and the default horizon.
#[derive(Clone, Copy, Debug)]
pub struct Clock {
    pub now: DateTime<Utc>,
}

impl Clock {
    /// # Errors
    /// `Error::Usage` when `SOURCE_DATE_EPOCH` is set but not a timestamp.
    pub fn from_env() -> Result<Clock, Error> {
        match std::env::var("SOURCE_DATE_EPOCH") {
            Ok(v) if !v.trim().is_empty() => {
                let secs: i64 = v.trim().parse().map_err(|_| {
                    Error::Usage(format!(
                        "SOURCE_DATE_EPOCH must be a number of seconds, found `{v}`"
                    ))
                })?;
                let now = DateTime::from_timestamp(secs, 0).ok_or_else(|| {
                    Error::Usage(format!("SOURCE_DATE_EPOCH is out of range: `{v}`"))
                })?;
                Ok(Clock { now })
            }
            _ => Ok(Clock { now: Utc::now() }),
        }
    }

    pub fn today(&self) -> NaiveDate {
        self.now.date_naive()
    }
}

#[derive(Debug)]
pub struct Input {
    pub files: Vec<PathBuf>,
    pub recursive: bool,
    pub max_input_bytes: u64,
}

#[derive(Debug)]
pub enum Action {
    Build {
        out: PathBuf,
        check: bool,
        previous: Option<PathBuf>,
        prune: bool,
        force: bool,
    },
    Print {
        ritual: Option<String>,
        person: Option<String>,
        previous: Option<PathBuf>,
        team: Option<String>,
    },
    Agenda {
        from: NaiveDate,
        to: NaiveDate,
        tz: Option<Tz>,
        format: Format,
        person: Option<String>,
        team: Option<String>,
    },
    Check {
        strict: bool,
    },
    Publish {
        url: String,
        person: Option<String>,
        dry_run: bool,
        timeout_secs: u64,
    },
    /// Commands that read no spec: `schema`, `init`, `completions`, `man`.
    Standalone(Standalone),
    /// `rituals import`: reads an iCalendar file, not a spec.
    Import {
        /// The .ics file, or `-` for standard input.
        file: PathBuf,
        /// Where to write the spec; standard output when None.
        out: Option<PathBuf>,
        options: crate::import::Options,
    },
    /// `holidays CODE [YEAR]`.
    Holidays(HolidaysCmd),
}

/// What `holidays CODE [YEAR]` was asked for.
#[derive(Debug)]
pub struct HolidaysCmd {
    pub code: String,
    /// Default: the build clock's year.
    pub year: Option<i32>,
    /// Default: the spec's `calendar.language`, else French.
    pub lang: Option<Language>,
    /// The spec whose language applies; `None`: `rituals.yaml` if it loads.
    pub spec: Option<PathBuf>,
    pub max_input_bytes: u64,
}

/// Commands that read no spec.
#[derive(Debug)]
pub enum Standalone {
    Schema,
    /// The folder to write the starter spec into.
    Init(PathBuf),
    Completions(clap_complete::Shell),
    Man,
}

#[derive(Debug)]
pub struct Config {
    pub input: Input,
    pub action: Action,
    pub clock: Clock,
}

impl Input {
    /// For commands that read no spec.
    fn none() -> Input {
        Input {
            files: Vec::new(),
            recursive: false,
            max_input_bytes: 0,
        }
    }
}

fn input(a: InputArgs) -> Input {
    Input {
        files: a.files,
        recursive: a.recursive,
        max_input_bytes: a.max_input_bytes,
    }
}

fn publish(a: PublishArgs) -> (Input, Action) {
    let PublishArgs {
        input: i,
        url,
        person,
        dry_run,
        timeout,
    } = a;
    (
        input(i),
        Action::Publish {
            url,
            person,
            dry_run,
            timeout_secs: timeout,
        },
    )
}

fn date_arg(flag: &str, text: &str) -> Result<NaiveDate, Error> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| {
        Error::Usage(format!(
            "`{flag}` expects a date like 2026-03-01, found `{text}`"
        ))
    })
}

/// `rituals import`'s arguments, checked.
fn import_action(a: crate::cli::ImportArgs) -> Result<Action, Error> {
    Ok(Action::Import {
        options: crate::import::Options {
            file_name: a.file.display().to_string(),
            since: a.since.map(|s| date_arg("--since", &s)).transpose()?,
            one_offs: a.one_offs,
            domain: a.domain,
        },
        file: a.file,
        out: a.out,
    })
}

impl Config {
    /// # Errors
    /// `Error::Usage` for values clap cannot check (dates, zones).
    pub fn new(cli: Cli, clock: Clock) -> Result<Config, Error> {
        let (input, action) = match cli.command {
            Command::Build(BuildArgs {
                input: i,
                out,
                check,
                previous,
                prune,
                force,
            }) => (
                input(i),
                Action::Build {
                    out,
                    check,
                    previous,
                    prune,
                    force,
                },
            ),
            Command::Print(PrintArgs {
                input: i,
                ritual,
                person,
                previous,
                team,
            }) => (
                input(i),
                Action::Print {
                    ritual,
                    person,
                    previous,
                    team,
                },
            ),
            Command::Check(CheckArgs { input: i, strict }) => (input(i), Action::Check { strict }),
            Command::Publish(a) => publish(a),
            Command::Schema => (Input::none(), Action::Standalone(Standalone::Schema)),
            Command::Holidays(a) => (
                Input::none(),
                Action::Holidays(HolidaysCmd {
                    code: a.code,
                    year: a.year,
                    lang: a.lang.map(|l| match l {
                        Lang::Fr => Language::Fr,
                        Lang::En => Language::En,
                    }),
                    spec: a.file,
                    max_input_bytes: crate::spec::DEFAULT_MAX_INPUT_BYTES,
                }),
            ),
            Command::Init(a) => (Input::none(), Action::Standalone(Standalone::Init(a.dir))),
            Command::Completions(a) => (
                Input::none(),
                Action::Standalone(Standalone::Completions(a.shell)),
            ),
            Command::Man => (Input::none(), Action::Standalone(Standalone::Man)),
            Command::Import(a) => (Input::none(), import_action(a)?),
            Command::Agenda(a) => agenda(a, &clock)?,
        };
        Ok(Config {
            input,
            action,
            clock,
        })
    }
}

/// `agenda`'s window (`--from`, `--to` or `--weeks`), zone and format.
fn agenda(args: AgendaArgs, clock: &Clock) -> Result<(Input, Action), Error> {
    let AgendaArgs {
        input: i,
        from,
        weeks,
        to,
        tz,
        format,
        person,
        team,
    } = args;
    let from = match from {
        Some(f) => date_arg("--from", &f)?,
        None => clock.today(),
    };
    let to = match (to, weeks) {
        (Some(t), _) => date_arg("--to", &t)?,
        (None, w) => from + chrono::Days::new(u64::from(w.unwrap_or(4)) * 7 - 1),
    };
    if to < from {
        return Err(Error::Usage(format!(
            "`--to` ({to}) is before `--from` ({from})"
        )));
    }
    let tz = tz
        .map(|z| {
            z.parse::<Tz>()
                .map_err(|_| Error::Usage(format!("unknown time zone `{z}`")))
        })
        .transpose()?;
    let format = match format {
        AgendaFormat::Text => Format::Text,
        AgendaFormat::Json => Format::Json,
    };
    Ok((
        input(i),
        Action::Agenda {
            from,
            to,
            tz,
            format,
            person,
            team,
        },
    ))
}
