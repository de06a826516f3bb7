//! Turning decoded text (plus any metadata from the format) into an [`Article`]: id, words,
//! paragraphs, sentences, furniture, title and source.

use sha2::{Digest, Sha256};

use super::{Article, boilerplate, segment};

/// Metadata a format may carry beside the text.
#[derive(Debug, Clone, Default)]
pub struct Meta {
    pub title: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
}

/// Builds an article from its text. `path` is the display path; `encoding` the WHATWG name.
pub fn build(path: &str, text: String, encoding: &str, meta: Meta, warnings: Vec<String>) -> Article {
    let id = hex(&Sha256::digest(text.as_bytes()));
    let words = segment::count_words(&text);
    let lines = segment::lines(&text);
    let paras = segment::paragraphs(&text, &lines);
    let sentences = segment::sentences(&text, &paras);
    let furniture = boilerplate::analyse(&text, &paras);
    let clean = |s: Option<String>| s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    let title = clean(meta.title).or(furniture.title);
    let source = clean(meta.source)
        .or(furniture.source)
        .unwrap_or_else(|| file_stem(path).to_string());
    Article {
        id,
        path: path.to_string(),
        title,
        source,
        url: meta.url,
        published: meta.published,
        encoding: encoding.to_string(),
        words,
        paragraphs: paras.into_iter().map(|p| p.range).collect(),
        sentences,
        boilerplate: furniture.boilerplate,
        warnings,
        text,
    }
}

/// The file name without directories, extension or `#LINE`: the source of last resort.
fn file_stem(path: &str) -> &str {
    let path = path.rsplit_once('#').map_or(path, |(p, _)| p);
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    match name.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem,
        _ => name,
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
    fn id_is_sha256_of_text_and_source_falls_back_to_file_name() {
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
        assert_eq!(a.source, "story.one");
        let a = build("feed.jsonl#3", "abc".into(), "UTF-8", Meta::default(), Vec::new());
        assert_eq!(a.source, "feed");
        let meta = Meta {
            title: Some("  T ".into()),
            source: Some("Wire".into()),
            ..Meta::default()
        };
        let a = build("x.txt", "Some words here.".into(), "UTF-8", meta, Vec::new());
        assert_eq!(
            (a.title.as_deref(), a.source.as_str(), a.words),
            (Some("T"), "Wire", 3)
        );
    }
}
