//! `copydesk eval --gold DIR [--pred FILE.jsonl] [PATH...]`: scores entity predictions against a
//! gold folder (strict and overlap P/R/F1 per label, core and all-label micro-F1). Predictions
//! come from a JSON-lines file in the `entities --json` format, or from running the recogniser
//! on PATHs (or `--demo`). Files are matched by name.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use super::Global;
use crate::entities::eval::{self, Span};
use crate::text::CharMap;

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Folder of gold `.json` files (one per article, as in shared/gold/ner).
    #[arg(long, value_name = "DIR")]
    pub gold: PathBuf,
    /// Predictions to score, one `entities --json` object a line; without it, the recogniser
    /// runs on PATHs.
    #[arg(long, value_name = "FILE")]
    pub pred: Option<PathBuf>,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
    /// Analyse each article on its own instead of as versions of one story.
    #[arg(long)]
    pub separately: bool,
    /// Articles to run the recogniser on (ignored with --pred).
    pub paths: Vec<PathBuf>,
}

pub fn run(global: &Global, args: EvalArgs, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<u8> {
    // Wrong usage is told before any file is read.
    if args.pred.is_none() && args.paths.is_empty() && !global.demo {
        writeln!(err, "copydesk: eval needs --pred FILE or articles to analyse")?;
        return Ok(super::EXIT_USAGE);
    }
    let gold = eval::read_gold(&args.gold)?;
    let pred: BTreeMap<String, Vec<Span>> = match &args.pred {
        Some(p) => eval::read_predictions(p)?,
        None => {
            let (articles, _) = super::load_and_report(global, &args.paths, err)?;
            if articles.is_empty() {
                return super::nothing_loaded(global, &args.paths, err);
            }
            let analyses = super::entities::analyse_all(&articles, args.separately);
            articles
                .iter()
                .zip(&analyses)
                .map(|(a, an)| {
                    let map = CharMap::new(&a.text);
                    let spans = an
                        .entities
                        .iter()
                        .map(|e| {
                            let [start, end] = map.range_to_chars(&e.range);
                            Span {
                                start,
                                end,
                                label: e.label.as_str().to_string(),
                            }
                        })
                        .collect();
                    (eval::file_name(&a.path).to_string(), spans)
                })
                .collect()
        }
    };
    let report = eval::score(&gold, &pred);
    if args.json {
        serde_json::to_writer(&mut *out, &report.to_json())?;
        writeln!(out)?;
    } else {
        out.write_all(report.table().as_bytes())?;
    }
    Ok(0)
}
