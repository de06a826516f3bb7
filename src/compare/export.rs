//! Taking a comparison out: a Markdown report (word diff with changes marked, summary table,
//! names and quotes that differ, coverage) and a self-contained HTML page (side-by-side columns
//! aligned by segment, in the diff pane's styles: removed red −, added green +, edited yellow ~
//! with words marked, moved blue ↕; signs as well as colours, so it reads without colour).
//! Both are UI-free strings, for the command line and for a key in the diff pane.

use std::fmt::Write as _;
use std::ops::Range;

use super::{Change, ChangeOp, Comparison, SegOp};
use crate::article::Article;
use crate::text::CharMap;

/// Sign of each op, as the diff pane shows it.
pub fn sign(op: SegOp) -> &'static str {
    match op {
        SegOp::Same => " ",
        SegOp::Edited => "~",
        SegOp::Moved => "\u{2195}",
        SegOp::Added => "+",
        SegOp::Removed => "\u{2212}",
    }
}

/// Text on one line: line breaks and runs of spaces become one space.
fn one_line(t: &str) -> String {
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Runs of white space (line breaks included) as one space, edges kept: for pieces of a line.
fn spaces(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    for c in t.chars() {
        if c.is_whitespace() {
            if !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn slice<'t>(text: &'t str, r: &Option<Range<usize>>) -> &'t str {
    r.as_ref().and_then(|r| text.get(r.clone())).unwrap_or("")
}

pub use super::inline::Marks;

/// One reading of an edited sentence (a over `ra`, b over `rb`), as `git diff --word-diff`
/// gives it: common text once, a's runs marked `del`, b's runs marked `ins`, each with its own
/// punctuation and spacing (see [`super::inline`]).
pub fn inline_words(
    a: &str,
    b: &str,
    ra: Range<usize>,
    rb: Range<usize>,
    changes: &[Change],
    m: &Marks,
) -> String {
    super::inline::render(a, b, &super::inline::pieces(a, b, ra, rb, changes), m)
}

/// One side of an edited sentence: its own text, with the words only it has marked.
fn side_words(
    text: &str,
    range: Range<usize>,
    changes: &[Change],
    side_a: bool,
    mark: (&str, &str),
) -> String {
    let mut out = String::new();
    let mut pos = range.start;
    for ch in changes {
        let (r, changed) = match (ch.op, side_a) {
            (ChangeOp::Equal, true) => (ch.a.clone(), false),
            (ChangeOp::Equal, false) => (ch.b.clone(), false),
            (ChangeOp::Delete, true) => (ch.a.clone(), true),
            (ChangeOp::Insert, false) => (ch.b.clone(), true),
            _ => continue,
        };
        let Some(r) = r else { continue };
        out.push_str(&html_escape(text.get(pos.min(r.start)..r.start).unwrap_or("")));
        let w = html_escape(text.get(r.clone()).unwrap_or(""));
        if changed {
            let _ = write!(out, "{}{w}{}", mark.0, mark.1);
        } else {
            out.push_str(&w);
        }
        pos = r.end;
    }
    out.push_str(&html_escape(
        text.get(pos.min(range.end)..range.end).unwrap_or(""),
    ));
    out
}

/// Escapes Markdown's inline syntax so article text is shown as written.
pub fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '!'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

pub fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn pct(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

/// Position (1-based) of each segment in b's reading order, for "moved" notes.
fn b_positions(c: &Comparison) -> Vec<Option<usize>> {
    let mut pos = vec![None; c.segments.len()];
    for (k, i) in c.in_b_order().into_iter().enumerate() {
        pos[i] = Some(k + 1);
    }
    pos
}

/// The Markdown report of comparing `a` with `b`.
pub fn markdown(a: &Article, b: &Article, c: &Comparison) -> String {
    let s = &c.summary;
    let mut o = String::new();
    let _ = writeln!(
        o,
        "# Comparison\n\n- **A** (base): `{}`\n- **B**: `{}`\n",
        a.path.replace('`', "'"),
        b.path.replace('`', "'")
    );
    let _ = writeln!(o, "## Summary\n\n| Measure | Value |\n|---|---|");
    let _ = writeln!(o, "| Relation | {} |", s.relation.name());
    let _ = writeln!(o, "| Share of A found in B | {} |", pct(s.shared_a));
    let _ = writeln!(o, "| Share of B found in A | {} |", pct(s.shared_b));
    for (name, n) in [
        ("Same", s.counts.same),
        ("Edited (~)", s.counts.edited),
        ("Moved (\u{2195})", s.counts.moved),
        ("Added (+)", s.counts.added),
        ("Removed (\u{2212})", s.counts.removed),
    ] {
        let _ = writeln!(o, "| {name} | {n} |");
    }
    let _ = writeln!(
        o,
        "| Shared passages (5-grams outside quotes) | {} |\n",
        s.shared_passages
    );

    let _ = writeln!(
        o,
        "## Word diff\n\nB's text in reading order of A: ~~struck through~~ is only in A, **bold** \
         only in B; each changed sentence starts with its sign (\u{2212} removed, + added, ~ edited, \
         \u{2195} moved).\n"
    );
    let marks = Marks {
        del: ("~~", "~~"),
        ins: ("**", "**"),
        escape: &|t: &str| md_escape(&spaces(t)),
    };
    let bpos = b_positions(c);
    let nb = c.in_b_order().len();
    for (i, seg) in c.segments.iter().enumerate() {
        let ta = md_escape(&one_line(slice(&a.text, &seg.a)));
        let tb = md_escape(&one_line(slice(&b.text, &seg.b)));
        let line = match seg.op {
            SegOp::Same => tb,
            SegOp::Removed => format!("\u{2212} ~~{ta}~~"),
            SegOp::Added => format!("\\+ **{tb}**"),
            SegOp::Edited => {
                let (ra, rb) = (
                    seg.a.clone().unwrap_or_default(),
                    seg.b.clone().unwrap_or_default(),
                );
                let mut l = format!(
                    "~ {}",
                    inline_words(&a.text, &b.text, ra, rb, &seg.changes, &marks)
                );
                if seg.quote_changed {
                    l.push_str(" *(quote worded differently)*");
                }
                l
            }
            SegOp::Moved => {
                let body = match (seg.a.clone(), seg.b.clone()) {
                    (Some(ra), Some(rb)) if !seg.changes.is_empty() => {
                        inline_words(&a.text, &b.text, ra, rb, &seg.changes, &marks)
                    }
                    _ => tb,
                };
                format!(
                    "\u{2195} *(moved: sentence {} of {nb} in B)* {body}",
                    bpos[i].unwrap_or(0)
                )
            }
        };
        let _ = writeln!(o, "{line}\n");
    }

    let names = |text: &str, r: &[Range<usize>], l: &[crate::entities::Label]| {
        r.iter()
            .zip(l)
            .map(|(r, l)| {
                format!(
                    "{} ({})",
                    md_escape(&one_line(text.get(r.clone()).unwrap_or(""))),
                    l
                )
            })
            .collect::<Vec<_>>()
    };
    let na = names(&a.text, &c.names_only_a, &c.names_only_a_labels);
    let nb_ = names(&b.text, &c.names_only_b, &c.names_only_b_labels);
    if !na.is_empty() || !nb_.is_empty() {
        let _ = writeln!(o, "## Names in one version only\n");
        if !na.is_empty() {
            let _ = writeln!(o, "- Only in A: {}", na.join("; "));
        }
        if !nb_.is_empty() {
            let _ = writeln!(o, "- Only in B: {}", nb_.join("; "));
        }
        o.push('\n');
    }
    if !c.quote_differences.is_empty() {
        let _ = writeln!(o, "## Quotes worded differently\n");
        for q in &c.quote_differences {
            let _ = writeln!(
                o,
                "- {} / {}: {}",
                md_escape(&one_line(a.text.get(q.speaker_a.clone()).unwrap_or(""))),
                md_escape(&one_line(b.text.get(q.speaker_b.clone()).unwrap_or(""))),
                inline_words(&a.text, &b.text, q.a.clone(), q.b.clone(), &q.changes, &marks)
            );
        }
        o.push('\n');
    }

    let _ = writeln!(
        o,
        "## Coverage\n\nEach sentence of A and how B carries it (= same, ~ edited, \u{2195} moved, \
         \u{2212} not carried).\n\n| # | Sentence of A | B |\n|---|---|---|"
    );
    let mut carried: Vec<SegOp> = vec![SegOp::Removed; c.a_units.len()];
    for seg in &c.segments {
        if seg.b.is_some() {
            for u in seg.a_units.clone() {
                if let Some(x) = carried.get_mut(u) {
                    *x = seg.op;
                }
            }
        }
    }
    for (k, (u, op)) in c.a_units.iter().zip(&carried).enumerate() {
        let mark = match op {
            SegOp::Same => "=",
            other => sign(*other),
        };
        let _ = writeln!(
            o,
            "| {} | {} | {mark} |",
            k + 1,
            md_escape(&one_line(a.text.get(u.range.clone()).unwrap_or("")))
        );
    }
    o
}

const CSS: &str = "
body{font-family:Georgia,'Times New Roman',serif;margin:1.5em;color:#1a1a1a;background:#fff;line-height:1.45}
h1{font-size:1.4em;margin:0 0 .3em}h2{font-size:1.1em;margin:1.2em 0 .4em}
.meta{color:#555;font-family:monospace;font-size:.9em}
table{border-collapse:collapse;width:100%}
table.summary{width:auto}table.summary td,table.summary th{padding:.15em .8em;border-bottom:1px solid #ddd;text-align:left}
table.diff{table-layout:fixed}table.diff th{background:#eee;padding:.4em;text-align:left}
table.diff td{vertical-align:top;padding:.35em .5em;border-bottom:1px solid #e4e4e4}
table.diff td.sign{width:2em;text-align:center;font-weight:bold;font-family:monospace;font-size:1.1em}
tr.removed td.a,tr.removed td.sign{background:#fde2e2;color:#8b0000}
tr.added td.b,tr.added td.sign{background:#dff5df;color:#0b5d0b}
tr.edited td{background:#fff7d6}tr.edited td.sign{color:#7a5c00}
tr.moved td{background:#e2ecfd}tr.moved td.sign{color:#0b3d91}
del{background:#f7b9b9;color:#700;text-decoration:line-through}
ins{background:#b9ecb9;color:#064d06;text-decoration:none;font-weight:bold}
.note{display:block;font-style:italic;font-size:.85em;color:#0b3d91}
.legend span{margin-right:1.2em}
";

/// The self-contained HTML page of comparing `a` with `b`: inline CSS, no script, no external
/// resource; every segment one row, a's text left and b's right.
pub fn html(a: &Article, b: &Article, c: &Comparison) -> String {
    let s = &c.summary;
    let mut o = String::new();
    let title = format!("Comparison: {} \u{2192} {}", a.file_name(), b.file_name());
    let _ = write!(
        o,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n\
         <style>{CSS}</style>\n</head>\n<body>\n<h1>{}</h1>\n",
        html_escape(&title),
        html_escape(&title)
    );
    let _ = writeln!(
        o,
        "<p class=\"meta\">A (base): {}<br>B: {}</p>",
        html_escape(&a.path),
        html_escape(&b.path)
    );
    let _ = writeln!(o, "<h2>Summary</h2>\n<table class=\"summary\">");
    let rows = [
        ("Relation", s.relation.name().to_string()),
        ("Share of A found in B", pct(s.shared_a)),
        ("Share of B found in A", pct(s.shared_b)),
        ("Same", s.counts.same.to_string()),
        ("~ Edited", s.counts.edited.to_string()),
        ("\u{2195} Moved", s.counts.moved.to_string()),
        ("+ Added", s.counts.added.to_string()),
        ("\u{2212} Removed", s.counts.removed.to_string()),
        ("Shared passages", s.shared_passages.to_string()),
    ];
    for (k, v) in rows {
        let _ = writeln!(
            o,
            "<tr><th>{}</th><td>{}</td></tr>",
            html_escape(k),
            html_escape(&v)
        );
    }
    o.push_str("</table>\n");
    let list = |text: &str, r: &[Range<usize>], l: &[crate::entities::Label]| {
        r.iter()
            .zip(l)
            .map(|(r, l)| {
                format!(
                    "{} ({l})",
                    html_escape(&one_line(text.get(r.clone()).unwrap_or("")))
                )
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    if !c.names_only_a.is_empty() {
        let _ = writeln!(
            o,
            "<p><b>Names only in A:</b> {}</p>",
            list(&a.text, &c.names_only_a, &c.names_only_a_labels)
        );
    }
    if !c.names_only_b.is_empty() {
        let _ = writeln!(
            o,
            "<p><b>Names only in B:</b> {}</p>",
            list(&b.text, &c.names_only_b, &c.names_only_b_labels)
        );
    }
    let _ = writeln!(
        o,
        "<h2>Side by side</h2>\n<p class=\"legend\"><span>\u{2212} removed</span><span>+ added</span>\
         <span>~ edited (<del>only in A</del> <ins>only in B</ins>)</span><span>\u{2195} moved</span></p>\n\
         <table class=\"diff\">\n<colgroup><col style=\"width:2.5em\"><col><col></colgroup>\n<tr><th class=\"sign\"></th><th>A: {}</th><th>B: {}</th></tr>",
        html_escape(a.file_name()),
        html_escape(b.file_name())
    );
    let bpos = b_positions(c);
    let nb = c.in_b_order().len();
    let (ma, mb) = (CharMap::new(&a.text), CharMap::new(&b.text));
    for (i, seg) in c.segments.iter().enumerate() {
        let plain = |t: &str, r: &Option<Range<usize>>| html_escape(slice(t, r));
        let (left, right) = match seg.op {
            SegOp::Edited | SegOp::Moved if !seg.changes.is_empty() => (
                side_words(
                    &a.text,
                    seg.a.clone().unwrap_or_default(),
                    &seg.changes,
                    true,
                    ("<del>", "</del>"),
                ),
                side_words(
                    &b.text,
                    seg.b.clone().unwrap_or_default(),
                    &seg.changes,
                    false,
                    ("<ins>", "</ins>"),
                ),
            ),
            _ => (plain(&a.text, &seg.a), plain(&b.text, &seg.b)),
        };
        let note = match seg.op {
            SegOp::Moved => format!(
                "<span class=\"note\">\u{2195} moved: sentence {} of {nb} in B</span>",
                bpos[i].unwrap_or(0)
            ),
            SegOp::Edited if seg.quote_changed => {
                "<span class=\"note\">quote worded differently</span>".to_string()
            }
            _ => String::new(),
        };
        let at = |m: &CharMap, r: &Option<Range<usize>>| {
            r.as_ref()
                .map(|r| {
                    let [s, e] = m.range_to_chars(r);
                    format!("{s}-{e}")
                })
                .unwrap_or_default()
        };
        let _ = writeln!(
            o,
            "<tr class=\"{op}\" id=\"s{i}\" data-a=\"{}\" data-b=\"{}\"><td class=\"sign\">{}</td>\
             <td class=\"a\">{left}</td><td class=\"b\">{right}{note}</td></tr>",
            at(&ma, &seg.a),
            at(&mb, &seg.b),
            sign(seg.op),
            op = seg.op.name(),
        );
    }
    o.push_str("</table>\n");
    if !c.quote_differences.is_empty() {
        o.push_str("<h2>Quotes worded differently</h2>\n<ul>\n");
        for q in &c.quote_differences {
            let _ = writeln!(
                o,
                "<li><b>{}</b>: {} <br>\u{2192} {}</li>",
                html_escape(&one_line(a.text.get(q.speaker_a.clone()).unwrap_or(""))),
                side_words(&a.text, q.a.clone(), &q.changes, true, ("<del>", "</del>")),
                side_words(&b.text, q.b.clone(), &q.changes, false, ("<ins>", "</ins>")),
            );
        }
        o.push_str("</ul>\n");
    }
    o.push_str("</body>\n</html>\n");
    o
}
