//! `copydesk index [--json] PATH...`: every person, organisation, place and group named across
//! the loaded articles, with the articles that name it ("which versions name Bridget Brink?").

use std::io::Write;
use std::path::PathBuf;

use clap::Args;
use serde::Serialize;

use super::Global;
use crate::entities::{self, index::index};
use crate::text::CharMap;

#[derive(Debug, Args)]
pub struct IndexArgs {
    /// Print JSON, one object a line, most mentioned first: {"entity", "variants", "label",
    /// "articles": [{"path", "source", "count", "first": [start, end]}], "total"}. `source` is
    /// the outlet, null when nothing names it. `entity` is the
    /// canonical name ("United States"), `variants` the other spellings merged in ("U.S.",
    /// "America"); `label` is PERSON, ORG, PLACE or NORP; `first` is the first mention in
    /// character offsets into that article's text; `count` and `total` count mentions outside
    /// page furniture, a surname or possessive ("Putin's") counting for the full name.
    #[arg(long)]
    pub json: bool,
    /// Files or folders of articles.
    #[arg()]
    pub paths: Vec<PathBuf>,
}

#[derive(Serialize)]
struct ArticleOut<'a> {
    path: &'a str,
    source: Option<&'a str>,
    count: usize,
    first: [usize; 2],
}

#[derive(Serialize)]
struct EntryOut<'a> {
    entity: &'a str,
    variants: &'a [String],
    label: &'static str,
    articles: Vec<ArticleOut<'a>>,
    total: usize,
}

pub fn run(global: &Global, args: IndexArgs, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<u8> {
    let (articles, _) = super::load_and_report(global, &args.paths, err)?;
    if articles.is_empty() {
        return super::nothing_loaded(global, &args.paths, err);
    }
    let refs: Vec<&crate::article::Article> = articles.iter().collect();
    let analyses = entities::analyse_collection(&refs);
    let ix = index(&articles, &analyses);
    let maps: Vec<CharMap> = articles.iter().map(|a| CharMap::new(&a.text)).collect();
    for e in &ix.entries {
        if args.json {
            let o = EntryOut {
                entity: &e.name,
                variants: &e.variants,
                label: e.label.as_str(),
                articles: e
                    .articles
                    .iter()
                    .map(|o| ArticleOut {
                        path: &articles[o.article].path,
                        source: articles[o.article].source.as_deref(),
                        count: o.count(),
                        first: maps[o.article].range_to_chars(&o.first()),
                    })
                    .collect(),
                total: e.total,
            };
            serde_json::to_writer(&mut *out, &o)?;
            writeln!(out)?;
        } else {
            let list: Vec<String> = e
                .articles
                .iter()
                .map(|o| format!("{} ({})", articles[o.article].path, o.count()))
                .collect();
            let also = if e.variants.is_empty() {
                String::new()
            } else {
                format!(" ({})", e.variants.join(", "))
            };
            writeln!(
                out,
                "{:>5}  {:<6} {}{also}: {}",
                e.total,
                e.label.as_str(),
                e.name,
                list.join(", ")
            )?;
        }
    }
    Ok(0)
}
