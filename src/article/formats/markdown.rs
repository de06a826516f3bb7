//! Markdown to reading text: markup removed (pulldown-cmark), blocks separated by blank lines,
//! the first heading as title, and title/source/url/date/byline/agency from a YAML front-matter
//! block.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::Piece;
use crate::article::Meta;

pub fn read(src: &str) -> Piece {
    let mut text = String::new();
    let mut meta = Meta::default();
    let mut heading: Option<String> = None;
    let mut first_heading = None;
    let mut in_meta = false;
    let opts =
        Options::ENABLE_YAML_STYLE_METADATA_BLOCKS | Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for ev in Parser::new_ext(src, opts) {
        match ev {
            Event::Start(Tag::MetadataBlock(_)) => in_meta = true,
            Event::End(TagEnd::MetadataBlock(_)) => in_meta = false,
            Event::Text(t) if in_meta => front_matter(&t, &mut meta),
            Event::Start(Tag::Heading { .. }) => heading = Some(String::new()),
            Event::End(TagEnd::Heading(_)) => {
                if let Some(h) = heading.take()
                    && first_heading.is_none()
                    && !h.trim().is_empty()
                {
                    first_heading = Some(h.trim().to_string());
                }
                end_block(&mut text);
            }
            Event::Text(t) | Event::Code(t) => {
                text.push_str(&t);
                if let Some(h) = heading.as_mut() {
                    h.push_str(&t);
                }
            }
            Event::SoftBreak => text.push(' '),
            Event::HardBreak => text.push('\n'),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::BlockQuote(_)
                | TagEnd::CodeBlock
                | TagEnd::Item
                | TagEnd::TableRow,
            )
            | Event::Rule => end_block(&mut text),
            Event::End(TagEnd::TableCell) => text.push('\t'),
            _ => {}
        }
    }
    while text.ends_with(['\n', ' ', '\t']) {
        text.pop();
    }
    if meta.title.is_none() {
        meta.title = first_heading;
    }
    Piece {
        text,
        meta,
        ..Piece::default()
    }
}

fn end_block(text: &mut String) {
    while text.ends_with([' ', '\t', '\n']) {
        text.pop();
    }
    if !text.is_empty() {
        text.push_str("\n\n");
    }
}

fn front_matter(block: &str, meta: &mut Meta) {
    for line in block.lines() {
        let Some((k, v)) = line.split_once(':') else {
            continue;
        };
        let v = v.trim().trim_matches(['"', '\'']).trim();
        if v.is_empty() {
            continue;
        }
        let key = k.trim().to_ascii_lowercase();
        let is_date = matches!(key.as_str(), "published" | "date" | "published_at");
        let slot = match key.as_str() {
            "title" | "headline" => &mut meta.title,
            "source" | "outlet" | "publisher" | "site" => &mut meta.source,
            "url" | "link" => &mut meta.url,
            "published" | "date" | "published_at" => &mut meta.published,
            "byline" | "author" => &mut meta.byline,
            "agency" | "wire" => &mut meta.agency,
            _ => continue,
        };
        // Dates as ISO 8601 when they read as dates; as written otherwise.
        let v = if is_date {
            super::date::iso(v).unwrap_or_else(|| v.to_string())
        } else {
            v.to_string()
        };
        slot.get_or_insert(v);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_removed_and_heading_is_title() {
        let p = read(
            "---\nsource: Daily News\nauthor: \"Ines Vale\"\nagency: AP\n---\n# Talks *stall*\n\nThe **minister** said\nno.\n\n- one\n- two\n\n> quoted [link](http://x)\n",
        );
        assert_eq!(
            p.text,
            "Talks stall\n\nThe minister said no.\n\none\n\ntwo\n\nquoted link"
        );
        assert_eq!(p.meta.title.as_deref(), Some("Talks stall"));
        assert_eq!(p.meta.source.as_deref(), Some("Daily News"));
        assert_eq!(p.meta.byline.as_deref(), Some("Ines Vale"));
        assert_eq!(p.meta.agency.as_deref(), Some("AP"));
    }
}
