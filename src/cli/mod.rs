//! The command line: the TUI by default, and subcommands with `--json` output for scripts.
//! Each subcommand lives in its own file and writes to the writer it is given.

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

mod compare;
mod config;
mod entities;
mod eval;
mod fetch;
mod find;
mod index;
mod list;
mod notes;
mod stories;

/// Exit status for "the command could not do its work".
pub const EXIT_FAILURE: u8 = 1;
/// Exit status for wrong usage (as clap's own).
pub const EXIT_USAGE: u8 = 2;

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || c.downcast_ref::<serde_json::Error>()
                .is_some_and(|j| j.io_error_kind() == Some(std::io::ErrorKind::BrokenPipe))
    })
}

#[derive(Debug, Parser)]
#[command(
    name = "copydesk",
    version,
    about = "A keyboard-driven terminal reader for wire news",
    long_about = "Read one story as several outlets ran it: see what each cut, added, moved or \
reworded, who is named, and keep your own notes.\n\nWith no subcommand, opens the reader on the \
given files or folders (or the bundled demo with --demo); with neither, on the library of \
articles fetched with copydesk fetch.",
    after_long_help = "In the reader, ? lists the keys (as bound by the config file).\n\n\
Files and environment:\n  \
config.toml        settings: keys, theme, colours, widths (copydesk config --default prints \
them)\n  \
COPYDESK_DATA_DIR  where notes and the library of fetched articles are kept (--data-dir \
overrides it)\n  \
HTTPS_PROXY, HTTP_PROXY, NO_PROXY  proxies for copydesk fetch\n  \
NO_COLOR           when set, no colour (meaning is also carried by bold, underline, reverse)\n\n\
Exit status: 0 success, 1 when the command could not do its work, 2 for wrong usage."
)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Files or folders of articles to open in the reader.
    pub paths: Vec<PathBuf>,
}

#[derive(Debug, Args, Clone, Default)]
pub struct Global {
    /// Open the bundled demo articles (five versions of one AP story).
    #[arg(long, global = true, help_heading = "Global options")]
    pub demo: bool,
    /// Where notes, session state and the library of fetched articles are kept (overrides
    /// COPYDESK_DATA_DIR).
    #[arg(long, global = true, value_name = "DIR", help_heading = "Global options")]
    pub data_dir: Option<PathBuf>,
    /// Configuration file to use instead of config.toml in the config directory.
    #[arg(long, global = true, value_name = "PATH", help_heading = "Global options")]
    pub config: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List articles with their structure (paragraphs, sentences, boilerplate).
    List(list::ListArgs),
    /// Add, list, edit, delete and export annotation notes.
    Notes(notes::NotesArgs),
    /// Compare two versions: what was cut, added, moved or reworded.
    Compare(compare::CompareArgs),
    /// Group articles into stories (versions of one story).
    Stories(stories::StoriesArgs),
    /// Entities (people, organisations, places, nationalities, dates, numbers) and quotations.
    Entities(entities::EntitiesArgs),
    /// Score entity predictions against a gold folder.
    Eval(eval::EvalArgs),
    /// Find text in every article (case and accents ignored); --json for one object a hit.
    Find(find::FindArgs),
    /// Print or write the default config file, check a config file, or say where it is.
    #[command(long_about = config::LONG_ABOUT)]
    Config(config::ConfigArgs),
    /// Index the people, organisations, places and groups named across articles.
    Index(index::IndexArgs),
    /// Fetch article pages and RSS/Atom feeds into the library; keep every changed version.
    #[command(long_about = fetch::LONG_ABOUT)]
    Fetch(fetch::FetchArgs),
}

/// Runs a parsed subcommand, writing results to `out` and problems to `err`.
/// Returns the process exit status.
pub fn run(global: &Global, cmd: Command, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    // Commands over a collection need paths or --demo. Checked here rather than by clap, whose
    // `required_unless_present` does not see a global --demo given before the subcommand.
    let needs_paths = match &cmd {
        Command::List(a) => Some(("list", a.paths.is_empty())),
        Command::Stories(a) => Some(("stories", a.paths.is_empty())),
        Command::Entities(a) => Some(("entities", a.paths.is_empty())),
        Command::Find(a) => Some(("find", a.paths.is_empty())),
        Command::Index(a) => Some(("index", a.paths.is_empty())),
        _ => None,
    };
    if let Some((name, true)) = needs_paths
        && !global.demo
    {
        let mut cli = <Cli as clap::CommandFactory>::command();
        cli.build();
        let e = match cli.find_subcommand_mut(name) {
            Some(sub) => sub.error(
                clap::error::ErrorKind::MissingRequiredArgument,
                "give files or folders of articles, or --demo for the bundled ones",
            ),
            None => cli.error(clap::error::ErrorKind::MissingRequiredArgument, "missing paths"),
        };
        let _ = write!(err, "{}", e.render());
        return EXIT_USAGE;
    }
    let res = match cmd {
        Command::List(a) => list::run(global, a, out, err),
        Command::Notes(a) => notes::run(global, a, out, err),
        Command::Compare(a) => compare::run(global, a, out, err),
        Command::Stories(a) => stories::run(global, a, out, err),
        Command::Entities(a) => entities::run(global, a, out, err),
        Command::Eval(a) => eval::run(global, a, out, err),
        Command::Find(a) => find::run(global, a, out, err),
        Command::Config(a) => config::run(global, a, out, err),
        Command::Index(a) => index::run(global, a, out, err),
        Command::Fetch(a) => fetch::run(global, a, out, err),
    };
    match res {
        Ok(code) => code,
        // A reader that stopped reading (`| head`) is not a failure.
        Err(e) if is_broken_pipe(&e) => 0,
        Err(e) => {
            let _ = writeln!(err, "copydesk: {e:#}");
            EXIT_FAILURE
        }
    }
}

/// [`load`], with each problem written to `err` (naming the file) as every subcommand reports
/// them, then one line counting what was skipped ("copydesk: 2 files skipped"). Problems with
/// single files are warnings: the command goes on with what loaded (the exit-status rule every
/// subcommand follows: 0 when anything could be done, 1 when nothing could, 2 for wrong usage).
pub fn load_and_report(
    global: &Global,
    paths: &[PathBuf],
    err: &mut dyn Write,
) -> std::io::Result<(Vec<article::Article>, Vec<article::LoadError>)> {
    let (articles, problems) = load(global, paths);
    report_problems(&problems, err)?;
    Ok((articles, problems))
}

/// Writes each load problem and the closing count of files skipped.
pub fn report_problems(problems: &[article::LoadError], err: &mut dyn Write) -> std::io::Result<()> {
    for p in problems {
        writeln!(err, "copydesk: {p}")?;
    }
    match problems.len() {
        0 => Ok(()),
        1 => writeln!(err, "copydesk: 1 file skipped"),
        n => writeln!(err, "copydesk: {n} files skipped"),
    }
}

/// The message for "nothing could be loaded", naming the inputs; returns [`EXIT_FAILURE`].
pub fn nothing_loaded(global: &Global, paths: &[PathBuf], err: &mut dyn Write) -> anyhow::Result<u8> {
    let mut names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    if global.demo {
        names.insert(0, "--demo".to_string());
    }
    writeln!(
        err,
        "copydesk: no articles could be loaded from {}",
        names.join(", ")
    )?;
    Ok(EXIT_FAILURE)
}

/// Loads the articles a subcommand was given: the demo first when `--demo` is set, then `paths`.
pub fn load(global: &Global, paths: &[PathBuf]) -> (Vec<article::Article>, Vec<article::LoadError>) {
    let mut articles = if global.demo {
        article::demo::articles()
    } else {
        Vec::new()
    };
    let (mut loaded, problems) = article::load_paths(paths);
    articles.append(&mut loaded);
    (articles, problems)
}

use crate::article;
