//! Page furniture in news copied as text: site chrome, photo captions and credits, promos, video
//! lengths, login and newsletter prompts, bylines and datelines. Marked as ranges, never removed.
//! Also picks the headline, and passes the furniture to [`outlet`] to name the outlet.
//!
//! The rules are patterns of the trade rather than lists of sites: a caption ends in a credit
//! ("Name / Agency", "via Getty Images", "AP Photo/Name") or describes a photo ("left, … right,",
//! "Tuesday, Feb. 1, 2022."); chrome is a short line with an interface verb ("Sign up", "Log in",
//! "Download the … App"); promos start with a shouting label ("READ:", "RELATED:").

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::outlet;
use super::segment::Paragraph;

/// What the furniture says about the article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Furniture {
    /// Sorted, non-overlapping byte ranges.
    pub boilerplate: Vec<Range<usize>>,
    /// The outlet named by the page's own chrome, tagline or dateline.
    pub source: Option<String>,
    /// The headline: the first line that is not furniture, when it is short and not a sentence.
    pub title: Option<String>,
}

pub(super) fn re(s: &str) -> Regex {
    // ASCII word boundaries: Unicode ones keep the regex engine off its fast DFA on non-ASCII
    // text (curly quotes are everywhere in news), which made loading several times slower.
    let s = s.replace(r"\b", r"(?-u:\b)");
    // The patterns are literals of this file, tested below; a broken one is a programming error.
    Regex::new(&s).unwrap_or_else(|e| panic!("boilerplate pattern {s:?}: {e}"))
}

/// Interface phrases that mark a short line as chrome even when it reads like a sentence
/// ("Get browser notifications for breaking news.", "Log in with your credentials").
static CHROME: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:sign (?:up|in|out)|log ?(?:in|out)|download (?:the|our)|get the app|open in app|app open|browser notifications|push notifications|turn on notifications|be the first to know|forgot your|reset your password|create (?:an? )?(?:free )?account|already have an account|your credentials|send us an (?:e-?mail|message)|skip to (?:main )?content|privacy policy|terms of (?:use|service)|all rights reserved|listen to this article|\d+ min(?:ute)? read|enable javascript|ad ?blocker|story continues below|continue in (?:the )?(?:app|browser)|view in (?:the )?app)\b",
    )
});

/// Interface words that also occur in prose ("He did not share this view."): chrome only on a
/// short line that is not a sentence.
static CHROME_WEAK: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:subscribe|subscription|newsletters?|email us|contact us|advertisement|share (?:this|on|via)|copy (?:the )?link|follow us|continue reading|read more|watch live|click here|tap here|recommended stories|most (?:read|popular)|trending now)\b",
    )
});

/// Promo labels at the start of a line, shouted: "READ: …", "RELATED: …", "WATCH: …".
static PROMO_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:READ(?: MORE| ALSO)?|RELATED(?: STORY| STORIES| COVERAGE)?|MORE|WATCH|LISTEN|SEE ALSO|ALSO READ|ALSO|PHOTOS|VIDEO|GALLERY|ADVERTISEMENT|SPONSORED|TRENDING|RECOMMENDED)\s*(?::|$)",
    )
});

/// Promo words opening a line that is not a sentence ("Read more: …", "Related", "Watch CBS News").
static PROMO: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?i:read more|related|read also|also read|see also|more from|more on|recommended|sponsored|advertisement|most read|top stories|watch|listen)\b",
    )
});

/// A video's length at the end of a headline-like line ("… security demands 01:58").
static VIDEO_LENGTH: LazyLock<Regex> = LazyLock::new(|| re(r"(?:^|\s)\d{1,2}:\d{2}(?::\d{2})?$"));

/// Bylines and time stamps ("By Jim Heintz, Associated Press", "Updated 3:45 PM EST").
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:By\s+[A-Z][\p{L}.'-]*(?:\s+(?:[A-Z][\p{L}.'-]*|and|de|van|von))*\s*(?:,.*)?|(?i:updated|published|posted|first published|last updated)\b.*)$",
    )
});

/// A line that is a date (and maybe a time), nothing else.
static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    let month = r"(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?";
    re(&format!(
        r"^(?i:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?:{month}\s+\d{{1,2}}|\d{{1,2}}\s+{month}),?\s+\d{{4}}(?:[,\s]+(?:at\s+)?\d{{1,2}}[:.]\d{{2}}\s*(?i:[ap]\.?m\.?)?(?:\s+[A-Z]{{2,4}})?)?$"
    ))
});

/// Interface labels that make up a whole line: "Share", "Advertisement", "Reuse this content",
/// "Explore more on these topics", "Related Topics", "Image source, Getty Images".
static LABEL_LINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?i:share|share this(?: article| story)?|print|e-?mail|comments?|menu|search|close|save|listen|play|advertisement|ad feedback|reuse this content|explore more on these topics|more on this story|related topics|related coverage|related|read next|up next|next article|top stories|most viewed|gallery|video|photos?|see more|show more|load more|back to top|skip to (?:main )?content|image source\s*,.*|image caption\s*,.*|media caption\s*,.*)[:.]?$",
    )
});

/// A line of rules or underscores separating a story from its notes ("___").
static SEPARATOR: LazyLock<Regex> = LazyLock::new(|| re(r"^[-_*=~#•·. ]{3,}$"));

/// Production credits and standards notes: "Reporting by …; Editing by …", "Our Standards: …".
static PRODUCTION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:(?:Additional )?(?:Reporting|Writing|Editing|Edited|Compiled|Produced|Research|Graphics|Fact-checking)(?: and \w+)? by [A-Z]|(?i:our standards|editorial standards)\b)",
    )
});

/// A short line pointing elsewhere: "Follow AP's coverage … at https://…".
static LINK_LINE: LazyLock<Regex> = LazyLock::new(|| re(r"https?://\S+[.)]?$"));

/// A photo credit ending a line: "Name / Agency", "NAME/AFP via Getty Images",
/// "Name / Sputnik / Kremlin Pool Photo via AP", "(AP Photo/Name)", "Photo: Name", "… via AP".
static CREDIT_END: LazyLock<Regex> = LazyLock::new(|| {
    let cap = r"[A-Z][\p{L}&.'’-]*";
    let name = format!(r"{cap}(?:\s+(?:{cap}|via|of|de|van|von|al|la)){{0,6}}");
    re(&format!(
        r"(?:(?:^|[\s.,;)(]){name}\s*/\s*{name}(?:\s*/\s*{name})*\)?|\bvia\s+{cap}(?:\s+{cap}){{0,3}}\)?|\(?\b(?:{cap}\s+)?Photos?\s*/\s*{name}\)?|\b(?:Photo(?:graph)?|Image|Picture|Credit|Photo credit)s?\s*(?::|by)\s*{name}\)?|[.)]\s*(?:AP|AFP|Reuters|Getty Images|EPA(?:-EFE)?|Bloomberg|Shutterstock|Alamy|Xinhua|TASS|Sipa|Pool)\)?)\s*$"
    ))
});

/// Words of a caption describing a photo: positions of people in it, the AP caption's full date,
/// or the "FILE -" label of an archive picture.
static CAPTION_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:, (?:left|right|center|centre|second (?:from )?(?:left|right)),|\((?:L|R|C|left|right|center|centre)\)|\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (?:Jan|Feb|March|April|May|June|July|Aug|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}, \d{4}\.|^FILE(?: PHOTO)?\s*[-—–:])",
    )
});

/// Cookie notices, whatever their length.
static COOKIES: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\bcookies?\b.*\b(?:use|accept|consent|agree|settings|policy|preferences)\b"));

/// A dateline opening the first paragraph: "WASHINGTON (AP) — ", "MOSCOW, Feb 1 (Reuters) - ",
/// "KYIV, Ukraine — ", "Moscow: ".
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:[^()\n]{0,60}?\((?P<agency>AP|Reuters|AFP|UPI|CNN|dpa|Bloomberg|Xinhua|TASS|[A-Z]{2,6})\)\s*[—–-]{1,2}\s*|\((?P<glued>CNN|AP|Reuters|AFP|UPI)\)\s*|[A-Z][A-Z.'-]+(?:[ ,]+[A-Z][\p{L}.'-]*){0,4}\s*[—–-]{1,2}\s*|[A-Z][\p{L}'-]+(?: [A-Z][\p{L}'-]+){0,2}:\s+)",
    )
});

/// A contributor tagline: "NPR's Frank Langfitt contributed to this report".
static TAGLINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:(?P<outlet>(?:The )?[A-Z][\p{L}&.]*(?: [A-Z][\p{L}&.]*){0,3})(?:'s|’s) [A-Z].{0,200}\bcontributed\b|.{0,200}\b(?:contributed (?:to )?(?:this|the) (?:report|story)|contributed reporting)\b)",
    )
});

/// Longest line that can be chrome; beyond it a line is prose whatever words it uses.
const CHROME_MAX: usize = 120;
/// Longest caption: AP captions run to three sentences.
const CAPTION_MAX: usize = 600;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Chrome,
    Caption,
    /// Short, with no sentence end: a headline, subhead, photo slug or a bit of chrome.
    Short,
    Body,
}

fn ends_like_sentence(s: &str) -> bool {
    let t = s.trim_end_matches(['"', '\'', '\u{201d}', '\u{2019}', ')', ' ', '\u{a0}']);
    t.ends_with(['.', '!', '?', '\u{2026}'])
}

fn classify(line: &str) -> Kind {
    let len = line.chars().count();
    if len <= CAPTION_MAX && (line.contains("ookie") || line.contains("OOKIE")) && COOKIES.is_match(line) {
        return Kind::Chrome;
    }
    if len <= CAPTION_MAX && (CREDIT_END.is_match(line) || CAPTION_WORDS.is_match(line)) {
        return Kind::Caption;
    }
    if len <= 300 && (PRODUCTION.is_match(line) || (len <= 200 && LINK_LINE.is_match(line))) {
        return Kind::Chrome;
    }
    if len <= CHROME_MAX
        && (CHROME.is_match(line)
            || (!ends_like_sentence(line) && (CHROME_WEAK.is_match(line) || PROMO.is_match(line)))
            || PROMO_LABEL.is_match(line)
            || LABEL_LINE.is_match(line)
            || SEPARATOR.is_match(line)
            || VIDEO_LENGTH.is_match(line)
            || (BYLINE.is_match(line) && !ends_like_sentence(line))
            || DATE_LINE.is_match(line))
    {
        return Kind::Chrome;
    }
    if len <= CHROME_MAX && !ends_like_sentence(line) {
        return Kind::Short;
    }
    Kind::Body
}

/// Finds the furniture of an article from its paragraphs.
pub fn analyse(text: &str, paragraphs: &[Paragraph]) -> Furniture {
    // Each paragraph's lines with their kinds.
    let kinds: Vec<Vec<Kind>> = paragraphs
        .iter()
        .map(|p| p.lines.iter().map(|l| classify(&text[l.clone()])).collect())
        .collect();
    let mut marked: Vec<Vec<bool>> = kinds
        .iter()
        .map(|ks| {
            ks.iter()
                .map(|k| matches!(k, Kind::Chrome | Kind::Caption))
                .collect()
        })
        .collect();

    // A block of short lines with chrome or a caption among them is furniture as a whole: the
    // slug over a caption ("Russia Hungary"), the title over a video length, an app banner.
    for ((ks, ms), p) in kinds.iter().zip(marked.iter_mut()).zip(paragraphs) {
        let any = ms.iter().any(|&m| m);
        if any && ks.iter().all(|k| *k != Kind::Body) {
            ms.iter_mut().for_each(|m| *m = true);
        }
        // A stack of three or more labels (section menus, topic tags): navigation, not prose.
        let labels = p.lines.iter().all(|l| {
            let s = &text[l.clone()];
            let words = s.split_whitespace().count();
            s.chars().count() <= 30 && words <= 4 && (words <= 2 || !ends_like_sentence(s))
        });
        if p.lines.len() >= 3 && labels {
            ms.iter_mut().for_each(|m| *m = true);
        }
        // A promo heading ("More on this story", "RELATED COVERAGE") and the short links under it.
        if ks.first() == Some(&Kind::Chrome) {
            for (i, l) in p.lines.iter().enumerate().skip(1) {
                if text[l.clone()].chars().count() <= CHROME_MAX {
                    ms[i] = true;
                }
            }
        }
        // A slug line directly above a caption.
        for i in 1..ks.len() {
            if ks[i] == Kind::Caption && ks[i - 1] == Kind::Short {
                ms[i - 1] = true;
            }
        }
    }

    // The tail of a page: after the last chrome-free prose, short paragraphs between chrome
    // paragraphs belong to the footer ("Forgot your details?" under "Log in…").
    let is_chrome_para = |i: usize| marked[i].iter().all(|&m| m);
    let loose = |i: usize| is_chrome_para(i) || kinds[i].iter().all(|k| *k == Kind::Short);
    let mut tail_start = paragraphs.len();
    while tail_start > 0 && loose(tail_start - 1) {
        tail_start -= 1;
    }
    if let Some(first_chrome) = (tail_start..paragraphs.len()).find(|&i| is_chrome_para(i)) {
        for ms in &mut marked[first_chrome..] {
            ms.iter_mut().for_each(|m| *m = true);
        }
    }

    let mut boilerplate = Vec::new();
    for (p, ms) in paragraphs.iter().zip(&marked) {
        for (l, &m) in p.lines.iter().zip(ms) {
            if m {
                boilerplate.push(l.clone());
            }
        }
    }

    // The headline: the first line that is not furniture, if it is short and not a sentence.
    let first_free = paragraphs
        .iter()
        .zip(&marked)
        .flat_map(|(p, ms)| p.lines.iter().zip(ms.iter()))
        .find(|(_, m)| !**m)
        .map(|(l, _)| l.clone());
    let title = first_free.as_ref().and_then(|l| {
        let s = &text[l.clone()];
        let words = s.split_whitespace().count();
        // Headlines may ask ("Is war coming?") but do not end with a full stop as body lines do.
        let bare = s.trim_end_matches(['"', '\'', '\u{201d}', '\u{2019}', ')', ' ', '\u{a0}']);
        let sentence_end = bare.ends_with(['.', '\u{2026}']);
        (s.chars().count() <= 150 && words >= 2 && !sentence_end && !DATELINE.is_match(s))
            .then(|| s.to_string())
    });

    // The dateline of the first body paragraph.
    let mut dateline_agency = None;
    let first_body = paragraphs.iter().zip(&marked).find(|(p, ms)| {
        !ms.iter().any(|&m| m) && p.range.len() > CHROME_MAX && ends_like_sentence(&text[p.range.clone()])
    });
    if let Some((p, _)) = first_body
        && let Some(c) = DATELINE.captures(&text[p.range.clone()])
        && let Some(m) = c.get(0)
        && p.range.len() > m.end() + 40
    {
        boilerplate.push(p.range.start..p.range.start + m.end());
        dateline_agency = c
            .name("agency")
            .or(c.name("glued"))
            .and_then(|a| outlet::named(a.as_str()));
    }

    // Contributor taglines are the outlet's furniture too.
    let mut tagline_outlet = None;
    for p in paragraphs {
        for l in &p.lines {
            let s = &text[l.clone()];
            if s.len() <= 1200
                && s.contains("contributed")
                && s.chars().count() <= 300
                && let Some(c) = TAGLINE.captures(s)
            {
                boilerplate.push(l.clone());
                if tagline_outlet.is_none() {
                    tagline_outlet = c.name("outlet").and_then(|o| outlet::named(o.as_str()));
                }
            }
        }
    }

    let chrome_outlet = boilerplate
        .iter()
        .find_map(|r| outlet::in_chrome(&text[r.clone()]));

    boilerplate.sort_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::new();
    for r in boilerplate {
        match merged.last_mut() {
            // Overlapping, or lines of one block: one range, so a caption and its slug read as one.
            Some(last) if r.start <= last.end || same_block(&text[last.end..r.start]) => {
                last.end = last.end.max(r.end)
            }
            _ => merged.push(r),
        }
    }
    Furniture {
        boilerplate: merged,
        source: chrome_outlet.or(tagline_outlet).or(dateline_agency),
        title,
    }
}

/// True when `gap` is white space holding at most one line break.
fn same_block(gap: &str) -> bool {
    gap.trim().is_empty() && gap.matches(['\n', '\r']).count() - gap.matches("\r\n").count() <= 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::segment;

    fn run(t: &str) -> (Furniture, Vec<&str>) {
        let ls = segment::lines(t);
        let ps = segment::paragraphs(t, &ls);
        let f = analyse(t, &ps);
        let covered = f.boilerplate.iter().map(|r| &t[r.clone()]).collect();
        (f, covered)
    }

    const BODY: &str = "The minister said on Tuesday that talks would continue next week, and that no deal was near, according to officials.";

    #[test]
    fn credits_in_their_many_forms_make_captions() {
        for credit in [
            "Alexei Nikolsky / AP",
            "JOHN DOE/AFP via Getty Images",
            "Jane Roe / Sputnik / Kremlin Pool Photo via AP",
            "(AP Photo/Evan Vucci)",
            "Photo: Jane Roe/Reuters",
            "Courtesy of the family via Reuters",
        ] {
            let cap = format!("The minister, left, greets a visitor in Brussels on Monday. {credit}");
            let t = format!("{BODY}\n\n{cap}\n\n{BODY}");
            let (_, covered) = run(&t);
            assert_eq!(covered, [cap.as_str()], "{credit}");
            let glued = format!("A crowd gathers outside the ministry in Brussels on Monday.{credit}");
            let t = format!("{BODY}\n\n{glued}\n\n{BODY}");
            assert_eq!(run(&t).1, [glued.as_str()], "{credit}");
        }
    }

    #[test]
    fn prose_with_slashes_and_positions_is_not_a_caption() {
        let t = format!(
            "{BODY}\n\nThe 24/7 news cycle and/or the Biden/Harris ticket were discussed at length by the panel.\n\n{BODY}"
        );
        assert!(run(&t).1.is_empty());
    }

    #[test]
    fn short_prose_with_interface_words_is_story() {
        for line in [
            "He did not share this view.",
            "Related talks are planned.",
            "Watch for more sanctions, he said.",
            "The newsletter was widely read.",
            "Costs, background, and skills vary.",
            "Users must subscribe to vote.",
        ] {
            let t = format!("{BODY}\n\n{line}\n\n{BODY}");
            assert!(run(&t).1.is_empty(), "{line}");
        }
    }

    #[test]
    fn labels_separators_production_credits_and_links() {
        let t = format!(
            "Share\n\n{BODY}\n\nMore on this story\nIs a deal near?\n\n{BODY}\n\n___\n\n\
             Reporting by Jane Roe; Editing by John Doe\n\nFollow our coverage at https://example.com/hub"
        );
        let (_, covered) = run(&t);
        assert_eq!(
            covered,
            [
                "Share",
                "More on this story\nIs a deal near?",
                "___",
                "Reporting by Jane Roe; Editing by John Doe",
                "Follow our coverage at https://example.com/hub"
            ]
        );
        let t = format!("(CNN){BODY}");
        let (f, covered) = run(&t);
        assert_eq!((covered, f.source.as_deref()), (vec!["(CNN)"], Some("CNN")));
    }

    #[test]
    fn chrome_promos_video_lengths_and_bylines() {
        let t = format!(
            "Watch Daily News Live\n\nBy Jane Roe and John Doe, Associated Press\n\nFeb. 1, 2022, 10:08 AM\n\n\
             Leaders meet in Brussels\n\nLeaders meet in Brussels 02:41\n\n{BODY}\n\nRELATED: Another story here\n\n\
             {BODY}\n\nSign up for our morning newsletter\n\nHe declined to comment.\n\nDownload the Daily News App\n\nMore headlines\n\nLog in"
        );
        let (f, covered) = run(&t);
        assert_eq!(
            covered,
            [
                "Watch Daily News Live",
                "By Jane Roe and John Doe, Associated Press",
                "Feb. 1, 2022, 10:08 AM",
                "Leaders meet in Brussels 02:41",
                "RELATED: Another story here",
                "Sign up for our morning newsletter",
                "Download the Daily News App",
                "More headlines",
                "Log in"
            ]
        );
        assert_eq!(f.title.as_deref(), Some("Leaders meet in Brussels"));
        assert_eq!(f.source.as_deref(), Some("Daily News"));
    }

    #[test]
    fn menus_and_tag_lists_are_navigation() {
        let t = format!(
            "World\nU.S.\nPolitics\nBusiness\n\nTalks stall in Geneva\n\n{BODY}\n\nTwo lines\nare not a menu\n\n{BODY}"
        );
        let (f, covered) = run(&t);
        assert_eq!(covered, ["World\nU.S.\nPolitics\nBusiness"]);
        assert_eq!(f.title.as_deref(), Some("Talks stall in Geneva"));
        let (f, _) = run(&format!("Is a deal near?\n\n{BODY}"));
        assert_eq!(f.title.as_deref(), Some("Is a deal near?"));
        let (f, _) = run(&format!("Talks stalled on Tuesday.\n\n{BODY}"));
        assert_eq!(f.title, None, "a sentence is not a headline");
    }

    #[test]
    fn datelines_are_marked_and_name_the_agency() {
        let t = format!("BRUSSELS (AP) — {BODY}");
        let (f, covered) = run(&t);
        assert_eq!(covered, ["BRUSSELS (AP) — "]);
        assert_eq!(f.source.as_deref(), Some("AP"));
        assert_eq!(f.title, None);
        let t = format!("Brussels: {BODY}\n\nKYIV, Ukraine — {BODY}");
        assert_eq!(run(&t).1, ["Brussels: "]);
    }

    #[test]
    fn cookie_notice_and_tagline() {
        let t = format!(
            "We use cookies to improve your experience. By continuing you agree to our cookie policy and \
             to the use of cookies by our partners.\n\n{BODY}\n\nDaily Planet's Lois Lane contributed to this report."
        );
        let (f, covered) = run(&t);
        assert_eq!(covered.len(), 2);
        assert!(covered[1].starts_with("Daily Planet's"));
        assert_eq!(f.source.as_deref(), Some("Daily Planet"));
    }
}
