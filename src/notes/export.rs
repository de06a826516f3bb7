//! Notes as Markdown, grouped by article, each with its quoted passage as a blockquote and its
//! date — ready to paste into a story file.

use std::fmt::Write;

use super::anchor::{Home, Status};
use super::model::Note;
use crate::article::Article;

/// Notes under one heading: their home article (if any), its path, the notes.
type Group<'a> = (Option<usize>, String, Vec<&'a (Note, Home)>);

/// Renders `notes` (each with its home among `articles`, as [`super::anchor::resolve`] gives)
/// as Markdown. Groups follow the order notes are given in; notes not placed in any article are
/// grouped by the path they were written at.
pub fn markdown(notes: &[(Note, Home)], articles: &[Article]) -> String {
    // Group key: the home article, else the path the note was written at.
    let mut groups: Vec<Group> = Vec::new();
    for entry in notes {
        let (note, home) = entry;
        let key_path = home
            .article
            .map_or_else(|| note.path.clone(), |i| articles[i].path.clone());
        match groups
            .iter_mut()
            .find(|(a, p, _)| *a == home.article && *p == key_path)
        {
            Some(g) => g.2.push(entry),
            None => groups.push((home.article, key_path, vec![entry])),
        }
    }
    let mut out = String::from("# Notes\n");
    for (article, path, entries) in groups {
        out.push('\n');
        match article.map(|i| &articles[i]) {
            Some(a) => {
                let title = a.title.as_deref().unwrap_or_else(|| a.file_name());
                let _ = writeln!(out, "## {}\n", escape_inline(title));
                // No outlet known: the path alone, never the file name dressed as an outlet.
                match &a.source {
                    Some(s) => {
                        let _ = writeln!(out, "*{}* · `{}`", escape_inline(s), code(&a.path));
                    }
                    None => {
                        let _ = writeln!(out, "`{}`", code(&a.path));
                    }
                }
            }
            None => {
                let _ = writeln!(out, "## {}\n", escape_inline(&path));
                let _ = writeln!(
                    out,
                    "*Article not found; passages as quoted when the notes were written.*"
                );
            }
        }
        for (note, home) in entries {
            out.push('\n');
            if !note.quote.is_empty() {
                for line in note.quote.lines() {
                    if line.trim().is_empty() {
                        out.push_str(">\n");
                    } else {
                        let _ = writeln!(out, "> {}", escape_line(line.trim_end()));
                    }
                }
                out.push('\n');
            }
            let text = note.text.trim_end();
            if !text.is_empty() {
                let _ = writeln!(out, "{text}\n");
            }
            let mut stamp = format!("— *{}*", note.created.format("%Y-%m-%d %H:%M UTC"));
            if note.updated.format("%Y%m%d%H%M").to_string() != note.created.format("%Y%m%d%H%M").to_string()
            {
                let _ = write!(stamp, " (edited {})", note.updated.format("%Y-%m-%d %H:%M UTC"));
            }
            match home.placement.status {
                Status::Detached if home.article.is_some() => {
                    stamp.push_str(" — *passage no longer in the article*")
                }
                _ => {}
            }
            let _ = writeln!(out, "{stamp}");
        }
    }
    out
}

/// Backslash-escapes characters that Markdown would read as inline markup.
fn escape_inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A line of quoted article text: inline markup escaped, and a leading list or heading marker
/// ("- ", "+ ", "1. ") neutralised so the quote reads as the article's words.
fn escape_line(line: &str) -> String {
    let mut out = escape_inline(line);
    if out.starts_with('-') || out.starts_with('+') || out.starts_with('=') {
        out.insert(0, '\\');
    }
    let digits = out.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && matches!(out[digits..].chars().next(), Some('.' | ')')) {
        out.insert(digits, '\\');
    }
    out
}

/// Text for an inline code span: backticks cannot be escaped inside one, so they are replaced.
fn code(s: &str) -> String {
    s.replace('`', "'")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Meta, build};
    use crate::notes::anchor::resolve;

    #[test]
    fn groups_by_article_with_quotes_and_dates() {
        let meta = Meta {
            title: Some("Putin *talks*".into()),
            source: Some("AP".into()),
            ..Meta::default()
        };
        let a = build(
            "ap.txt",
            "1. First line.\n\n- Second # line.".into(),
            "UTF-8",
            meta,
            vec![],
        );
        let b = build("cbs.txt", "Other text.".into(), "UTF-8", Meta::default(), vec![]);
        let n1 = Note::on_passage(&a, 0..a.text.len(), "check *this*");
        let mut n2 = Note::on_article(&b, "whole");
        let mut n3 = Note::on_article(&b, "lost");
        // Same minute for all, so the expected dates do not depend on when the test runs.
        (n2.created, n2.updated, n3.created, n3.updated) = (n1.created, n1.updated, n1.created, n1.updated);
        n3.path = "gone.txt".into();
        n3.article_id = "0".into();
        let arts = vec![a, b];
        let notes: Vec<Note> = vec![n1.clone(), n2, n3];
        let homes = resolve(&notes, &arts);
        let md = markdown(&notes.into_iter().zip(homes).collect::<Vec<_>>(), &arts);
        let date = n1.created.format("%Y-%m-%d %H:%M UTC").to_string();
        let want = format!(
            "# Notes\n\n## Putin \\*talks\\*\n\n*AP* · `ap.txt`\n\n> 1\\. First line.\n>\n> \\- Second \\# line.\n\n\
             check *this*\n\n— *{date}*\n\n## cbs.txt\n\n`cbs.txt`\n\nwhole\n\n— *{date}*\n\n\
             ## gone.txt\n\n*Article not found; passages as quoted when the notes were written.*\n\nlost\n\n— *{date}*\n"
        );
        assert_eq!(md, want);
    }
}
