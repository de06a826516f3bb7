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
    /// Select the next sentence as the passage to annotate.
    NextSentence,
    PrevSentence,
    /// Select the next paragraph as the passage to annotate.
    NextParagraph,
    PrevParagraph,
    /// Write a note on the selected passage.
    AddNote,
    /// Write a note on the whole article.
    AddArticleNote,
    /// Edit the note on the selected passage, or the one chosen in the notes pane.
    EditNote,
    /// Delete that note (undo brings it back).
    DeleteNote,
    /// Bring back the last deleted note.
    UndoDelete,
    /// Show the open article's notes, or hide the notes pane.
    ToggleNotes,
    /// Show every note.
    AllNotes,
    /// Go to the chosen note's passage in its article.
    GoToNote,
    /// Save the note being written.
    SaveNote,
    /// Undo typing in the note editor.
    UndoEdit,
    /// Redo typing in the note editor.
    RedoEdit,
    /// Answer yes to a question.
    Yes,
    /// Answer no to a question.
    No,
    /// Filter the sidebar by title, source and path, as typed.
    Filter,
    /// Sort the sidebar by the next order (path, title, source, date, length, story).
    CycleSort,
    /// Fold the selected article's story to its original in the sidebar, or unfold it.
    ToggleFold,
    /// Mark the article read or unread.
    ToggleRead,
    /// Search every loaded article.
    FindAll,
    /// Copy the selected passage with its attribution to the clipboard (OSC 52).
    Copy,
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
    /// Show the entity panel, or hide it.
    ToggleEntityPanel,
    /// Highlight every mention of the entity under the panel's cursor (n/N follow them).
    ChooseEntity,
    /// Turn the highlighting of people on or off.
    TogglePerson,
    ToggleOrg,
    TogglePlace,
    ToggleNorp,
    ToggleDate,
    ToggleNumber,
    /// Turn every entity label off, or all back on.
    ToggleAllLabels,
    /// Show the entity index of every loaded article, or hide it.
    ToggleIndex,
    /// Write the comparison in the diff pane as Markdown and HTML to the data directory.
    ExportComparison,
    /// Fetch a page or feed into the library (asks for the URL) and open it.
    FetchUrl,
    /// Fetch the open article's page again; a changed version joins its story.
    Refetch,
    /// List the problems met while loading (files that could not be read), or close the list.
    ShowProblems,
    /// Scroll sideways: the coverage view's version columns.
    ScrollLeft,
    ScrollRight,
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
        Action::FindAll,
        Action::Filter,
        Action::CycleSort,
        Action::ToggleFold,
        Action::ToggleRead,
        Action::Copy,
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
        Action::ScrollLeft,
        Action::ScrollRight,
        Action::DiffBoilerplate,
        Action::FocusNext,
        Action::FocusPrev,
        Action::Help,
        Action::ShowProblems,
        Action::Cancel,
        Action::Quit,
        Action::NextSentence,
        Action::PrevSentence,
        Action::NextParagraph,
        Action::PrevParagraph,
        Action::AddNote,
        Action::AddArticleNote,
        Action::EditNote,
        Action::DeleteNote,
        Action::UndoDelete,
        Action::ToggleNotes,
        Action::AllNotes,
        Action::GoToNote,
        Action::SaveNote,
        Action::UndoEdit,
        Action::RedoEdit,
        Action::Yes,
        Action::No,
        Action::ToggleEntityPanel,
        Action::ChooseEntity,
        Action::TogglePerson,
        Action::ToggleOrg,
        Action::TogglePlace,
        Action::ToggleNorp,
        Action::ToggleDate,
        Action::ToggleNumber,
        Action::ToggleAllLabels,
        Action::ToggleIndex,
        Action::ExportComparison,
        Action::FetchUrl,
        Action::Refetch,
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
            Action::NextSentence => "next sentence",
            Action::PrevSentence => "previous sentence",
            Action::NextParagraph => "next paragraph",
            Action::PrevParagraph => "previous paragraph",
            Action::AddNote => "note",
            Action::AddArticleNote => "note on article",
            Action::EditNote => "edit note",
            Action::DeleteNote => "delete note",
            Action::UndoDelete => "undo delete",
            Action::ToggleNotes => "notes",
            Action::AllNotes => "all notes",
            Action::GoToNote => "go to",
            Action::SaveNote => "save",
            Action::UndoEdit => "undo",
            Action::RedoEdit => "redo",
            Action::Yes => "yes",
            Action::No => "no",
            Action::Filter => "filter",
            Action::CycleSort => "sort",
            Action::ToggleFold => "fold story",
            Action::ToggleRead => "read/unread",
            Action::FindAll => "find in all",
            Action::Copy => "copy",
            Action::OpenDiff => "compare",
            Action::NextChange => "next change",
            Action::PrevChange => "previous change",
            Action::NextVersion => "next version",
            Action::PrevVersion => "previous version",
            Action::SwapVersions => "swap",
            Action::ToggleInline => "inline",
            Action::ToggleCoverage => "coverage",
            Action::DiffBoilerplate => "boilerplate",
            Action::ToggleEntityPanel => "entities",
            Action::ChooseEntity => "highlight",
            Action::TogglePerson => "people",
            Action::ToggleOrg => "organisations",
            Action::TogglePlace => "places",
            Action::ToggleNorp => "nationalities",
            Action::ToggleDate => "dates",
            Action::ToggleNumber => "numbers",
            Action::ToggleAllLabels => "all labels",
            Action::ToggleIndex => "entity index",
            Action::ExportComparison => "export",
            Action::FetchUrl => "fetch URL",
            Action::Refetch => "fetch again",
            Action::ShowProblems => "problems",
            Action::ScrollLeft => "columns left",
            Action::ScrollRight => "columns right",
        }
    }

    /// A sentence for the help screen's row in `context`: what the action does there, where
    /// that differs from [`Action::describe`].
    pub fn describe_in(self, context: crate::tui::keymap::Context) -> &'static str {
        use crate::tui::keymap::Context as C;
        match (self, context) {
            (Action::Cancel, C::Search) => {
                "Leave the prompt (a search puts the view back; a filter is cleared)"
            }
            (Action::Cancel, C::Help) => "Close the help",
            (Action::Cancel, C::NoteEditor) => {
                "Close the editor without saving (asks first when the note was changed)"
            }
            _ => self.describe(),
        }
    }

    /// A sentence for the help screen.
    pub fn describe(self) -> &'static str {
        match self {
            Action::Quit => "Quit copydesk",
            Action::Cancel => {
                "Close help, a prompt or the topmost pane (the focused one, else the one opened last); else clear the highlights"
            }
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
            Action::Search => "Search the article (case and accents ignored)",
            Action::NextMatch => "Jump to the next match",
            Action::PrevMatch => "Jump to the previous match",
            Action::ToggleBoilerplate => "Show or hide boilerplate (captions, promos)",
            Action::Confirm => "Accept the search",
            Action::DeleteBack => "Delete the last character",
            Action::NextSentence => "Select the next sentence, to write a note on",
            Action::PrevSentence => "Select the previous sentence",
            Action::NextParagraph => "Select the next paragraph",
            Action::PrevParagraph => "Select the previous paragraph",
            Action::AddNote => "Write a note on the selected passage",
            Action::AddArticleNote => "Write a note on the whole article",
            Action::EditNote => "Edit the note on the selection, or chosen in the list",
            Action::DeleteNote => "Delete that note (it can be brought back)",
            Action::UndoDelete => "Bring back the last deleted note",
            Action::ToggleNotes => "Show this article's notes; again to hide them",
            Action::AllNotes => "Show every note, in all articles",
            Action::GoToNote => "Open the note's article at its passage",
            Action::SaveNote => "Save the note and close the editor",
            Action::UndoEdit => "Undo typing",
            Action::RedoEdit => "Redo typing",
            Action::Yes => "Yes (discard the changes)",
            Action::No => "No (back to the note)",
            Action::Filter => "Filter the articles by title, source and path (Esc clears)",
            Action::CycleSort => "Sort by path, title, source, date (newest first), length, story",
            Action::ToggleFold => {
                "Fold the story to its original (+N versions hidden; independent reports stay); again to unfold"
            }
            Action::ToggleRead => "Mark the article read or unread",
            Action::FindAll => "Search every loaded article (case and accents ignored)",
            Action::Copy => "Copy the passage with outlet, title and path (OSC 52)",
            Action::OpenDiff => "Open or close the diff: compare with another version",
            Action::NextChange => "Go to the next change (skips unchanged sentences)",
            Action::PrevChange => "Go to the previous change",
            Action::NextVersion => "Compare with the next version of the story",
            Action::PrevVersion => "Compare with the previous version of the story",
            Action::SwapVersions => "Swap the base and the other version",
            Action::ToggleInline => "Inline ([-deleted-] {+inserted+}) or side by side",
            Action::ToggleCoverage => "Coverage: which versions carry each base sentence",
            Action::DiffBoilerplate => "Compare boilerplate too, or leave it out",
            Action::ToggleEntityPanel => "Show the article's entities by label; again to hide them",
            Action::ChooseEntity => "Highlight every mention of the entity; n/N go through them",
            Action::TogglePerson => "Highlight people (PERSON) or not",
            Action::ToggleOrg => "Highlight organisations (ORG) or not",
            Action::TogglePlace => "Highlight places (PLACE) or not",
            Action::ToggleNorp => "Highlight nationalities and groups (NORP) or not",
            Action::ToggleDate => "Highlight dates and times (DATE) or not",
            Action::ToggleNumber => "Highlight numbers (NUMBER) or not",
            Action::ToggleAllLabels => "Turn every entity highlight off, or all back on",
            Action::ToggleIndex => "Entity index of every article: who is named where; again to hide",
            Action::ExportComparison => "Export the comparison as Markdown and HTML (data dir, exports/)",
            Action::FetchUrl => "Fetch a page or RSS/Atom feed into the library; open it",
            Action::Refetch => "Fetch the page again; a changed version joins the story",
            Action::ShowProblems => "List the files that could not be read; again to close",
            Action::ScrollLeft => "Coverage: show the version columns to the left",
            Action::ScrollRight => "Coverage: show more version columns, to the right",
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
        assert_eq!(seen.len(), 70);
    }
}
