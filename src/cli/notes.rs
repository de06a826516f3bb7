//! `copydesk notes add|list|export|edit|delete`: notes from scripts, kept in the same store the
//! reader uses (`--data-dir` > `COPYDESK_DATA_DIR` > the platform data directory).

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, anyhow, bail};
use chrono::{DateTime, SecondsFormat, Utc};
use clap::{Args, Subcommand};
use serde::Serialize;

use super::{EXIT_FAILURE, Global};
use crate::article::{self, Article};
use crate::notes::model::canonical_path;
use crate::notes::{Home, Note, NoteStore, Status, data_dir, export, resolve};

#[derive(Debug, Args)]
pub struct NotesArgs {
    #[command(subcommand)]
    pub command: NotesCommand,
}

#[derive(Debug, Subcommand)]
pub enum NotesCommand {
    /// Add a note on an article, or on a passage of it with --quote; prints the note as JSON.
    Add {
        /// The article (a file, FILE#LINE for a JSON-lines record, or demo/NAME with --demo).
        #[arg(long, value_name = "PATH")]
        file: PathBuf,
        /// The passage the note is about, exactly as it appears in the article.
        #[arg(long, value_name = "TEXT")]
        quote: Option<String>,
        /// The note.
        #[arg(long, value_name = "TEXT")]
        text: String,
    },
    /// List notes, all of them or those of the articles at PATHs (found again even when the
    /// files were renamed or edited).
    List {
        /// Print JSON, one note a line.
        #[arg(long)]
        json: bool,
        /// Files or folders of articles.
        paths: Vec<PathBuf>,
    },
    /// Write notes as Markdown grouped by article, with quoted passages.
    Export {
        /// Markdown (the only format, and the default).
        #[arg(long)]
        markdown: bool,
        /// Files or folders of articles; all notes when none are given.
        paths: Vec<PathBuf>,
    },
    /// Replace a note's text; prints the note as JSON.
    Edit {
        /// The note's id, or enough of its start to tell it from the others.
        #[arg(value_parser = note_id)]
        id: String,
        /// The note's new text.
        #[arg(long, value_name = "TEXT")]
        text: String,
    },
    /// Delete a note; prints it as JSON (it can be added back from that record by hand).
    Delete {
        /// The note's id, or enough of its start to tell it from the others.
        #[arg(value_parser = note_id)]
        id: String,
    },
}

/// A note id as given on the command line: some of its start, never nothing (an empty id would
/// be the start of every id), so an empty one is a usage error (exit 2).
fn note_id(s: &str) -> Result<String, String> {
    let s = s.trim();
    if s.is_empty() {
        return Err("a note id cannot be empty: give the id, or enough of its start (see `copydesk notes list --json`)".into());
    }
    Ok(s.to_string())
}

/// The `notes list --json` contract: one of these a line.
#[derive(Debug, Serialize)]
pub struct NoteRecord<'a> {
    pub id: &'a str,
    pub article_id: &'a str,
    pub path: &'a str,
    /// The outlet of the note's article; null when the article was not found or nothing names
    /// its outlet.
    pub source: Option<&'a str>,
    pub quote: &'a str,
    pub prefix: &'a str,
    pub suffix: &'a str,
    pub text: &'a str,
    pub created: String,
    pub updated: String,
    pub status: &'static str,
}

impl<'a> NoteRecord<'a> {
    /// The record of `note`; `article` is where the note's article is now, if it was found.
    pub fn new(note: &'a Note, article: Option<&'a Article>, status: Status) -> Self {
        NoteRecord {
            id: &note.id,
            article_id: &note.article_id,
            path: article.map_or(&note.path, |a| &a.path),
            source: article.and_then(|a| a.source.as_deref()),
            quote: &note.quote,
            prefix: &note.prefix,
            suffix: &note.suffix,
            text: &note.text,
            created: time(note.created),
            updated: time(note.updated),
            status: status.as_str(),
        }
    }
}

fn time(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Millis, true)
}

pub fn run(global: &Global, args: NotesArgs, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<u8> {
    let dir = data_dir(global.data_dir.as_deref())?;
    let (mut store, messages) = NoteStore::open(&dir);
    for m in messages {
        writeln!(err, "copydesk: {m}")?;
    }
    match args.command {
        NotesCommand::Add { file, quote, text } => add(global, &mut store, &file, quote, &text, out, err),
        NotesCommand::List { json, paths } => list(global, &store, &paths, json, out, err),
        NotesCommand::Export { markdown: _, paths } => {
            let Some((notes, articles)) = placed(global, &store, &paths, err)? else {
                return Ok(EXIT_FAILURE);
            };
            out.write_all(export::markdown(&notes, &articles).as_bytes())?;
            Ok(0)
        }
        NotesCommand::Edit { id, text } => {
            let id = store.find_id(&id)?;
            store.edit(&id, &text)?;
            save(&mut store, err)?;
            let note = store
                .get(&id)
                .cloned()
                .ok_or_else(|| anyhow!("note {id} vanished while saving"))?;
            print_one(global, &note, out)?;
            Ok(0)
        }
        NotesCommand::Delete { id } => {
            let id = store.find_id(&id)?;
            let note = store.delete(&id)?;
            save(&mut store, err)?;
            print_one(global, &note, out)?;
            Ok(0)
        }
    }
}

fn save(store: &mut NoteStore, err: &mut dyn Write) -> anyhow::Result<()> {
    let res = store.save();
    for m in store.take_messages() {
        writeln!(err, "copydesk: {m}")?;
    }
    // A command-line process ends here, so a note not saved is a note lost: that is a failure.
    res.context("the change was not saved")
}

fn add(
    global: &Global,
    store: &mut NoteStore,
    file: &Path,
    quote: Option<String>,
    text: &str,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<u8> {
    let article = find_article(global, file)?;
    let note = match quote {
        None => Note::on_article(&article, text),
        Some(q) => {
            if q.is_empty() {
                bail!(
                    "--quote is empty; leave it out to note the whole article {}",
                    article.path
                );
            }
            let mut hits = article.text.match_indices(q.as_str());
            let Some((start, _)) = hits.next() else {
                writeln!(err, "copydesk: the quote is not in {}: {q:?}", article.path)?;
                return Ok(EXIT_FAILURE);
            };
            let more = hits.count();
            if more > 0 {
                writeln!(
                    err,
                    "copydesk: warning: the quote occurs {} times in {}; the note is anchored to the first",
                    more + 1,
                    article.path
                )?;
            }
            Note::on_passage(&article, start..start + q.len(), text)
        }
    };
    let note = store.add(note).clone();
    save(store, err)?;
    serde_json::to_writer(
        &mut *out,
        &NoteRecord::new(&note, Some(&article), Status::Attached),
    )?;
    writeln!(out)?;
    Ok(0)
}

/// The one article `file` names: a demo article with `--demo`, else the file (or the record of
/// a JSON-lines file given as FILE#LINE).
fn find_article(global: &Global, file: &Path) -> anyhow::Result<Article> {
    let want = file.to_string_lossy();
    if global.demo
        && let Some(a) = article::demo::articles()
            .into_iter()
            .find(|a| a.path == want || a.file_name() == want)
    {
        return Ok(a);
    }
    let load = if file.exists() {
        file.to_path_buf()
    } else {
        match want.rsplit_once('#') {
            Some((base, line)) if line.chars().all(|c| c.is_ascii_digit()) && Path::new(base).exists() => {
                PathBuf::from(base)
            }
            _ => bail!("{}: no such file", want),
        }
    };
    let (mut articles, problems) = article::load_paths(&[load]);
    if let Some(p) = problems.first()
        && articles.is_empty()
    {
        bail!("{p}");
    }
    if articles.len() > 1 {
        return match articles.iter().position(|a| a.path == want) {
            Some(i) => Ok(articles.swap_remove(i)),
            None => bail!(
                "{want} holds {} articles; name one (e.g. {})",
                articles.len(),
                articles[0].path
            ),
        };
    }
    articles.pop().ok_or_else(|| anyhow!("{want}: no article found"))
}

/// Every note with its home: among the articles at `paths` when given (only the notes found
/// there are kept), else among the articles the notes were written on, loaded from their paths.
/// `None` when paths were given but none could be loaded.
/// Notes with their homes, and the articles the homes index into.
type Placed = (Vec<(Note, Home)>, Vec<Article>);

fn placed(
    global: &Global,
    store: &NoteStore,
    paths: &[PathBuf],
    err: &mut dyn Write,
) -> anyhow::Result<Option<Placed>> {
    if paths.is_empty() {
        let articles = own_articles(global, &store.all());
        return Ok(Some((store.resolve(&articles), articles)));
    }
    let (articles, _) = super::load_and_report(global, paths, err)?;
    if articles.is_empty() {
        let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        writeln!(err, "copydesk: no articles found in {}", names.join(", "))?;
        return Ok(None);
    }
    let mut notes: Vec<(Note, Home)> = store
        .resolve(&articles)
        .into_iter()
        .filter(|(_, h)| h.article.is_some())
        .collect();
    // In the order of the articles, then of the passages in each (whole-article notes first).
    notes.sort_by_key(|(_, h)| (h.article, h.placement.range.as_ref().map(|r| r.start)));
    Ok(Some((notes, articles)))
}

/// The articles the notes were written on, loaded from the files they were written on (the
/// bundled demo for `demo/` paths): at the path as it was given when that still names the same
/// file from here (so paths print as they were given), else at the file's absolute path (a note
/// written in another folder). Files that are gone or unreadable leave their notes to be found
/// by quote elsewhere, or detached.
fn own_articles(global: &Global, notes: &[&Note]) -> Vec<Article> {
    let mut articles = if global.demo || notes.iter().any(|n| n.path.starts_with("demo/")) {
        article::demo::articles()
    } else {
        Vec::new()
    };
    let file_of = |path: &str| {
        let p = PathBuf::from(path);
        match path.rsplit_once('#') {
            Some((base, _)) if !p.exists() => PathBuf::from(base),
            _ => p,
        }
    };
    let files: BTreeSet<PathBuf> = notes
        .iter()
        .map(|n| match n.abs_path.as_deref() {
            Some(abs) if canonical_path(&n.path).as_deref() != Some(abs) => file_of(abs),
            _ => file_of(&n.path),
        })
        .filter(|p| p.is_file())
        .collect();
    let files: Vec<PathBuf> = files.into_iter().collect();
    articles.extend(article::load_paths(&files).0);
    articles
}

fn list(
    global: &Global,
    store: &NoteStore,
    paths: &[PathBuf],
    json: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<u8> {
    let Some((notes, articles)) = placed(global, store, paths, err)? else {
        return Ok(EXIT_FAILURE);
    };
    for (note, home) in &notes {
        let rec = NoteRecord::new(note, home.article.map(|i| &articles[i]), home.placement.status);
        if json {
            serde_json::to_writer(&mut *out, &rec)?;
            writeln!(out)?;
        } else {
            let quote: String = rec.quote.chars().take(40).collect();
            let text = rec.text.lines().next().unwrap_or("");
            // Ids are ASCII hex when copydesk made them, but the file may say otherwise.
            let short: String = rec.id.chars().take(8).collect();
            writeln!(out, "{short}\t{}\t{}\t{quote:?}\t{text}", rec.status, rec.path)?;
        }
    }
    Ok(0)
}

/// Prints one note as a `list --json` record, placed against its own article.
fn print_one(global: &Global, note: &Note, out: &mut dyn Write) -> anyhow::Result<()> {
    let articles = own_articles(global, &[note]);
    let homes = resolve(std::slice::from_ref(note), &articles);
    let home = &homes[0];
    serde_json::to_writer(
        &mut *out,
        &NoteRecord::new(note, home.article.map(|i| &articles[i]), home.placement.status),
    )?;
    writeln!(out)?;
    Ok(())
}
