//! Turning decoded text (plus any metadata from the format) into an [`Article`]: id, words,
//! paragraphs, sentences, furniture, title and source.

use sha2::{Digest, Sha256};

use super::invisible::Visible;
use super::{Article, boilerplate, segment};

/// Metadata a format may carry beside the text.
#[derive(Debug, Clone, Default)]
pub struct Meta {
    pub title: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
    /// Who wrote it, as the format names them ("Mara Quill").
    pub byline: Option<String>,
    /// The wire credited in the metadata ("AP"), not the outlet.
    pub agency: Option<String>,
}

/// Builds an article from its text. `path` is the display path; `encoding` the WHATWG name.
pub fn build(path: &str, text: String, encoding: &str, meta: Meta, warnings: Vec<String>) -> Article {
    let id = hex(&Sha256::digest(text.as_bytes()));
    let words = segment::count_words(&text);
    // Structure is read through soft hyphens and zero-width characters, and mapped back.
    let visible = Visible::of(&text);
    let seen = visible.as_ref().map_or(text.as_str(), |v| v.text.as_str());
    let lines = segment::lines(seen);
    let paras = segment::paragraphs(seen, &lines);
    let mut sentences = segment::sentences(seen, &paras);
    let mut furniture = boilerplate::analyse(seen, &paras);
    let mut paragraphs: Vec<_> = paras.into_iter().map(|p| p.range).collect();
    if let Some(v) = &visible {
        let back = |rs: &mut Vec<std::ops::Range<usize>>| rs.iter_mut().for_each(|r| *r = v.range(r));
        back(&mut paragraphs);
        back(&mut sentences);
        back(&mut furniture.boilerplate);
    }
    let clean = |s: Option<String>| s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    let title = clean(meta.title).or(furniture.title);
    // Only metadata or site chrome name the outlet; the file name never does (screens show it
    // as a file name where they need a label).
    let source = clean(meta.source).or(furniture.source);
    // Metadata first; a dateline or "By …" line read from the text is the fallback.
    let byline = clean(meta.byline).or(furniture.byline);
    let agency = clean(meta.agency).or(furniture.agency);
    Article {
        id,
        path: path.to_string(),
        title,
        source,
        url: clean(meta.url),
        published: clean(meta.published),
        byline,
        agency,
        encoding: encoding.to_string(),
        words,
        paragraphs,
        sentences,
        boilerplate: furniture.boilerplate,
        boilerplate_kinds: furniture.kinds,
        warnings,
        text,
    }
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_is_sha256_of_text_and_source_is_never_the_file_name() {
        let a = build(
            "dir/story.one.txt",
            "abc".into(),
            "UTF-8",
            Meta::default(),
            Vec::new(),
        );
        assert_eq!(
            a.id,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(a.source, None);
        let a = build("feed.jsonl#3", "abc".into(), "UTF-8", Meta::default(), Vec::new());
        assert_eq!((a.source, a.byline, a.agency), (None, None, None));
        let meta = Meta {
            title: Some("  T ".into()),
            source: Some("Wire".into()),
            byline: Some(" Mara Quill ".into()),
            agency: Some("AP".into()),
            url: Some("  ".into()),
            ..Meta::default()
        };
        let a = build("x.txt", "Some words here.".into(), "UTF-8", meta, Vec::new());
        assert_eq!(
            (a.title.as_deref(), a.source.as_deref(), a.words),
            (Some("T"), Some("Wire"), 3)
        );
        assert_eq!(
            (a.byline.as_deref(), a.agency.as_deref(), a.url),
            (Some("Mara Quill"), Some("AP"), None)
        );
    }
}
