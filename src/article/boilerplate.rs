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
use serde::Serialize;

use super::outlet;
use super::segment::Paragraph;

/// What kind of furniture a range is. `list --json` names them in `"boilerplate_kinds"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A photo caption, with its credit when the two are one line.
    Caption,
    /// A photo or image credit on its own ("Alexei Nikolsky / AP", "Image source, Getty Images").
    Credit,
    /// Who wrote it and when: "By …" lines, staff lines, time stamps, contributor taglines.
    Byline,
    /// The place and wire opening the first paragraph ("WASHINGTON (AP) — ").
    Dateline,
    /// Links to other stories: "READ MORE: …", "SEE ALSO", related coverage.
    Promo,
    /// Asks of the reader: newsletters, subscriptions and their prices, sign-in, apps, cookies.
    Prompt,
    /// The site's own interface: navigation, share bars, labels, separators.
    Chrome,
    /// Market or score strips.
    Ticker,
    /// Copyright and standards lines, terms and privacy links.
    Footer,
    /// A video player's title and length, "WATCH" slugs.
    Video,
    /// "ADVERTISEMENT", "Ad Feedback", "Story continues below".
    Advertisement,
}

impl Kind {
    /// The name `list --json` uses.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Caption => "caption",
            Kind::Credit => "credit",
            Kind::Byline => "byline",
            Kind::Dateline => "dateline",
            Kind::Promo => "promo",
            Kind::Prompt => "prompt",
            Kind::Chrome => "chrome",
            Kind::Ticker => "ticker",
            Kind::Footer => "footer",
            Kind::Video => "video",
            Kind::Advertisement => "advertisement",
        }
    }

    /// How a reader's status bar names it.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Caption => "photo caption",
            Kind::Credit => "photo credit",
            Kind::Byline => "byline",
            Kind::Dateline => "dateline",
            Kind::Promo => "promo",
            Kind::Prompt => "reader prompt",
            Kind::Chrome => "site chrome",
            Kind::Ticker => "ticker",
            Kind::Footer => "footer",
            Kind::Video => "video",
            Kind::Advertisement => "advertisement",
        }
    }
}

/// What the furniture says about the article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Furniture {
    /// Sorted, non-overlapping byte ranges.
    pub boilerplate: Vec<Range<usize>>,
    /// The kind of each range of `boilerplate`.
    pub kinds: Vec<Kind>,
    /// The outlet named by the page's own chrome or tagline (never by a dateline: the wire
    /// credited there is the agency).
    pub source: Option<String>,
    /// The headline: the first line that is not furniture, when it is short and not a sentence.
    pub title: Option<String>,
    /// The writer named by a "By …" line.
    pub byline: Option<String>,
    /// The wire credited by the dateline, the byline, a staff line or a copyright line.
    pub agency: Option<String>,
}

pub(super) fn re(s: &str) -> Regex {
    // ASCII word boundaries: Unicode ones keep the regex engine off its fast DFA on non-ASCII
    // text (curly quotes are everywhere in news), which made loading several times slower.
    let s = s.replace(r"\b", r"(?-u:\b)");
    // The patterns are literals of this file, tested below; a broken one is a programming error.
    Regex::new(&s).unwrap_or_else(|e| panic!("boilerplate pattern {s:?}: {e}"))
}

/// Asks of the reader that mark a short line whatever else it says ("Get browser notifications
/// for breaking news.", "Log in with your credentials", "Subscribe for $1 a week").
static PROMPT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:sign (?:up|in|out)|log ?(?:in|out)|download (?:the|our)|get the app|open in app|app open|browser notifications|push notifications|turn on notifications|be the first to know|forgot your|reset (?:your )?password|create (?:an? )?(?:free )?account|already have an account|already a subscriber|your credentials|enable javascript|ad ?blocker|continue in (?:the )?(?:app|browser)|view in (?:the )?app|unlimited (?:digital )?access|subscribers? only|for subscribers|(?:delivered |sent )?(?:straight )?to your inbox|(?:e-?mails?|newsletters?) (?:&|and) alerts|(?:your )?(?:web )?browser is (?:no longer|not) supported|(?:IE|internet explorer) ?\d* is (?:no longer |not )?supported|update your browser|send (?:us )?your (?:stories|story tips|news tips|tips|photos|videos))\b",
    )
});

/// A comment form's lines: its heading or button opening the line ("Leave a Reply", "Click to
/// comment"), its notes on the e-mail address and the required fields.
static COMMENT_FORM: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:click (?:here )?to comment|leave a (?:reply|comment)|post a comment|add a comment|be the first to comment|comments are closed|join the (?:conversation|discussion)|have your say|post your comments?|notification settings)\b|\b(?:your email address will not be published|required fields are marked)\b",
    )
});

/// "Follow us on Facebook", "Follow Harbour Post on X and Instagram", "Join us on WhatsApp": a
/// social prompt, opening the line as an imperative (prose says "follow him on Twitter").
static FOLLOW: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?i:follow|like|join|find)\s+(?:us|[A-Z][\p{L}&.'’-]*(?:\s+[A-Z][\p{L}&.'’-]*){0,4})\s+on\s+(?i:our\s+)?(?i:official\s+)?(?i:facebook|fb|twitter|x|instagram|ig|insta|linkedin|whatsapp|telegram|youtube|tiktok|threads|google news|bluesky|social media)\b",
    )
});

/// A price per week or month: a paywall's offer when the line is not a sentence of the story.
static PRICE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:[$£€₹]|\bUS\$|\bA\$|\bC\$)\s?\d+(?:[.,]\d{2})?\s*(?:/|\ba\b|\bper\b|\beach\b)\s*(?i:week|wk|month|mo|year|yr)\b|\b\d+[¢p]\s*(?:/|\ba\b|\bper\b)\s*(?i:week|day)\b",
    )
});

/// Interface phrases of the site itself, on a short line.
static CHROME: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:skip (?:to )?(?:the )?(?:main )?(?:content|navigation|sidebar|footer|search|menu)|skip navigation|back to top(?: button)?|listen to this article|\d+(?:\s*[-–]\s*\d+)?\s*min(?:ute)?s?\.? read|(?:estimated )?read(?:ing)? time\s*:?\s*\d+(?:\s*[-–]\s*\d+)?\s*min(?:ute)?s?|send us an (?:e-?mail|message)|jump to comments|text size|toggle (?:menu|navigation))\b",
    )
});

/// The site's notices about itself: errors ("This feature is currently unavailable. Please try
/// again later.") and a document viewer's pager ("You are on page 1 of 23").
static NOTICE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:(?:please )?try again later|(?:this )?video (?:has )?failed to load|try refreshing your browser|(?:this )?(?:feature|content|video|page) is (?:currently |temporarily )?unavailable|something went wrong|you are on page \d+\s*of \d+)\b",
    )
});

/// Copyright and standards lines: footers whatever their length (up to a short paragraph).
static FOOTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:^(?:©|\(c\)|copyright\b)|©\s*\d{4}|\bcopyright\s*(?:©\s*)?\d{4}|\bis solely responsible for all content\b|\ball rights reserved\b|\bmay not be (?:published|reproduced)(?:,| or) (?:broadcast|rewritten|redistributed|distributed)\b|^(?:privacy (?:policy|notice)|terms (?:of (?:use|service)|and conditions)|cookie (?:policy|settings)|accessibility|sitemap|about us|contact us|careers)(?:\s*[|·•/]\s*.*)?$|^(?:our|editorial) standards\b|\bfor (?:your )?personal,? non-?commercial use\b|\bthis archived (?:news )?(?:story|article|content)\b|^this (?:report|story|article) (?:by .{1,40}? )?was (?:first )?published\b)",
    )
});

/// A production credit in brackets at the end of a line.
static TRAILING_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    // Any white space between the words: no-break and thin spaces and line breaks are layout.
    re(
        r"\((?:Additional\s+|additional\s+)?(?:Reporting|reporting|Writing|Editing|Compiled)\s+by\s+[A-Z][^()]+\)$",
    )
});

/// A time stamp inside a line of page metadata: "PTI | New Delhi | Updated: 09-01-2026 09:48 IST",
/// "Jane Roe (@janeroe) Published May 20, 2022 | 12:57 PM".
static STAMPED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:published|updated|posted|created|last modified|first published)\b:?\s*(?:on\s+|at\s+)?(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\b)",
    )
});

/// A navigation bar run together on one line: "Sports Youth Sports Professional Sports More
/// Sports", one capitalised word three times or more among section names.
fn nav_bar(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.len() < 6
        || !words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
    {
        return false;
    }
    // Headlines in title case have their small words ("Is", "A", "About"); menus not.
    const SMALL: &[&str] = &[
        "a", "an", "the", "is", "are", "of", "in", "to", "for", "on", "at", "about", "with", "as", "by",
        "from", "after", "over",
    ];
    !words.iter().any(|w| SMALL.contains(&w.to_lowercase().as_str()))
        && words
            .iter()
            .any(|w| words.iter().filter(|x| *x == w).count() >= 3)
}

/// A weather widget's line: two temperatures or more ("Sunny. H 72° L 46°", "65° / 52°").
fn weather(line: &str) -> bool {
    line.matches('°').count() >= 2 && line.split_whitespace().count() <= 10
}

/// "2 days ago" closing a line: when it was posted.
static AGO: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\d+\s*(?:[smhdwy]|mo|sec|secs|seconds?|min|mins|minutes?|hrs?|hours?|days?|weeks?|months?|years?) ago$",
    )
});

/// Links a footer is made of; two or more on a short line make it a footer.
static FOOTER_LINKS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:privacy (?:policy|notice|rights|settings)|terms (?:of (?:use|service)|and conditions)|contact us|about us|cookie (?:policy|settings|preferences)|accessibility|site ?map|careers|advertise with us|interest-based ads|do not sell|manage preferences|help centre|help center|corrections)\b",
    )
});

/// Time stamps of every form: "June 19, 2017 / 12:42 PM / 2 months ago", "2023-10-02 13:57:45",
/// "2025.01.01 11:06 GMT+8", "Tuesday, Oct 25, 2022", "2 months ago".
fn stamp(line: &str) -> bool {
    // WORDS[..NAMED] name months and days; with am and pm, WORDS[..DATED] date a line.
    const NAMED: usize = 41;
    const DATED: usize = 45;
    const WORDS: &[&str] = &[
        "jan",
        "january",
        "feb",
        "february",
        "mar",
        "march",
        "apr",
        "april",
        "may",
        "jun",
        "june",
        "jul",
        "july",
        "aug",
        "august",
        "sep",
        "sept",
        "september",
        "oct",
        "october",
        "nov",
        "november",
        "dec",
        "december",
        "mon",
        "monday",
        "tue",
        "tues",
        "tuesday",
        "wed",
        "wednesday",
        "thu",
        "thur",
        "thurs",
        "thursday",
        "fri",
        "friday",
        "sat",
        "saturday",
        "sun",
        "sunday",
        "am",
        "pm",
        "a.m",
        "p.m",
        "ago",
        "at",
        "on",
        "and",
        "min",
        "mins",
        "minute",
        "minutes",
        "hr",
        "hrs",
        "hour",
        "hours",
        "day",
        "days",
        "week",
        "weeks",
        "month",
        "months",
        "year",
        "years",
        "updated",
        "published",
        "posted",
        "last",
        "first",
        "today",
        "yesterday",
        "gmt",
        "utc",
        "bst",
        "cet",
        "cest",
        "ist",
        "est",
        "edt",
        "cst",
        "cdt",
        "mst",
        "mdt",
        "pst",
        "pdt",
        "et",
        "pt",
        "aest",
        "aedt",
        "hkt",
        "jst",
    ];
    let tokens: Vec<&str> = line
        .split(|c: char| {
            c.is_whitespace() || matches!(c, ',' | '/' | '|' | '(' | ')' | '-' | '–' | '—' | '•' | '·' | '+')
        })
        .map(|t| t.trim_matches(|c: char| matches!(c, '.' | ':' | '+')))
        .filter(|t| !t.is_empty())
        .collect();
    if tokens.is_empty() || tokens.len() > 14 {
        return false;
    }
    // A figure, also with an ordinal's ending or a time's am/pm run into it ("27th", "8:06PM").
    let is_num = |t: &str| {
        let lower = t.to_ascii_lowercase();
        let bare = ["st", "nd", "rd", "th", "am", "pm"]
            .iter()
            .find_map(|s| lower.strip_suffix(s))
            .filter(|b| b.ends_with(|c: char| c.is_ascii_digit()))
            .unwrap_or(&lower);
        bare.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ':' | '.' | '+'))
    };
    let figures = tokens.iter().filter(|t| is_num(t)).count();
    let dated = tokens.iter().any(|t| {
        let l = t.to_lowercase();
        WORDS[..DATED].contains(&l.as_str()) || l == "ago" || t.contains(':') || t.matches('.').count() == 2
    }) || line.contains('-') && tokens.iter().any(|t| t.len() == 4 && is_num(t));
    let other = tokens
        .iter()
        .filter(|t| {
            let l = t.to_lowercase();
            let zone = l.len() <= 4 && t.chars().all(|c| c.is_ascii_uppercase());
            !(is_num(t) || WORDS.contains(&l.trim_end_matches('.')) || zone)
        })
        .count();
    let worded = tokens
        .iter()
        .any(|t| WORDS[..NAMED].contains(&t.to_lowercase().as_str()) || t.eq_ignore_ascii_case("ago"));
    (figures >= 2 || (figures >= 1 && worded)) && dated && other <= 2 && other * 3 < tokens.len()
}

/// A link to another story set into the page, its label first and set apart from the
/// headline by a bar, colon or arrow ("Also Read | Lanvale port reopens.", "RELATED: …"), or
/// shouted with the headline after it ("READ ALSO  Calder's new mayor"); a sentence's full
/// stop at its end changes nothing.
static INLINE_PROMO: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\[?(?:(?i:also read|read also|read more|read next|see also|related(?: story| stories| articles?| news| coverage| content)?|more (?:news|stories)|recommended(?: stories)?|don'?t miss|must read|trending(?: now| stories)?|in (?:other|related) news)\s*[|:»›>–—]|(?:READ ALSO|ALSO READ|SEE ALSO|READ MORE|READ NEXT|RELATED|DON'T MISS|MUST READ)\s+\S)",
    )
});

/// A site's insert in brackets, its shouted label first: "[WATCH: …]", "[SIGN UP: …]",
/// "[DOWNLOAD: Free Calder News app]". Prompts when they ask for a sign-up or a download.
static BRACKET_INSERT: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^\[(?:(?P<ask>SIGN UP|SUBSCRIBE|DOWNLOAD|JOIN|REGISTER|GET THE APP)|[A-Z][A-Z'’ ]{1,24}):[^\]]+\]$")
});

/// The label of a video insert: "[WATCH: …]", "[VIDEO: …]".
static VIDEO_WORD: LazyLock<Regex> = LazyLock::new(|| re(r"^\[(?:WATCH|VIDEO|LISTEN|LIVE)\b"));

/// An ask of the reader, opening a line or its last sentence: "Let us know by leaving a comment
/// below", "Subscribe to the Calder Post's newsletters and follow us on …", "Get the latest
/// details online and on air on Channel 4", "Stay tuned to …".
static PITCH: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?i:let us know|tell us (?:what|your|how)|send us (?:a|an|your)|share your (?:thoughts|views|story|stories|photos)|subscribe (?:to|for)|sign up (?:for|to)|follow us|join (?:us|our)|download (?:our|the)|like us on|get (?:the latest|our (?:free )?app|all your|breaking)|stay (?:up to date|informed|tuned|with us)|for (?:the )?latest (?:news|updates|details) (?:on|from|follow))\b",
    )
});

/// A shouted label opening a sentence set into a paragraph: "LIVE updates on Channel 4 from 4
/// p.m.", "WATCH the briefing here".
static SHOUTED_PROMO: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(?:LIVE|WATCH|VIDEO|PHOTOS|LISTEN)\s+(?:updates?|coverage|video|the|here|now|on)\b")
});

/// A pitch's opening line: an imperative or the reader addressed ("Get all your news in one
/// place.", "Journalism for you, free").
static PITCH_OPENING: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?i:get|join|try|start|unlock|enjoy|discover|support|become|stay|download|subscribe|sign up)\b|(?i:\byour?\b|\bfree\b)",
    )
});

/// A button closing a pitch ("Read now", "Start reading", "Subscribe now", "Learn more").
static BUTTON: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?i:read now|start reading|subscribe(?: now| today)?|sign up(?: now| today| for free)?|join (?:now|today|for free)|learn more|get started|try (?:it )?(?:for )?free|start (?:your )?free trial|download (?:now|the app)|install now|get the app)[.!]?$",
    )
});

/// "Story continues below", ad labels: an advertisement's place in the page.
static ADVERT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:advertisement|advertising|ad feedback|ad|sponsored(?: content| stories| links)?|paid (?:content|post)|promoted(?: content)?|story continues (?:below|after)(?: (?:this )?(?:advertisement|ad))?|continue reading (?:below|after) (?:the )?(?:advertisement|ad)|(?:article|story) continue[sd]? below(?: (?:this )?(?:advertisement|ad))?)[\s:.-]*$|\bstory continues below\b|\b(?:this )?advertisement has not loaded\b|\byour article continues below\b",
    )
});

/// Interface words that also occur in prose ("He did not share this view."): furniture only on
/// a short line that is not a sentence. Each with its kind.
static WEAK: LazyLock<[(Regex, Kind); 4]> = LazyLock::new(|| {
    [
        (
            re(r"(?i)\b(?:subscribe|subscription|newsletters?|sign-up|paywall|premium)\b"),
            Kind::Prompt,
        ),
        (
            re(
                r"(?i)\b(?:share (?:this|on|via)|copy (?:the )?link|follow us|email us|click here|tap here|print this|comments? \(\d+\))\b",
            ),
            Kind::Chrome,
        ),
        (
            re(
                r"(?i)\b(?:continue reading|read more|recommended (?:stories|for you|reading)|most (?:read|popular|viewed)|trending (?:now|stories|news|articles)|you (?:may|might) (?:also )?like|more stories|top stories|editor'?s picks|related (?:stories|articles|news|posts|coverage))\b",
            ),
            Kind::Promo,
        ),
        (
            re(r"(?i)\b(?:watch live|watch now|now playing|up next|live updates?)\b"),
            Kind::Video,
        ),
    ]
});

/// Promo labels at the start of a line, shouted: "READ: …", "RELATED: …", "WATCH: …".
static PROMO_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:(?P<promo>READ(?: MORE| ALSO| NEXT)?|RELATED(?: STORY| STORIES| COVERAGE| ARTICLES?| CONTENT)?|MORE(?: FROM \w+| NEWS| STORIES)?|SEE ALSO|ALSO READ|ALSO|PHOTOS|GALLERY|TRENDING(?: STORIES| NOW| NEWS| TOPICS)?|MOST (?:READ|POPULAR|VIEWED|SHARED)(?: STORIES)?|RECOMMENDED(?: STORIES| FOR YOU)?|CLICK HERE|TOP STORIES|MORE STORIES|LATEST(?: NEWS| STORIES)?|YOU MAY ALSO LIKE|DON'T MISS|MUST READ)|(?P<video>WATCH|VIDEO|LISTEN|PODCAST)|(?P<ad>ADVERTISEMENT|SPONSORED))\s*(?::|$)",
    )
});

/// Promo words opening a line that is not a sentence ("Read more: …", "Related", "Watch CBS News").
static PROMO: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:(?P<promo>(?i:read more|related|read also|also read|see also|more from|more on|recommended|most read|top stories|read next|further reading))|(?P<video>(?i:watch|listen))|(?P<ad>(?i:advertisement|sponsored)))\b",
    )
});

/// A video's length at the end of a headline-like line ("… security demands 01:58", "(2:14)").
static VIDEO_LENGTH: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?:^|\s)\(?\d{1,2}:\d{2}(?::\d{2})?\)?$|^(?i:video|watch)\s*(?:\d{1,2}:\d{2})"));

/// Staff lines under a byline: "Associated Press", "AP Science Writer", "Reuters staff",
/// "The Associated Press".
static STAFF_LINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?i:the )?(?i:associated press|agence france-presse|canadian press|press association)$|^(?:The )?(?:Reuters|AFP)$|^(?:The )?(?:Associated Press|AP|Reuters|AFP|Agence France-Presse|Bloomberg(?: News)?|UPI|Press Association|PA|Canadian Press|AAP|CNN|dpa|Xinhua)?(?:\s*[A-Z][a-z]+){0,3}\s*(?:Writers?|Correspondents?|Reporters?|Editors?|staff|Staff|Press|Bureau Chief|Columnist)$|^(?:Staff|Wire)(?: (?:&|and) Wire)? Reports?$|^[a-z]{2,4}(?:/[a-z]{2,4})+$|^[\p{L}. -]{2,40}--?[A-Z]{2,5}$",
    )
});

/// Market tickers and score strips: a short line of several figures with signed changes or
/// percentages ("DOW 34,160.78 ▼ 1.2%", "S&P 500 +0.5%").
static TICKER_MOVE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?:[▲▼△▽↑↓]\s*\d|[+−-]\d+(?:[.,]\d+)?%?|\(\s*[+−-]?\d+(?:\.\d+)?%\s*\)|\d+(?:\.\d+)?%)")
});

/// Bylines and time stamps ("By Jim Heintz, Associated Press", "Updated 3:45 PM EST").
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:(?:By|by|BY)\s+[A-Z][\p{L}.'’-]*(?:\s+(?:[A-Z][\p{L}.'’-]*|and|&|de|van|von|der|da|al|bin|del|la|le))*\s*(?:[,|/–—-].*|\(@\w+\).*|(?i:for|from)\s+(?:(?i:the)\s+)?[A-Z].{0,40})?|(?:From|FROM)\s+(?:the\s+)?(?:Associated Press|AP|Reuters|AFP|Canadian Press|Press Association|PA Media)|[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]*){1,3}\s*,\s*(?:The\s+)?(?:Associated Press|Reuters|AFP|Bloomberg(?: News)?|Canadian Press|Press Association|PA|AAP)|(?:Xinhua|PTI|IANS|ANI|UNI|AP|AFP|Reuters|AAP)\s*[,|]\s*(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},\s+\d{4}|(?i:updated|published|posted|first published|last updated|update)\b.*|(?:Source|Editor|Editors|Writer|Author|Reporter|Reported by|Written by|Edited by)s?:\s*\S.{0,40})$",
    )
});

/// A line that is a date (and maybe a time), nothing else.
static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    let month = r"(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?";
    re(&format!(
        r"^(?i:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?:{month}\s+\d{{1,2}}|\d{{1,2}}\s+{month}),?\s+\d{{4}}(?:[,\s]+(?:at\s+)?\d{{1,2}}[:.]\d{{2}}\s*(?i:[ap]\.?m\.?)?(?:\s+[A-Z]{{2,4}})?)?(?:\s+(?:GMT|UTC|[ECMP][SD]T|IST|BST|AEST|AEDT))?$|^(?i:today|yesterday),?\s+(?:at\s+)?\d{{1,2}}[:.]\d{{2}}\s*(?i:[ap]\.?m\.?)?(?:\s+[A-Z]{{2,4}})?$"
    ))
});

/// Interface labels that make up a whole line: "Share", "Advertisement", "Reuse this content",
/// "Explore more on these topics", "Related Topics", "Image source, Getty Images".
static LABELS: LazyLock<[(Regex, Kind); 6]> = LazyLock::new(|| {
    let line = |body: &str| re(&format!(r"^(?i:{body})[:.]?$"));
    [
        (
            line(
                r"(?:(?:facebook|twitter|email|e-mail|whatsapp|linkedin|pinterest|reddit|print|messenger|telegram|copy link|share)\s*[|·•]?\s*){2,}|next story|previous story|prev story|top|adjust font size|about the author|share|share this(?: article| story| page)?|share on \w+|print|e-?mail|comments?|menu|search|close|save|home|sections?|topics|tags?|trending|play|reuse this content|explore more on these topics|related topics|back to top|skip to (?:main )?content|see more|show more|load more|view comments|leave a comment|follow|bookmark|copy link|link copied|(?:adjust )?font size|\d+ comments?|(?:left |main |site )?menu|sections|more|breaking news|on air now|listen live|connect with us|logo|article content|top news|latest news|you are here:.*|log ?in|sign ?in|register|subscribe|newsletters?|hide transcript|view transcript|transcript|skip to this video now|topic|stories|error|exclusive|byline|publication|save (?:story|article|for later|this (?:story|article))|(?:add |remove )?bookmarks?|play(?: article| video| audio)?|actions|key (?:posts|events|moments)|pinned post(?: from)?|latest posts|loading(?:\.\.\.|…)?|hashtags|enlarge(?: this image)?|camera icon|no comments yet(?:\.\.\.|…|\.)?|show (?:more|less)|(?:leer|ver) en español|lire en français|en español|read (?:this |it )?in (?:english|spanish|french|arabic|hindi|urdu|chinese)",
            ),
            Kind::Chrome,
        ),
        (
            line(r"advertisement|ad feedback|sponsored|ad"),
            Kind::Advertisement,
        ),
        (
            line(
                r"more on this story|related coverage|related(?: stories| articles| content| links)?|read next|next article|top stories|most viewed|most read|popular|gallery|photos?|see also|you might also like|more from \w+(?: \w+)?|must read|editor'?s picks|latest headlines|latest press releases?",
            ),
            Kind::Promo,
        ),
        (
            line(r"video|watch|listen|up next|now playing|media caption\s*,.*"),
            Kind::Video,
        ),
        (
            line(
                r"image source\s*,.*|image copyright\s*,.*|photo credit\s*:.*|(?:photo|image|picture)s?\s*:\s*getty images|getty images",
            ),
            Kind::Credit,
        ),
        (line(r"image caption\s*,.*"), Kind::Caption),
    ]
});

/// A story's topic or tag links run into one line: "Topics: Delhi Police Hoax call Metro".
static TOPIC_LINE: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?i:(?:related )?(?:topics|tags|keywords))\s*:\s*\S.{0,150}$"));

/// The heading of a listing page (a tag, topic, section or archive): "Tag Archives: Kenya",
/// "Entries in Kenya (32)", "Posts tagged elections", "News Archive", "Latest stories", "Latest
/// Lagos News", "Regional News". A short line, not a sentence.
static LISTING: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:(?i:(?:tag|tags|category|categories|topic|topics|label|section|filed under)(?:\s+archives?)?\s*[:»>|]\s*.{1,40}|(?:[\p{L}-]+\s){0,2}archives?(?:\s*[:»|]\s*.{1,40})?|entries (?:in|for|tagged|from|about) .{1,40}|posts (?:tagged|labell?ed|filed under|with (?:the )?label|in (?:the )?category) .{1,40}|showing posts (?:with label|for) .{1,60}|(?:the )?latest(?:\s[\p{L}&'’-]+){0,2}\s(?:news|stories|headlines|updates|articles))|(?:[A-Z][\p{L}&'’-]*\s){1,2}(?:News|NEWS))(?:\s*\(\d+\))?$",
    )
});

/// A count standing for a gallery or a tally: "5 photos", "views 355", "205 total views today",
/// "12 Comments", "Shares: 1.2K".
static COUNT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:\d[\d.,]*\s*[km]?\s+(?:total\s+)?(?:photos?|images?|pictures?|videos?|views?|comments?|shares?|reads?|likes?|reactions?)(?:\s+today)?|(?:views?|comments?|shares?|reads?|photos?|likes?)\s*:?\s*\d[\d.,]*\s*[km]?)$",
    )
});

/// "W140 Full Story", "Read full story »": a teaser's link to the story.
static FULL_STORY: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^(?:\S+\s+)?(?:read\s+(?:the\s+)?)?full\s+(?:story|article)\s*[»›>→]*$"));

/// A line of rules or underscores separating a story from its notes ("___").
static SEPARATOR: LazyLock<Regex> = LazyLock::new(|| re(r"^[-_*=~#•·. ]{3,}$"));

/// Production credits: "Reporting by …; Editing by …".
static PRODUCTION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\(?(?:(?:Additional|ADDITIONAL) (?i:reporting)|Reporting|Writing|Editing|Edited|Compiled|Produced|Research|Graphics|Fact-checking)(?: and \w+)? (?i:by) [A-Z]",
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
        r"(?:(?:^|[\s.,;)(]){name}\s*/\s*{name}(?:\s*/\s*{name})*\)?|\bvia\s+{cap}(?:\s+{cap}){{0,3}}(?:,\s*(?:File|Pool))?\)?|\((?:AAP|AP|AFP|Reuters|Getty Images|Supplied|ABC(?:\s+[A-Z][\p{{L}}]*){{0,2}}|[A-Z]{{2,6}}(?:\s+[A-Z][\p{{L}}]*)?|Flickr|Instagram|Twitter|Facebook|Wikimedia Commons)\s*:\s*{name}\)|\(?\b(?:{cap}\s+)?Photos?\s*/\s*{name}\)?|\b(?:Photo(?:graph)?|Image|Picture|Credit|Photo credit)s?\s*(?::|by)\s*{name}\)?|[.)]\s*(?:AP|AFP|Reuters|Getty Images|EPA(?:-EFE)?|Bloomberg|Shutterstock|Alamy|Xinhua|TASS|Sipa|Pool)\)?|\((?:AP|AFP|Reuters|EPA|Getty) (?:Photo|Images?)\s*/[^()]+\)|[.)]\s+/\s?[A-Z]{{2,8}}|[.)]\s*(?:PTI|IANS|ANI|UNI|AP|AFP|AAP|Xinhua|EPA|Reuters)\s+(?:File\s+)?Photo\)?|\b(?:Source|Supplied|Pictured?|Credit):\s*(?:AAP|AP|AFP|Reuters|Getty Images|Supplied|Bloomberg|Xinhua|PA(?: Media| Wire)?|{cap}(?:\s+{cap}){{0,3}})\.?|(?i:\b(?:featured |photo |image |picture )?(?:image|photo|picture)? ?credits?\s*:.+))\s*$"
    ))
});

/// A wire photo's own credit closing a paragraph: "(AP Photo/Jane Roe)", "(Getty Images/John Doe)".
/// A wire's long caption (the photo, then a summary of the story) still ends with it, so it
/// marks a caption up to twice the usual length.
static AGENCY_PHOTO_END: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\((?:AP|AFP|Reuters|EPA|Getty|PTI|AAP|CP|Xinhua) (?:Photo|Images?)\s*/[^()]{2,60}\)$")
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
        r"^(?:[^()\n]{0,60}?\((?P<agency>AP|Reuters|AFP|UPI|CNN|dpa|Bloomberg|Xinhua|TASS|IANS|PTI|ANI|AAP|[A-Z]{2,8}|[A-Za-z]{2,8}-[A-Za-z]{2,8})\)\s*(?:[—–-]{1,2}|_|:)\s*|[A-Z][\p{L}.'-]+(?:\s[A-Z][\p{L}.'-]+){0,2}\s\([A-Z][\p{L}]+(?:\s[A-Z][\p{L}]+){0,2}\):\s+|\((?P<glued>CNN|AP|Reuters|AFP|UPI)\)\s*|\([A-Z][\p{L}.]+(?:[\s,]+[A-Z][\p{L}.]*){0,4}\)\s*[—–-]{1,2}\s*|[A-Z][A-Z.'-]{2,}(?:\s[A-Z][A-Z.'-]+)*,\s(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s\d{1,2}(?:\s?\((?P<agency2>[A-Za-z]{2,8})\))?\s*(?:[—–:-]{1,2}\s*)?|[A-Z][\p{L}.'-]+(?:\s[A-Z][\p{L}.'-]+){0,2}(?:,\s[A-Z][\p{L}.'-]+(?:\s[A-Z][\p{L}.'-]+){0,2})?,\s(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s?\d{1,2}(?:,\s\d{4})?\s?\((?P<agency3>[A-Z][A-Za-z]{1,7})\)\s*(?:[—–:-]{1,2}\s*)?|[A-Z][\p{L}.'-]+(?:\s[A-Z][\p{L}.'-]+){0,2}(?:,\s[A-Z][\p{L}.'-]+){0,2},\s(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s?\d{1,2}(?:,\s\d{4})?\s*(?:[—–-]{1,2}|_)\s*|[A-Z][A-Z.'-]{2,}(?:\s[A-Z][A-Z.'-]+)*(?:,\s[A-Z][\p{L}.'-]*(?:\s[A-Z][\p{L}.'-]*){0,2})?[,:]\s?(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s?\d{1,2}(?:,\s?\d{4})?\s*(?:[—–-]{1,2}|_)\s*|[A-Z][A-Z.'-]+(?:[\s,]+[A-Z][\p{L}.'-]*){0,4}\s*[—–-]{1,2}\s*|[A-Z][\p{L}'-]+(?:\s[A-Z][\p{L}'-]+){0,2}:\s+)",
    )
});

/// A dateline that names its wire ("GREEN BAY, Wis. (AP) — "): a story's start wherever it
/// stands, also on a page of several stories.
static WIRE_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^[A-Z][\p{L}.'-]*(?:[\s,]+[A-Z\d][\p{L}.'-]*){0,5},?(?:\s\([A-Z][\p{L}. ]{1,30}\))?\s\((?:AP|Reuters|AFP|UPI|dpa|Xinhua|IANS|PTI|ANI|AAP|CP|PA|[A-Za-z]{2,8}-[A-Za-z]{2,8})\)\s*(?:[—–-]{1,2}\s*|_\s*|$)|^[A-Z][\p{L}.'-]*(?:\s[A-Z][\p{L}.'-]*){0,2}(?:,\s[A-Z][\p{L}.'-]*(?:\s[A-Z][\p{L}.'-]*){0,2})?,\s(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s\d{1,2}(?:,\s\d{4})?\s\((?:AP|Reuters|AFP|UPI|dpa|Xinhua|IANS|PTI|ANI|AAP|CP|PA)\)\s*(?:[—–:-]{1,2}\s*)?",
    )
});

/// A wire's sign-off on a line of its own: "- AP", "– Rappler.com", "( Source : PTI )", "(With
/// inputs from agencies)", "SOURCE: Agencies", "[Reuters]", "(File | PTI)", Xinhua's "Enditem".
static SIGN_OFF: LazyLock<Regex> = LazyLock::new(|| {
    let wire = r"(?:AP|AFP|Reuters|REUTERS|PTI|IANS|ANI|UNI|AAP|Xinhua|dpa|Kyodo|Yonhap|Bernama|EFE|ANSA|TASS|PA|CP|Agencies|agencies)";
    re(&format!(
        r"^(?:(?:[•·]\s*)?(?:PTI|IANS|ANI|UNI|AAP|Xinhua|Kyodo|Yonhap|Bernama|EFE|ANSA|TASS)|[A-Z][\p{{L}}]+(?:\s[A-Z][\p{{L}}]+){{0,3}}\s(?:file|handout|pool|staff)\s(?:photo|picture|image)|[-–—]\s*(?:{wire}|[A-Z][\w-]*\.(?:com|net|org|ph|in|ng))|©\s*{wire}|\(\s*(?:Source\s*:\s*)?{wire}\s*\)|\((?i:with (?:additional )?inputs? from) [^()]{{2,50}}\)|(?i:source)\s*:\s*{wire}(?:\s*(?:,|and|&)\s*{wire})*|\[\s*{wire}\s*\]|\((?:File|Representational|Representative)(?: (?:Photo|Image))?\s*[|/]\s*{wire}\)|Enditem|ENDITEM)\.?$"
    ))
});

/// A photo credit or a site's name run into a bracketed dateline, up to its bracket:
/// "Jane Roe/Getty Images(", "iStockphoto/Thinkstock(", "HarbourNews.com(".
static GLUED_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:\p{L}[\p{L}.'’-]*(?:\s[A-Z][\p{L}.'’-]*){0,3}(?:/[A-Z][\p{L}.'’-]*(?:\s[A-Z][\p{L}.'’-]*){0,3})+|[A-Za-z]+\.(?:com|net|org))\(",
    )
});

/// The parts of a range between blank lines (one line may hold several blocks the fragment
/// joiner put together: a headline, its teaser, the next headline), each trimmed.
fn blocks(text: &str, r: Range<usize>) -> Vec<Range<usize>> {
    static BLANK: LazyLock<Regex> = LazyLock::new(|| re(r"\n[ \t\u{a0}]*\n\s*"));
    let mut out = Vec::new();
    let mut at = r.start;
    for m in BLANK.find_iter(&text[r.clone()]) {
        out.push(at..r.start + m.start());
        at = r.start + m.end();
    }
    out.push(at..r.end);
    out.retain(|b| !text[b.clone()].trim().is_empty());
    out
}

/// Whether block `i` of a joined line is a headline set apart by blank lines: headline-like, in
/// capitals at its start, and the block before it (if any) ending as a sentence or a teaser
/// does. Fragments of one sentence joined back (" … before the" / "COVID-19 pandemic, …") are not.
fn headline_joined(text: &str, parts: &[Range<usize>], i: usize) -> bool {
    let s = text[parts[i].clone()].trim();
    headline_like(s)
        && s.chars().next().is_some_and(char::is_uppercase)
        && (i == 0 || {
            let before = &text[parts[i - 1].clone()];
            ends_like_sentence(before) || teaser_end(before)
        })
}

/// A teaser cut off and linked to its story: "… the rebels said the... Read More", "[…]".
fn teaser_end(s: &str) -> bool {
    let t = s.trim_end();
    t.ends_with("[…]") || t.ends_with("[...]") || READ_MORE_TAIL.is_match(t)
}

/// The link closing a teaser cut off: "… the rebels said the... Read More", "…Continue reading »".
static READ_MORE_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:\.\.\.|…)\s*(?P<link>(?i:read more|continue reading|read full (?:story|article)|full story)\s*[»›>→]*)\s*$",
    )
});

/// The link of one teaser run into the next one's headline: "Read More »Voters queue in Lanvale".
static READ_MORE_HEAD: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?i:read more|continue reading)\s*[»›>→]+\s*\p{Lu}"));

/// A contributor tagline: "NPR's Frank Langfitt contributed to this report".
static TAGLINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:(?P<outlet>(?:The\s)?[A-Z][\p{L}&.]*(?:\s[A-Z][\p{L}&.]*){0,3})(?:'s|’s)\s[A-Z].{0,200}\bcontributed\b|.{0,200}\b(?:contributed\s(?:to\s)?(?:this|the)\s(?:report|story)|contributed\sreporting)\b)",
    )
});

/// Longest line that can be chrome; beyond it a line is prose whatever words it uses.
const CHROME_MAX: usize = 120;
/// Longest caption: AP captions run to three sentences.
const CAPTION_MAX: usize = 600;

/// What one line (or one hard-wrapped paragraph) is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Furniture(Kind),
    /// Short, with no sentence end: a headline, subhead, photo slug or a bit of chrome.
    Short,
    Body,
}

impl Class {
    fn kind(self) -> Option<Kind> {
        match self {
            Class::Furniture(k) => Some(k),
            _ => None,
        }
    }
}

fn ends_like_sentence(s: &str) -> bool {
    let t = s.trim_end_matches(['"', '\'', '\u{201d}', '\u{2019}', ')', ' ', '\u{a0}']);
    t.ends_with(['.', '!', '?', '\u{2026}'])
}

/// The line as the rules read it: every run of white space (line breaks of a hard-wrapped or
/// fragment-joined line, no-break and thin spaces, double spaces) one plain space. Layout must
/// not change what a line is.
fn flat(s: &str) -> std::borrow::Cow<'_, str> {
    // One pass over the trimmed line: already flat when its only white space is single spaces.
    let trimmed = s.trim();
    let mut after_space = false;
    let plain = trimmed.chars().all(|c| {
        let ok = if c == ' ' {
            !after_space
        } else {
            !c.is_whitespace()
        };
        after_space = c == ' ';
        ok
    });
    if plain {
        return std::borrow::Cow::Borrowed(trimmed);
    }
    std::borrow::Cow::Owned(s.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// A short line that opens as a credit does: "Photo: Google Maps - Calgary Airport".
static CREDIT_START: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?i:(?:photo|image|picture|video|graphic)s?(?: credit)?\s*:|(?:photo|image) (?:by|courtesy)\b|courtesy(?: of)? [A-Z]|file photo\b)",
    )
});

/// A caption's credit alone on its line, or at most a couple of words beside it.
fn credit_only(line: &str) -> bool {
    let words = line.split_whitespace().count();
    words <= 7 && !ends_like_sentence(line.trim_end_matches(')'))
}

/// A strip of market figures or scores: several figures with changes, and no lower-case words.
fn ticker(line: &str) -> bool {
    let tokens: Vec<&str> = line.split_whitespace().collect();
    let figures = tokens
        .iter()
        .filter(|t| t.bytes().any(|b| b.is_ascii_digit()))
        .count();
    figures >= 3
        && TICKER_MOVE.find_iter(line).count() >= 2
        && tokens.iter().all(|t| {
            t.chars()
                .find(|c| c.is_alphabetic())
                .is_none_or(|c| c.is_uppercase())
        })
}

fn group_kind(c: &regex::Captures, other: Kind) -> Kind {
    if c.name("video").is_some() {
        Kind::Video
    } else if c.name("ad").is_some() {
        Kind::Advertisement
    } else {
        other
    }
}

fn classify(raw: &str) -> Class {
    let line = flat(raw);
    let line = line.as_ref();
    let len = line.chars().count();
    let sentence = ends_like_sentence(line);
    if len <= CAPTION_MAX && (line.contains("ookie") || line.contains("OOKIE")) && COOKIES.is_match(line) {
        return Class::Furniture(Kind::Prompt);
    }
    if (len <= CAPTION_MAX && CREDIT_END.is_match(line))
        || (len <= 2 * CAPTION_MAX && line.ends_with(')') && AGENCY_PHOTO_END.is_match(line))
    {
        return Class::Furniture(if credit_only(line) {
            Kind::Credit
        } else {
            Kind::Caption
        });
    }
    if len <= CAPTION_MAX && CAPTION_WORDS.is_match(line) {
        return Class::Furniture(Kind::Caption);
    }
    if len <= 100 && CREDIT_START.is_match(line) {
        return Class::Furniture(Kind::Credit);
    }
    if len <= 300 && (FOOTER.is_match(line) || (!sentence && FOOTER_LINKS.find_iter(line).nth(1).is_some())) {
        return Class::Furniture(Kind::Footer);
    }
    if len <= 300 && PRODUCTION.is_match(line) {
        return Class::Furniture(Kind::Byline);
    }
    if len <= 200 && LINK_LINE.is_match(line) {
        return Class::Furniture(Kind::Promo);
    }
    // Page code that leaked into the text: template fields ("{{nextVideo.title}}") and data.
    if (line.contains("{{") && line.contains("}}"))
        || ((line.starts_with("{\"") || line.starts_with("[{\"")) && line.ends_with(['}', ']']))
    {
        return Class::Furniture(Kind::Chrome);
    }
    // A teaser's link run into the next headline: the link is marked alone, after.
    if READ_MORE_HEAD.is_match(line) {
        return Class::Short;
    }
    if len <= 300 && INLINE_PROMO.is_match(line) {
        return Class::Furniture(if line.starts_with('[') && VIDEO_WORD.is_match(line) {
            Kind::Video
        } else {
            Kind::Promo
        });
    }
    if len <= 300
        && let Some(c) = BRACKET_INSERT.captures(line)
    {
        return Class::Furniture(if c.name("ask").is_some() {
            Kind::Prompt
        } else if VIDEO_WORD.is_match(line) {
            Kind::Video
        } else {
            Kind::Promo
        });
    }
    if len <= 250 && PITCH.is_match(line) {
        return Class::Furniture(Kind::Prompt);
    }
    if !sentence && TOPIC_LINE.is_match(line) {
        return Class::Furniture(Kind::Chrome);
    }
    if len > CHROME_MAX {
        return Class::Body;
    }
    if BUTTON.is_match(line) {
        return Class::Furniture(Kind::Prompt);
    }
    if ADVERT.is_match(line) {
        return Class::Furniture(Kind::Advertisement);
    }
    if PROMPT.is_match(line)
        || COMMENT_FORM.is_match(line)
        || (PRICE.is_match(line) && (!sentence || WEAK[0].0.is_match(line)))
    {
        return Class::Furniture(Kind::Prompt);
    }
    if CHROME.is_match(line) || NOTICE.is_match(line) {
        return Class::Furniture(Kind::Chrome);
    }
    if let Some(c) = PROMO_LABEL.captures(line) {
        return Class::Furniture(group_kind(&c, Kind::Promo));
    }
    if let Some((_, k)) = LABELS.iter().find(|(r, _)| r.is_match(line)) {
        return Class::Furniture(*k);
    }
    if COUNT.is_match(line) || (len <= 60 && !sentence && LISTING.is_match(line)) {
        return Class::Furniture(Kind::Chrome);
    }
    if FULL_STORY.is_match(line) {
        return Class::Furniture(Kind::Promo);
    }
    if FOLLOW.is_match(line) {
        return Class::Furniture(Kind::Prompt);
    }
    if SEPARATOR.is_match(line) {
        return Class::Furniture(Kind::Chrome);
    }
    if SIGN_OFF.is_match(line) {
        return Class::Furniture(Kind::Credit);
    }
    if !sentence && stamp(line) {
        return Class::Furniture(Kind::Byline);
    }
    if VIDEO_LENGTH.is_match(line) {
        return Class::Furniture(Kind::Video);
    }
    if !sentence {
        if let Some((_, k)) = WEAK.iter().find(|(r, _)| r.is_match(line)) {
            return Class::Furniture(*k);
        }
        if let Some(c) = PROMO.captures(line) {
            // "Watch CBS News" is the site's own link, not a video of the story.
            let k = group_kind(&c, Kind::Promo);
            let site = k == Kind::Video && outlet::in_chrome(line).is_some();
            return Class::Furniture(if site { Kind::Chrome } else { k });
        }
        if (BYLINE.is_match(line) && !by_when(line))
            || STAFF_LINE.is_match(line)
            || AGO.is_match(line)
            || stamp(line)
        {
            return Class::Furniture(Kind::Byline);
        }
        if ticker(line) {
            return Class::Furniture(Kind::Ticker);
        }
        if STAMPED.is_match(line) && line.bytes().any(|b| b.is_ascii_digit()) {
            return Class::Furniture(Kind::Byline);
        }
        if weather(line) || nav_bar(line) || (len <= 60 && line.ends_with(" Logo")) {
            return Class::Furniture(Kind::Chrome);
        }
    }
    if DATE_LINE.is_match(line) {
        return Class::Furniture(Kind::Byline);
    }
    if !sentence {
        return Class::Short;
    }
    Class::Body
}

/// Whether a paragraph's lines are one text wrapped at some width (any width: a caption
/// wrapped at 40 columns is as much one caption as one wrapped at 70), not a stack of lines.
fn flows(text: &str, p: &Paragraph) -> bool {
    if p.lines.len() < 2 {
        return false;
    }
    if !p.breaks_are_ends {
        return true;
    }
    let body = &p.lines[..p.lines.len() - 1];
    let open = body
        .iter()
        .filter(|l| !ends_like_sentence(&text[(*l).clone()]))
        .count();
    let shortest = body
        .iter()
        .map(|l| text[l.clone()].chars().count())
        .min()
        .unwrap_or(0);
    // Wrapped prose has lines that start mid-sentence, in lower case; a stack of headlines not.
    let mid = p.lines[1..]
        .iter()
        .any(|l| text[l.clone()].chars().next().is_some_and(|c| !c.is_uppercase()));
    shortest >= 30 && open * 3 >= body.len() * 2 && (p.lines.len() == 2 || mid || greedy_wrap(text, p))
}

/// The mark a greedy wrap leaves at any width: each line but the last is full, in that the
/// next line's first word would not have fitted on it, in a block as wide as wrapped text is
/// (a stack of short labels is not). With evidence that a line stops mid-sentence (a comma,
/// semicolon or dash at its end, a word such as "of" or "the", a bracket left open), since
/// headlines of much the same length stacked up can also look full. A credit line wrapped at
/// 40 columns ("Reporting by Jane Roe and Li" / "Wei; Editing by Tom Hale") starts its lines
/// with names, which is why the lower-case test of [`flows`] cannot see it.
fn greedy_wrap(text: &str, p: &Paragraph) -> bool {
    let lines = trimmed_lines(text, p);
    if !lines_full(&lines) {
        return false;
    }
    // A line opening with a figure or in lower case goes on with the one before it (news style
    // spells out a number that opens a sentence).
    let goes_on = lines[1..].iter().any(|l| {
        l.chars()
            .next()
            .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit())
    });
    goes_on
        || lines[..lines.len().saturating_sub(1)].iter().any(|l| {
            let last = l.rsplit(char::is_whitespace).next().unwrap_or("").to_lowercase();
            l.ends_with([',', ';', '\u{2014}', '\u{2013}', '-', '('])
                || super::segment::NEVER_LAST.contains(&last.as_str())
                || super::segment::unclosed(l)
        })
}

/// Every line of the paragraph but the last is full: the next line's first word would not
/// have fitted on it, in a block whose widest line is as wide as wrapped text is (35 to 100
/// columns; wider lines are paragraphs written on one line). Any greedy wrap leaves this mark.
fn full_lines(text: &str, p: &Paragraph) -> bool {
    lines_full(&trimmed_lines(text, p))
}

fn trimmed_lines<'t>(text: &'t str, p: &Paragraph) -> Vec<&'t str> {
    p.lines.iter().map(|l| text[l.clone()].trim()).collect()
}

/// [`full_lines`] on the paragraph's lines, trimmed.
fn lines_full(lines: &[&str]) -> bool {
    let len = |s: &str| s.chars().count();
    let widest = lines.iter().map(|l| len(l)).max().unwrap_or(0);
    lines.len() >= 2
        && (35..=100).contains(&widest)
        && lines.windows(2).all(|w| {
            let word = w[1].split_whitespace().next().map_or(0, len);
            len(w[0]) + 1 + word > widest
        })
}

/// Whether a line is furniture that never stands inside a sentence (a byline or time stamp,
/// a credit, a footer, a prompt, an ad label): the fragment joiner keeps it apart.
pub(super) fn standalone_furniture(line: &str) -> bool {
    let flat = flat(line);
    COUNT.is_match(&flat)
        || match classify(line).kind() {
            Some(Kind::Byline | Kind::Credit | Kind::Footer | Kind::Prompt | Kind::Advertisement) => true,
            // A caption that ends in its credit ends there; interface lines of the site.
            Some(Kind::Caption) => CREDIT_END.is_match(&flat),
            Some(Kind::Chrome) => NOTICE.is_match(&flat) || LABELS[0].0.is_match(&flat),
            _ => false,
        }
}

/// The classes of a paragraph's lines. A hard-wrapped paragraph is one line to the rules, so a
/// caption or prompt wrapped at any width is marked the same, and a wrapped line of prose that
/// happens to start "Watch" or end "10:30" is not mistaken for furniture.
fn classify_paragraph(text: &str, p: &Paragraph) -> Vec<Class> {
    if flows(text, p) {
        let whole = classify(&text[p.range.clone()]);
        if whole.kind().is_some() {
            return vec![whole; p.lines.len()];
        }
        // Furniture lines above or below the wrapped prose ("By Jane Roe" over the first
        // paragraph, a headline over its byline) are lines of their own; none in the middle.
        // Only the kinds a line's own form shows: words such as "watch", "$96 a year" or
        // "subscribe" on a wrapped line are the prose's.
        let per: Vec<Class> = p
            .lines
            .iter()
            .map(|l| match classify(&text[l.clone()]) {
                c @ Class::Furniture(Kind::Byline | Kind::Credit | Kind::Caption | Kind::Footer) => c,
                Class::Furniture(_) => Class::Short,
                c => c,
            })
            .collect();
        // Between its edge lines the paragraph is what it is as a whole: a wrapped short text
        // (a comment notice, a teaser without its full stop) stays short on every line, as it
        // is on one line, where a line of it that happens to end a sentence would read as body.
        let mut out = vec![whole; per.len()];
        let lead = per.iter().take_while(|c| c.kind().is_some()).count();
        out[..lead].copy_from_slice(&per[..lead]);
        let trail = per[lead..]
            .iter()
            .rev()
            .take_while(|c| c.kind().is_some())
            .count();
        let n = per.len();
        out[n - trail..].copy_from_slice(&per[n - trail..]);
        return out;
    }
    // Wrapped at a width where the breaks happen to fall after full stops ("…in Moscow on
    // Tuesday." / "Photograph: Jane Roe/AP"): when the whole is a caption, credit or footer by
    // its form, it is that on every line, as it is on one line.
    if full_lines(text, p) {
        let whole = classify(&text[p.range.clone()]);
        if matches!(whole.kind(), Some(Kind::Caption | Kind::Credit | Kind::Footer)) {
            return vec![whole; p.lines.len()];
        }
    }
    p.lines.iter().map(|l| classify(&text[l.clone()])).collect()
}

/// "By Tuesday, officials had…": "by" and a day or month opens prose, not a byline.
fn by_when(line: &str) -> bool {
    const WHEN: &[&str] = &[
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Then",
        "Now",
        "Then,",
        "Now,",
        "Noon",
        "Midnight",
        "Christmas",
        "Easter",
    ];
    let mut w = line.split_whitespace().skip(1);
    w.next()
        .is_some_and(|x| WHEN.contains(&x.trim_end_matches([',', '.'])))
}

/// A line that reads as a headline: four to twenty words, mostly words rather than figures, no
/// full stop at its end, not a list item.
fn headline_like(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    let figures = words
        .iter()
        .filter(|w| w.bytes().any(|b| b.is_ascii_digit()))
        .count();
    let bare = s
        .trim_end_matches(['"', '\'', '\u{201d}', '\u{2019}', ')', ' ', '\u{a0}', '-', '–'])
        .trim_end();
    (4..=20).contains(&words.len())
        && figures * 4 <= words.len()
        && s.chars().count() <= 150
        && !bare.ends_with(['.', ':', ';', ','])
        && !s.trim_start().starts_with(['•', '*', '-', '–', '—', '·'])
        && !s.trim_start().chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// A block of three or more headline-like lines: links to other stories, not the story.
fn headline_list(text: &str, p: &Paragraph) -> bool {
    // Lines of a dash or bullet alone separate the items.
    let items: Vec<&str> = p
        .lines
        .iter()
        .map(|l| &text[l.clone()])
        .filter(|s| s.chars().any(char::is_alphanumeric))
        .collect();
    items.len() >= 3 && p.breaks_are_ends && !flows(text, p) && items.iter().all(|s| headline_like(s))
}

/// "One story  • Another story  • A third": headlines run together with bullets.
fn bullet_headlines(s: &str) -> bool {
    let parts: Vec<&str> = s
        .split(['•', '·'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    parts.len() >= 4
        && parts.iter().filter(|p| p.split_whitespace().count() >= 3).count() * 4 >= parts.len() * 3
}

/// A line that is only a name, maybe with a place: two to six capitalised words ("MARIA DOE",
/// "Andrew Roth in Moscow", "Jane Roe and Li Wei").
fn name_line(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (2..=6).contains(&words.len())
        && words
            .first()
            .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
        && words.iter().all(|w| {
            matches!(*w, "in" | "and" | "at")
                || (w.chars().next().is_some_and(char::is_uppercase)
                    && w.chars()
                        .all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '-' | ',')))
        })
}

/// The kind an unmarked line takes when its block is furniture: the next marked line's in the
/// block (a slug over its caption), else the previous one's.
fn borrowed_kind(kinds: &[Option<Kind>], i: usize) -> Kind {
    kinds[i + 1..]
        .iter()
        .flatten()
        .next()
        .or_else(|| kinds[..i].iter().rev().flatten().next())
        .copied()
        .unwrap_or(Kind::Chrome)
}

/// The units a paragraph is read in after marking, each with its mark: a wrapped paragraph
/// whose lines are all unmarked is one unit (its whole range), any other paragraph its lines.
fn units<'a>(
    text: &str,
    p: &'a Paragraph,
    ms: &'a [Option<Kind>],
) -> Box<dyn Iterator<Item = (Range<usize>, Option<Kind>)> + 'a> {
    if flows(text, p) && ms.iter().all(Option::is_none) {
        Box::new(std::iter::once((p.range.clone(), None)))
    } else {
        Box::new(p.lines.iter().cloned().zip(ms.iter().copied()))
    }
}

/// A date stamp opening the page before anything else ("date 2022-04-14", "2022-04-14 09:30"):
/// when the page was taken or filed, as an archive or a site's header writes it.
static PAGE_STAMP: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?i:date|dated|filed|captured|published|posted|updated)?:?\s*\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?(?:\s+|$)",
    )
});

/// `s` without the date stamp it opens with, if any.
pub(super) fn without_page_stamp(s: &str) -> &str {
    PAGE_STAMP.find(s).map_or(s, |m| &s[m.end()..])
}

/// The page's opening date stamp, and the paragraphs as the rules read them without it: what
/// follows the stamp on its line (a label, a credit, the headline) is a line of its own.
fn page_stamp(text: &str, paragraphs: &[Paragraph]) -> Option<(Range<usize>, Vec<Paragraph>)> {
    let first = paragraphs.first()?;
    let line = first.lines.first()?;
    let m = PAGE_STAMP.find(&text[line.clone()])?;
    let end = line.start + m.end();
    let stamp = line.start..line.start + m.as_str().trim_end().len();
    let mut ps = paragraphs.to_vec();
    let p = &mut ps[0];
    if end >= line.end {
        p.lines.remove(0);
    } else {
        p.lines[0].start = end;
    }
    match p.lines.first() {
        Some(l) => p.range.start = l.start,
        None => {
            ps.remove(0);
        }
    }
    Some((stamp, ps))
}

/// Short labels at the top of a page, under chrome and over the headline: the section, the
/// place tag, the site's name ("Nation, Current Affairs", "Calder County, TX", "The Courier
/// (Lanvale)"). Lines of four words or fewer that are no sentence, between furniture above and
/// a headline-like line below; the headline itself stays.
fn lead_labels(
    text: &str,
    paragraphs: &[Paragraph],
    marked: &mut [Vec<Option<Kind>>],
    furniture_above: bool,
) {
    let mut above = furniture_above;
    let mut run: Vec<(usize, usize)> = Vec::new();
    for (i, p) in paragraphs.iter().enumerate() {
        for (j, l) in p.lines.iter().enumerate() {
            if marked[i][j].is_some() {
                above = true;
                continue;
            }
            let s = flat(&text[l.clone()]);
            let words = s.split_whitespace().count();
            if above && words <= 4 && s.chars().count() <= 40 && !ends_like_sentence(&s) {
                run.push((i, j));
                continue;
            }
            if !run.is_empty() && words >= 4 && headline_like(&s) {
                for (a, b) in run {
                    marked[a][b] = Some(Kind::Chrome);
                }
            }
            return;
        }
    }
}

/// The headline carrying the credit of the photo above it ("Calder mayor opens the new dock
/// (Photo/Lanvale Post)"): the page's first line of text, marked a caption by its credit, that
/// is no sentence without it. Only the credit is furniture; the line is unmarked again, and the
/// credit's range returned.
fn headline_credit(
    text: &str,
    paragraphs: &[Paragraph],
    marked: &mut [Vec<Option<Kind>>],
) -> Option<Range<usize>> {
    let (i, j) = paragraphs.iter().enumerate().find_map(|(i, p)| {
        (0..p.lines.len())
            .find(|&j| !matches!(marked[i][j], Some(k) if k != Kind::Caption))
            .map(|j| (i, j))
    })?;
    let l = paragraphs[i].lines[j].clone();
    let raw = &text[l.clone()];
    if marked[i][j] != Some(Kind::Caption) || raw.contains('\n') {
        return None;
    }
    let at = CREDIT_END.find(raw)?.start();
    let at = if raw[..at].ends_with('(') { at - 1 } else { at };
    let head = raw[..at].trim_end();
    let credit = raw[at..].trim_start();
    // The credit in its brackets or after its label, not a name run on from the words before.
    if !(credit.starts_with('(') || CREDIT_START.is_match(credit))
        || ends_like_sentence(head)
        || !headline_like(head)
    {
        return None;
    }
    marked[i][j] = None;
    Some(l.end - credit.len()..l.end)
}

/// Lines a page shows twice within a few lines: a photo's caption set both under the picture and
/// in its viewer, or cut short ("… and a...") over its full text; and short interface lines
/// doubled ("The Courier - Calder" twice). The page's headline, which pages do repeat, stays.
/// Marked in `marked` when a part is its whole line; the parts' ranges are returned.
fn repeated(
    text: &str,
    paragraphs: &[Paragraph],
    marked: &mut [Vec<Option<Kind>>],
) -> Vec<(Range<usize>, Kind)> {
    struct Part {
        range: Range<usize>,
        at: (usize, usize),
        whole: bool,
        key: String,
    }
    let mut parts: Vec<Part> = Vec::new();
    for (i, p) in paragraphs.iter().enumerate() {
        for (j, l) in p.lines.iter().enumerate() {
            let bs = blocks(text, l.clone());
            let whole = bs.len() == 1;
            for b in bs {
                parts.push(Part {
                    key: flat(&text[b.clone()]).into_owned(),
                    range: b,
                    at: (i, j),
                    whole,
                });
            }
        }
    }
    let free = |p: &Part, marked: &[Vec<Option<Kind>>]| !p.whole || marked[p.at.0][p.at.1].is_none();
    let headline = parts.iter().find(|p| free(p, marked)).map(|p| p.key.clone());
    let mut out = Vec::new();
    let mut taken = vec![false; parts.len()];
    for a in 0..parts.len() {
        let pa = &parts[a];
        let words = pa.key.split_whitespace().count();
        if words < 4 || Some(&pa.key) == headline.as_ref() {
            continue;
        }
        for b in a + 1..parts.len().min(a + 4) {
            let pb = &parts[b];
            // (Each test below needs the second at least about as long as the first.)
            if pb.key.len() + 4 < pa.key.len() || pb.key.chars().count() > CAPTION_MAX {
                continue;
            }
            let cut = pa
                .key
                .strip_suffix("...")
                .or_else(|| pa.key.strip_suffix('…'))
                .map(str::trim_end);
            // Twice in one block; or again with its credit or a viewer's label run into it
            // ("…on Sunday night.Credit: AP", "Camera IconFirefighters hose…").
            let same = pa.key == pb.key && pa.at.0 == pb.at.0;
            let framed = pa.key.len() >= 30
                && pb.key.len() > pa.key.len()
                && pb.key.find(pa.key.as_str()).is_some_and(|at| {
                    let (before, after) = (&pb.key[..at], &pb.key[at + pa.key.len()..]);
                    [before, after].iter().all(|r| {
                        r.trim().is_empty()
                            || matches!(
                                classify(r.trim()).kind(),
                                Some(Kind::Credit | Kind::Chrome | Kind::Caption)
                            )
                    })
                });
            // Cut short over its full text: lines of one block, the full one first in its line.
            let shortened = cut.is_some_and(|c| c.len() >= 30 && pb.key.starts_with(c))
                && pa.at.0 == pb.at.0
                && pa.at.1 + 1 == pb.at.1;
            if !(same || framed || shortened) || !free(pa, marked) || !(free(pb, marked) || framed) {
                continue;
            }
            let kind = if words <= 5 && !ends_like_sentence(&pa.key) {
                Kind::Chrome
            } else {
                Kind::Caption
            };
            for k in [a, b] {
                if !taken[k] {
                    taken[k] = true;
                    out.push((parts[k].range.clone(), kind));
                }
            }
        }
    }
    for (k, p) in parts.iter().enumerate() {
        if taken[k] && p.whole && marked[p.at.0][p.at.1].is_none() {
            marked[p.at.0][p.at.1] = Some(
                out.iter()
                    .find(|(r, _)| *r == p.range)
                    .map_or(Kind::Caption, |(_, k)| *k),
            );
        }
    }
    out
}

/// A promo heading ending its block ("Most Read", "Related Articles") and the teasers under it
/// to the page's end: blocks of short lines (headlines, a teaser cut off with "...", its
/// source and time), none a sentence of the story. A paragraph of prose after the heading, or
/// a line ending a sentence, leaves the rest unmarked.
fn closing_promo_list(text: &str, paragraphs: &[Paragraph], marked: &mut [Vec<Option<Kind>>]) {
    let heading = paragraphs.iter().zip(marked.iter()).rposition(|(p, ms)| {
        let last = flat(&text[p.lines[p.lines.len() - 1].clone()]).into_owned();
        ms.last() == Some(&Some(Kind::Promo))
            && last.split_whitespace().count() <= 6
            && !ends_like_sentence(&last)
    });
    let Some(h) = heading else { return };
    let rest = h + 1..paragraphs.len();
    let teasers = paragraphs[rest.clone()]
        .iter()
        .zip(&marked[rest.clone()])
        .all(|(p, ms)| {
            p.breaks_are_ends
                && !flows(text, p)
                && p.lines.iter().zip(ms).all(|(l, m)| {
                    let s = flat(&text[l.clone()]);
                    m.is_some()
                        || (s.chars().count() <= 160
                            && (!ends_like_sentence(&s) || s.ends_with("...") || s.ends_with('…')))
                })
        });
    if !rest.is_empty() && teasers {
        for ms in &mut marked[rest] {
            ms.iter_mut()
                .filter(|m| m.is_none())
                .for_each(|m| *m = Some(Kind::Promo));
        }
    }
}

/// The lines of a pitch over its button ("Get all your news in one place." / "One app." /
/// "Start reading"): up to three short unmarked lines above a button, from the first that
/// opens as a pitch does. A story's sentence over a lone "Subscribe" stays the story's.
fn pitch_before_button(text: &str, paragraphs: &[Paragraph], marked: &mut [Vec<Option<Kind>>]) {
    let units: Vec<(usize, usize)> = paragraphs
        .iter()
        .enumerate()
        .flat_map(|(i, p)| (0..p.lines.len()).map(move |j| (i, j)))
        .collect();
    for (u, &(i, j)) in units.iter().enumerate() {
        if marked[i][j] != Some(Kind::Prompt)
            || !BUTTON.is_match(&flat(&text[paragraphs[i].lines[j].clone()]))
        {
            continue;
        }
        let above: Vec<(usize, usize)> = units[..u]
            .iter()
            .rev()
            .take(3)
            .take_while(|&&(a, b)| {
                let l = &text[paragraphs[a].lines[b].clone()];
                marked[a][b].is_none() && !l.contains('\n') && flat(l).chars().count() <= 150
            })
            .copied()
            .collect();
        if let Some(top) = above
            .iter()
            .rposition(|&(a, b)| PITCH_OPENING.is_match(&flat(&text[paragraphs[a].lines[b].clone()])))
        {
            for &(a, b) in &above[..=top] {
                marked[a][b] = Some(Kind::Prompt);
            }
        }
    }
}

/// Finds the furniture of an article from its paragraphs.
pub fn analyse(text: &str, paragraphs: &[Paragraph]) -> Furniture {
    let stamped = page_stamp(text, paragraphs);
    let (stamp, paragraphs) = match &stamped {
        Some((r, ps)) => (Some(r.clone()), ps.as_slice()),
        None => (None, paragraphs),
    };
    let classes: Vec<Vec<Class>> = paragraphs.iter().map(|p| classify_paragraph(text, p)).collect();
    let mut marked: Vec<Vec<Option<Kind>>> = classes
        .iter()
        .map(|cs| cs.iter().map(|c| c.kind()).collect())
        .collect();

    // Whether a line of text came before: the page's first is its headline, which no byline
    // takes in.
    let mut text_seen = false;
    for ((cs, ms), p) in classes.iter().zip(marked.iter_mut()).zip(paragraphs) {
        let given = ms.clone();
        // Before the page's first line of text, a longer line among labels ("Sections" over
        // "Dow, S&P 500 close at record highs") is the headline: only labels join the chrome.
        let seen = text_seen;
        let taken = |i: usize| seen || text[p.lines[i].clone()].split_whitespace().count() <= 3;
        let mark_all = |ms: &mut Vec<Option<Kind>>, default: Option<Kind>| {
            for (i, m) in ms.iter_mut().enumerate() {
                if m.is_none() && taken(i) {
                    *m = Some(default.unwrap_or_else(|| borrowed_kind(&given, i)));
                }
            }
        };
        // A block of short lines with furniture among them is furniture as a whole: the slug
        // over a caption ("Russia Hungary"), the title over a video length, an app banner.
        // Not so for bylines: the headline over a byline stays the headline; only a name line
        // over a staff line ("MARIA DOE" over "AP Science Writer") is the byline's.
        let closing_link = |i: usize| FULL_STORY.is_match(&flat(&text[p.lines[i].clone()]));
        let any = ms
            .iter()
            .enumerate()
            .any(|(i, m)| m.is_some_and(|k| k != Kind::Byline) && !closing_link(i));
        if any && cs.iter().all(|c| *c != Class::Body) {
            mark_all(ms, None);
        }
        for i in 0..ms.len() {
            let beside_byline = (i > 0 && given[i - 1] == Some(Kind::Byline))
                || given.get(i + 1).copied().flatten() == Some(Kind::Byline);
            let headline = !text_seen && ms[..i].iter().all(Option::is_some);
            if ms[i].is_none()
                && cs[i] == Class::Short
                && beside_byline
                && !headline
                && name_line(&text[p.lines[i].clone()])
            {
                ms[i] = Some(Kind::Byline);
            }
        }
        text_seen |= ms.iter().any(Option::is_none);
        // A stack of three or more labels (section menus, topic tags): navigation, not prose.
        let labels = p.breaks_are_ends
            && p.lines.iter().all(|l| {
                let s = &text[l.clone()];
                let words = s.split_whitespace().count();
                s.chars().count() <= 30 && words <= 4 && (words <= 2 || !ends_like_sentence(s))
            });
        if p.lines.len() >= 3 && labels {
            mark_all(ms, Some(Kind::Chrome));
        }
        // A list of other stories' headlines: three or more headline-like lines in one block
        // after the page's text has begun, or one line of headlines set apart by bullets.
        if ms.iter().all(Option::is_none) && seen && headline_list(text, p) {
            ms.iter_mut().for_each(|m| *m = Some(Kind::Promo));
        }
        for (i, l) in p.lines.iter().enumerate() {
            if ms[i].is_none() && bullet_headlines(&text[l.clone()]) {
                ms[i] = Some(Kind::Promo);
            }
        }
        // A promo heading ("More on this story", "RELATED COVERAGE") and the short links under it.
        if p.breaks_are_ends
            && let Some(k) = ms.first().copied().flatten()
            && !matches!(k, Kind::Caption | Kind::Credit | Kind::Ticker | Kind::Byline)
            && !closing_link(0)
        {
            for (i, l) in p.lines.iter().enumerate().skip(1) {
                let link = &text[l.clone()];
                if ms[i].is_none()
                    && link.chars().count() <= CHROME_MAX
                    && !link.trim_end().ends_with('.')
                    && taken(i)
                {
                    ms[i] = Some(k);
                }
            }
        }
        // The same under a promo heading inside a block of lines ("By …" / "Most Read Stories"
        // / "- One headline" / "- Another"), up to the first line that is not a short link.
        if p.breaks_are_ends {
            for (i, g) in given.iter().enumerate().skip(1) {
                if *g != Some(Kind::Promo) || closing_link(i) {
                    continue;
                }
                for j in i + 1..ms.len() {
                    let link = text[p.lines[j].clone()].trim_end();
                    if ms[j].is_some() || link.chars().count() > CHROME_MAX || link.ends_with('.') {
                        break;
                    }
                    ms[j] = Some(Kind::Promo);
                }
            }
        }
        // A slug line directly above a caption.
        for i in 1..cs.len() {
            if matches!(cs[i].kind(), Some(Kind::Caption | Kind::Credit)) && cs[i - 1] == Class::Short {
                ms[i - 1] = ms[i];
            }
        }
    }

    // The same list written a paragraph a line: three or more headline-like paragraphs in a row
    // after the page's first text (a page of several stories has prose between its headlines).
    let single = |i: usize, marked: &[Vec<Option<Kind>>]| {
        let p = &paragraphs[i];
        let items = p
            .lines
            .iter()
            .filter(|l| text[(*l).clone()].chars().any(char::is_alphanumeric));
        marked[i].iter().all(Option::is_none)
            && items.clone().count() <= 1
            && items.clone().all(|l| headline_like(&text[l.clone()]))
            && items.count() == 1
    };
    let first_text = marked
        .iter()
        .position(|ms| ms.iter().any(Option::is_none))
        .unwrap_or(0);
    let mut i = first_text + 1;
    while i < paragraphs.len() {
        let run = (i..paragraphs.len()).take_while(|&j| single(j, &marked)).count();
        if run >= 3 {
            for ms in &mut marked[i..i + run] {
                ms.iter_mut().for_each(|m| *m = Some(Kind::Promo));
            }
        }
        i += run.max(1);
    }

    lead_labels(text, paragraphs, &mut marked, stamp.is_some());
    closing_promo_list(text, paragraphs, &mut marked);
    pitch_before_button(text, paragraphs, &mut marked);

    // The tail of a page: after the last chrome-free prose, short paragraphs between chrome
    // paragraphs belong to the footer ("Forgot your details?" under "Log in…").
    let is_marked_para = |i: usize| marked[i].iter().all(Option::is_some);
    // A cut-off story at the page's end opens with its dateline: a story, not the footer.
    let opens_story = |i: usize| {
        paragraphs[i]
            .lines
            .first()
            .is_some_and(|l| WIRE_DATELINE.is_match(&flat(&text[l.clone()])))
    };
    let joined = |i: usize| {
        let p = &paragraphs[i];
        p.lines.iter().any(|l| {
            let parts = blocks(text, l.clone());
            (0..parts.len()).any(|i| headline_joined(text, &parts, i))
        })
    };
    let loose = |i: usize| {
        is_marked_para(i) || (classes[i].iter().all(|c| *c == Class::Short) && !opens_story(i) && !joined(i))
    };
    let mut tail_start = paragraphs.len();
    while tail_start > 0 && loose(tail_start - 1) {
        tail_start -= 1;
    }
    if let Some(first) = (tail_start..paragraphs.len()).find(|&i| is_marked_para(i)) {
        let mut last = marked[first][0].unwrap_or(Kind::Chrome);
        for ms in &mut marked[first..] {
            for m in ms.iter_mut() {
                match m {
                    Some(k) => last = *k,
                    None => *m = Some(last),
                }
            }
        }
    }

    let mut found: Vec<(Range<usize>, Kind)> = stamp.into_iter().map(|r| (r, Kind::Chrome)).collect();
    let headline_credit = headline_credit(text, paragraphs, &mut marked);
    if let Some(credit) = &headline_credit {
        found.push((credit.clone(), Kind::Credit));
    }
    for (p, ms) in paragraphs.iter().zip(&marked) {
        for (l, m) in p.lines.iter().zip(ms) {
            if let Some(k) = m {
                found.push((l.clone(), *k));
            }
        }
    }

    found.extend(repeated(text, paragraphs, &mut marked));

    // The headline: the first line that is not furniture, if it is short and not a sentence.
    let first_free = paragraphs
        .iter()
        .zip(&marked)
        .flat_map(|(p, ms)| p.lines.iter().zip(ms.iter()))
        .find(|(_, m)| m.is_none())
        .map(|(l, _)| l.clone());
    let title = first_free.as_ref().and_then(|l| {
        let end = headline_credit
            .as_ref()
            .filter(|c| l.contains(&c.start))
            .map_or(l.end, |c| c.start);
        let s = flat(&text[l.start..end]);
        let words = s.split_whitespace().count();
        // Headlines may ask ("Is war coming?") but do not end with a full stop as body lines do.
        let bare = s.trim_end_matches(['"', '\'', '\u{201d}', '\u{2019}', ')', ' ', '\u{a0}']);
        let sentence_end = bare.ends_with(['.', '\u{2026}']);
        (s.chars().count() <= 150 && words >= 2 && !sentence_end && !DATELINE.is_match(&s))
            .then(|| s.into_owned())
    });

    // Teasers' links: "Read More" after a teaser cut off, "Read More »" before the next headline.
    for (p, ms) in paragraphs.iter().zip(&marked) {
        for l in p
            .lines
            .iter()
            .zip(ms)
            .filter(|(_, m)| m.is_none())
            .flat_map(|(l, _)| blocks(text, l.clone()))
        {
            let s = &text[l.clone()];
            if let Some(c) = READ_MORE_TAIL.captures(s).and_then(|c| c.name("link")) {
                found.push((l.start + c.start()..l.start + c.end(), Kind::Promo));
            }
            if let Some(h) = READ_MORE_HEAD.find(s) {
                let end = s[..h.end()]
                    .trim_end_matches(|c: char| c.is_alphabetic())
                    .trim_end()
                    .len();
                found.push((l.start..l.start + end, Kind::Promo));
            }
            // A pitch or a station's promo as the last sentence of a line of the story ("…
            // on the way to the scene. LIVE updates on Channel 4 from 4 p.m.").
            if let Some(&gap) = sentence_starts(s).last() {
                let last = &s[gap..];
                if last.chars().count() <= 200 {
                    if PITCH.is_match(last) {
                        found.push((l.start + gap..l.end, Kind::Prompt));
                    } else if SHOUTED_PROMO.is_match(last) {
                        found.push((l.start + gap..l.end, Kind::Promo));
                    }
                }
            }
        }
    }

    // Datelines: any form opening the first body paragraph (its first unmarked line) or a
    // paragraph under a headline, and a dateline naming its wire opening any paragraph (a page
    // may carry several stories).
    let mut agency = None;
    let mut first = true;
    // Every line in page order, with whether it is an unmarked headline (a short line): a
    // paragraph under a headline starts a story, on a page of several stories.
    let headed: Vec<(usize, bool)> = paragraphs
        .iter()
        .zip(&marked)
        .zip(&classes)
        .flat_map(|((p, ms), cs)| {
            p.lines.iter().zip(ms.iter().zip(cs)).map(|(l, (m, c))| {
                let parts = blocks(text, l.clone());
                let joined = parts.len() > 1 && headline_joined(text, &parts, parts.len() - 1);
                (
                    l.start,
                    m.is_none() && (*c == Class::Short || headline_like(&text[l.clone()]) || joined),
                )
            })
        })
        .collect();
    let under_headline = |start: usize| {
        let i = headed.partition_point(|(s, _)| *s < start);
        i > 0 && headed[i - 1].1
    };
    // Where a paragraph can start: each unmarked line of a paragraph of lines, the first
    // unmarked line of wrapped prose (with the prose up to its end), and a line of it under a
    // headline across a blank line (a teaser joined to its headline).
    let starts = paragraphs.iter().zip(&marked).flat_map(|(p, ms)| {
        let unmarked = p
            .lines
            .iter()
            .zip(ms)
            .filter(|(_, m)| m.is_none())
            .map(|(l, _)| l.clone());
        let wrapped = flows(text, p);
        let last_free = p
            .lines
            .iter()
            .zip(ms)
            .rev()
            .find(|(_, m)| m.is_none())
            .map(|(l, _)| l.end);
        let lines = &p.lines;
        let teaser = move |l: &Range<usize>| {
            let i = lines.iter().position(|x| x.start == l.start).unwrap_or(0);
            i > 0 && text[lines[i - 1].end..l.start].matches('\n').count() >= 2 && under_headline(l.start)
        };
        unmarked
            .enumerate()
            .filter(move |(i, l)| !wrapped || *i == 0 || teaser(l))
            .map(move |(_, l)| {
                if wrapped {
                    l.start..last_free.unwrap_or(l.end)
                } else {
                    l
                }
            })
    });
    // A headline joined to its teaser across a blank line, as one line: the teaser starts under
    // the headline.
    let starts = starts.flat_map(|r| {
        let parts = blocks(text, r.clone());
        let mut out = vec![(r.clone(), false)];
        out.extend(
            (1..parts.len())
                .filter(|&i| headline_joined(text, &parts, i - 1))
                .map(|i| (parts[i].start..r.end, true)),
        );
        out
    });
    for (r, joined) in starts {
        let raw = &text[r.clone()];
        // Prose, or a short paragraph (a story cut off, an opening ending in a colon) that a
        // dateline naming its wire opens.
        // A long paragraph is prose also when the page cuts it off mid-sentence.
        let prose = raw.len() > CHROME_MAX && (ends_like_sentence(raw) || teaser_end(raw) || raw.len() > 400);
        if !prose && !WIRE_DATELINE.is_match(&flat(raw)) {
            continue;
        }
        // Read with its white space flattened (a dateline cut by a fragment's blank line or a
        // wrap, "COLUMBUS, Ohio" / "(AP) — …", is the same dateline), offsets mapped back.
        let rest = flat(raw);
        let rest = rest.as_ref();
        let back = |end: usize| r.start + raw_offset(raw, end);
        // A byline run into the first paragraph ("By Jane Roe WASHINGTON (AP) — …", "By Jane
        // Roe The council voted…"), as pages copied without their line breaks have it.
        let by = if first { byline_prefix(rest) } else { 0 };
        if by > 0 {
            found.push((r.start..back(by), Kind::Byline));
        }
        let (skip, rest) = (by, &rest[by..]);
        // A photo credit run into a bracketed dateline: "Jane Roe/Getty Images(LANVALE) -- ".
        let glued = match GLUED_CREDIT.find(rest) {
            Some(g) if DATELINE.is_match(&rest[g.end() - 1..]) => g.end() - 1,
            _ => 0,
        };
        let (credit_at, skip, rest) = (skip, skip + glued, &rest[glued..]);
        let story = first || joined || under_headline(r.start);
        let m = if story {
            DATELINE.captures(rest).and_then(|c| {
                let m = c.get(0)?;
                // Under a headline, a dateline shows its form: capitals, a date or a bracket
                // ("Mr Roe: " opening an answer is no dateline); and no dateline opens with a
                // sentence's first word ("In Lanvale, Jan. 6 — ").
                let word = m.as_str().split([' ', ',']).next().unwrap_or("");
                let shown = first
                    || m.as_str().contains(['(', '|'])
                    || m.as_str().bytes().any(|b| b.is_ascii_digit())
                    || m.as_str().split([' ', ',', ':']).any(|w| {
                        w.chars().filter(|c| c.is_uppercase()).count() >= 3
                            && !w.chars().any(char::is_lowercase)
                    });
                if !shown || super::segment::STARTERS.contains(&word) || by_when(&format!("x {word}")) {
                    return None;
                }
                let named = c
                    .name("agency")
                    .or(c.name("glued"))
                    .or(c.name("agency2"))
                    .or(c.name("agency3"));
                Some((m.end(), named.and_then(|a| wire(a.as_str()))))
            })
        } else {
            None
        };
        let m = m.or_else(|| {
            let end = WIRE_DATELINE.find(rest)?.end();
            let named = DATELINE
                .captures(rest)
                .and_then(|c| c.name("agency").and_then(|a| wire(a.as_str())));
            Some((end, named))
        });
        first = false;
        if let Some((end, named)) = m
            && rest.len() > end + if prose { 40 } else { 25 }
        {
            if glued > 0 {
                found.push((back(credit_at)..back(skip), Kind::Credit));
            }
            found.push((back(skip)..back(skip + end), Kind::Dateline));
            agency = agency.or(named);
        }
    }

    // A production credit closing the story's last paragraph: "… in Britain. (Reporting by Jane
    // Roe; Editing by Li Wei)".
    // Looked for in a wrapped paragraph as a whole (the credit may be wrapped over two lines),
    // else line by line.
    for (p, ms) in paragraphs.iter().zip(&marked) {
        for (l, m) in units(text, p, ms) {
            let s = &text[l.clone()];
            if m.is_none()
                && s.ends_with(')')
                && let Some(at) = TRAILING_CREDIT.find(s)
                && at.start() > 0
            {
                found.push((l.start + at.start()..l.end, Kind::Byline));
            }
        }
    }

    // Contributor taglines are furniture, and may name the outlet.
    let mut tagline_outlet = None;
    for (p, ms) in paragraphs.iter().zip(&marked) {
        for (l, _) in units(text, p, ms) {
            let s = &text[l.clone()];
            if s.len() <= 1200
                && s.contains("contributed")
                && s.chars().count() <= 300
                && let Some(c) = TAGLINE.captures(&flat(s))
            {
                found.push((l.clone(), Kind::Byline));
                if tagline_outlet.is_none() {
                    tagline_outlet = c.name("outlet").and_then(|o| outlet::named(o.as_str()));
                }
            }
        }
    }

    // A copyright line naming a wire credits the copy, not the site running it.
    let chrome_outlet = found
        .iter()
        .filter(|(_, k)| !matches!(k, Kind::Dateline | Kind::Byline | Kind::Caption | Kind::Credit))
        .map(|(r, k)| (flat(&text[r.clone()]), *k))
        .filter(|(s, k)| *k != Kind::Footer || credited_wire(s).is_none())
        .find_map(|(s, _)| outlet::in_chrome(&s));

    // The writer, from the first "By …" line; the wire, from the dateline, else the byline's
    // credit, a staff line or a copyright line.
    let mut byline = None;
    for (r, k) in &found {
        let s = flat(&text[r.clone()]);
        if *k == Kind::Byline {
            if byline.is_none() {
                byline = writer(&s);
            }
            if agency.is_none() {
                agency = credited_wire(&s);
            }
        }
        if agency.is_none()
            && *k == Kind::Footer
            && (s.contains('©') || s.to_lowercase().starts_with("copyright"))
        {
            agency = credited_wire(&s);
        }
    }

    found.sort_by_key(|(r, _)| (r.start, r.end));
    let mut merged: Vec<(Range<usize>, Kind)> = Vec::new();
    for (mut r, k) in found {
        match merged.last_mut() {
            Some((last, _)) if r.end <= last.end => continue,
            Some((last, lk)) if r.start <= last.end || (*lk == k && same_block(&text[last.end..r.start])) => {
                if *lk == k {
                    // Lines of one block and one kind: one range, so a caption and its slug read as one.
                    last.end = r.end;
                    continue;
                }
                r.start = last.end;
                merged.push((r, k));
            }
            _ => merged.push((r, k)),
        }
    }
    merged.retain(|(r, _)| !r.is_empty());
    let (boilerplate, kinds) = merged.into_iter().unzip();
    Furniture {
        boilerplate,
        kinds,
        source: chrome_outlet.or(tagline_outlet),
        title,
        byline,
        agency,
    }
}

/// The byte offset in `raw` of byte `end` of `flat(raw)`: runs of white space are one space
/// there, and leading white space is trimmed. An offset that falls on a flattened space maps to
/// the first white-space character of its run.
fn raw_offset(raw: &str, end: usize) -> usize {
    let lead = raw.len() - raw.trim_start().len();
    let mut flat_pos = 0;
    let mut prev_space = false;
    for (i, c) in raw[lead..].char_indices() {
        if flat_pos >= end {
            return lead + i;
        }
        if c.is_whitespace() {
            if !prev_space {
                flat_pos += 1;
            }
            prev_space = true;
        } else {
            flat_pos += c.len_utf8();
            prev_space = false;
        }
    }
    raw.len()
}

/// The length of a byline run into the first paragraph's text: "By", two to six words of a
/// name ("Jane Roe", "Jane Roe and Li Wei"), then a dateline or a word that opens sentences
/// ("The", "There", "In"). 0 when the paragraph does not open so. The name ends at the first
/// place where one of those follows, so "By Jane Roe The council…" gives "By Jane Roe ".
fn byline_prefix(s: &str) -> usize {
    let Some(after_by) = s.strip_prefix("By ").or_else(|| s.strip_prefix("BY ")) else {
        return 0;
    };
    let mut pos = s.len() - after_by.len();
    let mut names = 0;
    for w in after_by.split(' ') {
        if w.is_empty() {
            return 0;
        }
        let joins = matches!(w, "and" | "&");
        let name = w.chars().next().is_some_and(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-'));
        if names >= 2 && !joins {
            let rest = &s[pos..];
            let starter = super::segment::STARTERS.contains(&w) && !rest.starts_with("By ");
            let caps =
                w.chars().filter(|c| c.is_alphabetic()).count() >= 3 && !w.chars().any(char::is_lowercase);
            let dated = caps && (DATELINE.is_match(rest) || WIRE_DATELINE.is_match(rest));
            if starter || dated {
                return pos;
            }
        }
        if !(joins || name) || names >= 6 {
            return 0;
        }
        names += usize::from(name);
        pos += w.len() + 1;
    }
    0
}

/// The wires copy is credited to, by the names datelines, bylines and footers use.
const WIRES: &[(&str, &str)] = &[
    ("The Associated Press", "AP"),
    ("Associated Press", "AP"),
    ("AP", "AP"),
    ("Thomson Reuters", "Reuters"),
    ("Reuters", "Reuters"),
    ("REUTERS", "Reuters"),
    ("Agence France-Presse", "AFP"),
    ("Agence France Presse", "AFP"),
    ("AFP", "AFP"),
    ("United Press International", "UPI"),
    ("UPI", "UPI"),
    ("Bloomberg News", "Bloomberg"),
    ("Bloomberg", "Bloomberg"),
    ("The Canadian Press", "CP"),
    ("Canadian Press", "CP"),
    ("Press Association", "PA"),
    ("PA Media", "PA"),
    ("Australian Associated Press", "AAP"),
    ("AAP", "AAP"),
    ("Press Trust of India", "PTI"),
    ("PTI", "PTI"),
    ("IANS", "IANS"),
    ("ANI", "ANI"),
    ("dpa", "dpa"),
    ("Xinhua", "Xinhua"),
    ("TASS", "TASS"),
    ("Kyodo", "Kyodo"),
    ("Yonhap", "Yonhap"),
    ("EFE", "EFE"),
    ("ANSA", "ANSA"),
    ("CNN", "CNN"),
];

/// The wire a dateline's bracket names: a known wire by its short name, else the bracket's
/// own capitals ("(KTLA)" credits KTLA).
fn wire(name: &str) -> Option<String> {
    let name = name.trim();
    WIRES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, w)| (*w).to_string())
        .or_else(|| outlet::named(name))
}

/// A wire named as a whole word in a byline, staff or copyright line.
fn credited_wire(s: &str) -> Option<String> {
    WIRES.iter().find_map(|(n, w)| {
        let at = s.find(n)?;
        let before = s[..at].chars().next_back();
        let after = s[at + n.len()..].chars().next();
        let edge = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
        (edge(before) && edge(after)).then(|| (*w).to_string())
    })
}

/// The writer a "By …" line names: "By Jim Heintz, Associated Press" is Jim Heintz, "By VLADIMIR
/// ISACHENKOV and JUSTIN SPIKE" is Vladimir Isachenkov and Justin Spike.
fn writer(s: &str) -> Option<String> {
    let rest = s
        .trim()
        .strip_prefix("By ")
        .or_else(|| s.trim().strip_prefix("BY "))?;
    let mut names: Vec<String> = Vec::new();
    for w in rest.split_whitespace() {
        let word = w.trim_end_matches([',', ';', '|', ':']);
        let joins = matches!(
            word,
            "and" | "&" | "de" | "van" | "von" | "der" | "da" | "al" | "bin" | "del" | "la" | "le"
        );
        let name = word.chars().next().is_some_and(char::is_uppercase)
            && word
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-'));
        if !(joins || name) {
            break;
        }
        names.push(title_cased(word));
        if word.len() != w.len() {
            break;
        }
    }
    // A wire or a staff title run on without a comma ("By Jim Heintz Associated Press").
    let joined = names.join(" ");
    let mut joined = joined.as_str();
    for (n, _) in WIRES {
        if let Some(cut) = joined.strip_suffix(n).filter(|c| c.ends_with(' ')) {
            joined = cut;
        }
    }
    let joined = joined.trim_end_matches([' ', '&']).trim_end_matches(" and");
    let words = joined.split_whitespace().count();
    (2..=12).contains(&words).then(|| joined.to_string())
}

/// A word in capitals as a name is written ("ISACHENKOV" is "Isachenkov"); others as they are.
fn title_cased(w: &str) -> String {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 2 || w.chars().any(char::is_lowercase) || matches!(w, "AP" | "AFP" | "UPI" | "CNN") {
        return w.to_string();
    }
    let mut out = String::with_capacity(w.len());
    let mut start = true;
    for c in w.chars() {
        if start {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
        start = matches!(c, '-' | '\'' | '’' | '.');
    }
    out
}

/// Byte offsets where the second and later sentences of `s` start: after a full stop, question
/// or exclamation mark (maybe in closing quotes) and white space, before a capital.
fn sentence_starts(s: &str) -> Vec<usize> {
    static GAP: LazyLock<Regex> = LazyLock::new(|| re(r"[a-z0-9)][.!?][\x22'’”]?\s+[A-Z]"));
    GAP.find_iter(s).map(|m| m.end() - 1).collect()
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
    fn a_date_stamp_run_into_the_first_line() {
        for stamp in [
            "date 2021-03-09",
            "Published: 2021-03-09T10:15:00Z",
            "2021-03-09 10:15",
        ] {
            let t = format!(" {stamp} {BODY}\n\n{BODY}");
            assert_eq!(run(&t).1, [stamp], "{stamp}");
        }
        // Only at the page's top, and only before more text.
        let t = format!("{BODY}\n\ndate 2021-03-09 {BODY}");
        assert!(run(&t).1.is_empty());
        let t = format!("2021-03-09\n\n{BODY}");
        assert_eq!(run(&t).1, ["2021-03-09"]);
    }

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
    fn sign_offs_bylines_clocks_and_site_lines_of_wire_pages() {
        // Each line is furniture of its kind on a page of wire copy; none is a sentence.
        for (line, kind) in [
            ("- AP", Kind::Credit),
            ("– Harbourpost.com", Kind::Credit),
            ("( Source : PTI )", Kind::Credit),
            ("(With inputs from agencies)", Kind::Credit),
            ("SOURCE: Agencies", Kind::Credit),
            ("[Reuters]", Kind::Credit),
            ("(File | PTI)", Kind::Credit),
            ("Enditem", Kind::Credit),
            ("PTI", Kind::Credit),
            ("• Kyodo", Kind::Credit),
            ("Meridian Shimbun file photo", Kind::Credit),
            ("THE ASSOCIATED PRESS", Kind::Byline),
            (
                "Topics: Harbour strike Port Ellery dock workers pay talks",
                Kind::Chrome,
            ),
            ("Have your say", Kind::Prompt),
            ("Post Your Comments", Kind::Prompt),
            ("Article Continued Below", Kind::Advertisement),
            (
                "This advertisement has not loaded yet, but your article continues below.",
                Kind::Advertisement,
            ),
            ("We apologize, but this video has failed to load.", Kind::Chrome),
            ("By ODILE MARSH for the Associated Press", Kind::Byline),
            ("BY TOMAS REYE from the Associated Press", Kind::Byline),
            ("From the Associated Press", Kind::Byline),
            ("ODILE MARSH , Associated Press", Kind::Byline),
            ("Xinhua, April 1, 2016", Kind::Byline),
            ("Today 3:27 PM", Kind::Byline),
            ("April 14, 2021 GMT", Kind::Byline),
            ("Skip to navigation", Kind::Chrome),
            ("Back to top button", Kind::Chrome),
            ("FacebookTwitterEmail", Kind::Chrome),
            ("Next Story", Kind::Chrome),
            ("Must Read", Kind::Promo),
            (
                "Your web browser is no longer supported. To improve your experience update it here",
                Kind::Prompt,
            ),
            (
                "IE 11 is not supported. For an optimal experience visit our site on another browser.",
                Kind::Prompt,
            ),
            (
                "This report by The Calder Press was first published March 10, 2021.",
                Kind::Footer,
            ),
        ] {
            let t = format!("{BODY}\n\n{line}\n\n{BODY}");
            let (f, covered) = run(&t);
            assert_eq!(covered, [line], "{line}");
            assert_eq!(f.kinds, [kind], "{line}");
        }
        // The same words inside the story's sentences are story: see
        // `short_prose_with_interface_words_is_story`.
    }

    #[test]
    fn a_wire_photos_long_caption_and_a_long_topic_line() {
        // A wire's caption: the photo, then a summary of the story, then the photo's credit.
        let cap = "Smoke hangs over the ridge road where a grass fire burns toward the quarry on \
                   Monday, Oct. 6, 2025, near Hollin. Crews in the valley worked through the night \
                   to keep the fire from the farms on the eastern slope, and the county opened two \
                   shelters for families told to leave. Forecasters expect dry wind for the rest of \
                   the week, with no rain before Sunday at the earliest, and the fire service asked \
                   drivers to keep off the ridge road until further notice while the crews and \
                   their trucks use it to reach the fire line. Officials said the cause of the fire \
                   was not yet known and would be investigated once it was out. \
                   (AP Photo/Mara Quill)";
        assert!(
            cap.chars().count() > CAPTION_MAX,
            "longer than an ordinary caption"
        );
        let t = format!("{BODY}\n\n{cap}\n\n{BODY}");
        let (f, covered) = run(&t);
        assert_eq!(covered, [cap]);
        assert_eq!(f.kinds, [Kind::Caption]);
        // The same length of story without the wire's credit stays story.
        let story = cap.trim_end_matches(" (AP Photo/Mara Quill)");
        let t = format!("{BODY}\n\n{story}\n\n{BODY}");
        assert!(run(&t).1.is_empty());
        // A topic line longer than a site label.
        let topics = "Topics: Hollin fire service ridge road quarry grass fire evacuation shelters \
                      county council weather forecast dry wind eastern slope farms Sunday rain";
        assert!(topics.chars().count() > CHROME_MAX);
        let t = format!("{BODY}\n\n{topics}\n\n{BODY}");
        assert_eq!(run(&t).1, [topics]);
    }

    #[test]
    fn wire_datelines_with_a_date_or_a_country_in_brackets_anywhere_on_a_page() {
        for (line, dateline) in [
            (
                "Lanvale, Oct 22 (PTI) The council approved the harbour budget on Tuesday after a long night.",
                "Lanvale, Oct 22 (PTI) ",
            ),
            (
                "Maribo (Norland) (AFP) – Rescuers searched the coast on Tuesday for two missing fishermen.",
                "Maribo (Norland) (AFP) – ",
            ),
        ] {
            // Deep in a page of several stories, not only at the top.
            let t = format!("{BODY}\n\n{BODY}\n\n{line}");
            let (_, covered) = run(&t);
            assert_eq!(covered, [dateline], "{line}");
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
            // The words of sign-offs, footers and skip links, in the story's own sentences.
            "The agency said the report was first published in March, and later corrected.",
            "He said he would skip to the next item on the agenda.",
            "She wrote for the Associated Press for a decade before joining the council.",
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
        assert_eq!((covered, f.kinds), (vec!["(CNN)"], vec![Kind::Dateline]));
        // The dateline credits the copy; it does not name the site running it.
        assert_eq!((f.source, f.agency.as_deref()), (None, Some("CNN")));
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
        assert_eq!((f.source, f.agency.as_deref()), (None, Some("AP")));
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

    fn kinds(t: &str) -> Vec<(String, &'static str)> {
        let (f, covered) = run(t);
        covered
            .iter()
            .zip(&f.kinds)
            .map(|(c, k)| (c.to_string(), k.name()))
            .collect()
    }

    #[test]
    fn each_kind_of_furniture_is_named() {
        let t = format!(
            "Home\nWorld\nBusiness\nSport\n\nHarbour pilots end their strike\n\nBy MARA QUILL and Tomas Reyes, Associated Press\n\n\
             Updated 4:05 PM GMT, March 3, 2024\n\nLANVALE, Calder (AP) — {BODY}\n\nADVERTISEMENT\n\n\
             Pilots walk past the harbour office, left, in Lanvale on Monday. (AP Photo/Ines Marr)\n\n\
             SEE ALSO: Ferry fares to rise in spring\n\nSubscribe for $1 a week\n\n{BODY}\n\n\
             Harbour talks resume 02:14\n\nDOW 38,101.22 +0.4% NASDAQ 16,002.10 -0.2% FTSE 7,640.00 +0.1%\n\n{BODY}\n\n\
             Copyright 2024 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed."
        );
        let got = kinds(&t);
        let want = [
            ("Home\nWorld\nBusiness\nSport", "chrome"),
            ("By MARA QUILL and Tomas Reyes, Associated Press", "byline"),
            ("Updated 4:05 PM GMT, March 3, 2024", "byline"),
            ("LANVALE, Calder (AP) — ", "dateline"),
            ("ADVERTISEMENT", "advertisement"),
            (
                "Pilots walk past the harbour office, left, in Lanvale on Monday. (AP Photo/Ines Marr)",
                "caption",
            ),
            ("SEE ALSO: Ferry fares to rise in spring", "promo"),
            ("Subscribe for $1 a week", "prompt"),
            ("Harbour talks resume 02:14", "video"),
            (
                "DOW 38,101.22 +0.4% NASDAQ 16,002.10 -0.2% FTSE 7,640.00 +0.1%",
                "ticker",
            ),
        ];
        let want: Vec<(String, &str)> = want.iter().map(|(a, b)| (a.to_string(), *b)).collect();
        assert_eq!(got[..want.len()], want[..]);
        assert_eq!(got.len(), want.len() + 1);
        assert_eq!(got[want.len()].1, "footer");
        let (f, _) = run(&t);
        assert_eq!(f.title.as_deref(), Some("Harbour pilots end their strike"));
        assert_eq!(f.byline.as_deref(), Some("Mara Quill and Tomas Reyes"));
        assert_eq!(f.agency.as_deref(), Some("AP"));
        assert_eq!(
            f.source, None,
            "a wire's copyright names the agency, not the outlet"
        );
    }

    #[test]
    fn bylines_staff_lines_stamps_and_credits() {
        let t = format!(
            "Storm closes the coast road\n\nJANE ROE\nAP Science Writer\n\n2023-10-02 13:57:45\n\n{BODY}\n\n\
             Photo: Harbour Authority - Lanvale quay\n\n{BODY}\n\n(Reporting by Ana Diaz; Editing by Li Wei)\n\njd/mk"
        );
        let got = kinds(&t);
        let names: Vec<&str> = got
            .iter()
            .map(|(c, k)| {
                if *k == "byline" || *k == "credit" {
                    c.as_str()
                } else {
                    ""
                }
            })
            .collect();
        assert_eq!(
            names,
            [
                "JANE ROE\nAP Science Writer",
                "2023-10-02 13:57:45",
                "Photo: Harbour Authority - Lanvale quay",
                "(Reporting by Ana Diaz; Editing by Li Wei)",
                "jd/mk"
            ]
        );
        let (f, _) = run(&t);
        assert_eq!(f.title.as_deref(), Some("Storm closes the coast road"));
        assert_eq!((f.byline, f.agency.as_deref()), (None, Some("AP")));
        let (f, _) = run(&format!("By Nathan Hale, Reuters\n\n{BODY}"));
        assert_eq!(
            (f.byline.as_deref(), f.agency.as_deref()),
            (Some("Nathan Hale"), Some("Reuters"))
        );
        let t = format!("By Tuesday, officials had left\n\n{BODY}");
        let (f, covered) = run(&t);
        assert!(covered.is_empty() && f.byline.is_none(), "{covered:?}");
    }

    #[test]
    fn time_stamps_need_a_date_or_a_clock() {
        for yes in [
            "2023-10-02 13:57:45",
            "June 19, 2017 / 12:42 PM / 2 months ago",
            "Tuesday, Oct 25, 2022",
            "2025.01.01 11:06 GMT+8",
            "KING 3:01 PM. PDT April 27, 2017",
            "Monday March 27th, 2023 8:06PM",
            "Sat 4th Nov 2023 10:15am",
        ] {
            assert!(stamp(yes), "{yes}");
        }
        for line in [
            "PTI | New Delhi | Updated: 09-01-2026 09:48 IST",
            "Jane Roe (@janeroe) Published May 20, 2022 | 12:57 PM",
        ] {
            assert_eq!(classify(line), Class::Furniture(Kind::Byline), "{line}");
        }
        assert_eq!(classify("Sunny. H 72° L 46°"), Class::Furniture(Kind::Chrome));
        let nav = "News Local News World News Business News Sport";
        assert_eq!(classify(nav), Class::Furniture(Kind::Chrome));
        assert_eq!(
            classify("New York New York Is A Song About New York"),
            Class::Short
        );
        assert_eq!(classify("The report was updated on Tuesday"), Class::Short);
        for no in [
            "17,850 at TD",
            "The 2 teams on 3 days",
            "Harbour talks resume 02:14",
            "7-2",
            "The 3rd and 4th days",
        ] {
            assert!(!stamp(no), "{no}");
        }
    }

    #[test]
    fn a_production_credit_closing_the_last_paragraph_is_marked() {
        let t = format!("{BODY}\n\nThe talks resume on Monday. (Reporting by Ana Diaz; Editing by Li Wei)");
        let (f, covered) = run(&t);
        assert_eq!(covered, ["(Reporting by Ana Diaz; Editing by Li Wei)"]);
        assert_eq!(f.kinds, [Kind::Byline]);
    }

    #[test]
    fn wire_datelines_open_every_story_of_a_page() {
        let t = format!(
            "Two results\n\nGREEN BAY, Wis. (AP) — {BODY}\n\nNASHVILLE, Tenn. (Reuters) - {BODY}\n\nNATO — {BODY}"
        );
        let got = kinds(&t);
        assert_eq!(
            got,
            [
                ("GREEN BAY, Wis. (AP) — ".to_string(), "dateline"),
                ("NASHVILLE, Tenn. (Reuters) - ".to_string(), "dateline")
            ]
        );
    }

    #[test]
    fn headline_lists_and_page_code_are_furniture() {
        let t = format!(
            "Harbour pilots end their strike\n\n{BODY}\n\nFerry fares set to rise as fuel costs climb\nStorm closes the coast road for a second day\n\
             Council names a new harbour master after long search\n\n{{{{nextVideo.title}}}}\n\n{BODY}\n\n\
             Ferry fares rise in spring  • Coast road shut again  • New harbour master named  • Pilots vote on deal"
        );
        let got = kinds(&t);
        assert_eq!(
            got.iter().map(|(_, k)| *k).collect::<Vec<_>>(),
            ["promo", "chrome", "promo"],
            "{got:?}"
        );
        assert!(got[0].0.starts_with("Ferry fares set") && got[0].0.ends_with("long search"));
        // Subheads between paragraphs, and a page's bulleted summary, are the story.
        let t = format!(
            "Harbour pilots end their strike\n\n* Pilots accept a two-year deal\n* Ships to berth overnight\n* Backlog to clear by next week\n\n{BODY}\n\nWhat comes next for the port\n\n{BODY}"
        );
        assert!(run(&t).1.is_empty(), "{:?}", run(&t).1);
    }

    #[test]
    fn pages_without_furniture_have_no_marks() {
        for t in [
            format!("Council approves the harbour budget\n\n{BODY}\n\n{BODY}\n\nThe vote was 7 to 2."),
            format!(
                "{BODY} Watch for more news, she said.\n\nShares rose 5% to $12.50 on Monday, and then fell 2%."
            ),
        ] {
            assert!(run(&t).1.is_empty(), "{:?}", run(&t).1);
        }
    }

    /// Every run of white space a plain space, the way a re-wrap or merge changes layout.
    fn rewrap(t: &str, width: usize) -> String {
        let mut out = String::new();
        for (k, block) in t.split("\n\n").enumerate() {
            if k > 0 {
                out.push_str("\n\n");
            }
            let lines: Vec<&str> = block.lines().collect();
            // Blocks of lines (menus, bylines over staff lines) keep their lines; prose wraps.
            if lines.len() > 1 {
                out.push_str(block);
                continue;
            }
            let mut col = 0;
            for (i, w) in block.split(' ').enumerate() {
                if i > 0 {
                    if col + 1 + w.len() > width {
                        out.push('\n');
                        col = 0;
                    } else {
                        out.push(' ');
                        col += 1;
                    }
                }
                out.push_str(w);
                col += w.len();
            }
        }
        out
    }

    fn marked_words(t: &str) -> Vec<(String, &'static str)> {
        let (f, _) = run(t);
        f.boilerplate
            .iter()
            .zip(&f.kinds)
            .flat_map(|(r, k)| {
                t[r.clone()]
                    .split_whitespace()
                    .map(move |w| (w.to_string(), k.name()))
            })
            .collect()
    }

    #[test]
    fn marks_do_not_change_when_the_text_is_rewrapped() {
        let long_caption = "Harbour pilots, left, walk past the office of the port authority in Lanvale, Calder, on Monday, March 4, 2024, after the vote. (AP Photo/Ines Marr)";
        let t = format!(
            "Harbour pilots end their strike\n\nBy Mara Quill, Associated Press\n\nLANVALE, Calder (AP) — {BODY} {BODY}\n\n{long_caption}\n\n\
             Sign up for our morning newsletter to get the top stories of the day sent to your inbox every weekday at 7am\n\n{BODY}"
        );
        let want = marked_words(&t);
        assert!(want.iter().any(|(_, k)| *k == "caption"));
        for width in [40, 55, 70, 72, 80] {
            assert_eq!(marked_words(&rewrap(&t, width)), want, "width {width}");
        }
        // Two spaces after full stops and no-break spaces change nothing either.
        let spaced = t.replace(". ", ".  ").replace("Calder, on", "Calder,\u{a0}on");
        assert_eq!(marked_words(&spaced), want);
    }

    #[test]
    fn credits_taglines_and_bylines_hold_across_narrow_wraps_and_merges() {
        // Wrapped at 40 columns, lines starting with names: still one credit, one tagline.
        let credit = "Reporting by Ana Diaz and Tomas\nReyes; Writing by Jon Marr; Editing\nby Li Wei";
        let tagline = "Harbour Post's Ines Marr contributed to\nthis report from Lanvale; Jon Reyes\ncontributed from Calder.";
        // A caption whose wrap falls after its full stop, the credit alone on the last line.
        let caption = "Pilots leave the union hall in Lanvale on Tuesday after the vote.\n(Harbour Post Photo/Jon Reyes)";
        let t = format!("{BODY}\n\n{caption}\n\n{BODY}\n\n{credit}\n\n{tagline}");
        assert_eq!(run(&t).1, [caption, credit, tagline]);
        // A byline run into the first paragraph, before its dateline or its first sentence.
        let t = format!("By Ines Marr LANVALE, Calder (AP) — {BODY}");
        assert_eq!(run(&t).1, ["By Ines Marr ", "LANVALE, Calder (AP) — "]);
        let t = format!("By Ines Marr The harbour board said {BODY}");
        let (f, covered) = run(&t);
        assert_eq!(
            (covered, f.byline.as_deref()),
            (vec!["By Ines Marr "], Some("Ines Marr"))
        );
        // Prose that opens "By" and a name is no byline without a sentence start after it.
        assert!(
            run(&format!("By Friday evening officials said {BODY}"))
                .1
                .is_empty()
        );
    }

    #[test]
    fn reading_times_counts_archive_notices_and_story_tools() {
        let notice = "This archived news story is available only for your personal, non-commercial use. Details in it may be out of date.";
        let t = format!(
            "Harbour pilots end their strike\n\n3 photos\n\nSave Story\n\nLeer en español\n\n\
             Estimated read time: 2-3 minutes\n\n{notice}\n\n{BODY}\n\nviews 1.2K\n\n{BODY}"
        );
        assert_eq!(
            run(&t).1,
            [
                "3 photos",
                "Save Story",
                "Leer en español",
                "Estimated read time: 2-3 minutes",
                notice,
                "views 1.2K"
            ]
        );
        // The same words in sentences are the story's.
        for line in [
            "The museum showed 3 photos of the pilots.",
            "Officials said the read time of the meters was 5 minutes.",
            "The board voted to save the story of the harbour for schools.",
            "The views were 1,200 feet above the bay.",
        ] {
            let t = format!("{BODY}\n\n{line}\n\n{BODY}");
            assert!(run(&t).1.is_empty(), "{line}");
        }
    }

    #[test]
    fn listing_headings_and_follow_prompts() {
        for heading in [
            "Tag Archives: Lanvale",
            "Entries in Calder (14)",
            "News Archive",
            "Latest stories",
            "Latest Lanvale News",
            "Regional News",
            "Posts tagged harbour",
        ] {
            let t = format!("{heading}\n\nHarbour pilots end their strike\n\n{BODY}");
            assert_eq!(run(&t).1, [heading], "{heading}");
        }
        for prompt in [
            "Follow Harbour Post on Facebook, X and Instagram.",
            "Follow us on our WhatsApp channel for breaking news!",
            "Harbour Post Emails & Alerts",
            "The day's best reads, delivered to your inbox.",
        ] {
            let t = format!("{BODY}\n\n{prompt}\n\n{BODY}");
            assert_eq!(run(&t).1, [prompt], "{prompt}");
        }
        // Headlines and prose with those words are not chrome.
        for line in [
            "Pilots follow the captain on strike",
            "Rebels seize post in northern hills",
            "He urged voters to follow him on Facebook.",
            "The news archive burned in 1990, the mayor said.",
        ] {
            let t = format!("{BODY}\n\n{line}\n\n{BODY}");
            assert!(run(&t).1.is_empty(), "{line}");
        }
    }

    #[test]
    fn captions_credited_in_brackets_with_a_colon_or_a_file_mark() {
        for credit in [
            "(AAP: Jane Roe)",
            "(ABC News: Li Wei)",
            "(Harbour Post via AP, File)",
        ] {
            let cap = format!("Pilots walk past the harbour office in Lanvale on Monday.{credit}");
            let t = format!("{BODY}\n\n{cap}\n\n{BODY}");
            assert_eq!(run(&t).1, [cap.as_str()], "{credit}");
        }
        let t = format!("{BODY}\n\nThe pilots met the mayor (Update: Tuesday) and the board.\n\n{BODY}");
        assert!(run(&t).1.is_empty());
    }

    #[test]
    fn dateline_forms_of_indian_asian_and_older_wire_copy() {
        for (dateline, wire) in [
            ("Lanvale, Jul 14 (PTI) ", Some("PTI")),
            ("New Lanvale, July 15(PTI) ", Some("PTI")),
            ("Calder, Dec. 6 -- ", None),
            ("LANVALE, Calder: Dec.20, 2007 — ", None),
            ("LANVALE, Calder, Dec. 3, 2007 (AP) _ ", Some("AP")),
        ] {
            let t = format!("Harbour pilots end their strike\n\n{dateline}{BODY}");
            let (f, covered) = run(&t);
            assert_eq!(covered, [dateline], "{dateline}");
            assert_eq!(f.agency.as_deref(), wire, "{dateline}");
        }
        // A sentence's first words, a weekday and a date are no place.
        for start in ["In Lanvale, Jan. 6 -- ", "Tuesday, Dec. 6 -- "] {
            let t = format!("Harbour pilots end their strike\n\n{start}{BODY}");
            assert!(run(&t).1.is_empty(), "{start}");
        }
    }

    #[test]
    fn datelines_and_links_of_a_page_of_teasers() {
        let teaser = "the harbour board said on Tuesday that talks with the pilots would go on next week, and that no deal was near... Read More";
        let t = format!(
            "Harbour pilots end their strike\n\nLANVALE, Calder — The {teaser}\n\n\
             Calder ferries run again after the storm\n\nCALDER CITY, Calder — Then {teaser}\n\n\
             Mayor opens the new dock\n\nNew Calder, Dec. 6 -- And {teaser}"
        );
        let covered = run(&t).1;
        assert_eq!(
            covered,
            [
                "LANVALE, Calder — ",
                "Read More",
                "CALDER CITY, Calder — ",
                "Read More",
                "New Calder, Dec. 6 -- ",
                "Read More"
            ]
        );
        // A headline joined to its teaser across a blank line, as a fragment joiner leaves it.
        let t = format!(
            "Harbour pilots end their strike\n\nLANVALE, Calder — The {teaser}\n\n\nRead More »Ferries run again\nCALDER (AP) — {BODY}"
        );
        assert_eq!(
            run(&t).1,
            ["LANVALE, Calder — ", "Read More", "Read More »", "CALDER (AP) — "]
        );
        // Inside a story, a paragraph after another opening in capitals is the story's.
        let t = format!("{BODY} {BODY}\n\nNATO — the alliance — {BODY}");
        assert!(run(&t).1.is_empty());
    }

    #[test]
    fn a_story_cut_off_after_its_dateline_is_no_footer() {
        let t = format!(
            "Harbour pilots end their strike\n\nLANVALE, Calder (AP) — {BODY}\n\nApril 19, 2014 12:48 pm\n\n\
             Calder ferries run again after the storm\n\nCALDER CITY, Calder (AP) — The ferries of the bay ran"
        );
        assert_eq!(
            run(&t).1,
            [
                "LANVALE, Calder (AP) — ",
                "April 19, 2014 12:48 pm",
                "CALDER CITY, Calder (AP) — "
            ]
        );
    }

    #[test]
    fn promo_lists_under_a_heading_inside_a_block_and_full_story_links() {
        let t = format!(
            "{BODY}\n\nBy Jane Roe, Harbour Post\nMost Read Stories\n- Ferries run again after the storm\n- Mayor opens the new dock VIEW\n\n{BODY}"
        );
        assert_eq!(
            run(&t).1,
            [
                "By Jane Roe, Harbour Post",
                "Most Read Stories\n- Ferries run again after the storm\n- Mayor opens the new dock VIEW"
            ]
        );
        // "Full Story" closes a teaser: the headline under it is the next story's.
        let t = format!("{BODY}\n\nX200 Full Story\nFerries run again after the storm\n\n{BODY}");
        assert_eq!(run(&t).1, ["X200 Full Story"]);
        let t = format!("{BODY}\n\nThe full story of the harbour strike\n\n{BODY}");
        assert!(run(&t).1.is_empty());
    }

    #[test]
    fn a_photo_credit_run_into_a_bracketed_dateline() {
        let t =
            format!("Harbour pilots end their strike\n\nJane Roe/Harbour Images(LANVALE, Calder) -- {BODY}");
        assert_eq!(run(&t).1, ["Jane Roe/Harbour Images", "(LANVALE, Calder) -- "]);
        let t = format!("Harbour pilots end their strike\n\nPilots and/or Captains (LANVALE) said {BODY}");
        assert!(run(&t).1.is_empty());
    }

    #[test]
    fn a_page_stamp_and_the_labels_under_it_over_the_headline() {
        let t = format!(
            "date 2021-03-04 Region, Calder Affairs\n\nHarbour pilots end their strike at Lanvale\n\n{BODY}"
        );
        let (f, covered) = run(&t);
        assert_eq!(covered, ["date 2021-03-04 Region, Calder Affairs"]);
        assert_eq!(
            f.title.as_deref(),
            Some("Harbour pilots end their strike at Lanvale")
        );
        // The stamp's line may carry the story's first paragraph: only the stamp is marked.
        let t = format!("date 2021-03-04 {BODY}\n\n{BODY}");
        assert_eq!(run(&t).1, ["date 2021-03-04"]);
        // A place tag under a date line and over the headline.
        let t = format!(
            "4 March 2021\n\nThe Courier (Lanvale)\n\nHarbour pilots end their strike at Lanvale\n\n{BODY}"
        );
        assert_eq!(run(&t).1, ["4 March 2021", "The Courier (Lanvale)"]);
        // A short headline with nothing above it stays, and a date in prose is no stamp.
        let t = format!("Pilots end strike\n\nHarbour pilots end their strike at Lanvale\n\n{BODY}");
        assert!(run(&t).1.is_empty());
        let t = format!("{BODY}\n\nOn 2021-03-04 the board met again, the minutes show.");
        assert!(run(&t).1.is_empty());
    }

    #[test]
    fn interface_lines_of_comment_forms_live_blogs_and_errors() {
        for line in [
            "Click to comment",
            "Leave a Reply",
            "Your email address will not be published. Required fields are marked *",
            "Sorry, this video is currently unavailable. Please try again later.",
            "Key posts",
            "Pinned post from",
            "Latest posts",
            "Loading...",
            "add bookmark",
            "play article",
            "12m ago",
            "3d ago",
            "Like us on FB",
        ] {
            let t = format!("{BODY}\n\n{line}\n\n{BODY}");
            assert_eq!(run(&t).1, [line], "{line}");
        }
        for line in [
            "She said she would leave a reply on the board's desk by Friday.",
            "The key posts in the cabinet went to allies of the mayor.",
            "Loading of the ferries resumed at noon, the port said.",
        ] {
            let t = format!("{BODY}\n\n{line}\n\n{BODY}");
            assert!(run(&t).1.is_empty(), "{line}");
        }
    }

    #[test]
    fn inline_promos_bracketed_inserts_and_buttons() {
        for line in [
            "Also Read | Calder Port Reopens After Storm; Ferries To Run From Monday.",
            "RELATED: Lanvale council approves the new dock budget",
            "READ ALSO  How A Calder Fisherman Rebuilt His Boat .",
            "See also: Harbour pilots and the long strike of 2019.",
            "[DOWNLOAD: Free Calder News app for alerts as news breaks]",
            "[WATCH: Ferries return to Lanvale harbour]",
            "TRENDING STORIES:",
            "Start reading",
        ] {
            let t = format!("{BODY}\n\n{line}\n\n{BODY}");
            assert_eq!(run(&t).1, [line], "{line}");
        }
        for line in [
            "Also, read the council's report, he urged residents of Lanvale.",
            "Related talks are planned for next week in Calder.",
            "[The mayor] said the port would reopen soon, officials reported.",
        ] {
            let t = format!("{BODY}\n\n{line}\n\n{BODY}");
            assert!(run(&t).1.is_empty(), "{line}");
        }
        // A promo heading and its list of headlines in a block of lines.
        let t = format!(
            "{BODY}\n\nTRENDING STORIES:\n- Lanvale ferries run again after the storm\n- Calder mayor opens the new dock at last\n\n{BODY}"
        );
        assert_eq!(
            run(&t).1,
            [
                "TRENDING STORIES:\n- Lanvale ferries run again after the storm\n- Calder mayor opens the new dock at last"
            ]
        );
    }

    #[test]
    fn a_headline_carrying_a_photo_credit_keeps_its_words() {
        let t = format!("Calder mayor opens the new dock at Lanvale (Photo/Lanvale Post)\n\n{BODY}");
        let (f, covered) = run(&t);
        assert_eq!(covered, ["(Photo/Lanvale Post)"]);
        assert_eq!(f.kinds, [Kind::Credit]);
        assert_eq!(
            f.title.as_deref(),
            Some("Calder mayor opens the new dock at Lanvale")
        );
        // A caption ending in its credit is a caption, at the top as elsewhere.
        let cap = "The mayor of Calder opens the new dock at Lanvale on Monday. (Photo: Lanvale Post)";
        let t = format!("{cap}\n\n{BODY}");
        assert_eq!(run(&t).1, [cap]);
    }

    #[test]
    fn a_caption_ending_in_its_credit_joins_no_fragment_after_it() {
        let cap = "Smoke rises over the Lanvale docks.Credit: AP";
        let t = format!(
            "Harbour fire at Lanvale\n\n{BODY}\n\nThe fire spread along the\n\nquay before dawn, officials said.\n\n{cap}\n\nCalder officials have not said how the fire began\n\n{BODY}"
        );
        assert_eq!(run(&t).1, [cap]);
    }

    #[test]
    fn a_caption_shown_twice_or_cut_short_over_its_full_text() {
        let cap = "Firefighters hose down a warehouse on the Lanvale quay on Sunday night.";
        let t = format!("Harbour fire at Lanvale\n\n{cap}\n{cap}\n\n{BODY}\n\n{BODY}");
        let (f, covered) = run(&t);
        assert_eq!(covered, [format!("{cap}\n{cap}").as_str()]);
        assert_eq!(f.kinds, [Kind::Caption]);
        assert_eq!(f.title.as_deref(), Some("Harbour fire at Lanvale"));
        let t = format!(
            "Harbour fire at Lanvale\n\nFirefighters hose down a warehouse on the Lanvale...\n{cap}\n\n{BODY}"
        );
        assert_eq!(
            run(&t).1,
            [format!("Firefighters hose down a warehouse on the Lanvale...\n{cap}").as_str()]
        );
        // The headline repeated, a sentence said twice far apart, and a lede that opens as a
        // teaser did in another paragraph stay the story's.
        let t = format!("Harbour fire at Lanvale\n\n{BODY}\n\nHarbour fire at Lanvale\n\n{BODY}");
        assert!(run(&t).1.is_empty());
        let t = format!("{cap}\n\n{BODY}\n\n{BODY}\n\n{BODY}\n\n{BODY}\n\n{cap}");
        assert!(run(&t).1.is_empty());
        let t = format!(
            "Harbour fire at Lanvale\n\nFirefighters hose down a warehouse on the Lanvale...\n\n{cap}"
        );
        assert!(run(&t).1.is_empty());
        let t = format!("Harbour fire at Lanvale\n\n{BODY}\n\n{BODY}");
        assert!(run(&t).1.is_empty());
        // Again with its credit run into it, in the next paragraph.
        let credited = format!("{cap}Credit: Lanvale Post");
        let t = format!("Harbour fire at Lanvale\n\n{BODY}\n\n{cap}\n\n{credited}\n\n{BODY}");
        assert_eq!(run(&t).1, [cap, credited.as_str()]);
    }

    #[test]
    fn datelines_with_agencies_in_capitals_regions_in_brackets_and_colons() {
        for (dateline, agency) in [
            ("CALDERTON (REUTERS) - ", Some("Reuters")),
            ("Lanvale [Calder], March 3 (ANI): ", Some("ANI")),
            ("Bramford (Upper Calder): ", None),
        ] {
            let t = format!("Harbour pilots end their strike\n\n{dateline}{BODY}");
            let (f, covered) = run(&t);
            assert_eq!(covered, [dateline], "{dateline}");
            assert_eq!(f.agency.as_deref(), agency, "{dateline}");
        }
        // A paragraph the page cuts off mid-sentence still opens with its dateline.
        let cut = format!("LANVALE, Calder (CNN) -- {BODY} {BODY} {BODY} {BODY} The board");
        let t = format!("Friday, March 3, 2006\n{cut}");
        assert_eq!(run(&t).1, ["Friday, March 3, 2006", "LANVALE, Calder (CNN) -- "]);
        // Inside the story, a name with its party before a colon opens no dateline.
        let t =
            format!("Harbour pilots end their strike\n\n{BODY} {BODY}\n\nJane Roe (Calder Party): {BODY}");
        assert!(run(&t).1.is_empty());
    }

    #[test]
    fn teasers_under_a_closing_promo_heading_to_the_page_end() {
        let t = format!(
            "Harbour pilots end their strike\n\n{BODY} {BODY}\n\nMost Read\n\nA Lanvale baker sold his shop last spring but now says the buyer never paid. He has...\nCalder ferry firm faces inquiry over late sailings\n\nThe Courier\n12 minutes ago"
        );
        assert_eq!(
            run(&t).1,
            [
                "Most Read",
                "A Lanvale baker sold his shop last spring but now says the buyer never paid. He has...\nCalder ferry firm faces inquiry over late sailings",
                "The Courier\n12 minutes ago"
            ]
        );
        // The story going on under the heading, in sentences, is the story's.
        let t = format!(
            "Harbour pilots end their strike\n\n{BODY} {BODY}\n\nRelated\n\nThe pilots voted on Monday.\nTheir union said so."
        );
        assert_eq!(run(&t).1, ["Related"]);
    }

    #[test]
    fn pitches_over_their_buttons_asks_of_the_reader_and_station_promos() {
        // A pitch in paragraphs of its own over its button, inside the story.
        let t = format!(
            "{BODY} {BODY}\n\nGet tomorrow's Calder news today for FREE\n\nReporting for the curious reader across the valley.\n\nREAD NOW\n\n{BODY}"
        );
        assert_eq!(
            run(&t).1,
            [
                "Get tomorrow's Calder news today for FREE",
                "Reporting for the curious reader across the valley.",
                "READ NOW"
            ]
        );
        // A story's sentence over a lone button stays the story's.
        let t = format!("{BODY} {BODY}\n\nThe council meets again on Friday.\n\nSubscribe");
        assert_eq!(run(&t).1, ["Subscribe"]);
        for line in [
            "Let us know by leaving a comment below, or send a message to the Lanvale desk on 555 0100",
            "Subscribe to the Calder Courier's newsletters and follow us on WhatsApp, Facebook and X for the latest news.",
        ] {
            let t = format!("{BODY}\n\n{line}\n\n{BODY}");
            assert_eq!(run(&t).1, [line], "{line}");
        }
        // As the last sentence of a line of the story.
        for ask in [
            "Get the latest details online and on air on Channel 4 this morning.",
            "LIVE updates on Channel 4 from 4:00 p.m.",
        ] {
            let t = format!("{BODY}\n\nA Channel 4 crew is on the way to the quay. {ask}\n\n{BODY}");
            assert_eq!(run(&t).1, [ask], "{ask}");
        }
        // Prose that tells of such asks is the story's.
        for line in [
            "The mayor asked residents to let us know, the council's officers said on Monday.",
            "Residents who subscribe to the service get the latest details by text, the council said.",
            "LIVE music returned to the quay on Saturday. Crowds came early.",
        ] {
            let t = format!("{BODY}\n\n{line}\n\n{BODY}");
            assert!(run(&t).1.is_empty(), "{line}");
        }
    }
}
