//! Quotations and speakers on the hand-written test articles: attribution after the quote
//! (`," said U.S. Attorney Daniel Okafor`, `," Bruins coach Mike Sullivan said`), before it
//! (`called the verdict "..."`), pronouns (`she told reporters`), quotes spanning paragraphs,
//! and quotes that stay unattributed.

use copydesk::entities::analyse_text;

fn quotes(file: &str) -> Vec<(String, Option<String>)> {
    let path = format!("{}/tests/fixtures/entities/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(path).expect("fixture");
    analyse_text(&text)
        .quotes
        .into_iter()
        .map(|q| (text[q.range].to_string(), q.speaker.map(|s| text[s].to_string())))
        .collect()
}

fn speaker_of(qs: &[(String, Option<String>)], start: &str) -> Option<String> {
    qs.iter()
        .find(|(q, _)| q.starts_with(start))
        .unwrap_or_else(|| panic!("no quote starting {start:?} in {qs:?}"))
        .1
        .clone()
}

#[test]
fn court_verdict() {
    let qs = quotes("articles/court_verdict.txt");
    assert_eq!(qs.len(), 6, "{qs:?}");
    assert_eq!(
        speaker_of(&qs, "\"This verdict").as_deref(),
        Some("Daniel Okafor")
    );
    // Second quote of the paragraph: same speaker.
    assert_eq!(speaker_of(&qs, "\"Mr. Kessler").as_deref(), Some("Daniel Okafor"));
    // "she told reporters": the pronoun resolved to the person named before it.
    assert_eq!(
        speaker_of(&qs, "“We respectfully").as_deref(),
        Some("Rachel Lindqvist")
    );
    assert_eq!(
        speaker_of(&qs, "\"a sad day").as_deref(),
        Some("Sharon Whitfield")
    );
}

#[test]
fn sports_and_earnings() {
    let qs = quotes("articles/sports.txt");
    assert_eq!(speaker_of(&qs, "\"That's why").as_deref(), Some("Mike Sullivan"));
    assert_eq!(speaker_of(&qs, "\"We had our").as_deref(), Some("Mercer"));
    let qs = quotes("articles/earnings.txt");
    assert_eq!(
        speaker_of(&qs, "\"Spending on AI").as_deref(),
        Some("Dan Feldman")
    );
    assert_eq!(
        speaker_of(&qs, "\"We are at the beginning").as_deref(),
        Some("Priya Raman")
    );
}

#[test]
fn quote_spanning_paragraphs_and_unattributed_ones() {
    let qs = quotes("heldout/articles/quake.txt");
    let (body, who) = qs
        .iter()
        .find(|(q, _)| q.starts_with("“We could not"))
        .expect("spanning quote");
    assert!(
        body.contains("\n\n“When the rescuers") && body.ends_with("prayer beads.”"),
        "{body:?}"
    );
    assert_eq!(who.as_deref(), Some("Ayse Demir"));
    let qs = quotes("heldout/articles/mideast.txt");
    // `... had "a limited mandate." Hamas official Osama Hamdan told ...`: the period closes the
    // sentence inside the quote, so the next sentence's speaker is not this quote's.
    assert_eq!(speaker_of(&qs, "\"a limited mandate"), None);
}

#[test]
fn institutions_speak_after_the_quote() {
    // `," Eskom said`: an organisation named only where it speaks is the quote's speaker too.
    let text = "Power cuts will last into the weekend, the utility warned. \
                \"We are bringing units back as fast as we can,\" Eskom said on Friday.";
    let a = analyse_text(text);
    let q = a.quotes.first().expect("one quote");
    assert_eq!(q.speaker.clone().map(|s| &text[s]), Some("Eskom"));
}
