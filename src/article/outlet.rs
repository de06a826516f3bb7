//! The outlet's name, read from page furniture: chrome ("Watch CBS News", "Log in to NBC News",
//! "© 2022 Reuters"), contributor taglines ("NPR's … contributed") and datelines ("(AP)").
//! A candidate must look like an outlet's name (capitalised, short, with an acronym or a word
//! such as News, Times, Post), so "Watch Live" names nobody.

use std::sync::LazyLock;

use regex::Regex;

use super::boilerplate::re;

/// Outlet names in chrome: "Watch CBS News", "Download the NBC News App", "© 2022 Reuters",
/// "Log in to NBC News", "CBS News App Open".
static OUTLET_CHROME: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:^(?:Watch|View|Open|Get|Download|Install|Read)(?: the| it on| in)?\s+(?P<a>.+?)(?:\s+(?:App|app|In|in|Now|now|on \w+|Live|live))?\s*$|^(?P<b>.+?)\s+App\b|(?:©|Copyright|\([cC]\))\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(?P<c>[^.,]+?)(?:\.|,|$|\s+All rights)|(?i:log|sign) (?:in|up) (?:to|with|for) (?P<d>[^.,!]+?)\s*(?:$|[.,!]))",
    )
});

/// Words that name a kind of outlet, so "Watch CBS News" yields a source but "Watch Live" not.
const OUTLET_WORDS: &[&str] = &[
    "News",
    "Times",
    "Post",
    "Journal",
    "Herald",
    "Tribune",
    "Guardian",
    "Telegraph",
    "Independent",
    "Mail",
    "Express",
    "Mirror",
    "Star",
    "Sun",
    "Globe",
    "Chronicle",
    "Gazette",
    "Observer",
    "Review",
    "Today",
    "Daily",
    "Weekly",
    "Radio",
    "TV",
    "Network",
    "Press",
    "Magazine",
    "Wire",
    "Media",
    "Insider",
    "Reuters",
    "Bloomberg",
    "Politico",
    "Axios",
    "Economist",
    "Standard",
    "Record",
    "Examiner",
    "Courier",
];

fn outlet_like(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.is_empty() || words.len() > 5 || name.len() > 40 {
        return false;
    }
    let capitalised = words.iter().all(|w| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            || *w == "the"
    });
    let caps_word = words
        .iter()
        .any(|w| w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase()));
    capitalised && (caps_word || words.iter().any(|w| OUTLET_WORDS.contains(w)))
}

/// Full names of agencies that datelines and taglines abbreviate.
fn canonical_outlet(name: &str) -> String {
    match name.trim().trim_start_matches("The ") {
        "Associated Press" => "AP".into(),
        "Agence France-Presse" => "AFP".into(),
        other => other.to_string(),
    }
}

/// The outlet a name stands for, if it looks like one ("Associated Press" is "AP").
pub fn named(name: &str) -> Option<String> {
    outlet_like(name.trim()).then(|| canonical_outlet(name))
}

/// The outlet a line of chrome names, if any.
pub fn in_chrome(line: &str) -> Option<String> {
    let c = OUTLET_CHROME.captures(line)?;
    let name = ["a", "b", "c", "d"].iter().find_map(|g| c.name(g))?.as_str();
    named(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chrome_names_outlets_and_only_outlets() {
        assert_eq!(in_chrome("Watch CBS News").as_deref(), Some("CBS News"));
        assert_eq!(
            in_chrome("Download the Daily Planet App").as_deref(),
            Some("Daily Planet")
        );
        assert_eq!(
            in_chrome("© 2022 Reuters. All rights reserved").as_deref(),
            Some("Reuters")
        );
        assert_eq!(in_chrome("Log in to NBC News").as_deref(), Some("NBC News"));
        assert_eq!(in_chrome("CBS News App Open").as_deref(), Some("CBS News"));
        assert_eq!(in_chrome("Watch Live"), None);
        assert_eq!(in_chrome("Sign up for our newsletter"), None);
        assert_eq!(named("The Associated Press").as_deref(), Some("AP"));
    }
}
