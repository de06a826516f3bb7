//! `copydesk stories [--json] PATH...`: which of the loaded articles are versions of one story
//! (grouped on wording, recognised names, quotes and dates).

use std::io::Write;
use std::path::PathBuf;

use clap::Args;
use serde::Serialize;

use super::Global;
use crate::compare::group_stories;

#[derive(Debug, Args)]
pub struct StoriesArgs {
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
    /// Files or folders of articles.
    #[arg()]
    pub paths: Vec<PathBuf>,
}

#[derive(Serialize)]
struct Out<'a> {
    stories: Vec<StoryOut<'a>>,
    unrelated: Vec<&'a str>,
}

#[derive(Serialize)]
struct StoryOut<'a> {
    members: Vec<&'a str>,
    original: &'a str,
}

pub fn run(
    global: &Global,
    args: StoriesArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<u8> {
    let (articles, _) = super::load_and_report(global, &args.paths, err)?;
    if articles.is_empty() {
        return super::nothing_loaded(global, &args.paths, err);
    }
    let s = group_stories(&articles);
    let path = |i: usize| articles[i].path.as_str();
    if args.json {
        let o = Out {
            stories: s
                .stories
                .iter()
                .map(|st| StoryOut {
                    members: st.members.iter().map(|&i| path(i)).collect(),
                    original: path(st.original),
                })
                .collect(),
            unrelated: s.unrelated.iter().map(|&i| path(i)).collect(),
        };
        serde_json::to_writer(&mut *out, &o)?;
        writeln!(out)?;
    } else {
        for (k, st) in s.stories.iter().enumerate() {
            writeln!(out, "story {} ({} versions)", k + 1, st.members.len())?;
            for &i in &st.members {
                let mark = if i == st.original { "*" } else { " " };
                writeln!(out, " {mark} {}", path(i))?;
            }
        }
        if !s.unrelated.is_empty() {
            writeln!(out, "unrelated")?;
            for &i in &s.unrelated {
                writeln!(out, "   {}", path(i))?;
            }
        }
    }
    Ok(0)
}
