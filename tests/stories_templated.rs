//! Story grouping on templated wire copy and on a mixed collection (issue 10, item 4): hundreds
//! of earnings notes, dividend notices and market reports built from one template each stay
//! apart (items of different companies or days are not one story), while re-sent duplicates
//! (same headline, same first paragraph) still group. The template wording is this project's own.

use std::path::PathBuf;
use std::process::Command;

use copydesk::article::{self, Article, Meta};
use copydesk::compare::{Stories, group_stories};
use serde_json::Value;

/// A small deterministic generator (xorshift), so the collection is the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn money(&mut self, lo: u64, hi: u64) -> String {
        let c = lo * 100 + self.below((hi - lo) * 100);
        format!("{}.{:02}", c / 100, c % 100)
    }
}

const SYLLABLES: &[&str] = &[
    "ar", "bel", "cor", "dun", "el", "fen", "gar", "hal", "ist", "jor", "kel", "lor", "mar", "nor", "ost",
    "pel", "quin", "ros", "sar", "tor", "ul", "ver", "wen", "yar",
];
const KINDS: &[&str] = &[
    "Holdings",
    "Mining",
    "Foods",
    "Energy",
    "Logistics",
    "Bank",
    "Telecom",
    "Retail",
];
const CITIES: &[&str] = &[
    "LANVALE",
    "HOLLIN",
    "WESTHAVEN",
    "BRACKENFORD",
    "PORT ELLERY",
    "ARDMOOR",
];
const DAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];

fn company(k: usize) -> String {
    let a = SYLLABLES[k % SYLLABLES.len()];
    let b = SYLLABLES[(k / SYLLABLES.len() + 7) % SYLLABLES.len()];
    let mut name = format!("{a}{b}");
    name[..1].make_ascii_uppercase();
    format!("{name} {}", KINDS[(k / 3) % KINDS.len()])
}

fn city_title(c: &str) -> String {
    c.split(' ')
        .map(|w| w[..1].to_string() + &w[1..].to_lowercase())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A template: headline, first paragraph and the rest of item `k`.
type Maker = fn(&mut Rng, usize) -> (String, String, Vec<String>);

/// An earnings note: headline, a first paragraph naming the company, then the template.
fn earnings(r: &mut Rng, k: usize) -> (String, String, Vec<String>) {
    let co = company(k);
    let city = CITIES[k % CITIES.len()];
    let headline = format!("{co}: Q2 earnings note");
    let first = format!(
        "{city}, Calder (Meridian Wire) — {co} on {} reported second-quarter profit of {} million crowns.",
        DAYS[k % DAYS.len()],
        r.money(5, 900)
    );
    let (eps, est) = (r.money(0, 4), r.money(0, 4));
    let rest = vec![
        format!(
            "The {}-based company said it earned {eps} crowns per share. Excluding one-time items, earnings came to {} crowns per share.",
            city_title(city),
            r.money(0, 4)
        ),
        format!(
            "The result {} forecasts. The average estimate of {} analysts surveyed by Ledgerline was for earnings of {est} crowns per share.",
            if eps > est { "beat" } else { "missed" },
            2 + r.below(9)
        ),
        format!(
            "The company posted revenue of {} million crowns in the period. {} analysts surveyed by Ledgerline expected {} million crowns.",
            r.money(50, 5000),
            2 + r.below(7),
            r.money(50, 5000)
        ),
        format!(
            "{co} shares have {} {}% since the start of the year, while the Westhaven 50 index has risen {}%.",
            if r.below(2) == 0 { "climbed" } else { "fallen" },
            1 + r.below(40),
            1 + r.below(9)
        ),
        "This note was produced from company filings and Ledgerline estimates.".to_string(),
    ];
    (headline, first, rest)
}

/// A dividend notice.
fn dividend(r: &mut Rng, k: usize) -> (String, String, Vec<String>) {
    let co = company(k);
    let headline = format!("{co} declares quarterly dividend");
    let first = format!(
        "{co} said on {} its board had declared a quarterly dividend of {} crowns a share, payable on June {} to shareholders of record on May {}.",
        DAYS[k % DAYS.len()],
        r.money(0, 3),
        1 + r.below(28),
        1 + r.below(28)
    );
    let rest = vec![
        format!(
            "The payout compares with {} crowns a share in the previous quarter. At Friday's closing price of {} crowns, it gives an annual yield of about {}%.",
            r.money(0, 3),
            r.money(5, 150),
            r.money(1, 8)
        ),
        "The company has paid a dividend every quarter since it listed on the Westhaven exchange."
            .to_string(),
        format!("Shares of {co} ended the day {} crowns lower.", r.money(0, 4)),
    ];
    (headline, first, rest)
}

/// A daily market report: the same index and wording every day, other figures and another day.
fn market(r: &mut Rng, k: usize) -> (String, String, Vec<String>) {
    let k = k % 200;
    let day = 1 + (k % 28);
    let month = [
        "January", "February", "March", "April", "May", "June", "July", "August",
    ][k / 28 % 8];
    let headline = format!(
        "Westhaven shares close {} on {month} {day}",
        if k.is_multiple_of(2) { "higher" } else { "lower" }
    );
    let first = format!(
        "WESTHAVEN, {month} {day} (Kestrel) - The Westhaven 50 index closed {}% {} at {} points on {month} {day}, with {} of its members ending the session in the red.",
        r.money(0, 3),
        if k.is_multiple_of(2) { "up" } else { "down" },
        r.money(7000, 9000),
        r.below(50)
    );
    let rest = vec![
        format!(
            "Banks led the moves, with lenders' shares shifting {}% on average, while miners moved {}%.",
            r.money(0, 4),
            r.money(0, 4)
        ),
        format!(
            "The Calder crown traded at {} per dollar, against {} a day earlier, and the ten-year bond yield stood at {}%.",
            r.money(1, 2),
            r.money(1, 2),
            r.money(2, 6)
        ),
        format!(
            "Turnover on the exchange came to {} million crowns.",
            r.money(300, 2000)
        ),
        "(Reporting by Westhaven markets desk)".to_string(),
    ];
    (headline, first, rest)
}

fn render(headline: &str, first: &str, rest: &[String]) -> String {
    let mut t = format!("{headline}\n\n{first}");
    for p in rest {
        t.push_str("\n\n");
        t.push_str(p);
    }
    t
}

struct Collection {
    articles: Vec<Article>,
    /// Which item each article is (a re-send has its item's number).
    item: Vec<usize>,
    /// (item, re-send) article pairs.
    resends: Vec<(usize, usize)>,
}

fn templated(per_template: usize, resends_every: usize) -> Collection {
    let mut r = Rng(0x9e37_79b9_7f4a_7c15);
    let mut c = Collection {
        articles: Vec::new(),
        item: Vec::new(),
        resends: Vec::new(),
    };
    let makers: [Maker; 3] = [earnings, dividend, market];
    for (t, make) in makers.iter().enumerate() {
        for k in 0..per_template {
            // Each template's items are other companies (and days) than the other templates'.
            let (headline, first, mut rest) = make(&mut r, k + 200 * t);
            let item = c.articles.len();
            let meta = |day: Option<usize>| Meta {
                published: day.map(|d| format!("2025-{:02}-{:02}", 1 + d / 28 % 8, 1 + d % 28)),
                ..Meta::default()
            };
            // Market reports carry their day as metadata too, as a feed would.
            let day = (t == 2).then_some(k);
            c.articles.push(article::build(
                &format!("t{t}/{k:04}.txt"),
                render(&headline, &first, &rest),
                "UTF-8",
                meta(day),
                Vec::new(),
            ));
            c.item.push(item);
            if k % resends_every == 0 {
                // Re-sent: same headline and first paragraph, one later figure corrected, and a
                // correction line.
                if let Some(p) = rest.get_mut(1) {
                    *p = p.replacen('0', "1", 1);
                }
                rest.push("This item was re-sent to correct a figure in the third paragraph.".to_string());
                let at = c.articles.len();
                c.articles.push(article::build(
                    &format!("t{t}/{k:04}-resend.txt"),
                    render(&headline, &first, &rest),
                    "UTF-8",
                    meta(day),
                    Vec::new(),
                ));
                c.item.push(item);
                c.resends.push((item, at));
            }
        }
    }
    c
}

/// (pairs inside stories joining different items, pairs inside stories, re-sends grouped).
fn measure(c: &Collection, s: &Stories) -> (usize, usize, usize) {
    let mut wrong = 0;
    let mut all = 0;
    let mut story_of = vec![usize::MAX; c.articles.len()];
    for (k, st) in s.stories.iter().enumerate() {
        for (x, &i) in st.members.iter().enumerate() {
            story_of[i] = k;
            for &j in &st.members[x + 1..] {
                all += 1;
                if c.item[i] != c.item[j] {
                    wrong += 1;
                }
            }
        }
    }
    let grouped = c
        .resends
        .iter()
        .filter(|&&(a, b)| story_of[a] != usize::MAX && story_of[a] == story_of[b])
        .count();
    (wrong, all, grouped)
}

#[test]
fn templated_items_stay_apart_and_resends_group() {
    let c = templated(150, 5);
    assert_eq!(c.articles.len(), 450 + 90);
    let s = group_stories(&c.articles);
    let (wrong, all, grouped) = measure(&c, &s);
    assert!(all > 0, "re-sends make stories");
    assert!(
        (wrong as f64) < 0.02 * all as f64,
        "{wrong} of {all} pairs inside stories join different companies' or days' items: {:?}",
        s.stories
            .iter()
            .filter(|st| st.members.len() > 2)
            .map(|st| st
                .members
                .iter()
                .map(|&i| c.articles[i].path.as_str())
                .collect::<Vec<_>>())
            .collect::<Vec<_>>()
    );
    assert!(
        grouped as f64 >= 0.95 * c.resends.len() as f64,
        "{grouped} of {} re-sends in their item's story",
        c.resends.len()
    );
    // Every story is an item and its re-send: nothing larger.
    assert!(
        s.stories.iter().all(|st| st.members.len() == 2),
        "{:?}",
        s.stories.iter().map(|st| st.members.len()).max()
    );
}

#[test]
fn two_template_items_alone_stay_apart() {
    // Small collections have no frequencies to discount template wording by: the figures and
    // the companies named keep two notes apart.
    let c = templated(2, 1000);
    if let Ok(dir) = std::env::var("DUMP") {
        for a in &c.articles {
            let p = std::path::Path::new(&dir).join(a.path.replace('/', "_"));
            std::fs::write(
                p,
                serde_json::json!({"title": a.title, "text": a.text, "published": a.published}).to_string(),
            )
            .unwrap();
        }
    }
    let s = group_stories(&c.articles);
    assert!(
        s.stories
            .iter()
            .all(|st| st.members.len() == 2 && c.item[st.members[0]] == c.item[st.members[1]]),
        "{s:?}"
    );
}

fn mixed() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/stories-mixed")
}

#[test]
fn mixed_collection_one_event_one_story() {
    let (arts, problems) = article::load_paths(&[mixed()]);
    assert!(problems.is_empty(), "{problems:?}");
    let arts: Vec<Article> = arts
        .into_iter()
        .filter(|a| !a.path.ends_with("README.md"))
        .collect();
    let name = |i: usize| arts[i].file_name().to_string();
    let s = group_stories(&arts);
    assert_eq!(
        s.stories.len(),
        1,
        "{:?}",
        s.stories
            .iter()
            .map(|st| st.members.iter().map(|&i| name(i)).collect::<Vec<_>>())
            .collect::<Vec<_>>()
    );
    let st = &s.stories[0];
    let mut members: Vec<String> = st.members.iter().map(|&i| name(i)).collect();
    members.sort();
    assert_eq!(
        members,
        [
            "rate-march-cut-courier.txt",
            "rate-march-furniture-kvrt.txt",
            "rate-march-kestrel.txt",
            "rate-march-wire.txt"
        ],
        "same topic months apart and template siblings stay out; the other wire's report joins"
    );
    assert_eq!(name(st.original), "rate-march-wire.txt");
    let independent: Vec<String> = st.independent.iter().map(|&i| name(i)).collect();
    assert_eq!(independent, ["rate-march-kestrel.txt"]);
    let mut unrelated: Vec<String> = s.unrelated.iter().map(|&i| name(i)).collect();
    unrelated.sort();
    assert_eq!(
        unrelated,
        [
            "earnings-calloway.txt",
            "earnings-norrow.txt",
            "library-hollin.txt",
            "rate-september-wire.txt"
        ]
    );
}

#[test]
fn stories_json_marks_the_original_and_independent_members() {
    let dir = tempfile::tempdir().expect("tmp");
    for e in std::fs::read_dir(mixed()).expect("fixtures") {
        let p = e.expect("entry").path();
        if p.extension().is_some_and(|x| x == "txt") {
            std::fs::copy(&p, dir.path().join(p.file_name().expect("name"))).expect("copy");
        }
    }
    let out = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(["stories", "--json"])
        .arg(dir.path())
        .output()
        .expect("run");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).expect("json");
    let stories = v["stories"].as_array().expect("stories");
    assert_eq!(stories.len(), 1);
    let st = &stories[0];
    let file = |x: &Value| {
        PathBuf::from(x.as_str().expect("path"))
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned()
    };
    assert_eq!(file(&st["original"]), "rate-march-wire.txt");
    let members = st["members"].as_array().expect("members");
    assert_eq!(members.len(), 4);
    let independent: Vec<String> = st["independent"]
        .as_array()
        .expect("independent")
        .iter()
        .map(file)
        .collect();
    assert_eq!(independent, ["rate-march-kestrel.txt"]);
    let versions = st["versions"].as_array().expect("versions");
    assert_eq!(versions.len(), members.len());
    for (m, ver) in members.iter().zip(versions) {
        assert_eq!(&ver["path"], m, "versions list the members in order");
        let f = file(m);
        assert_eq!(ver["original"], Value::Bool(f == "rate-march-wire.txt"), "{f}");
        assert_eq!(
            ver["independent"],
            Value::Bool(f == "rate-march-kestrel.txt"),
            "{f}"
        );
    }
    assert_eq!(v["unrelated"].as_array().expect("unrelated").len(), 4);

    // The text listing marks them too.
    let out = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .arg("stories")
        .arg(dir.path())
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("story 1 (3 versions, 1 independent)"), "{text}");
    assert!(
        text.lines()
            .any(|l| l.starts_with(" * ") && l.ends_with("rate-march-wire.txt")),
        "{text}"
    );
    assert!(
        text.lines()
            .any(|l| l.starts_with(" ~ ") && l.ends_with("rate-march-kestrel.txt (independent)")),
        "{text}"
    );
}
