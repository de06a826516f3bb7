//! Names in one version and not the other (a difference a reporter cares about: who was cut,
//! who was added, whose name is spelled differently). Capitalised words stand in for names
//! until the entities module's recognised names are passed in.

use std::ops::Range;

use super::Prepared;
use super::normalise::KeySet;
use super::stories::capitalised;

/// Runs of name words in `p` (byte ranges, first occurrence of each) with a word that the other
/// version does not have at all, in any case.
pub fn names_only(
    text: &str,
    sentences: &[Range<usize>],
    p: &Prepared,
    other_text: &str,
    other: &Prepared,
) -> Vec<Range<usize>> {
    let names: KeySet<u64> = capitalised(text, sentences, &p.tokens).into_iter().collect();
    // Possessives are the same name: "Putin's" is not a name missing from a text naming Putin.
    let mut possessive = super::normalise::KeyMap::default();
    let mut buf = String::new();
    for (t, txt) in p
        .tokens
        .iter()
        .map(|t| (t, text))
        .chain(other.tokens.iter().map(|t| (t, other_text)))
    {
        if t.cap && !possessive.contains_key(&t.key) {
            super::normalise::normalise_word(&txt[t.range.clone()], &mut buf);
            if let Some(stem) = buf.strip_suffix("'s") {
                possessive.insert(t.key, super::normalise::hash_str(stem));
            }
        }
    }
    let bare = |k: u64| *possessive.get(&k).unwrap_or(&k);
    let theirs: KeySet<u64> = other.keys.iter().map(|&k| bare(k)).collect();
    let is_name = |t: &super::normalise::Token| t.cap && names.contains(&t.key);
    let mut out = Vec::new();
    let mut seen: KeySet<u64> = KeySet::default();
    let mut i = 0;
    while i < p.tokens.len() {
        if !is_name(&p.tokens[i]) {
            i += 1;
            continue;
        }
        let start = i;
        // A name runs on over words separated by spaces only ("Emmanuel Macron", "Ned Price").
        while i + 1 < p.tokens.len()
            && is_name(&p.tokens[i + 1])
            && text[p.tokens[i].range.end..p.tokens[i + 1].range.start]
                .chars()
                .all(|c| c == ' ')
        {
            i += 1;
        }
        let run = &p.tokens[start..=i];
        let key = super::normalise::hash_seq(run.iter().map(|t| t.key));
        if run.iter().any(|t| !theirs.contains(&bare(t.key))) && seen.insert(key) {
            out.push(run[0].range.start..run[run.len() - 1].range.end);
        }
        i += 1;
    }
    out
}
