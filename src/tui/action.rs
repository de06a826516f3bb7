//! What a user can ask the reader to do. Keys map to these (see `keymap`), and a config file
//! can name them (`"page_down"`), so every variant here is something a key may be bound to.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Quit,
    /// Leave the current mode or prompt (help, search), or clear the message.
    Cancel,
    Help,
    FocusNext,
    FocusPrev,
    Up,
    Down,
    PageUp,
    PageDown,
    HalfPageUp,
    HalfPageDown,
    Top,
    Bottom,
    /// Open the selected article in the reader and focus it.
    Open,
    NextArticle,
    PrevArticle,
    Search,
    NextMatch,
    PrevMatch,
    ToggleBoilerplate,
    /// Accept what was typed in a prompt.
    Confirm,
    /// Delete the character before the cursor in a prompt.
    DeleteBack,
    /// Open (or close) the diff pane: the selected article against another version.
    OpenDiff,
    NextChange,
    PrevChange,
    /// The other version: the next or previous one of the same story.
    NextVersion,
    PrevVersion,
    SwapVersions,
    ToggleInline,
    ToggleCoverage,
    /// Compare boilerplate too, or leave it out (the default).
    DiffBoilerplate,
}

impl Action {
    /// Every action, in the order the help screen lists them within a context.
    pub const ALL: &[Action] = &[
        Action::Up,
        Action::Down,
        Action::PageUp,
        Action::PageDown,
        Action::HalfPageUp,
        Action::HalfPageDown,
        Action::Top,
        Action::Bottom,
        Action::Open,
        Action::NextArticle,
        Action::PrevArticle,
        Action::Search,
        Action::NextMatch,
        Action::PrevMatch,
        Action::ToggleBoilerplate,
        Action::Confirm,
        Action::DeleteBack,
        Action::OpenDiff,
        Action::NextChange,
        Action::PrevChange,
        Action::NextVersion,
        Action::PrevVersion,
        Action::SwapVersions,
        Action::ToggleInline,
        Action::ToggleCoverage,
        Action::DiffBoilerplate,
        Action::FocusNext,
        Action::FocusPrev,
        Action::Help,
        Action::Cancel,
        Action::Quit,
    ];

    /// A word or two for the status-bar hints.
    pub fn label(self) -> &'static str {
        match self {
            Action::Quit => "quit",
            Action::Cancel => "back",
            Action::Help => "help",
            Action::FocusNext => "next pane",
            Action::FocusPrev => "previous pane",
            Action::Up => "up",
            Action::Down => "down",
            Action::PageUp => "page up",
            Action::PageDown => "page down",
            Action::HalfPageUp => "half page up",
            Action::HalfPageDown => "half page down",
            Action::Top => "top",
            Action::Bottom => "bottom",
            Action::Open => "open",
            Action::NextArticle => "next article",
            Action::PrevArticle => "previous article",
            Action::Search => "search",
            Action::NextMatch => "next match",
            Action::PrevMatch => "previous match",
            Action::ToggleBoilerplate => "boilerplate",
            Action::Confirm => "accept",
            Action::DeleteBack => "delete",
            Action::OpenDiff => "compare",
            Action::NextChange => "next change",
            Action::PrevChange => "previous change",
            Action::NextVersion => "next version",
            Action::PrevVersion => "previous version",
            Action::SwapVersions => "swap",
            Action::ToggleInline => "inline",
            Action::ToggleCoverage => "coverage",
            Action::DiffBoilerplate => "boilerplate",
        }
    }

    /// A sentence for the help screen.
    pub fn describe(self) -> &'static str {
        match self {
            Action::Quit => "Quit copydesk",
            Action::Cancel => "Close help or a prompt; clear the message and highlights",
            Action::Help => "Show or hide this help",
            Action::FocusNext => "Move focus to the next pane",
            Action::FocusPrev => "Move focus to the previous pane",
            Action::Up => "Move up one line or article",
            Action::Down => "Move down one line or article",
            Action::PageUp => "Move up one page",
            Action::PageDown => "Move down one page",
            Action::HalfPageUp => "Move up half a page",
            Action::HalfPageDown => "Move down half a page",
            Action::Top => "Go to the top",
            Action::Bottom => "Go to the bottom",
            Action::Open => "Read the selected article",
            Action::NextArticle => "Read the next article",
            Action::PrevArticle => "Read the previous article",
            Action::Search => "Search the article (case-insensitive)",
            Action::NextMatch => "Jump to the next match",
            Action::PrevMatch => "Jump to the previous match",
            Action::ToggleBoilerplate => "Show or hide boilerplate (captions, promos)",
            Action::Confirm => "Accept the search",
            Action::DeleteBack => "Delete the last character",
            Action::OpenDiff => "Open or close the diff: compare with another version",
            Action::NextChange => "Go to the next change (skips unchanged sentences)",
            Action::PrevChange => "Go to the previous change",
            Action::NextVersion => "Compare with the next version of the story",
            Action::PrevVersion => "Compare with the previous version of the story",
            Action::SwapVersions => "Swap the base and the other version",
            Action::ToggleInline => "Inline ([-deleted-] {+inserted+}) or side by side",
            Action::ToggleCoverage => "Coverage: which versions carry each base sentence",
            Action::DiffBoilerplate => "Compare boilerplate too, or leave it out",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_config_files_are_snake_case() {
        let a: Action = serde_json::from_str("\"toggle_boilerplate\"").unwrap();
        assert_eq!(a, Action::ToggleBoilerplate);
        assert!(serde_json::from_str::<Action>("\"no_such_action\"").is_err());
    }

    #[test]
    fn all_lists_every_action_once() {
        let mut seen = std::collections::HashSet::new();
        for a in Action::ALL {
            assert!(seen.insert(*a), "{a:?} twice");
            // Round trip through the config name, so ALL cannot miss a variant a config names.
            let s = serde_json::to_string(a).unwrap();
            assert_eq!(serde_json::from_str::<Action>(&s).unwrap(), *a);
        }
        assert_eq!(seen.len(), 31);
    }
}
