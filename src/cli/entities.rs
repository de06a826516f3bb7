//! `copydesk entities [--json] PATH...`: the entities and quotations of each article.
//! Versions given together are analysed as one story, sharing evidence about names.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;
use serde::Serialize;

use super::Global;
use crate::article::Article;
use crate::entities::{self, Analysis};
use crate::text::CharMap;

#[derive(Debug, Args)]
pub struct EntitiesArgs {
    /// Print JSON, one object a line: {"file", "entities": [{start, end, label, text}],
    /// "quotes": [{start, end, speaker: {start, end, text} | null}]} in character offsets.
    #[arg(long)]
    pub json: bool,
    /// Analyse each article on its own instead of sharing evidence between them.
    #[arg(long)]
    pub separately: bool,
    /// Files or folders of articles.
    #[arg()]
    pub paths: Vec<PathBuf>,
}

#[derive(Serialize)]
struct EntityRecord<'a> {
    start: usize,
    end: usize,
    label: &'static str,
    text: &'a str,
}

#[derive(Serialize)]
struct SpeakerRecord<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

#[derive(Serialize)]
struct QuoteRecord<'a> {
    start: usize,
    end: usize,
    speaker: Option<SpeakerRecord<'a>>,
}

/// The `entities --json` line of one article.
#[derive(Serialize)]
pub struct Record<'a> {
    file: &'a str,
    entities: Vec<EntityRecord<'a>>,
    quotes: Vec<QuoteRecord<'a>>,
}

/// Builds the JSON record of one analysed article (character offsets).
pub fn record<'a>(article: &'a Article, analysis: &Analysis) -> Record<'a> {
    let text = article.text.as_str();
    let map = CharMap::new(text);
    let slice = |r: &std::ops::Range<usize>| text.get(r.clone()).unwrap_or("");
    let entities = analysis
        .entities
        .iter()
        .map(|e| {
            let [start, end] = map.range_to_chars(&e.range);
            EntityRecord {
                start,
                end,
                label: e.label.as_str(),
                text: slice(&e.range),
            }
        })
        .collect();
    let quotes = analysis
        .quotes
        .iter()
        .map(|q| {
            let [start, end] = map.range_to_chars(&q.range);
            let speaker = q.speaker.as_ref().map(|s| {
                let [start, end] = map.range_to_chars(s);
                SpeakerRecord {
                    start,
                    end,
                    text: slice(s),
                }
            });
            QuoteRecord { start, end, speaker }
        })
        .collect();
    Record {
        file: &article.path,
        entities,
        quotes,
    }
}

/// Analyses the articles; versions of one story share evidence unless `separately`.
pub fn analyse_all(articles: &[Article], separately: bool) -> Vec<Analysis> {
    if separately {
        use rayon::prelude::*;
        articles.par_iter().map(entities::analyse).collect()
    } else {
        let refs: Vec<&Article> = articles.iter().collect();
        entities::analyse_collection(&refs)
    }
}

pub fn run(
    global: &Global,
    args: EntitiesArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<u8> {
    let (articles, _) = super::load_and_report(global, &args.paths, err)?;
    if articles.is_empty() {
        return super::nothing_loaded(global, &args.paths, err);
    }
    let analyses = analyse_all(&articles, args.separately);
    // One record can be megabytes on one line: buffered, not written through stdout's line buffer.
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    for (a, an) in articles.iter().zip(&analyses) {
        if args.json {
            serde_json::to_writer(&mut out, &record(a, an))?;
            writeln!(out)?;
        } else {
            writeln!(out, "{}", a.path)?;
            for m in an.mentions(&a.text) {
                writeln!(out, "  {:<7} {:>3}  {}", m.label.as_str(), m.ranges.len(), m.text)?;
            }
            for q in &an.quotes {
                let who = q
                    .speaker
                    .as_ref()
                    .and_then(|s| a.text.get(s.clone()))
                    .unwrap_or("?");
                let body: String = a
                    .text
                    .get(q.range.clone())
                    .unwrap_or("")
                    .chars()
                    .take(70)
                    .collect();
                writeln!(out, "  QUOTE   {who}: {}", body.replace('\n', " "))?;
            }
        }
    }
    out.flush()?;
    Ok(0)
}
