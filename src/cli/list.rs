//! `copydesk list --json PATH...`: one JSON object a line per article.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use super::Global;

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Print JSON, one object a line.
    #[arg(long)]
    pub json: bool,
    /// Include each article's text in the JSON.
    #[arg(long)]
    pub text: bool,
    /// Files or folders of articles.
    #[arg(required_unless_present = "demo")]
    pub paths: Vec<PathBuf>,
}

pub fn run(global: &Global, args: ListArgs, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<u8> {
    let (articles, problems) = super::load(global, &args.paths);
    for p in &problems {
        writeln!(err, "copydesk: {p}")?;
    }
    for a in &articles {
        if args.json {
            serde_json::to_writer(&mut *out, &a.to_record(args.text))?;
            writeln!(out)?;
        } else {
            writeln!(
                out,
                "{}\t{}\t{}\t{}",
                a.path,
                a.source,
                a.words,
                a.title.as_deref().unwrap_or("(untitled)")
            )?;
        }
    }
    Ok(if articles.is_empty() {
        super::EXIT_FAILURE
    } else {
        0
    })
}
