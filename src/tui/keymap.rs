//! The one table of key bindings: dispatch, the help screen and the status-bar hints all read it,
//! so a binding changed here (or later from a config file) changes all three.

use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::{Deserialize, Serialize};

use super::action::Action;

/// Where a binding applies. A key is looked up in the focused context first, then in the
/// contexts it falls back to (see [`Context::fallbacks`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Context {
    /// Anywhere outside a prompt.
    Global,
    /// The open article, from any pane that shows one (sidebar or reader).
    Article,
    Sidebar,
    Reader,
    /// Typing a search: unbound printable keys are the search text.
    Search,
    Help,
    /// The notes pane.
    Notes,
    /// Writing a note: unbound keys are the note's text.
    NoteEditor,
    /// A yes/no question (discard an unsaved note?).
    Question,
    /// The results of a search across every article.
    Results,
    /// The diff pane (side by side, inline, coverage).
    Diff,
    /// The entity panel.
    Entities,
    /// The entity index over every article.
    Index,
}

impl Context {
    /// The order the help screen lists contexts in.
    pub const ALL: &[Context] = &[
        Context::Global,
        Context::Article,
        Context::Sidebar,
        Context::Reader,
        Context::Results,
        Context::Diff,
        Context::Search,
        Context::Help,
        Context::Notes,
        Context::Entities,
        Context::Index,
        Context::NoteEditor,
        Context::Question,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Context::Global => "Everywhere",
            Context::Article => "The open article (sidebar and reader)",
            Context::Sidebar => "Articles (sidebar)",
            Context::Reader => "Reader",
            Context::Search => "Prompts (search, filter, find in all)",
            Context::Help => "Help",
            Context::Notes => "Notes pane",
            Context::NoteEditor => "Note editor (also Ctrl-U undo, Alt-F/Alt-B or Ctrl-←/→ by word)",
            Context::Question => "Question (discard changes?)",
            Context::Results => "Results of a search in every article",
            Context::Diff => "Compare versions (diff pane)",
            Context::Entities => "Entity panel",
            Context::Index => "Entity index (every article)",
        }
    }

    /// This context and the ones searched after it, most specific first.
    pub fn fallbacks(self) -> &'static [Context] {
        match self {
            Context::Global => &[Context::Global],
            Context::Article => &[Context::Article, Context::Global],
            Context::Sidebar => &[Context::Sidebar, Context::Article, Context::Global],
            Context::Reader => &[Context::Reader, Context::Article, Context::Global],
            // A prompt takes printable keys as text, so nothing falls through to single letters.
            Context::Search => &[Context::Search],
            Context::Help => &[Context::Help, Context::Global],
            Context::Notes => &[Context::Notes, Context::Article, Context::Global],
            // The editor takes printable keys as text, like the search prompt.
            Context::NoteEditor => &[Context::NoteEditor],
            Context::Question => &[Context::Question],
            Context::Results => &[Context::Results, Context::Article, Context::Global],
            // Not the Article context: search and boilerplate there are the reader's.
            Context::Diff => &[Context::Diff, Context::Global],
            Context::Entities => &[Context::Entities, Context::Article, Context::Global],
            // Not the Article context: the index is about every article, not the open one.
            Context::Index => &[Context::Index, Context::Global],
        }
    }
}

/// A key with its modifiers, normalised so that `G` is `G` whether or not the terminal reports
/// Shift with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

impl Key {
    pub fn new(code: KeyCode, mods: KeyModifiers) -> Key {
        let mut mods = mods & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        // Shift is already in the character (and in BackTab); terminals differ in reporting it.
        if matches!(code, KeyCode::Char(_) | KeyCode::BackTab) {
            mods.remove(KeyModifiers::SHIFT);
        }
        Key { code, mods }
    }

    pub fn plain(code: KeyCode) -> Key {
        Key::new(code, KeyModifiers::NONE)
    }

    pub fn char(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    pub fn ctrl(c: char) -> Key {
        Key::new(KeyCode::Char(c), KeyModifiers::CONTROL)
    }
}

impl From<KeyEvent> for Key {
    fn from(e: KeyEvent) -> Key {
        Key::new(e.code, e.modifiers)
    }
}

const NAMED: &[(&str, KeyCode)] = &[
    ("space", KeyCode::Char(' ')),
    ("enter", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("shift-tab", KeyCode::BackTab),
    ("backspace", KeyCode::Backspace),
    ("delete", KeyCode::Delete),
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("pgup", KeyCode::PageUp),
    ("pgdn", KeyCode::PageDown),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("insert", KeyCode::Insert),
];

impl fmt::Display for Key {
    /// The form shown in help and hints; `FromStr` reads it back (case-insensitively for names).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.mods.contains(KeyModifiers::CONTROL) {
            f.write_str("Ctrl-")?;
        }
        if self.mods.contains(KeyModifiers::ALT) {
            f.write_str("Alt-")?;
        }
        if self.mods.contains(KeyModifiers::SHIFT) {
            f.write_str("Shift-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::PageUp => f.write_str("PgUp"),
            KeyCode::PageDown => f.write_str("PgDn"),
            KeyCode::Home => f.write_str("Home"),
            KeyCode::End => f.write_str("End"),
            KeyCode::Enter => f.write_str("Enter"),
            KeyCode::Esc => f.write_str("Esc"),
            KeyCode::Tab => f.write_str("Tab"),
            KeyCode::BackTab => f.write_str("Shift-Tab"),
            KeyCode::Backspace => f.write_str("Backspace"),
            KeyCode::Delete => f.write_str("Delete"),
            KeyCode::Insert => f.write_str("Insert"),
            KeyCode::F(n) => write!(f, "F{n}"),
            other => write!(f, "{other:?}"),
        }
    }
}

#[derive(Debug, thiserror::Error, PartialEq)]
#[error("unknown key {0:?} (use a character, or a name such as ctrl-c, space, pgdn, shift-tab, f1)")]
pub struct KeyParseError(pub String);

impl FromStr for Key {
    type Err = KeyParseError;

    /// Reads "j", "G", "?", "space", "ctrl-d", "alt-x", "pgdn", "shift-tab", "f5", "↓".
    fn from_str(s: &str) -> Result<Key, KeyParseError> {
        let err = || KeyParseError(s.to_string());
        let mut mods = KeyModifiers::NONE;
        let mut rest = s;
        loop {
            let lower = rest.to_ascii_lowercase();
            let strip = |p: &str| lower.starts_with(p) && rest.len() > p.len();
            if strip("ctrl-") {
                mods |= KeyModifiers::CONTROL;
                rest = &rest[5..];
            } else if strip("alt-") {
                mods |= KeyModifiers::ALT;
                rest = &rest[4..];
            } else if strip("shift-") && !lower.eq_ignore_ascii_case("shift-tab") {
                mods |= KeyModifiers::SHIFT;
                rest = &rest[6..];
            } else {
                break;
            }
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) => match c {
                '↑' => KeyCode::Up,
                '↓' => KeyCode::Down,
                '←' => KeyCode::Left,
                '→' => KeyCode::Right,
                // Ctrl-letters arrive lowercase from terminals.
                c if mods.contains(KeyModifiers::CONTROL) => KeyCode::Char(c.to_ascii_lowercase()),
                c => KeyCode::Char(c),
            },
            (None, _) => return Err(err()),
            _ => {
                let lower = rest.to_ascii_lowercase();
                let alias = match lower.as_str() {
                    "pageup" => "pgup",
                    "pagedown" => "pgdn",
                    "escape" => "esc",
                    "return" => "enter",
                    "backtab" => "shift-tab",
                    other => other,
                };
                if let Some((_, code)) = NAMED.iter().find(|(n, _)| *n == alias) {
                    *code
                } else if let Some(n) = alias.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
                    KeyCode::F(n)
                } else {
                    return Err(err());
                }
            }
        };
        Ok(Key::new(code, mods))
    }
}

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Key, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Binding {
    pub context: Context,
    pub key: Key,
    pub action: Action,
}

/// The bindings in table order (the order help lists keys in) and an index for dispatch.
#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: Vec<Binding>,
    index: HashMap<(Context, Key), Action>,
}

impl Default for Keymap {
    fn default() -> Keymap {
        use Action as A;
        use Context as C;
        use KeyCode as K;
        let p = Key::plain;
        let c = Key::char;
        let table: Vec<(Context, Key, Action)> = vec![
            (C::Global, c('q'), A::Quit),
            (C::Global, Key::ctrl('c'), A::Quit),
            (C::Global, c('?'), A::Help),
            (C::Global, p(K::Tab), A::FocusNext),
            (C::Global, p(K::BackTab), A::FocusPrev),
            (C::Global, p(K::Esc), A::Cancel),
            (C::Global, c('!'), A::ShowProblems),
            (C::Article, c('/'), A::Search),
            (C::Article, c('n'), A::NextMatch),
            (C::Article, c('N'), A::PrevMatch),
            (C::Article, c('b'), A::ToggleBoilerplate),
            (C::Article, c(']'), A::NextArticle),
            (C::Article, c('['), A::PrevArticle),
            (C::Sidebar, c('j'), A::Down),
            (C::Sidebar, p(K::Down), A::Down),
            (C::Sidebar, c('k'), A::Up),
            (C::Sidebar, p(K::Up), A::Up),
            (C::Sidebar, p(K::PageDown), A::PageDown),
            (C::Sidebar, p(K::PageUp), A::PageUp),
            (C::Sidebar, c('g'), A::Top),
            (C::Sidebar, p(K::Home), A::Top),
            (C::Sidebar, c('G'), A::Bottom),
            (C::Sidebar, p(K::End), A::Bottom),
            (C::Sidebar, p(K::Enter), A::Open),
            (C::Sidebar, c('l'), A::Open),
            (C::Reader, c('j'), A::Down),
            (C::Reader, p(K::Down), A::Down),
            (C::Reader, c('k'), A::Up),
            (C::Reader, p(K::Up), A::Up),
            (C::Reader, p(K::PageDown), A::PageDown),
            (C::Reader, c(' '), A::PageDown),
            (C::Reader, p(K::PageUp), A::PageUp),
            (C::Reader, Key::ctrl('d'), A::HalfPageDown),
            (C::Reader, Key::ctrl('u'), A::HalfPageUp),
            (C::Reader, c('g'), A::Top),
            (C::Reader, p(K::Home), A::Top),
            (C::Reader, c('G'), A::Bottom),
            (C::Reader, p(K::End), A::Bottom),
            (C::Search, p(K::Enter), A::Confirm),
            (C::Search, p(K::Esc), A::Cancel),
            (C::Search, p(K::Backspace), A::DeleteBack),
            (C::Search, Key::ctrl('c'), A::Cancel),
            (C::Help, c('j'), A::Down),
            (C::Help, p(K::Down), A::Down),
            (C::Help, c('k'), A::Up),
            (C::Help, p(K::Up), A::Up),
            (C::Help, p(K::PageDown), A::PageDown),
            (C::Help, c(' '), A::PageDown),
            (C::Help, p(K::PageUp), A::PageUp),
            (C::Help, c('g'), A::Top),
            (C::Help, c('G'), A::Bottom),
            (C::Help, c('q'), A::Cancel),
            (C::Help, c('?'), A::Cancel),
            (C::Reader, c(')'), A::NextSentence),
            (C::Reader, c('('), A::PrevSentence),
            (C::Reader, c('}'), A::NextParagraph),
            (C::Reader, c('{'), A::PrevParagraph),
            (C::Article, c('a'), A::AddNote),
            (C::Article, c('A'), A::AddArticleNote),
            (C::Article, c('e'), A::EditNote),
            (C::Article, c('d'), A::DeleteNote),
            (C::Article, c('u'), A::UndoDelete),
            (C::Article, c('m'), A::ToggleNotes),
            (C::Article, c('M'), A::AllNotes),
            (C::Notes, c('j'), A::Down),
            (C::Notes, p(K::Down), A::Down),
            (C::Notes, c('k'), A::Up),
            (C::Notes, p(K::Up), A::Up),
            (C::Notes, p(K::PageDown), A::PageDown),
            (C::Notes, p(K::PageUp), A::PageUp),
            (C::Notes, c('g'), A::Top),
            (C::Notes, p(K::Home), A::Top),
            (C::Notes, c('G'), A::Bottom),
            (C::Notes, p(K::End), A::Bottom),
            (C::Notes, p(K::Enter), A::GoToNote),
            (C::NoteEditor, Key::ctrl('s'), A::SaveNote),
            (C::NoteEditor, p(K::Esc), A::Cancel),
            (C::NoteEditor, Key::ctrl('c'), A::Cancel),
            (C::NoteEditor, Key::ctrl('z'), A::UndoEdit),
            (C::NoteEditor, Key::ctrl('r'), A::RedoEdit),
            (C::Question, c('y'), A::Yes),
            (C::Question, c('Y'), A::Yes),
            (C::Question, c('n'), A::No),
            (C::Question, c('N'), A::No),
            (C::Question, p(K::Esc), A::No),
            (C::Question, Key::ctrl('s'), A::SaveNote),
            (C::Sidebar, c('f'), A::Filter),
            (C::Sidebar, c('s'), A::CycleSort),
            (C::Sidebar, c('z'), A::ToggleFold),
            (C::Article, c('r'), A::ToggleRead),
            (C::Article, c('F'), A::FindAll),
            (C::Article, c('y'), A::Copy),
            (C::Results, c('j'), A::Down),
            (C::Results, p(K::Down), A::Down),
            (C::Results, c('k'), A::Up),
            (C::Results, p(K::Up), A::Up),
            (C::Results, p(K::PageDown), A::PageDown),
            (C::Results, p(K::PageUp), A::PageUp),
            (C::Results, c('g'), A::Top),
            (C::Results, c('G'), A::Bottom),
            (C::Results, p(K::Enter), A::Open),
            (C::Results, c('l'), A::Open),
            (C::Article, c('D'), A::OpenDiff),
            (C::Diff, c('D'), A::OpenDiff),
            (C::Diff, c('j'), A::Down),
            (C::Diff, p(K::Down), A::Down),
            (C::Diff, c('k'), A::Up),
            (C::Diff, p(K::Up), A::Up),
            (C::Diff, p(K::PageDown), A::PageDown),
            (C::Diff, c(' '), A::PageDown),
            (C::Diff, p(K::PageUp), A::PageUp),
            (C::Diff, Key::ctrl('d'), A::HalfPageDown),
            (C::Diff, Key::ctrl('u'), A::HalfPageUp),
            (C::Diff, c('g'), A::Top),
            (C::Diff, p(K::Home), A::Top),
            (C::Diff, c('G'), A::Bottom),
            (C::Diff, p(K::End), A::Bottom),
            (C::Diff, c('n'), A::NextChange),
            (C::Diff, c('N'), A::PrevChange),
            (C::Diff, c('v'), A::NextVersion),
            (C::Diff, c('V'), A::PrevVersion),
            (C::Diff, c('s'), A::SwapVersions),
            (C::Diff, c('i'), A::ToggleInline),
            (C::Diff, c('c'), A::ToggleCoverage),
            (C::Diff, c('h'), A::ScrollLeft),
            (C::Diff, p(K::Left), A::ScrollLeft),
            (C::Diff, c('l'), A::ScrollRight),
            (C::Diff, p(K::Right), A::ScrollRight),
            (C::Diff, c('b'), A::DiffBoilerplate),
            (C::Article, c('E'), A::ToggleEntityPanel),
            (C::Article, c('1'), A::TogglePerson),
            (C::Article, c('2'), A::ToggleOrg),
            (C::Article, c('3'), A::TogglePlace),
            (C::Article, c('4'), A::ToggleNorp),
            (C::Article, c('5'), A::ToggleDate),
            (C::Article, c('6'), A::ToggleNumber),
            (C::Article, c('0'), A::ToggleAllLabels),
            (C::Entities, c('j'), A::Down),
            (C::Entities, p(K::Down), A::Down),
            (C::Entities, c('k'), A::Up),
            (C::Entities, p(K::Up), A::Up),
            (C::Entities, p(K::PageDown), A::PageDown),
            (C::Entities, p(K::PageUp), A::PageUp),
            (C::Entities, c('g'), A::Top),
            (C::Entities, p(K::Home), A::Top),
            (C::Entities, c('G'), A::Bottom),
            (C::Entities, p(K::End), A::Bottom),
            (C::Entities, p(K::Enter), A::ChooseEntity),
            (C::Article, c('I'), A::ToggleIndex),
            (C::Index, c('I'), A::ToggleIndex),
            (C::Index, c('j'), A::Down),
            (C::Index, p(K::Down), A::Down),
            (C::Index, c('k'), A::Up),
            (C::Index, p(K::Up), A::Up),
            (C::Index, p(K::PageDown), A::PageDown),
            (C::Index, c(' '), A::PageDown),
            (C::Index, p(K::PageUp), A::PageUp),
            (C::Index, c('g'), A::Top),
            (C::Index, p(K::Home), A::Top),
            (C::Index, c('G'), A::Bottom),
            (C::Index, p(K::End), A::Bottom),
            (C::Index, p(K::Enter), A::Open),
            (C::Index, c('l'), A::Open),
            (C::Index, c('f'), A::Filter),
            (C::Index, c('/'), A::Filter),
            (C::Diff, c('x'), A::ExportComparison),
            (C::Article, c('o'), A::FetchUrl),
            (C::Article, c('R'), A::Refetch),
        ];
        Keymap::from_bindings(
            table
                .into_iter()
                .map(|(context, key, action)| Binding { context, key, action })
                .collect(),
        )
    }
}

impl Keymap {
    pub fn from_bindings(bindings: Vec<Binding>) -> Keymap {
        let mut index = HashMap::new();
        for b in &bindings {
            // The first binding of a key in a context wins, as the help screen shows it.
            index.entry((b.context, b.key)).or_insert(b.action);
        }
        Keymap { bindings, index }
    }

    /// Every binding, in table order.
    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    /// Binds `key` to `action` in `context`, replacing what the key did there (for a config file).
    pub fn bind(&mut self, context: Context, key: Key, action: Action) {
        self.bindings.retain(|b| !(b.context == context && b.key == key));
        self.bindings.push(Binding { context, key, action });
        self.index.insert((context, key), action);
    }

    /// The action `key` triggers in `context`, looking through its fallbacks.
    pub fn lookup(&self, context: Context, key: Key) -> Option<Action> {
        context
            .fallbacks()
            .iter()
            .find_map(|c| self.index.get(&(*c, key)).copied())
    }

    /// The keys that trigger `action` from `context` (including its fallbacks), in table order,
    /// leaving out keys shadowed by a more specific binding.
    pub fn keys_for(&self, context: Context, action: Action) -> Vec<Key> {
        let mut keys = Vec::new();
        for c in context.fallbacks() {
            for b in self
                .bindings
                .iter()
                .filter(|b| b.context == *c && b.action == action)
            {
                if self.lookup(context, b.key) == Some(action) && !keys.contains(&b.key) {
                    keys.push(b.key);
                }
            }
        }
        keys
    }

    /// The bindings of one context (not its fallbacks), grouped by action in table order:
    /// what the help screen lists.
    pub fn entries(&self, context: Context) -> Vec<(Action, Vec<Key>)> {
        let mut out: Vec<(Action, Vec<Key>)> = Vec::new();
        for b in self.bindings.iter().filter(|b| b.context == context) {
            if self.index.get(&(context, b.key)) != Some(&b.action) {
                continue;
            }
            match out.iter_mut().find(|(a, _)| *a == b.action) {
                Some((_, keys)) => keys.push(b.key),
                None => out.push((b.action, vec![b.key])),
            }
        }
        out
    }

    /// The key the status-bar hint shows for an action: its first binding reachable here.
    pub fn hint_key(&self, context: Context, action: Action) -> Option<Key> {
        self.keys_for(context, action).into_iter().next()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_parse_and_print_back() {
        for s in [
            "j",
            "G",
            "?",
            "/",
            "Space",
            "Ctrl-c",
            "PgDn",
            "PgUp",
            "Shift-Tab",
            "↓",
            "Enter",
            "F5",
            "Alt-x",
        ] {
            let k: Key = s.parse().unwrap();
            assert_eq!(k.to_string(), s, "{s}");
        }
        assert_eq!("ctrl-C".parse::<Key>().unwrap(), Key::ctrl('c'));
        assert_eq!("pagedown".parse::<Key>().unwrap(), Key::plain(KeyCode::PageDown));
        assert!("ctrl-".parse::<Key>().is_err());
        assert!("nonsense".parse::<Key>().is_err());
    }

    #[test]
    fn shift_is_normalised_for_characters() {
        let ev = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(Key::from(ev), Key::char('G'));
    }

    #[test]
    fn lookup_prefers_the_specific_context() {
        let km = Keymap::default();
        assert_eq!(km.lookup(Context::Help, Key::char('q')), Some(Action::Cancel));
        assert_eq!(km.lookup(Context::Reader, Key::char('q')), Some(Action::Quit));
        assert_eq!(
            km.lookup(Context::Reader, Key::char('n')),
            Some(Action::NextMatch)
        );
        assert_eq!(km.lookup(Context::Search, Key::char('q')), None);
        assert_eq!(km.lookup(Context::Reader, Key::char(' ')), Some(Action::PageDown));
    }

    #[test]
    fn inverse_lookup_leaves_out_shadowed_keys() {
        let km = Keymap::default();
        assert_eq!(km.keys_for(Context::Help, Action::Quit), vec![Key::ctrl('c')]);
        assert_eq!(
            km.keys_for(Context::Reader, Action::Down),
            vec![Key::char('j'), Key::plain(KeyCode::Down)]
        );
        assert_eq!(
            km.hint_key(Context::Sidebar, Action::Search),
            Some(Key::char('/'))
        );
    }

    #[test]
    fn rebinding_changes_dispatch_and_help() {
        let mut km = Keymap::default();
        km.bind(Context::Reader, Key::char('x'), Action::Down);
        km.bind(Context::Reader, Key::char('j'), Action::Top);
        assert_eq!(km.lookup(Context::Reader, Key::char('x')), Some(Action::Down));
        let down = km
            .entries(Context::Reader)
            .into_iter()
            .find(|(a, _)| *a == Action::Down)
            .unwrap();
        assert!(down.1.contains(&Key::char('x')) && !down.1.contains(&Key::char('j')));
    }

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        let km = Keymap::default();
        let mut seen = std::collections::HashSet::new();
        for b in &km.bindings {
            assert!(
                seen.insert((b.context, b.key)),
                "{:?} {} bound twice",
                b.context,
                b.key
            );
        }
    }

    proptest::proptest! {
        /// A config file may say anything: parsing never panics, and what parses prints back to
        /// a string that parses to the same key.
        #[test]
        fn any_key_name_parses_or_errs(s in "((?i)ctrl-|alt-|shift-){0,3}(\\PC{0,3}|pgdn|space|f[0-9]{1,3}|shift-tab)") {
            if let Ok(k) = s.parse::<Key>() {
                proptest::prop_assert_eq!(k.to_string().parse::<Key>(), Ok(k));
            }
        }
    }
}
