//! `copydesk stories [--json] PATH...`: which of the loaded articles are versions of one story
//! (grouped on wording, recognised names, quotes and dates), which version is the original (`*`)
//! and which members are independent reports of the same event (`~`).

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
    /// The members reporting the event in their own words (not versions of the original).
    independent: Vec<&'a str>,
    /// Every member again, with what it is in the story.
    versions: Vec<MemberOut<'a>>,
}

#[derive(Serialize)]
struct MemberOut<'a> {
    path: &'a str,
    /// The story's original: the version the others derive from.
    original: bool,
    /// An independent report of the same event: in the story, but not a version of the original.
    independent: bool,
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
                    independent: st.independent.iter().map(|&i| path(i)).collect(),
                    versions: st
                        .members
                        .iter()
                        .map(|&i| MemberOut {
                            path: path(i),
                            original: i == st.original,
                            independent: st.is_independent(i),
                        })
                        .collect(),
                })
                .collect(),
            unrelated: s.unrelated.iter().map(|&i| path(i)).collect(),
        };
        serde_json::to_writer(&mut *out, &o)?;
        writeln!(out)?;
    } else {
        for (k, st) in s.stories.iter().enumerate() {
            let ind = st.independent.len();
            let extra = if ind > 0 {
                format!(", {ind} independent")
            } else {
                String::new()
            };
            writeln!(
                out,
                "story {} ({} versions{extra})",
                k + 1,
                st.members.len() - ind
            )?;
            for &i in &st.members {
                // * the original the others derive from; ~ a report of the same event in its own words.
                let (mark, note) = if i == st.original {
                    ("*", "")
                } else if st.is_independent(i) {
                    ("~", " (independent)")
                } else {
                    (" ", "")
                };
                writeln!(out, " {mark} {}{note}", path(i))?;
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
