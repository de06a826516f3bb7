//! Story grouping: the five samples form one story (002 its original); articles on other events
//! stay apart even when they name the same people; `stories --json` lists every article once.

use std::collections::HashSet;
use std::ops::Range;
use std::path::PathBuf;
use std::process::Command;

use copydesk::article::{self, Article};
use copydesk::compare::{Names, group_stories, group_stories_with, stories, stories_with_names};
use copydesk::entities::Analysis;
use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Seeds with hand-marked boilerplate (see tests/fixtures/compare/README.md), then the other events.
fn corpus() -> Vec<Article> {
    let (mut seeds, p) = article::load_paths(&[root().join("seeds")]);
    assert!(p.is_empty());
    for a in &mut seeds {
        let n = &a.file_name()[..3];
        let list =
            std::fs::read_to_string(root().join(format!("compare/boilerplate/{n}.txt"))).unwrap_or_default();
        let mut bp: Vec<Range<usize>> = list
            .lines()
            .filter(|l| !l.trim().is_empty())
            .flat_map(|l| {
                a.text
                    .match_indices(l)
                    .map(|(i, m)| i..i + m.len())
                    .collect::<Vec<_>>()
            })
            .collect();
        bp.sort_by_key(|r| r.start);
        a.boilerplate = bp;
    }
    let (mut others, p) = article::load_paths(&[root().join("compare/other")]);
    assert!(p.is_empty());
    seeds.append(&mut others);
    seeds
}

fn names_of(arts: &[Article], idx: &[usize]) -> Vec<String> {
    let mut v: Vec<String> = idx.iter().map(|&i| arts[i].file_name().to_string()).collect();
    v.sort();
    v
}

fn check(arts: &[Article], s: &copydesk::compare::Stories) {
    let seeds: Vec<usize> = (0..5).collect();
    let story = s
        .stories
        .iter()
        .find(|st| st.members.contains(&0))
        .expect("seed story");
    assert_eq!(story.members, seeds, "{:?}", names_of(arts, &story.members));
    assert!(arts[story.original].file_name().starts_with("002"));
    let storm = s
        .stories
        .iter()
        .find(|st| {
            st.members
                .iter()
                .any(|&i| arts[i].file_name().starts_with("storm"))
        })
        .expect("storm story");
    assert_eq!(
        names_of(arts, &storm.members),
        ["storm-wire-cut.txt", "storm-wire-full.txt"]
    );
    assert_eq!(arts[storm.original].file_name(), "storm-wire-full.txt");
    assert_eq!(s.stories.len(), 2);
    assert_eq!(
        names_of(arts, &s.unrelated),
        [
            "lavrov-blinken-geneva-friday.txt",
            "putin-biden-call-saturday.txt",
            "trial-verdict-thursday-harlow.txt",
            "trial-verdict-thursday-okafor.txt"
        ]
    );
}

#[test]
fn samples_one_story_other_events_apart() {
    let arts = corpus();
    check(&arts, &stories(&arts));
}

#[test]
fn with_the_loader_as_it_is() {
    let (arts, p) = article::load_paths(&[root().join("seeds"), root().join("compare/other")]);
    assert!(p.is_empty());
    check(&arts, &stories(&arts));
}

#[test]
fn with_recognised_names() {
    let arts = corpus();
    check(&arts, &group_stories(&arts));
    let (arts, p) = article::load_paths(&[root().join("seeds"), root().join("compare/other")]);
    assert!(p.is_empty());
    check(&arts, &group_stories(&arts));
}

#[test]
fn given_analyses_are_used_for_names() {
    let arts = corpus();
    // No entities at all: NPR's report (joined to the AP copies by names, not wording) falls out,
    // so the recognised names, not capitalised words, decided it above.
    let none = vec![Analysis::default(); arts.len()];
    let s = group_stories_with(&arts, Some(&none));
    let story = s
        .stories
        .iter()
        .find(|st| st.members.contains(&0))
        .expect("story");
    assert!(!story.members.contains(&3), "{:?}", story.members);
    assert!(
        story.members.contains(&1) && story.members.contains(&2),
        "wire copies by wording"
    );
}

#[test]
fn recognised_names_hook_is_used() {
    let arts = corpus();
    // Names that tie nothing together: NPR's report then has no names in common with the AP
    // copies, so it falls out of the story; wire copies stay linked by their wording.
    let names = Names(
        arts.iter()
            .enumerate()
            .map(|(i, _)| vec![format!("Person{i}")])
            .collect(),
    );
    let s = stories_with_names(&arts, Some(&names));
    let story = s
        .stories
        .iter()
        .find(|st| st.members.contains(&0))
        .expect("story");
    assert!(!story.members.contains(&3), "NPR joins only through names");
    assert!(story.members.contains(&1) && story.members.contains(&2));
}

#[test]
fn every_article_once_in_json() {
    let out = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(["stories", "--json"])
        .arg(root().join("seeds"))
        .arg(root().join("compare/other"))
        .output()
        .expect("run");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).expect("json");
    let mut seen = Vec::new();
    for st in v["stories"].as_array().expect("stories") {
        let m = st["members"].as_array().expect("members");
        assert!(m.len() >= 2);
        assert!(m.contains(&st["original"]));
        seen.extend(m.iter().map(|x| x.as_str().expect("path").to_string()));
    }
    seen.extend(
        v["unrelated"]
            .as_array()
            .expect("unrelated")
            .iter()
            .map(|x| x.as_str().expect("p").to_string()),
    );
    let set: HashSet<&String> = seen.iter().collect();
    assert_eq!(set.len(), seen.len(), "each once");
    assert_eq!(seen.len(), 11);
    let prefix = root().join("seeds").to_string_lossy().into_owned();
    assert!(
        seen.iter().any(|p| p.starts_with(&prefix)),
        "paths as list --json prints them"
    );
}

#[test]
fn no_articles_is_exit_1() {
    let dir = tempfile::tempdir().expect("tmp");
    let out = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(["stories", "--json"])
        .arg(dir.path())
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
}

/// Pairwise precision and recall of story grouping on the development corpus
/// (tests/fixtures/corpus: a folder for each event, and `unrelated/`, each article its own
/// event), held to floors a little under what grouping reached when the floors were set
/// (P 0.858, R 0.911 on 213 same-event pairs). Independent reports of an event told in their
/// own words (one topic, some of the same names, no date against it) count for recall.
#[test]
fn development_corpus_pairwise_precision_and_recall() {
    let dir = root().join("corpus");
    let (arts, problems) = article::load_paths(&[dir.join("events"), dir.join("unrelated")]);
    assert!(problems.is_empty(), "{problems:?}");
    let event = |a: &Article| {
        let p = std::path::Path::new(&a.path);
        let parent = p
            .parent()
            .and_then(|d| d.file_name())
            .unwrap()
            .to_string_lossy()
            .to_string();
        if parent == "unrelated" {
            a.path.clone()
        } else {
            parent
        }
    };
    let s = group_stories(&arts);
    let mut story = vec![usize::MAX; arts.len()];
    for (k, st) in s.stories.iter().enumerate() {
        for &m in &st.members {
            story[m] = k;
        }
    }
    let (mut gold, mut pred, mut both) = (0usize, 0usize, 0usize);
    for i in 0..arts.len() {
        for j in i + 1..arts.len() {
            let same = event(&arts[i]) == event(&arts[j]);
            let grouped = story[i] != usize::MAX && story[i] == story[j];
            gold += same as usize;
            pred += grouped as usize;
            both += (same && grouped) as usize;
        }
    }
    let (p, r) = (both as f64 / pred.max(1) as f64, both as f64 / gold.max(1) as f64);
    eprintln!("corpus grouping: {gold} gold pairs, {pred} grouped, P {p:.3} R {r:.3}");
    assert!(gold > 150, "the corpus has its events: {gold} pairs");
    assert!(p >= 0.84, "precision {p:.3}");
    assert!(r >= 0.89, "recall {r:.3}");
}
