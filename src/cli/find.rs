//! `copydesk find [--json] TEXT PATH...`: every place TEXT occurs in the articles, ignoring case
//! and accents, one line per hit, written as the articles are searched.

use std::io::{self, Write};
use std::path::PathBuf;

use clap::Args;
use serde::Serialize;

use super::Global;
use crate::article::Article;
use crate::collection::search::{Hit, Query, SearchJob};

#[derive(Debug, Args)]
#[command(after_help = "With --json, one object a line per hit:\n  \
{\"path\", \"article_id\", \"title\", \"source\", \"start\", \"end\", \"sentence\": [start, end], \"text\"}\n\
start and end are the match, sentence the sentence holding it, all in characters (Unicode scalar \
values) from the start of the article's text; text is that sentence. title is null when the \
article has none, source when nothing names the outlet.\n\nWithout --json: \
PATH:START:END<TAB>SOURCE<TAB>SENTENCE (SOURCE is - when unknown).\n\n\
Exit status: 0 when articles were searched (even with no hit), 1 when nothing could be loaded.")]
pub struct FindArgs {
    /// Print JSON, one object a line.
    #[arg(long)]
    pub json: bool,
    /// The text to find (case and accents ignored: "orban" finds "Orbán").
    pub text: String,
    /// Files or folders of articles.
    #[arg()]
    pub paths: Vec<PathBuf>,
}

/// The `find --json` contract: one of these a line.
#[derive(Debug, Serialize)]
pub struct FindRecord<'a> {
    pub path: &'a str,
    pub article_id: &'a str,
    pub title: Option<&'a str>,
    /// The outlet; `null` when nothing names it.
    pub source: Option<&'a str>,
    pub start: usize,
    pub end: usize,
    pub sentence: [usize; 2],
    pub text: &'a str,
}

pub fn run(global: &Global, args: FindArgs, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<u8> {
    let (articles, _) = super::load_and_report(global, &args.paths, err)?;
    if articles.is_empty() {
        return super::nothing_loaded(global, &args.paths, err);
    }
    let Some(query) = Query::new(&args.text) else {
        writeln!(err, "copydesk: nothing to find in {:?}", args.text)?;
        return Ok(super::EXIT_FAILURE);
    };
    match print(&articles, query, args.json, out) {
        Ok(()) => Ok(0),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(0),
        Err(e) => Err(e.into()),
    }
}

fn print(articles: &[Article], query: Query, json: bool, out: &mut dyn Write) -> io::Result<()> {
    let mut job = SearchJob::new(query);
    let mut printed = 0;
    while !job.done(articles) {
        job.step(articles);
        // Hits come a chunk at a time, so output starts before a large collection is searched.
        let mut maps: Option<(usize, crate::text::CharMap)> = None;
        for hit in &job.hits[printed..] {
            let a = &articles[hit.article];
            let map = match &maps {
                Some((i, m)) if *i == hit.article => m,
                _ => &maps.insert((hit.article, a.char_map())).1,
            };
            write_hit(a, hit, map, json, out)?;
        }
        printed = job.hits.len();
        out.flush()?;
    }
    Ok(())
}

fn write_hit(
    a: &Article,
    hit: &Hit,
    map: &crate::text::CharMap,
    json: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let [start, end] = map.range_to_chars(&hit.range);
    let sentence = map.range_to_chars(&hit.sentence);
    let text = &a.text[hit.sentence.clone()];
    if json {
        let rec = FindRecord {
            path: &a.path,
            article_id: &a.id,
            title: a.title.as_deref(),
            source: a.source.as_deref(),
            start,
            end,
            sentence,
            text,
        };
        let mut line = serde_json::to_vec(&rec).map_err(io::Error::other)?;
        line.push(b'\n');
        out.write_all(&line)
    } else {
        let one_line: String = text
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        writeln!(
            out,
            "{}:{start}:{end}\t{}\t{one_line}",
            a.path,
            a.source.as_deref().unwrap_or("-")
        )
    }
}
