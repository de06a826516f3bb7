//! The reader's state and the one place it changes: [`App::update`]. No I/O here; keys, mouse,
//! resizes and loading events all arrive as [`Msg`]s, so tests drive the app without a terminal.

use std::ops::Range;
use std::sync::Arc;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};

use super::action::Action;
use super::analysis::{Analysed, Analyses};
use super::collection::{CollectionState, Prompt};
use super::draw::{self, SidebarWidth};
use super::keymap::{Context, Key, Keymap};
use super::panes::diff::{self, DiffState};
use super::panes::editor::{self, NoteEditor};
use super::panes::entities::{self, EntitiesState};
use super::panes::help;
use super::panes::notes::{self, NotesState};
use super::panes::reader::{self, Layer, ReaderState, WrapKey};
use super::panes::sidebar::{self, SidebarState};
use super::stories::{self, Grouped, StoryGroups};
use super::theme::Theme;
use super::work::Work;
use crate::article::{Article, LoadEvent};

/// What a user (later, a config file) can set.
#[derive(Debug, Clone)]
pub struct Options {
    pub keymap: Keymap,
    pub theme: Theme,
    /// The reader's longest line, in columns.
    pub reading_width: u16,
    pub show_boilerplate: bool,
    pub sidebar_width: SidebarWidth,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            keymap: Keymap::default(),
            theme: Theme::new(false),
            reading_width: 80,
            show_boilerplate: true,
            sidebar_width: SidebarWidth::Auto,
        }
    }
}

/// The panes that can hold focus, in Tab order. An entity panel, diff pane or notes pane is one
/// more variant here, with its own keymap context and its own module in `panes/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaneId {
    Sidebar,
    Reader,
    Notes,
    /// Hits of a search across every article (shown after one).
    Results,
    Diff,
    Entities,
    /// The entity index over every article (takes the screen, as the diff pane does).
    Index,
}

impl PaneId {
    pub fn context(self) -> Context {
        match self {
            PaneId::Sidebar => Context::Sidebar,
            PaneId::Reader => Context::Reader,
            PaneId::Notes => Context::Notes,
            PaneId::Results => Context::Results,
            PaneId::Diff => Context::Diff,
            PaneId::Entities => Context::Entities,
            PaneId::Index => Context::Index,
        }
    }

    pub fn hints(self) -> &'static [Action] {
        match self {
            PaneId::Sidebar => sidebar::HINTS,
            PaneId::Reader => reader::HINTS,
            PaneId::Notes => notes::HINTS,
            PaneId::Results => super::panes::results::HINTS,
            PaneId::Diff => diff::HINTS,
            PaneId::Entities => entities::HINTS,
            PaneId::Index => super::panes::index::HINTS,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Mode {
    Normal,
    Search(SearchPrompt),
    Help {
        scroll: usize,
    },
    /// The list of problems met while loading (`!`).
    Problems {
        scroll: usize,
    },
    /// Writing a note: the editor takes the keys.
    Note(Box<NoteEditor>),
    /// Typing the sidebar filter or a search across every article.
    Prompt(Prompt),
}

/// A search being typed. Esc puts back what was there before.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchPrompt {
    pub input: String,
    previous: Option<Jumps>,
    scroll_before: usize,
}

/// Where the highlighted ranges came from. n/N follow whatever was chosen last (as in vim); an
/// entity chosen in the entity panel is another variant, highlighted and followed the same way.
#[derive(Debug, Clone, PartialEq)]
pub enum JumpKind {
    Search {
        query: String,
    },
    /// A search across every article (the results pane); n/N go on into the next article.
    Collection {
        query: String,
    },
    /// An entity chosen in the entity panel: its label, the keys its mentions are grouped by
    /// (to find it again in another version of the story), and its name.
    Entity {
        label: crate::entities::Label,
        keys: Vec<String>,
        name: String,
    },
}

/// Highlighted ranges in the open article and the one n/N last landed on.
#[derive(Debug, Clone, PartialEq)]
pub struct Jumps {
    pub kind: JumpKind,
    /// Byte ranges into the article's text, sorted.
    pub ranges: Vec<Range<usize>>,
    pub current: Option<usize>,
}

impl Jumps {
    fn describe(&self) -> String {
        match &self.kind {
            JumpKind::Search { query } | JumpKind::Collection { query } => format!("“{query}”"),
            JumpKind::Entity { name, .. } => name.clone(),
        }
    }

    /// What one range is called in the status bar: "match", "mention".
    pub fn unit(&self) -> &'static str {
        match self.kind {
            JumpKind::Search { .. } | JumpKind::Collection { .. } => "match",
            JumpKind::Entity { .. } => "mention",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub error: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Loading {
    pub active: bool,
    /// Files found, once known.
    pub found: Option<usize>,
    /// Files read (or failed).
    pub files_done: usize,
}

/// Everything that changes the app.
#[derive(Debug)]
pub enum Msg {
    Action(Action),
    /// A character typed into a prompt.
    Input(char),
    Load(LoadEvent),
    /// The background load ended without its `Done` (the loader thread died), and why.
    LoadFailed(String),
    Resize(u16, u16),
    Mouse(MouseEvent),
    /// A key for the note editor's text.
    EditKey(KeyEvent),
    /// Time for background work done in steps (a search across every article).
    Tick,
    /// A watched file or folder changed.
    Watch(crate::collection::WatchEvent),
    /// Story grouping made on a background thread.
    Stories(Grouped),
    /// Entity analysis finished in the background.
    Analysed(Analysed),
    /// The entity index, built in the background.
    Indexed(Box<super::panes::index::Built>),
    /// A comparison export was written (or not).
    Exported(super::export::Exported),
    /// Progress of a fetch, or what it brought.
    Fetch(super::fetch::FetchMsg),
}

impl From<Action> for Msg {
    fn from(a: Action) -> Msg {
        Msg::Action(a)
    }
}

/// Where things are on a screen of the current size; `None` when the terminal is too small.
#[derive(Debug, Clone, Copy)]
pub struct Geometry {
    pub sidebar: Rect,
    pub sidebar_inner: Rect,
    pub reader: Rect,
    /// The reader's text column.
    pub body: Rect,
    /// The notes pane, while shown.
    pub notes: Option<Rect>,
    /// The results pane, when shown.
    pub results: Option<Rect>,
    /// The entity panel, while shown.
    pub entities: Option<Rect>,
}

#[derive(Debug)]
pub struct App {
    /// The loaded articles, each held once: background jobs (story grouping, entity analysis,
    /// the entity index) take `Arc`s of them rather than copies.
    pub articles: Vec<Arc<Article>>,
    pub keymap: Keymap,
    pub theme: Theme,
    /// The reader's longest line, in columns.
    pub reading_width: u16,
    pub show_boilerplate: bool,
    pub focus: PaneId,
    pub mode: Mode,
    pub sidebar: SidebarState,
    pub reader: ReaderState,
    pub jumps: Option<Jumps>,
    pub loading: Loading,
    pub message: Option<Message>,
    /// Every problem met while loading, for the status bar and for stderr on exit.
    pub problems: Vec<String>,
    pub size: (u16, u16),
    pub quit: bool,
    /// The notes store, the passage cursor and the notes pane.
    pub notes: NotesState,
    /// The sidebar's filter and order, read marks, cross-article search, clipboard.
    pub collection: CollectionState,
    pub sidebar_width: SidebarWidth,
    /// A drag of the sidebar's border is under way.
    pub dragging_border: bool,
    pub diff: DiffState,
    pub stories: StoryGroups,
    /// Computations waiting for a thread (see [`super::work`]).
    pub work: Vec<Work>,
    /// Entity analyses, done and wanted.
    pub analyses: Analyses,
    /// Entity labels shown and the entity panel.
    pub entities: EntitiesState,
    /// The entity index pane.
    pub index: super::panes::index::IndexState,
    /// The library fetched pages go to, and fetches under way.
    pub fetch: super::fetch::FetchState,
    /// The panes that open beside the reader (results, notes, entities) while shown, in the
    /// order they opened: Esc closes the last one.
    pub opened: Vec<PaneId>,
}

impl App {
    pub fn new(articles: Vec<Article>, options: Options) -> App {
        let Options {
            keymap,
            theme,
            reading_width,
            show_boilerplate,
            sidebar_width,
        } = options;
        let articles: Vec<Arc<Article>> = articles.into_iter().map(Arc::new).collect();
        let collection = CollectionState::new(&articles);
        let mut app = App {
            collection,
            articles,
            keymap,
            theme,
            reading_width,
            show_boilerplate,
            focus: PaneId::Sidebar,
            mode: Mode::Normal,
            sidebar: SidebarState::default(),
            reader: ReaderState::default(),
            jumps: None,
            loading: Loading::default(),
            message: None,
            problems: Vec::new(),
            size: (0, 0),
            quit: false,
            notes: NotesState::default(),
            sidebar_width,
            dragging_border: false,
            diff: DiffState::default(),
            stories: StoryGroups::default(),
            work: Vec::new(),
            analyses: Analyses::default(),
            entities: EntitiesState::default(),
            index: Default::default(),
            fetch: Default::default(),
            opened: Vec::new(),
        };
        app.regroup();
        app
    }

    /// The articles changed (loaded, fetched, added, changed or removed on disk): the grouping
    /// is dropped and a new one made on a background thread. While one is under way, another is
    /// only asked for, and starts when the first answers, so a burst of changes (a folder
    /// synced, an editor saving twice) regroups twice at most; keys never regroup.
    pub fn regroup(&mut self) {
        self.stories.invalidate();
        if self.articles.is_empty() {
            return;
        }
        if self.stories.pending {
            self.stories.again = true;
            return;
        }
        self.stories.pending = true;
        self.work.push(stories::job(&self.articles));
    }

    /// A background grouping answered: applied when it was made for the list as it is, and
    /// another started when the list changed meanwhile.
    fn stories_answered(&mut self, grouped: Grouped) {
        self.stories.pending = false;
        let again = std::mem::take(&mut self.stories.again);
        if again {
            return self.regroup();
        }
        self.apply_stories(grouped);
    }

    /// The computations queued for a background thread, taken by the event loop.
    pub fn take_work(&mut self) -> Vec<Work> {
        std::mem::take(&mut self.work)
    }

    /// Runs the queued computations here and now, their progress first (for tests and
    /// benchmarks).
    pub fn run_work(&mut self) {
        for w in self.take_work() {
            let progress = std::cell::RefCell::new(Vec::new());
            let msg = w.run_with(&|m| progress.borrow_mut().push(m));
            for m in progress.into_inner() {
                self.update(m);
            }
            self.update(msg);
        }
    }

    /// Applies a story grouping (reordering the list so each story's versions are together),
    /// keeping the selected article.
    pub fn apply_stories(&mut self, grouped: Grouped) {
        let selected = self.current_article().map(|a| a.path.clone());
        if self.stories.apply(&mut self.articles, grouped) {
            self.articles_reordered(selected.as_deref());
            let story_of: Vec<Option<usize>> = (0..self.articles.len())
                .map(|i| self.stories.story_index(i))
                .collect();
            self.collection.listing.set_stories(&story_of);
            let c = &mut self.collection;
            c.listing.refresh(&c.filter, c.sort);
            self.hide_folded();
        }
    }

    /// The panes on screen, in Tab order. Panes that open and close (entities, diff, notes) join
    /// this list while they are shown.
    pub fn panes(&self) -> Vec<PaneId> {
        if self.diff.open {
            // The diff pane takes the width of both, for two readable columns.
            return vec![PaneId::Diff];
        }
        if self.index.open {
            return vec![PaneId::Index];
        }
        let mut panes = vec![PaneId::Sidebar, PaneId::Reader];
        if self.collection.results.is_some() {
            panes.push(PaneId::Results);
        }
        if self.notes.shown {
            panes.push(PaneId::Notes);
        }
        if self.entities.shown {
            panes.push(PaneId::Entities);
        }
        panes
    }

    /// Marks a background load as started, so progress shows until its `Done` arrives.
    pub fn start_loading(&mut self) {
        self.loading.active = true;
    }

    /// The keymap context keys are looked up in now.
    pub fn context(&self) -> Context {
        match self.mode {
            Mode::Normal => self.focus.context(),
            Mode::Search(_) | Mode::Prompt(_) => Context::Search,
            // The problems list scrolls and closes with the help's keys.
            Mode::Help { .. } | Mode::Problems { .. } => Context::Help,
            Mode::Note(ref ed) if ed.confirm => Context::Question,
            Mode::Note(_) => Context::NoteEditor,
        }
    }

    /// Maps a key through the keymap and applies it.
    pub fn handle_key(&mut self, key: KeyEvent) {
        let k = Key::from(key);
        let ctx = self.context();
        if let Some(action) = self.keymap.lookup(ctx, k) {
            self.update(Msg::Action(action));
        } else if ctx == Context::Search
            && let KeyCode::Char(c) = k.code
            && !k.mods.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
        {
            self.update(Msg::Input(c));
        } else if ctx == Context::NoteEditor {
            self.update(Msg::EditKey(key));
        }
    }

    pub fn current_article(&self) -> Option<&Article> {
        self.current_index()
            .and_then(|i| self.articles.get(i))
            .map(|a| &**a)
    }

    /// Index in `articles` of the article open in the reader: the sidebar's selection, through
    /// the filter and order the sidebar shows.
    pub fn current_index(&self) -> Option<usize> {
        self.collection.listing.order.get(self.sidebar.selected).copied()
    }

    pub fn geometry(&self) -> Option<Geometry> {
        let area = Rect::new(0, 0, self.size.0, self.size.1);
        let s = draw::screen_for(self, area)?;
        let (reader_area, results) = super::panes::results::split(s.reader, self);
        let sidebar_inner = draw::pane_block("", false, &self.theme).inner(s.sidebar);
        let reader_inner = draw::pane_block("", false, &self.theme).inner(reader_area);
        let (_, body) = reader::areas(reader_inner, self.current_article(), self.reading_width);
        Some(Geometry {
            sidebar: s.sidebar,
            sidebar_inner,
            reader: reader_area,
            body,
            notes: s.notes,
            results,
            entities: s.entities,
        })
    }

    pub fn wrap_key(&self, width: u16) -> WrapKey {
        WrapKey {
            article_id: self.current_article().map(|a| a.id.clone()).unwrap_or_default(),
            width: width as usize,
            hide_boilerplate: !self.show_boilerplate,
        }
    }

    /// The styles laid over the reader's text, lowest first.
    pub fn reader_layers(&self) -> Vec<Layer<'_>> {
        let mut layers = Vec::new();
        if let Some(a) = self.current_article()
            && self.show_boilerplate
        {
            layers.push(Layer {
                ranges: &a.boilerplate,
                style: self.theme.boilerplate,
            });
        }
        // Under notes and search, so a match inside a name still shows.
        layers.extend(entities::layers(self));
        let styles = notes::NoteStyles::new(&self.theme);
        layers.push(Layer {
            ranges: self.notes.carried_ranges(),
            style: styles.carried,
        });
        layers.push(Layer {
            ranges: self.notes.own_ranges(),
            style: styles.passage,
        });
        layers.push(Layer {
            ranges: self.notes.selection_ranges(),
            style: styles.selected,
        });
        if let Some(j) = &self.jumps {
            layers.push(Layer {
                ranges: &j.ranges,
                style: self.theme.search_match,
            });
            if let Some(r) = j.current.and_then(|i| j.ranges.get(i)) {
                layers.push(Layer {
                    ranges: std::slice::from_ref(r),
                    style: self.theme.current_match,
                });
            }
        }
        layers
    }

    pub(super) fn reader_height(&self) -> usize {
        self.geometry().map_or(1, |g| g.body.height as usize)
    }

    pub(super) fn sidebar_visible(&self) -> usize {
        self.geometry()
            .map_or(1, |g| sidebar::visible_items(g.sidebar_inner.height))
    }

    /// How to see the problems met so far, for a message counting them: "! lists them".
    pub(super) fn problems_hint(&self) -> String {
        self.keymap
            .hint_key(Context::Global, Action::ShowProblems)
            .map(|k| format!("{k} lists them"))
            .unwrap_or_else(|| "listed on exit".to_string())
    }

    pub(super) fn say(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            error: false,
        });
    }

    pub(super) fn complain(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            error: true,
        });
    }

    pub fn update(&mut self, msg: impl Into<Msg>) {
        let before = self.sidebar.selected;
        let before_id = self.current_article().map(|a| a.id.clone());
        match msg.into() {
            Msg::Action(a) => self.action(a),
            Msg::Input(c) => {
                if let Mode::Search(p) = &mut self.mode {
                    p.input.push(c);
                    self.search_as_typed();
                } else {
                    self.prompt_input(c);
                }
            }
            Msg::Load(ev) => self.load_event(ev),
            Msg::LoadFailed(why) => {
                self.loading.active = false;
                self.complain(format!("Loading stopped: {why}"));
                self.problems.push(why);
            }
            Msg::Resize(w, h) => self.size = (w, h),
            Msg::Mouse(m) => self.mouse(m),
            Msg::EditKey(k) => editor::key(self, k),
            Msg::Tick => self.search_step(),
            Msg::Watch(ev) => self.watch_event(ev),
            Msg::Stories(g) => self.stories_answered(g),
            Msg::Analysed(done) => entities::apply(self, done),
            Msg::Indexed(built) => super::panes::index::apply(self, *built),
            Msg::Exported(result) => super::export::done(self, result),
            Msg::Fetch(m) => super::fetch::apply(self, m),
        }
        self.sync();
        let after_id = self.current_article().map(|a| a.id.clone());
        if before != self.sidebar.selected || before_id != after_id {
            self.article_changed();
        }
        entities::refresh(self);
        notes::refresh(self);
        self.collection_settle();
        super::panes::index::refresh(self);
        self.track_opened();
    }

    /// The side panes shown now, in Tab order.
    fn side_panes(&self) -> Vec<PaneId> {
        let mut v = Vec::new();
        if self.collection.results.is_some() {
            v.push(PaneId::Results);
        }
        if self.notes.shown {
            v.push(PaneId::Notes);
        }
        if self.entities.shown {
            v.push(PaneId::Entities);
        }
        v
    }

    /// Keeps [`App::opened`] in step with the panes shown, whatever opened or closed them.
    fn track_opened(&mut self) {
        let shown = self.side_panes();
        self.opened.retain(|p| shown.contains(p));
        for p in shown {
            if !self.opened.contains(&p) {
                self.opened.push(p);
            }
        }
    }

    /// The pane Esc closes: the focused side pane, else the one opened last.
    pub fn topmost_pane(&self) -> Option<PaneId> {
        let shown = self.side_panes();
        if shown.contains(&self.focus) {
            return Some(self.focus);
        }
        self.opened.iter().rev().find(|p| shown.contains(p)).copied()
    }

    /// Closes a side pane; focus left in it goes to the reader.
    fn close_pane(&mut self, pane: PaneId) {
        match pane {
            PaneId::Results => self.collection.results = None,
            PaneId::Notes => self.notes.shown = false,
            PaneId::Entities => self.entities.shown = false,
            _ => return,
        }
        self.opened.retain(|p| *p != pane);
        if self.focus == pane {
            self.focus = PaneId::Reader;
        }
    }

    /// Esc in normal mode: the focused side pane closes; else the sidebar's filter is cleared;
    /// else a sentence or paragraph selected by hand goes (with the highlights); else the side
    /// pane opened last closes; else the message and highlights are cleared. (The diff pane
    /// and the entity index take Esc themselves.)
    fn cancel(&mut self) {
        self.message = None;
        if let Some(p) = self.topmost_pane()
            && p == self.focus
        {
            return self.close_pane(p);
        }
        if self.cancel_in_collection() {
            return;
        }
        let chosen = self.notes.selection.as_ref().is_some_and(|s| {
            matches!(
                s.kind,
                notes::PassageKind::Sentence | notes::PassageKind::Paragraph
            )
        });
        if !chosen && let Some(p) = self.topmost_pane() {
            return self.close_pane(p);
        }
        self.jumps = None;
        self.notes.selection = None;
    }

    fn action(&mut self, action: Action) {
        match (&mut self.mode, action) {
            (_, Action::Quit) => self.quit = true,
            (Mode::Help { .. }, Action::Cancel | Action::Help) => self.mode = Mode::Normal,
            (Mode::Help { scroll }, a) => {
                let screen = Rect::new(0, 0, self.size.0, self.size.1);
                let rows = help::visible_rows(screen);
                let width = help::text_width(screen);
                let total = help::lines(&self.keymap, self.theme.heading, self.theme.hint_key, width).len();
                let max = total.saturating_sub(rows.max(1));
                *scroll = match a {
                    Action::Down => *scroll + 1,
                    Action::Up => scroll.saturating_sub(1),
                    Action::PageDown => *scroll + rows.max(1),
                    Action::PageUp => scroll.saturating_sub(rows.max(1)),
                    Action::Top => 0,
                    Action::Bottom => max,
                    _ => *scroll,
                }
                .min(max);
            }
            (Mode::Problems { .. }, Action::Cancel | Action::ShowProblems) => self.mode = Mode::Normal,
            (Mode::Problems { .. }, a) => {
                let screen = Rect::new(0, 0, self.size.0, self.size.1);
                let rows = help::visible_rows(screen).max(1);
                let total = super::panes::problems::lines(self, screen).len();
                let max = total.saturating_sub(rows);
                let Mode::Problems { scroll } = &mut self.mode else {
                    return;
                };
                *scroll = match a {
                    Action::Down => *scroll + 1,
                    Action::Up => scroll.saturating_sub(1),
                    Action::PageDown => *scroll + rows,
                    Action::PageUp => scroll.saturating_sub(rows),
                    Action::Top => 0,
                    Action::Bottom => max,
                    _ => *scroll,
                }
                .min(max);
            }
            (Mode::Search(_), Action::Cancel) => {
                if let Mode::Search(p) = std::mem::replace(&mut self.mode, Mode::Normal) {
                    self.jumps = p.previous;
                    self.reader.scroll = p.scroll_before;
                }
            }
            (Mode::Search(p), Action::DeleteBack) => {
                if p.input.pop().is_none() {
                    // Backspace on an empty prompt leaves it, as in vim.
                    self.action(Action::Cancel);
                } else {
                    self.search_as_typed();
                }
            }
            (Mode::Search(_), Action::Confirm) => self.confirm_search(),
            (Mode::Search(_), _) => {}
            (Mode::Note(_), a) => editor::action(self, a),
            (Mode::Prompt(_), a) => self.prompt_action(a),
            (Mode::Normal, a) => {
                // A message answers the last key; the next one clears it (as in vim), and the
                // status bar goes back to hints. Load problems stay counted on the right.
                self.message = None;
                self.normal_action(a);
            }
        }
    }

    fn normal_action(&mut self, action: Action) {
        let len = self.collection.listing.order.len();
        if self.focus == PaneId::Diff && diff::handle(self, action) {
            return;
        }
        if self.focus == PaneId::Index && super::panes::index::handle(self, action) {
            return;
        }
        match action {
            Action::Help => self.mode = Mode::Help { scroll: 0 },
            Action::ShowProblems => {
                if self.problems.is_empty() {
                    self.say("No problems: every file given was read");
                } else {
                    self.mode = Mode::Problems { scroll: 0 };
                }
            }
            Action::Cancel => self.cancel(),
            Action::FocusNext | Action::FocusPrev => {
                let panes = self.panes();
                let n = panes.len();
                let i = panes.iter().position(|p| *p == self.focus).unwrap_or(0);
                let next = if action == Action::FocusNext {
                    i + 1
                } else {
                    i + n - 1
                };
                self.focus = panes[next % n];
            }
            Action::Open if self.focus == PaneId::Results => self.open_selected_hit(),
            Action::Open => self.focus = PaneId::Reader,
            Action::NextArticle => {
                self.sidebar.handle(Action::Down, len, self.sidebar_visible());
            }
            Action::PrevArticle => {
                self.sidebar.handle(Action::Up, len, self.sidebar_visible());
            }
            Action::Search => {
                if self.current_article().is_none() {
                    return self.complain("No article to search");
                }
                self.mode = Mode::Search(SearchPrompt {
                    input: String::new(),
                    previous: self.jumps.clone(),
                    scroll_before: self.reader.scroll,
                });
                self.message = None;
            }
            Action::NextMatch => self.jump(true),
            Action::PrevMatch => self.jump(false),
            Action::ToggleBoilerplate => {
                self.show_boilerplate = !self.show_boilerplate;
                self.refresh_jumps();
                let n = self.current_article().map_or(0, |a| a.boilerplate.len());
                let (state, key) = if self.show_boilerplate {
                    ("shown, dimmed", "hide")
                } else {
                    ("hidden", "show")
                };
                let k = self.keymap.hint_key(self.context(), Action::ToggleBoilerplate);
                let k = k.map(|k| format!(" ({k} to {key})")).unwrap_or_default();
                self.say(format!("Boilerplate {state}: {n} passages in this article{k}"));
            }
            Action::Up
            | Action::Down
            | Action::PageUp
            | Action::PageDown
            | Action::HalfPageUp
            | Action::HalfPageDown
            | Action::Top
            | Action::Bottom => match self.focus {
                PaneId::Sidebar => {
                    let v = self.sidebar_visible();
                    self.sidebar.handle(action, len, v);
                }
                PaneId::Reader => {
                    let h = self.reader_height();
                    self.reader.handle(action, h);
                }
                PaneId::Notes => notes::list_action(self, action),
                PaneId::Results => self.results_move(action),
                PaneId::Diff => {}
                PaneId::Entities => entities::list_action(self, action),
                PaneId::Index => {}
            },
            Action::Filter
            | Action::CycleSort
            | Action::ToggleFold
            | Action::ToggleRead
            | Action::FindAll
            | Action::Copy => self.collection_action(action),
            Action::Quit | Action::Confirm | Action::DeleteBack => {}
            Action::NextSentence
            | Action::PrevSentence
            | Action::NextParagraph
            | Action::PrevParagraph
            | Action::AddNote
            | Action::AddArticleNote
            | Action::EditNote
            | Action::DeleteNote
            | Action::UndoDelete
            | Action::ToggleNotes
            | Action::AllNotes
            | Action::GoToNote => notes::action(self, action),
            Action::SaveNote | Action::UndoEdit | Action::RedoEdit | Action::Yes | Action::No => {}
            Action::OpenDiff => diff::open(self),
            // Only the diff pane takes these; it has focus when they reach it.
            Action::NextChange
            | Action::PrevChange
            | Action::NextVersion
            | Action::PrevVersion
            | Action::SwapVersions
            | Action::ToggleInline
            | Action::ToggleCoverage
            | Action::ScrollLeft
            | Action::ScrollRight
            | Action::DiffBoilerplate => {}
            Action::ToggleEntityPanel
            | Action::ChooseEntity
            | Action::TogglePerson
            | Action::ToggleOrg
            | Action::TogglePlace
            | Action::ToggleNorp
            | Action::ToggleDate
            | Action::ToggleNumber
            | Action::ToggleAllLabels => entities::action(self, action),
            Action::ToggleIndex => super::panes::index::toggle(self),
            Action::ExportComparison => super::export::start(self),
            Action::FetchUrl => super::fetch::ask(self),
            Action::Refetch => super::fetch::again(self),
        }
    }

    fn mouse(&mut self, m: MouseEvent) {
        let pos = Position::new(m.column, m.row);
        if let Mode::Note(_) = self.mode {
            return;
        }
        if let Mode::Help { .. } | Mode::Problems { .. } = self.mode {
            match m.kind {
                MouseEventKind::ScrollDown => self.action(Action::Down),
                MouseEventKind::ScrollUp => self.action(Action::Up),
                _ => {}
            }
            return;
        }
        if self.diff.open {
            match m.kind {
                MouseEventKind::ScrollDown => diff::wheel(self, true),
                MouseEventKind::ScrollUp => diff::wheel(self, false),
                _ => {}
            }
            return;
        }
        if self.index.open {
            match m.kind {
                MouseEventKind::ScrollDown => super::panes::index::wheel(self, true),
                MouseEventKind::ScrollUp => super::panes::index::wheel(self, false),
                _ => {}
            }
            return;
        }
        let Some(g) = self.geometry() else { return };
        if self.drag_border(&m, &g) {
            return;
        }
        let len = self.collection.listing.order.len();
        let wheel = match m.kind {
            MouseEventKind::ScrollDown => Some(1isize),
            MouseEventKind::ScrollUp => Some(-1),
            _ => None,
        };
        if let Some(r) = g.results
            && r.contains(pos)
        {
            return self.results_mouse(m.kind, pos, r);
        }
        if let Some(d) = wheel {
            if g.sidebar.contains(pos) {
                let a = if d > 0 { Action::Down } else { Action::Up };
                self.sidebar
                    .handle(a, len, sidebar::visible_items(g.sidebar_inner.height));
            } else if g.reader.contains(pos) {
                self.reader.scroll_by(3 * d, g.body.height as usize);
            } else if g.notes.is_some_and(|r| r.contains(pos)) {
                notes::list_action(self, if d > 0 { Action::Down } else { Action::Up });
            } else if g.entities.is_some_and(|r| r.contains(pos)) {
                entities::list_action(self, if d > 0 { Action::Down } else { Action::Up });
            }
        } else if let MouseEventKind::Down(MouseButton::Left) = m.kind {
            if g.sidebar.contains(pos) {
                self.focus = PaneId::Sidebar;
                if g.sidebar_inner.contains(pos) {
                    let i =
                        self.sidebar.offset + ((pos.y - g.sidebar_inner.y) / sidebar::ITEM_HEIGHT) as usize;
                    if i < len {
                        self.sidebar.selected = i;
                    }
                }
            } else if g.reader.contains(pos) {
                self.focus = PaneId::Reader;
            } else if let Some(r) = g.notes.filter(|r| r.contains(pos)) {
                self.focus = PaneId::Notes;
                notes::click(self, r, pos.y);
            } else if let Some(r) = g.entities.filter(|r| r.contains(pos)) {
                self.focus = PaneId::Entities;
                entities::click(self, r, pos.y);
            }
        }
    }

    /// Pressing on the border between the sidebar and the reader and dragging resizes the
    /// sidebar. Returns true when the event was part of such a drag.
    fn drag_border(&mut self, m: &MouseEvent, g: &Geometry) -> bool {
        let on_border = (m.column.saturating_add(1) == g.sidebar.right() || m.column == g.reader.x)
            && m.row >= g.sidebar.y
            && m.row < g.sidebar.bottom();
        match m.kind {
            MouseEventKind::Down(MouseButton::Left) if on_border => self.dragging_border = true,
            MouseEventKind::Drag(MouseButton::Left) if self.dragging_border => {
                // The sidebar's right border follows the pointer.
                let cols = SidebarWidth::Columns(m.column.saturating_add(1)).columns(self.size.0);
                self.sidebar_width = SidebarWidth::Columns(cols);
            }
            MouseEventKind::Up(MouseButton::Left) if self.dragging_border => self.dragging_border = false,
            _ => return false,
        }
        true
    }

    fn load_event(&mut self, ev: LoadEvent) {
        match ev {
            LoadEvent::Found(n) => self.loading.found = Some(n),
            LoadEvent::Loaded(v) => {
                self.loading.files_done += 1;
                self.articles_arrived(v);
            }
            LoadEvent::Problem(e) => {
                self.loading.files_done += 1;
                let text = e.to_string();
                self.complain(format!("Could not read {text}"));
                self.problems.push(text);
            }
            LoadEvent::Done => {
                self.loading.active = false;
                // Files arrive in whatever order the threads finish; settle on path order once,
                // keeping the article the user is on.
                let selected = self.current_article().map(|a| a.path.clone());
                self.articles.sort_by(|a, b| a.path.cmp(&b.path));
                self.articles_reordered(selected.as_deref());
                self.loading_done();
                self.regroup();
                let list = self.problems_hint();
                if self.articles.is_empty() {
                    let p = draw::plural(self.problems.len(), "problem");
                    self.complain(format!("Nothing to read ({p}, {list})"));
                } else if !self.problems.is_empty() {
                    let n = draw::plural(self.articles.len(), "article");
                    let p = draw::plural(self.problems.len(), "problem");
                    self.complain(format!("Loaded {n}; {p} ({list})"));
                }
            }
        }
    }

    /// Brings derived state (scroll limits, the wrapping cache) in line with the rest.
    fn sync(&mut self) {
        let Some(g) = self.geometry() else { return };
        self.sidebar.clamp(
            self.collection.listing.order.len(),
            sidebar::visible_items(g.sidebar_inner.height),
        );
        let key = self.wrap_key(g.body.width);
        match self.current_index().and_then(|i| self.articles.get(i)) {
            Some(a) => self.reader.sync(key, a, g.body.height as usize),
            None => self.reader.clear(),
        }
        diff::sync(self);
    }

    /// A new article is open: its own matches for the current search replace the old ones.
    fn article_changed(&mut self) {
        self.refresh_jumps();
    }

    fn refresh_jumps(&mut self) {
        let Some(j) = &self.jumps else { return };
        let query = match &j.kind {
            JumpKind::Search { query } => query.clone(),
            JumpKind::Collection { .. } => return self.refresh_collection_jumps(),
            JumpKind::Entity { label, keys, name } => {
                let (label, keys, name) = (*label, keys.clone(), name.clone());
                self.jumps = Some(entities::jumps_for(self, label, &keys, &name));
                return;
            }
        };
        self.jumps = Some(self.search(&query));
    }

    /// Every match of `query` in the open article (case and accents ignored), leaving out
    /// hidden ones.
    fn search(&self, query: &str) -> Jumps {
        let mut ranges = Vec::new();
        // The same matching as the search across every article: case and accents ignored,
        // curly quotes found by straight ones.
        if let Some(a) = self.current_article()
            && let Some(q) = crate::collection::Query::new(query)
        {
            let hide = !self.show_boilerplate;
            ranges = q
                .find_in(&a.text)
                .into_iter()
                .filter(|r| !(hide && a.is_boilerplate(r.start) && a.is_boilerplate(r.end - 1)))
                .collect();
        }
        Jumps {
            kind: JumpKind::Search {
                query: query.to_string(),
            },
            ranges,
            current: None,
        }
    }

    /// Incremental search: highlight as the query is typed, and show the first match from where
    /// the view was when the search began.
    fn search_as_typed(&mut self) {
        let Mode::Search(p) = &self.mode else { return };
        let (query, scroll_before) = (p.input.clone(), p.scroll_before);
        if query.is_empty() {
            self.jumps = None;
            self.reader.scroll = scroll_before;
            return;
        }
        let mut j = self.search(&query);
        self.reader.scroll = scroll_before;
        let from = self.reader.top_byte();
        if !j.ranges.is_empty() {
            let i = j.ranges.iter().position(|r| r.start >= from).unwrap_or(0);
            j.current = Some(i);
            let h = self.reader_height();
            self.reader.reveal(j.ranges[i].start, h);
        }
        self.jumps = Some(j);
    }

    fn confirm_search(&mut self) {
        let Mode::Search(p) = std::mem::replace(&mut self.mode, Mode::Normal) else {
            return;
        };
        if p.input.is_empty() {
            // An empty search repeats the last one, as in vim.
            self.jumps = p.previous;
            if self.jumps.is_some() {
                self.jump(true);
            }
            return;
        }
        match &self.jumps {
            Some(j) if !j.ranges.is_empty() => {
                let n = j.ranges.len();
                let what = j.describe();
                self.say(format!("{n} match{} for {what}", if n == 1 { "" } else { "es" }));
            }
            Some(j) => {
                let what = j.describe();
                self.complain(format!("No match for {what}"));
            }
            None => {}
        }
    }

    /// n/N: the next or previous highlighted range, wrapping around the article.
    fn jump(&mut self, forward: bool) {
        if let Some(Jumps {
            kind: JumpKind::Collection { .. },
            ..
        }) = &self.jumps
            && self.collection.results.is_some()
        {
            return self.collection_jump(forward);
        }
        let top = self.reader.top_byte();
        let h = self.reader_height();
        let Some(j) = &mut self.jumps else {
            let k = self.keymap.hint_key(self.context(), Action::Search);
            let k = k.map(|k| format!(" (press {k})")).unwrap_or_default();
            return self.say(format!("No search yet{k}"));
        };
        let n = j.ranges.len();
        if n == 0 {
            let what = j.describe();
            return match j.kind {
                JumpKind::Search { .. } | JumpKind::Collection { .. } => {
                    self.complain(format!("No match for {what}"))
                }
                JumpKind::Entity { .. } => self.complain(format!("No mention of {what} in this article")),
            };
        }
        let (i, wrapped) = match (j.current, forward) {
            (Some(c), true) => ((c + 1) % n, c + 1 == n),
            (Some(c), false) => ((c + n - 1) % n, c == 0),
            (None, true) => match j.ranges.iter().position(|r| r.start >= top) {
                Some(i) => (i, false),
                None => (0, true),
            },
            (None, false) => match j.ranges.iter().rposition(|r| r.start < top) {
                Some(i) => (i, false),
                None => (n - 1, true),
            },
        };
        j.current = Some(i);
        let start = j.ranges[i].start;
        let what = match j.kind {
            JumpKind::Search { .. } | JumpKind::Collection { .. } => "Search",
            JumpKind::Entity { .. } => "Mentions",
        };
        self.reader.reveal(start, h);
        // The status bar shows "match i/n" already; say something only when the search wrapped.
        match (wrapped, forward) {
            (true, true) => self.say(format!("{what} wrapped to the top")),
            (true, false) => self.say(format!("{what} wrapped to the bottom")),
            _ => self.message = None,
        }
    }
}
