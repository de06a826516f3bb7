//! `copydesk list --json PATH...`: one JSON object a line per article.

use std::io::{self, Write};
use std::path::PathBuf;

use clap::Args;

use super::Global;
use crate::article::Article;

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Print JSON, one object a line: {"path", "id", "title", "source", "url", "published",
    /// "byline", "agency", "words", "encoding", "paragraphs", "sentences", "boilerplate",
    /// "warnings"}; title and the metadata fields are null when unknown. Without --json:
    /// PATH<TAB>SOURCE (- when unknown)<TAB>WORDS<TAB>TITLE.
    #[arg(long)]
    pub json: bool,
    /// Include each article's text in the JSON.
    #[arg(long)]
    pub text: bool,
    /// Files or folders of articles.
    #[arg()]
    pub paths: Vec<PathBuf>,
}

pub fn run(global: &Global, args: ListArgs, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<u8> {
    let (articles, _) = super::load_and_report(global, &args.paths, err)?;
    if articles.is_empty() {
        return super::nothing_loaded(global, &args.paths, err);
    }
    match print(&articles, &args, out) {
        Ok(()) => {}
        // The reader went away (`copydesk list --json … | head`): not an error of ours.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return Ok(0),
        Err(e) => return Err(e.into()),
    }
    Ok(0)
}

fn print(articles: &[Article], args: &ListArgs, out: &mut dyn Write) -> io::Result<()> {
    for a in articles {
        if args.json {
            let mut line = serde_json::to_vec(&a.to_record(args.text)).map_err(io::Error::other)?;
            line.push(b'\n');
            out.write_all(&line)?;
        } else {
            writeln!(
                out,
                "{}\t{}\t{}\t{}",
                a.path,
                a.source.as_deref().unwrap_or("-"),
                a.words,
                a.title.as_deref().unwrap_or("(untitled)")
            )?;
        }
    }
    out.flush()
}
