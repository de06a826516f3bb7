//! Turning decoded text (plus any metadata from the format) into an [`Article`].
//! PROVISIONAL: a first cut so the other modules can be built against it; the loader work
//! replaces the segmentation here with the real one.

use sha2::{Digest, Sha256};
use unicode_segmentation::UnicodeSegmentation;

use super::Article;

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
    let words = text.unicode_words().count();
    let mut paragraphs = Vec::new();
    let mut start = None;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let blank = line.trim().is_empty();
        let content_end = pos + line.trim_end().len();
        match (blank, start) {
            (false, None) => start = Some((pos + (line.len() - line.trim_start().len()), content_end)),
            (false, Some((s, _))) => start = Some((s, content_end)),
            (true, Some((s, e))) => {
                paragraphs.push(s..e);
                start = None;
            }
            _ => {}
        }
        pos += line.len();
    }
    if let Some((s, e)) = start {
        paragraphs.push(s..e);
    }
    let mut sentences = Vec::new();
    for p in &paragraphs {
        let mut off = p.start;
        for s in text[p.clone()].split_sentence_bounds() {
            let t = s.trim_end();
            if !t.trim().is_empty() {
                let lead = t.len() - t.trim_start().len();
                sentences.push(off + lead..off + t.len());
            }
            off += s.len();
        }
    }
    let title = meta.title.clone();
    let source = meta.source.clone().unwrap_or_else(|| {
        let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
        name.rsplit_once('.').map(|(a, _)| a).unwrap_or(name).to_string()
    });
    Article {
        id,
        path: path.to_string(),
        title,
        source,
        url: meta.url,
        published: meta.published,
        encoding: encoding.to_string(),
        text,
        words,
        paragraphs,
        sentences,
        boilerplate: Vec::new(),
        warnings,
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
