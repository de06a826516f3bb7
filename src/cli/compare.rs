//! `copydesk compare [--json | --markdown | --html] [--output FILE] A B`: what changed between
//! two versions of a story.

use std::io::Write;
use std::ops::Range;
use std::path::PathBuf;

use anyhow::{Context, bail};
use clap::Args;
use serde::Serialize;

use super::Global;
use crate::article::{self, Article};
use crate::compare::export::{self, Marks, inline_words};
use crate::compare::{ChangeOp, Comparison, Options, SegOp, compare};
use crate::text::CharMap;

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// Print JSON (character offsets into each file's decoded text).
    #[arg(long, conflicts_with_all = ["markdown", "html"])]
    pub json: bool,
    /// Write a Markdown report: summary table, word diff (~~only in A~~, **only in B**, moves
    /// noted), names and quotes that differ, coverage of A's sentences.
    #[arg(long, conflicts_with = "html")]
    pub markdown: bool,
    /// Write a self-contained HTML page: summary, side-by-side columns aligned by segment,
    /// removed (−, red), added (+, green), edited (~, yellow, words marked), moved (↕, blue).
    #[arg(long)]
    pub html: bool,
    /// Write to FILE instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Compare boilerplate (site chrome, captions, promos) too.
    #[arg(long)]
    pub boilerplate: bool,
    /// Colour the plain word diff as `git diff --word-diff=color` does (deletions red,
    /// insertions green, no brackets): `auto` on a terminal unless NO_COLOR is set.
    #[arg(long, value_enum, value_name = "WHEN", default_value = "auto")]
    pub color: ColorWhen,
    /// The base version.
    pub a: PathBuf,
    /// The other version.
    pub b: PathBuf,
}

/// When to colour the word diff, as git's `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorWhen {
    Auto,
    Always,
    Never,
}

#[derive(Serialize)]
struct Out<'a> {
    a: &'a str,
    b: &'a str,
    relation: &'static str,
    shared_a: f64,
    shared_b: f64,
    counts: crate::compare::Counts,
    segments: Vec<SegOut>,
}

#[derive(Serialize)]
struct SegOut {
    op: SegOp,
    a: Option<[usize; 2]>,
    b: Option<[usize; 2]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    changes: Option<Vec<ChangeOut>>,
}

#[derive(Serialize)]
struct ChangeOut {
    op: ChangeOp,
    a: Option<[usize; 2]>,
    b: Option<[usize; 2]>,
}

/// Loads the one article a path must hold. Problems with other files of a folder are warnings
/// (the rule of every subcommand); a path that yields no article, or several, is an error.
fn load_one(p: &PathBuf, err: &mut dyn Write) -> anyhow::Result<Article> {
    let (mut arts, problems) = article::load_paths(std::slice::from_ref(p));
    if arts.is_empty()
        && let Some(e) = problems.first()
    {
        bail!("{e}");
    }
    super::report_problems(&problems, err)?;
    match arts.len() {
        1 => Ok(arts.remove(0)),
        0 => bail!("{}: no article found", p.display()),
        n => bail!(
            "{}: holds {n} articles; compare needs one in each argument",
            p.display()
        ),
    }
}

pub fn run(
    _global: &Global,
    args: CompareArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<u8> {
    // Both versions load at once (each is read, decoded and segmented on its own).
    let (mut ea, mut eb) = (Vec::new(), Vec::new());
    let (a, b) = rayon::join(|| load_one(&args.a, &mut ea), || load_one(&args.b, &mut eb));
    err.write_all(&ea)?;
    err.write_all(&eb)?;
    let (a, b) = (a?, b?);
    let opts = Options {
        include_boilerplate: args.boilerplate,
        ..Options::default()
    };
    let c = compare(&a, &b, &opts);
    let mut buf: Vec<u8> = Vec::new();
    let w: &mut dyn Write = if args.output.is_some() { &mut buf } else { out };
    if args.json {
        serde_json::to_writer(&mut *w, &to_json(&a, &b, &c)).context("writing JSON")?;
        writeln!(w)?;
    } else if args.markdown {
        w.write_all(export::markdown(&a, &b, &c).as_bytes())?;
    } else if args.html {
        w.write_all(export::html(&a, &b, &c).as_bytes())?;
    } else {
        let colour = match args.color {
            ColorWhen::Always => true,
            ColorWhen::Never => false,
            ColorWhen::Auto => {
                use std::io::IsTerminal;
                args.output.is_none()
                    && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::io::stdout().is_terminal()
            }
        };
        write_word_diff(&a, &b, &c, colour, w)?;
    }
    if let Some(path) = &args.output {
        std::fs::write(path, &buf).with_context(|| format!("{}: could not write", path.display()))?;
    }
    Ok(0)
}

fn to_json<'a>(a: &'a Article, b: &'a Article, c: &Comparison) -> Out<'a> {
    let (ma, mb) = (CharMap::new(&a.text), CharMap::new(&b.text));
    let ca = |r: &Option<Range<usize>>| r.as_ref().map(|r| ma.range_to_chars(r));
    let cb = |r: &Option<Range<usize>>| r.as_ref().map(|r| mb.range_to_chars(r));
    Out {
        a: &a.path,
        b: &b.path,
        relation: c.summary.relation.name(),
        shared_a: round(c.summary.shared_a),
        shared_b: round(c.summary.shared_b),
        counts: c.summary.counts,
        segments: c
            .segments
            .iter()
            .map(|s| SegOut {
                op: s.op,
                a: ca(&s.a),
                b: cb(&s.b),
                changes: (s.op == SegOp::Edited).then(|| {
                    s.changes
                        .iter()
                        .map(|ch| ChangeOut {
                            op: ch.op,
                            a: ca(&ch.a),
                            b: cb(&ch.b),
                        })
                        .collect()
                }),
            })
            .collect(),
    }
}

fn round(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// A compact word diff for people, in the manner of `git diff --word-diff`: unchanged sentences
/// are left out, `[-…-]` is a's text only, `{+…+}` is b's text only.
/// With `colour`, deletions are red and insertions green without brackets, as
/// `git diff --word-diff=color` shows them.
fn write_word_diff(
    a: &Article,
    b: &Article,
    c: &Comparison,
    colour: bool,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let marks = if colour { COLOUR } else { BRACKETS };
    let (del, ins) = (marks.0, marks.1);
    let s = &c.summary;
    writeln!(out, "--- {}\n+++ {}", a.path, b.path)?;
    let one_line = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    for seg in &c.segments {
        let ta = seg.a.as_ref().map(|r| &a.text[r.clone()]).unwrap_or("");
        let tb = seg.b.as_ref().map(|r| &b.text[r.clone()]).unwrap_or("");
        match seg.op {
            SegOp::Same => {}
            SegOp::Removed => writeln!(out, "{}{}{}\n", del.0, one_line(ta), del.1)?,
            SegOp::Added => writeln!(out, "{}{}{}\n", ins.0, one_line(tb), ins.1)?,
            SegOp::Moved => {
                let at = seg
                    .b
                    .as_ref()
                    .map(|r| CharMap::new(&b.text).char_of(r.start))
                    .unwrap_or(0);
                let body = match (seg.a.clone(), seg.b.clone()) {
                    (Some(ra), Some(rb)) if !seg.changes.is_empty() => {
                        marked_words(&a.text, &b.text, ra, rb, &seg.changes, marks)
                    }
                    _ => tb.to_string(),
                };
                writeln!(out, "~moved (to char {at} of b)~ {}\n", one_line(&body))?;
            }
            SegOp::Edited => {
                let (Some(ra), Some(rb)) = (seg.a.clone(), seg.b.clone()) else {
                    continue;
                };
                let line = marked_words(&a.text, &b.text, ra, rb, &seg.changes, marks);
                let mark = if seg.quote_changed {
                    "  (quote worded differently)"
                } else {
                    ""
                };
                writeln!(out, "{}{mark}\n", one_line(&line))?;
            }
        }
    }
    for (side, text, ranges, labels) in [
        ("a", &a.text, &c.names_only_a, &c.names_only_a_labels),
        ("b", &b.text, &c.names_only_b, &c.names_only_b_labels),
    ] {
        if !ranges.is_empty() {
            let names: Vec<String> = ranges
                .iter()
                .zip(labels)
                .map(|(r, l)| format!("{} ({l})", one_line(&text[r.clone()])))
                .collect();
            writeln!(out, "names only in {side}: {}", names.join("; "))?;
        }
    }
    for q in &c.quote_differences {
        writeln!(
            out,
            "quote worded differently ({} / {}): {}",
            one_line(&a.text[q.speaker_a.clone()]),
            one_line(&b.text[q.speaker_b.clone()]),
            one_line(&marked_words(
                &a.text,
                &b.text,
                q.a.clone(),
                q.b.clone(),
                &q.changes,
                marks
            ))
        )?;
    }
    writeln!(
        out,
        "{}: {:.0}% of a in b, {:.0}% of b in a; {} same, {} edited, {} moved, {} added, {} removed; \
         {} shared passages (5-grams outside quotes)",
        s.relation.name(),
        s.shared_a * 100.0,
        s.shared_b * 100.0,
        s.counts.same,
        s.counts.edited,
        s.counts.moved,
        s.counts.added,
        s.counts.removed,
        s.shared_passages
    )?;
    Ok(())
}

type MarkPair = ((&'static str, &'static str), (&'static str, &'static str));
/// git's word-diff marks: `[-…-]` only in a, `{+…+}` only in b.
const BRACKETS: MarkPair = (("[-", "-]"), ("{+", "+}"));
/// git's `--word-diff=color`: red for a's words, green for b's (SGR 31 and 32, reset by `ESC[m`).
const COLOUR: MarkPair = (("\x1b[31m", "\x1b[m"), ("\x1b[32m", "\x1b[m"));

/// The reading of an edited sentence with a's runs and b's runs marked.
fn marked_words(
    a: &str,
    b: &str,
    ra: Range<usize>,
    rb: Range<usize>,
    changes: &[crate::compare::Change],
    marks: MarkPair,
) -> String {
    let marks = Marks {
        del: marks.0,
        ins: marks.1,
        escape: &|t: &str| t.to_string(),
    };
    inline_words(a, b, ra, rb, changes, &marks)
}
