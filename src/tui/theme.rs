//! Styles. Every meaning a colour carries is also carried by a modifier (bold, reverse,
//! underline, italic, dim), so the screen still reads under NO_COLOR or on a monochrome terminal.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub no_color: bool,
    pub border: Style,
    pub border_focused: Style,
    pub title: Style,
    pub title_focused: Style,
    pub selected: Style,
    /// The selected article while the sidebar is not focused.
    pub selected_unfocused: Style,
    pub dim: Style,
    pub heading: Style,
    pub boilerplate: Style,
    pub search_match: Style,
    pub current_match: Style,
    pub status: Style,
    pub hint_key: Style,
    pub error: Style,
    pub prompt: Style,
    /// Diff pane: a sentence only in the base (removed), only in the other version (added),
    /// reworded (edited), or found elsewhere in the other (moved). The sign column (−, +, ~, ↕)
    /// carries the same meaning without colour.
    pub diff_removed: Style,
    pub diff_added: Style,
    pub diff_edited: Style,
    pub diff_moved: Style,
    /// Words deleted from, or inserted into, an edited sentence.
    pub diff_deleted_word: Style,
    pub diff_inserted_word: Style,
    /// Notes the diff pane writes itself ("moved to ¶ 7").
    pub diff_note: Style,
}

impl Theme {
    /// The default dark theme, or its colourless twin when `no_color` is set.
    pub fn new(no_color: bool) -> Theme {
        let m = Style::new();
        let c = |style: Style, colored: Style| if no_color { style } else { style.patch(colored) };
        Theme {
            no_color,
            border: c(m, m.fg(Color::DarkGray)),
            border_focused: c(m.add_modifier(Modifier::BOLD), m.fg(Color::Cyan)),
            title: m,
            title_focused: c(m.add_modifier(Modifier::BOLD), m.fg(Color::Cyan)),
            selected: c(m.add_modifier(Modifier::REVERSED | Modifier::BOLD), m),
            selected_unfocused: c(m.add_modifier(Modifier::BOLD), m.fg(Color::Cyan)),
            dim: c(m.add_modifier(Modifier::DIM), m.fg(Color::Gray)),
            heading: m.add_modifier(Modifier::BOLD),
            boilerplate: c(
                m.add_modifier(Modifier::DIM | Modifier::ITALIC),
                m.fg(Color::DarkGray),
            ),
            search_match: c(m.add_modifier(Modifier::REVERSED), m),
            current_match: c(
                m.add_modifier(Modifier::REVERSED | Modifier::BOLD | Modifier::UNDERLINED),
                m.fg(Color::Yellow),
            ),
            status: m,
            hint_key: c(m.add_modifier(Modifier::BOLD), m.fg(Color::Cyan)),
            error: c(m.add_modifier(Modifier::BOLD), m.fg(Color::Red)),
            prompt: m.add_modifier(Modifier::BOLD),
            diff_removed: c(m.add_modifier(Modifier::ITALIC), m.fg(Color::Red)),
            diff_added: c(m, m.fg(Color::Green)),
            diff_edited: c(m, m.fg(Color::Yellow)),
            diff_moved: c(m, m.fg(Color::Magenta)),
            diff_deleted_word: c(
                m.add_modifier(Modifier::CROSSED_OUT | Modifier::BOLD),
                m.fg(Color::LightRed),
            ),
            diff_inserted_word: c(
                m.add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
                m.fg(Color::LightGreen),
            ),
            diff_note: c(
                m.add_modifier(Modifier::DIM | Modifier::ITALIC),
                m.fg(Color::Magenta),
            ),
        }
    }

    /// NO_COLOR is honoured when set to anything but the empty string (https://no-color.org).
    pub fn from_env() -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Theme::new(no_color)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_theme_has_no_colour_but_keeps_meanings_apart() {
        let t = Theme::new(true);
        let all = [
            t.border,
            t.border_focused,
            t.title_focused,
            t.selected,
            t.dim,
            t.boilerplate,
            t.search_match,
            t.current_match,
            t.hint_key,
            t.error,
        ];
        for s in all {
            assert_eq!(s.fg, None);
            assert_eq!(s.bg, None);
        }
        assert_ne!(t.search_match, t.current_match);
        assert_ne!(t.boilerplate, Style::new());
        assert_ne!(t.border, t.border_focused);
    }

    #[test]
    fn diff_words_keep_their_meaning_without_colour() {
        let t = Theme::new(true);
        for s in [
            t.diff_removed,
            t.diff_added,
            t.diff_edited,
            t.diff_moved,
            t.diff_deleted_word,
            t.diff_inserted_word,
            t.diff_note,
        ] {
            assert_eq!((s.fg, s.bg), (None, None));
        }
        // Deleted words are struck, inserted ones underlined; the rows' ops are in the sign column.
        assert!(t.diff_deleted_word.add_modifier.contains(Modifier::CROSSED_OUT));
        assert!(t.diff_inserted_word.add_modifier.contains(Modifier::UNDERLINED));
        assert_ne!(t.diff_deleted_word, t.diff_inserted_word);
        assert_ne!(t.diff_note, Style::new());
    }
}
