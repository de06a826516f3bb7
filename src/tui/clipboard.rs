//! Copying to the clipboard through the terminal: the OSC 52 escape, which terminals (and tmux
//! with `set-clipboard on`) turn into a clipboard write, also over ssh. The event loop writes it;
//! `App::update` only leaves the text in `CollectionState::clipboard`.

use base64::Engine as _;

/// The escape that asks the terminal to put `text` on the system clipboard ("c").
pub fn osc52(text: &str) -> String {
    let b64 = base64::engine::general_purpose::STANDARD.encode(text.as_bytes());
    // BEL ends it: understood by every terminal that knows OSC 52, unlike ST in some.
    format!("\x1b]52;c;{b64}\x07")
}

/// A passage with where it came from, as pasted into a story or report:
///
/// “passage”
/// — Outlet, “Title” (path)
///
/// With no outlet known the path stands alone: a file name is not an outlet to credit.
pub fn with_attribution(passage: &str, source: Option<&str>, title: Option<&str>, path: &str) -> String {
    let passage = passage.trim();
    match (source, title) {
        (Some(s), Some(t)) => format!("“{passage}”\n— {s}, “{t}” ({path})"),
        (Some(s), None) => format!("“{passage}”\n— {s} ({path})"),
        (None, Some(t)) => format!("“{passage}”\n— “{t}” ({path})"),
        (None, None) => format!("“{passage}”\n— {path}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn osc52_is_base64_of_the_utf8_between_the_markers() {
        assert_eq!(osc52("hi"), "\x1b]52;c;aGk=\x07");
        assert_eq!(osc52(""), "\x1b]52;c;\x07");
        let s = osc52("Orbán “quoted”\n— AP");
        let b64 = s
            .strip_prefix("\x1b]52;c;")
            .unwrap()
            .strip_suffix('\x07')
            .unwrap();
        // Only the base64 alphabet: no byte of the text can end the escape early.
        assert!(
            b64.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b))
        );
        let back = base64::engine::general_purpose::STANDARD.decode(b64).unwrap();
        assert_eq!(String::from_utf8(back).unwrap(), "Orbán “quoted”\n— AP");
    }

    #[test]
    fn attribution_names_outlet_title_and_path() {
        assert_eq!(
            with_attribution(
                " Brink spoke. ",
                Some("CBS News"),
                Some("Putin accuses"),
                "seeds/002.txt"
            ),
            "“Brink spoke.”\n— CBS News, “Putin accuses” (seeds/002.txt)"
        );
        assert_eq!(
            with_attribution("x", Some("AP"), None, "seeds/001.txt"),
            "“x”\n— AP (seeds/001.txt)"
        );
        // No outlet known: the file is named as a file, not credited as an outlet.
        assert_eq!(
            with_attribution("x", None, Some("Talks"), "seeds/001.txt"),
            "“x”\n— “Talks” (seeds/001.txt)"
        );
        assert_eq!(
            with_attribution("x", None, None, "seeds/001.txt"),
            "“x”\n— seeds/001.txt"
        );
    }
}
