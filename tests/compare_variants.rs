//! The comparison ignores layout, and exact edits come out exactly: over every fixture article
//! and generated variants of it (tests/common/variants.rs).
//!
//! - layout variants (quote, dash and ellipsis styles, no-break and thin spaces, double spaces
//!   after full stops, hard wraps at random widths, two paragraphs merged, one split, CRLF, soft
//!   hyphens, zero-width spaces) and fragment variants (paragraphs cut mid-sentence into
//!   blank-line-separated blocks) compare `identical`, with `same` segments only;
//! - one paragraph cut gives only `removed` segments, covering that paragraph;
//! - one paragraph moved gives `moved` segments and no `added` or `removed`;
//! - one word changed gives exactly one `edited` segment whose only non-`equal` changes are that
//!   word, at its offsets.
//!
//! The counts by kind are printed (`cargo test --test compare_variants -- --nocapture`).

#[path = "common/variants.rs"]
mod variants;

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::PathBuf;

use copydesk::article::{self, Article, Meta};
use copydesk::compare::{ChangeOp, Comparison, Options, Relation, SegOp, compare_analysed};
use copydesk::entities::Analysis;

/// Failures that come from the loader's structure rather than the comparison: furniture marked
/// on one side only because the layout changed, or fragments the segmenter did not join. They
/// are counted apart while this switch is on, and the share of all variants that come out right
/// must be at least [`RIGHT_SHARE`]; every other failure is wrong.
///
/// The structural cases left (about 2% of all variants; `SHOW_STRUCTURE=1` lists them):
/// - pages written a line an element with no blank lines (seed 002's captions and app banner)
///   whose long lines are wrapped each on its own: a wrapped caption's next line cannot be
///   told from the next caption without the page's width;
/// - furniture merged into the start of a body paragraph other than a byline or dateline
///   ("Ad Feedback Putin made…", "October 5, 2023 The council…", a staff line run into the
///   first sentence), and a caption split from its credit into two paragraphs;
/// - fragments cut inside furniture lines (credit names, time stamps, a staff line under a
///   byline) or a headline cut into blocks that read as prose;
/// - soft hyphens inside a word the sentence or video-length rules look at, and stacks of a
///   question over a prompt re-flowed into one line.
const STRUCTURE_PENDING: bool = true;

/// The share of all variants that must come out right (structure included).
const RIGHT_SHARE: f64 = 0.98;

fn art(name: &str, t: &str) -> Article {
    article::build(name, t.to_string(), "UTF-8", Meta::default(), Vec::new())
}

/// Every fixture article that loads: seeds, loader, entities and the corpus once it exists.
fn fixture_texts() -> Vec<(String, String)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut dirs: Vec<PathBuf> = ["seeds", "loader", "entities", "corpus", "compare"]
        .iter()
        .map(|d| root.join(d))
        .filter(|d| d.exists())
        .collect();
    // Another corpus folder of the same form (as tests/relations_eval.rs reads).
    if let Some(extra) = std::env::var_os("COPYDESK_CORPUS") {
        dirs.push(PathBuf::from(extra));
    }
    let (arts, _) = article::load_paths(&dirs);
    let mut seen = std::collections::HashSet::new();
    let article_file = |p: &str| {
        let ext = p
            .rsplit_once('.')
            .map(|(_, e)| e.to_ascii_lowercase())
            .unwrap_or_default();
        let doc = p.ends_with("README.md") || p.ends_with("corpus.json");
        !doc && (matches!(ext.as_str(), "txt" | "md" | "html" | "htm" | "json" | "jsonl")
            || p.contains(".jsonl#"))
    };
    arts.into_iter()
        .filter(|a| a.words >= 20 && article_file(&a.path) && seen.insert(a.id.clone()))
        .map(|a| (a.path, a.text))
        .collect()
}

fn cmp(a: &Article, b: &Article) -> Comparison {
    let none = Analysis::default();
    compare_analysed(a, b, &none, &none, &Options::default())
}

/// The words of the boilerplate, in order, lower case: equal when the same furniture is marked.
fn furniture(a: &Article) -> Vec<String> {
    let mut out = Vec::new();
    for r in &a.boilerplate {
        let t = a.text.get(r.clone()).unwrap_or("");
        out.extend(
            t.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(|w| w.to_lowercase()),
        );
    }
    out
}

/// The words of each sentence, lower case: equal when the sentences are split at the same
/// places whatever the layout (a count alone misses splits that move but cancel out).
fn sentence_words(a: &Article) -> Vec<Vec<String>> {
    a.sentences
        .iter()
        .map(|r| {
            // Soft hyphens and zero-width characters are inside words, not between them.
            a.text
                .get(r.clone())
                .unwrap_or("")
                .replace(
                    [
                        '\u{ad}', '\u{200b}', '\u{200c}', '\u{200d}', '\u{2060}', '\u{feff}',
                    ],
                    "",
                )
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect()
        })
        .collect()
}

/// The furniture ranges of each side whose words the other side does not mark as one range,
/// for `SHOW_STRUCTURE=1`: where a layout change moved the marks.
fn furniture_diff(a: &Article, b: &Article) -> String {
    let flat = |x: &Article| -> Vec<String> {
        x.boilerplate
            .iter()
            .map(|r| {
                x.text
                    .get(r.clone())
                    .unwrap_or("")
                    .chars()
                    .filter(|c| c.is_alphanumeric())
                    .flat_map(char::to_lowercase)
                    .collect()
            })
            .collect()
    };
    let (fa, fb) = (flat(a), flat(b));
    let only = |x: &Article, f: &[String], g: &[String]| {
        x.boilerplate
            .iter()
            .zip(f)
            .filter(|(_, w)| !g.contains(w))
            .map(|(r, _)| format!("{:?}", x.text.get(r.clone()).unwrap_or("")))
            .collect::<Vec<_>>()
            .join(" ")
    };
    if fa == fb {
        return String::new();
    }
    format!(
        "\n      furniture only a: {}\n      furniture only b: {}",
        only(a, &fa, &fb),
        only(b, &fb, &fa)
    )
}

#[derive(Default)]
struct Tally {
    cases: usize,
    right: usize,
    structure: usize,
    wrong: Vec<String>,
    left: Vec<String>,
}

fn describe(c: &Comparison) -> String {
    let ops: Vec<&str> = c
        .segments
        .iter()
        .map(|s| s.op.name())
        .filter(|&o| o != "same")
        .collect();
    format!("{} [{}]", c.summary.relation.name(), ops.join(","))
}

/// Records one case: `ok` or why not, and whether the structure is to blame.
fn record(t: &mut BTreeMap<String, Tally>, kind: &str, name: &str, ok: Result<(), String>, structure: bool) {
    let e = t.entry(kind.to_string()).or_default();
    e.cases += 1;
    match ok {
        Ok(()) => e.right += 1,
        Err(why) if structure && STRUCTURE_PENDING => {
            e.structure += 1;
            e.left.push(format!("{name}: {why}"));
        }
        Err(why) => e.wrong.push(format!("{name}: {why}")),
    }
}

fn identical(c: &Comparison) -> Result<(), String> {
    if c.summary.relation == Relation::Identical && c.segments.iter().all(|s| s.op == SegOp::Same) {
        Ok(())
    } else {
        Err(describe(c))
    }
}

fn in_boilerplate(a: &Article, r: &Range<usize>) -> bool {
    a.boilerplate.iter().any(|b| b.start < r.end && r.start < b.end)
}

#[test]
fn variants_compare_as_what_they_are() {
    let texts = fixture_texts();
    assert!(texts.len() >= 20, "{} fixture articles", texts.len());
    let mut t: BTreeMap<String, Tally> = BTreeMap::new();
    for (seed, (name, text)) in texts.iter().enumerate() {
        let seed = seed as u64 + 1;
        let orig = art("orig.txt", text);
        let furn = furniture(&orig);

        for v in variants::layout_variants(text, seed) {
            let var = art("variant.txt", &v.text);
            let c = cmp(&orig, &var);
            // Sentences split differently once the layout changed: the segmenter's doing.
            let blame = furniture(&var) != furn || sentence_words(&var) != sentence_words(&orig);
            let ok = identical(&c).map_err(|e| {
                let s = c.segments.iter().find(|s| s.op != SegOp::Same);
                let show = |t: &str, r: Option<Range<usize>>| {
                    format!("{:?}", r.and_then(|r| t.get(r)).unwrap_or(""))
                };
                match s {
                    Some(s) => format!(
                        "{e}: {} | {}{}",
                        show(&orig.text, s.a.clone()),
                        show(&var.text, s.b.clone()),
                        furniture_diff(&orig, &var)
                    ),
                    None => e,
                }
            });
            record(
                &mut t,
                &format!("layout/{}", v.kind),
                &format!("{name} {}", v.kind),
                ok,
                blame,
            );
        }

        let frag = variants::fragments(text, seed);
        if frag != *text {
            let var = art("fragments.txt", &frag);
            let c = cmp(&orig, &var);
            let blame = furniture(&var) != furn || sentence_words(&var) != sentence_words(&orig);
            let ok = identical(&c).map_err(|e| {
                let s = c.segments.iter().find(|s| s.op != SegOp::Same);
                let show = |t: &str, r: Option<Range<usize>>| {
                    format!("{:?}", r.and_then(|r| t.get(r)).unwrap_or(""))
                };
                let bp = |a: &Article| {
                    a.boilerplate
                        .iter()
                        .map(|r| format!("{:?}", &a.text[r.clone()]))
                        .collect::<Vec<_>>()
                        .join(" ")
                };
                match s {
                    Some(s) => format!(
                        "{e}: {} | {}\n      furniture a: {}\n      furniture b: {}",
                        show(&orig.text, s.a.clone()),
                        show(&var.text, s.b.clone()),
                        bp(&orig),
                        bp(&var)
                    ),
                    None => e,
                }
            });
            record(&mut t, "fragments", name, ok, blame);
        }

        // Paragraphs as the loader reads them: on a page of fragments, a paragraph spans blocks.
        let paras = orig.paragraphs.clone();
        let mut rng = variants::Rng::new(seed);
        // Paragraphs of the body that are not furniture, with words in them.
        let body: Vec<usize> = (0..paras.len())
            .filter(|&k| !in_boilerplate(&orig, &paras[k]))
            .filter(|&k| text[paras[k].clone()].split_whitespace().count() >= 4)
            .collect();
        for _ in 0..2.min(body.len()) {
            let k = body[rng.below(body.len())];
            let Some((cut, r)) = variants::cut_paragraph_of(text, &paras, k) else {
                continue;
            };
            let var = art("cut.txt", &cut);
            let c = cmp(&orig, &var);
            let removed: Vec<Range<usize>> = c
                .segments
                .iter()
                .filter(|s| s.op == SegOp::Removed)
                .filter_map(|s| s.a.clone())
                .collect();
            let ok = if !c
                .segments
                .iter()
                .all(|s| matches!(s.op, SegOp::Same | SegOp::Removed))
            {
                Err(describe(&c))
            } else if removed.first().map(|x| x.start) != Some(r.start)
                || removed.last().map(|x| x.end) != Some(r.end)
            {
                Err(format!("removed {removed:?}, paragraph {r:?}"))
            } else {
                Ok(())
            };
            record(
                &mut t,
                "cut",
                &format!("{name} ¶{k}"),
                ok,
                furniture(&var) != furn,
            );
        }
        // Paragraphs of the story to move: they end as sentences do. A headline moved into the
        // body of a page of fragments stands open above a paragraph, as a fragment of it would.
        let story: Vec<usize> = body
            .iter()
            .copied()
            .filter(|&k| {
                let s = text[paras[k].clone()].trim_end_matches(['"', '\u{201d}', '\'', '\u{2019}', ')']);
                s.ends_with(['.', '!', '?', '\u{2026}'])
            })
            .collect();
        for _ in 0..2.min(story.len()) {
            let k = story[rng.below(story.len())];
            let to = story[rng.below(story.len())];
            // Never before the lead paragraph (a dateline is furniture only at the top), and over
            // at least one paragraph that is compared (a jump over furniture is no move).
            let to = if to > k { to + 1 } else { to }.max(2);
            let over = if k < to { k + 1..to } else { to..k };
            if !body.iter().any(|b| over.contains(b)) {
                continue;
            }
            let Some((moved, _)) = variants::move_paragraph_of(text, &paras, k, to.min(paras.len())) else {
                continue;
            };
            let var = art("moved.txt", &moved);
            let c = cmp(&orig, &var);
            let ok = if c
                .segments
                .iter()
                .all(|s| matches!(s.op, SegOp::Same | SegOp::Moved))
                && c.summary.counts.moved > 0
            {
                Ok(())
            } else {
                Err(describe(&c))
            };
            record(
                &mut t,
                "move",
                &format!("{name} ¶{k}→{to}"),
                ok,
                furniture(&var) != furn,
            );
        }
        for w in 0..2u64 {
            let Some((changed, ra, rb)) =
                variants::change_word(text, seed * 7 + w, |r| !in_boilerplate(&orig, &r))
            else {
                continue;
            };
            let var = art("word.txt", &changed);
            let c = cmp(&orig, &var);
            let not_same: Vec<_> = c.segments.iter().filter(|s| s.op != SegOp::Same).collect();
            let ok = match not_same.as_slice() {
                [s] if s.op == SegOp::Edited => {
                    let ch: Vec<_> = s.changes.iter().filter(|c| c.op != ChangeOp::Equal).collect();
                    let want_a = Some(ra.clone());
                    let want_b = Some(rb.clone());
                    if ch.len() == 2
                        && ch[0].op == ChangeOp::Delete
                        && ch[0].a == want_a
                        && ch[1].op == ChangeOp::Insert
                        && ch[1].b == want_b
                    {
                        Ok(())
                    } else {
                        Err(format!("changes {ch:?}, word {ra:?} → {rb:?}"))
                    }
                }
                _ => Err(describe(&c)),
            };
            record(
                &mut t,
                "word",
                &format!("{name} {:?}", &text[ra.clone()]),
                ok,
                furniture(&var) != furn,
            );
        }
    }
    let (mut cases, mut right, mut structure) = (0, 0, 0);
    for (kind, e) in &t {
        eprintln!(
            "{kind:<10} {:>4} cases, {:>4} right, {:>3} left to structure, {:>3} wrong",
            e.cases,
            e.right,
            e.structure,
            e.wrong.len()
        );
        for w in e.wrong.iter().take(8) {
            eprintln!("    {w}");
        }
        if std::env::var_os("SHOW_STRUCTURE").is_some() {
            for w in &e.left {
                eprintln!("    (structure) {w}");
            }
        }
        cases += e.cases;
        right += e.right;
        structure += e.structure;
    }
    eprintln!(
        "all        {cases:>4} cases, {right:>4} right ({:.1}%), {structure} left to structure",
        100.0 * right as f64 / cases.max(1) as f64
    );
    let wrong: usize = t.values().map(|e| e.wrong.len()).sum();
    assert!(cases >= 300, "only {cases} cases");
    assert_eq!(wrong, 0, "variants compared wrongly (see above)");
    assert!(
        right as f64 >= RIGHT_SHARE * cases as f64,
        "{right} of {cases} variants right, below {RIGHT_SHARE}"
    );
}
