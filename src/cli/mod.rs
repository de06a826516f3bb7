//! The command line: the TUI by default, and subcommands with `--json` output for scripts.
//! Each subcommand lives in its own file and writes to the writer it is given.

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

mod compare;
mod entities;
mod eval;
mod index;
mod list;
mod notes;
mod stories;

/// Exit status for "the command could not do its work".
pub const EXIT_FAILURE: u8 = 1;

#[derive(Debug, Parser)]
#[command(
    name = "copydesk",
    version,
    about = "A keyboard-driven terminal reader for wire news",
    long_about = "Read one story as several outlets ran it: see what each cut, added, moved or \
reworded, who is named, and keep your own notes.\n\nWith no subcommand, opens the reader on the \
given files or folders (or the bundled demo with --demo).",
    args_conflicts_with_subcommands = true
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
    #[arg(long, global = true)]
    pub demo: bool,
    /// Where notes and session state are kept (overrides COPYDESK_DATA_DIR).
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Configuration file to use instead of config.toml in the config directory.
    #[arg(long, global = true, value_name = "PATH")]
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
    /// Index the people, organisations, places and groups named across articles.
    Index(index::IndexArgs),
}

/// Runs a parsed subcommand, writing results to `out` and problems to `err`.
/// Returns the process exit status.
pub fn run(global: &Global, cmd: Command, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let res = match cmd {
        Command::List(a) => list::run(global, a, out, err),
        Command::Notes(a) => notes::run(global, a, out, err),
        Command::Compare(a) => compare::run(global, a, out, err),
        Command::Stories(a) => stories::run(global, a, out, err),
        Command::Entities(a) => entities::run(global, a, out, err),
        Command::Eval(a) => eval::run(global, a, out, err),
        Command::Index(a) => index::run(global, a, out, err),
    };
    match res {
        Ok(code) => code,
        Err(e) => {
            let _ = writeln!(err, "copydesk: {e:#}");
            EXIT_FAILURE
        }
    }
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
