//! Scoring predicted entities against gold annotations as `shared/gold/NER-GUIDELINES.md`
//! defines it: strict per-label precision/recall/F1 (same start, end and label), an overlap
//! figure beside it (same label, any shared character), and micro-F1 over PERSON/ORG/PLACE
//! ("core") and over all six labels. Files are matched by file name.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::Label;

/// One annotated or predicted entity, in character offsets.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub label: String,
}

/// The entities of one file, as in a gold `.json` file or a line of `entities --json`.
#[derive(Debug, Clone, Deserialize)]
pub struct FileEntities {
    pub file: String,
    pub entities: Vec<Span>,
}

#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("{path}: {source}")]
    Io { path: String, source: std::io::Error },
    #[error("{path}: not valid entity JSON: {source}")]
    Json { path: String, source: serde_json::Error },
    #[error("{0}: no gold .json files")]
    NoGold(String),
}

/// The name part of a path: how gold and predictions are matched.
pub fn file_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

/// Reads every `*.json` file of a gold folder, keyed by the file name it annotates.
pub fn read_gold(dir: &Path) -> Result<BTreeMap<String, Vec<Span>>, EvalError> {
    let io = |e| EvalError::Io {
        path: dir.display().to_string(),
        source: e,
    };
    let mut out = BTreeMap::new();
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map_err(io)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    for p in paths {
        let path = p.display().to_string();
        let text = std::fs::read_to_string(&p).map_err(|e| EvalError::Io {
            path: path.clone(),
            source: e,
        })?;
        let f: FileEntities = serde_json::from_str(&text).map_err(|e| EvalError::Json { path, source: e })?;
        out.insert(file_name(&f.file).to_string(), f.entities);
    }
    if out.is_empty() {
        return Err(EvalError::NoGold(dir.display().to_string()));
    }
    Ok(out)
}

/// Reads predictions in the `entities --json` format (one object a line), keyed by file name.
pub fn read_predictions(path: &Path) -> Result<BTreeMap<String, Vec<Span>>, EvalError> {
    let p = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| EvalError::Io {
        path: p.clone(),
        source: e,
    })?;
    let mut out = BTreeMap::new();
    for (i, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let f: FileEntities = serde_json::from_str(line).map_err(|e| EvalError::Json {
            path: format!("{p}:{}", i + 1),
            source: e,
        })?;
        out.insert(file_name(&f.file).to_string(), f.entities);
    }
    Ok(out)
}

/// Counts for one label.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub gold: usize,
    pub predicted: usize,
    /// Predictions with the same start, end and label as a gold entity.
    pub strict: usize,
    /// Predictions that share a character with a gold entity of the same label.
    pub overlap_predicted: usize,
    /// Gold entities that share a character with a prediction of the same label.
    pub overlap_gold: usize,
}

/// Precision, recall and F1.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

fn prf(hit_p: usize, predicted: usize, hit_g: usize, gold: usize) -> Prf {
    let p = if predicted == 0 {
        0.0
    } else {
        hit_p as f64 / predicted as f64
    };
    let r = if gold == 0 {
        0.0
    } else {
        hit_g as f64 / gold as f64
    };
    let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
    Prf {
        precision: p,
        recall: r,
        f1: f,
    }
}

impl Counts {
    pub fn strict(&self) -> Prf {
        prf(self.strict, self.predicted, self.strict, self.gold)
    }
    pub fn overlap(&self) -> Prf {
        prf(
            self.overlap_predicted,
            self.predicted,
            self.overlap_gold,
            self.gold,
        )
    }
    fn add(&mut self, o: &Counts) {
        self.gold += o.gold;
        self.predicted += o.predicted;
        self.strict += o.strict;
        self.overlap_predicted += o.overlap_predicted;
        self.overlap_gold += o.overlap_gold;
    }
}

/// The whole evaluation.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    /// Counts per label, in [`Label::ALL`] order, by label name.
    pub labels: BTreeMap<String, Counts>,
    pub core: Counts,
    pub all: Counts,
    /// Gold files that had no prediction (scored as predicting nothing).
    pub missing: Vec<String>,
    pub files: usize,
}

impl Report {
    pub fn core_f1(&self) -> f64 {
        self.core.strict().f1
    }
    pub fn all_f1(&self) -> f64 {
        self.all.strict().f1
    }

    /// A plain-text table.
    pub fn table(&self) -> String {
        let mut s = format!(
            "{:<8} {:>5} {:>5} {:>6} {:>6} {:>6} {:>6} {:>6}\n",
            "label", "gold", "pred", "P", "R", "F1", "ovF1", "exact"
        );
        let mut row = |name: &str, c: &Counts| {
            let st = c.strict();
            s.push_str(&format!(
                "{:<8} {:>5} {:>5} {:>6.3} {:>6.3} {:>6.3} {:>6.3} {:>6}\n",
                name,
                c.gold,
                c.predicted,
                st.precision,
                st.recall,
                st.f1,
                c.overlap().f1,
                c.strict
            ));
        };
        for l in Label::ALL {
            if let Some(c) = self.labels.get(l.as_str()) {
                row(l.as_str(), c);
            }
        }
        row("core", &self.core);
        row("all", &self.all);
        s.push_str(&format!(
            "files {}; core strict F1 {:.3}; all-label strict F1 {:.3}\n",
            self.files,
            self.core_f1(),
            self.all_f1()
        ));
        if !self.missing.is_empty() {
            s.push_str(&format!("no prediction for: {}\n", self.missing.join(", ")));
        }
        s
    }

    /// The JSON form: counts and P/R/F1 per label, core and all.
    pub fn to_json(&self) -> serde_json::Value {
        let entry = |c: &Counts| {
            serde_json::json!({
                "gold": c.gold, "predicted": c.predicted, "exact": c.strict,
                "strict": c.strict(), "overlap": c.overlap(),
            })
        };
        let labels: serde_json::Map<String, serde_json::Value> =
            self.labels.iter().map(|(k, c)| (k.clone(), entry(c))).collect();
        serde_json::json!({
            "files": self.files,
            "labels": labels,
            "core": entry(&self.core),
            "all": entry(&self.all),
            "core_strict_f1": self.core_f1(),
            "all_strict_f1": self.all_f1(),
            "missing": self.missing,
        })
    }
}

/// Scores predictions against gold, both keyed by file name. Files only in the predictions are
/// ignored; gold files without predictions count as predicting nothing.
pub fn score(gold: &BTreeMap<String, Vec<Span>>, pred: &BTreeMap<String, Vec<Span>>) -> Report {
    let mut rep = Report::default();
    for l in Label::ALL {
        rep.labels.insert(l.as_str().to_string(), Counts::default());
    }
    for (file, g) in gold {
        rep.files += 1;
        let empty = Vec::new();
        let p = pred.get(file).unwrap_or_else(|| {
            rep.missing.push(file.clone());
            &empty
        });
        for l in Label::ALL {
            let name = l.as_str();
            let gs: Vec<&Span> = g.iter().filter(|s| s.label == name).collect();
            let ps: Vec<&Span> = p.iter().filter(|s| s.label == name).collect();
            let overlaps = |a: &Span, b: &Span| a.start < b.end && b.start < a.end;
            let mut gold_set: std::collections::HashSet<(usize, usize)> =
                gs.iter().map(|s| (s.start, s.end)).collect();
            let mut c = Counts {
                gold: gs.len(),
                predicted: ps.len(),
                ..Counts::default()
            };
            for s in &ps {
                if gold_set.remove(&(s.start, s.end)) {
                    c.strict += 1;
                }
            }
            // Sorted sweeps would be faster; these lists are a few hundred entities a file.
            c.overlap_predicted = ps.iter().filter(|s| gs.iter().any(|t| overlaps(s, t))).count();
            c.overlap_gold = gs.iter().filter(|t| ps.iter().any(|s| overlaps(s, t))).count();
            if let Some(slot) = rep.labels.get_mut(name) {
                slot.add(&c);
            }
            if Label::CORE.contains(&l) {
                rep.core.add(&c);
            }
            rep.all.add(&c);
        }
    }
    rep
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(start: usize, end: usize, label: &str) -> Span {
        Span {
            start,
            end,
            label: label.to_string(),
        }
    }

    #[test]
    fn strict_and_overlap() {
        let gold = BTreeMap::from([(
            "a.txt".to_string(),
            vec![span(0, 5, "PERSON"), span(10, 14, "PLACE"), span(20, 24, "DATE")],
        )]);
        let pred = BTreeMap::from([(
            "a.txt".to_string(),
            vec![
                span(0, 5, "PERSON"),
                span(10, 12, "PLACE"),
                span(20, 24, "NUMBER"),
            ],
        )]);
        let r = score(&gold, &pred);
        assert_eq!(r.core.gold, 2);
        assert_eq!(r.core.strict, 1);
        assert!((r.core_f1() - 0.5).abs() < 1e-9);
        assert_eq!(r.labels["PLACE"].overlap_gold, 1);
        assert!((r.all_f1() - 1.0 / 3.0).abs() < 1e-9);
        let missing = score(&gold, &BTreeMap::new());
        assert_eq!(missing.missing, vec!["a.txt".to_string()]);
        assert_eq!(missing.all_f1(), 0.0);
    }
}
