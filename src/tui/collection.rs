//! The reader's collection features, as `App` methods kept out of `app.rs`: the sidebar's filter
//! prompt and order, read marks, the search across every article and its results pane, copying
//! a passage, the session (what is saved and restored), and files changing on disk.
//!
//! Stories fold to their original (`z`): the versions derived from it leave the sidebar's order,
//! independent reports of the same event stay. Files the watcher reports join or leave their
//! story through a background regroup (see `App::regroup`).

use std::collections::BTreeSet;
use std::sync::Arc;

use super::action::Action;
use super::app::{App, JumpKind, Jumps, Mode, PaneId};
use super::clipboard;
use super::draw;
use crate::article::Article;
use crate::collection::search::{self, Query, SearchJob};
use crate::collection::{Listing, Session, SortMode, WatchEvent};
use crate::entities::Label;

/// What a prompt at the bottom is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKind {
    /// The sidebar filter, applied as typed.
    Filter,
    /// A search across every article, run on Enter.
    FindAll,
    /// The entity index's filter, applied as typed.
    IndexFilter,
    /// A URL to fetch into the library, fetched on Enter.
    FetchUrl,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Prompt {
    pub kind: PromptKind,
    pub input: String,
}

impl Prompt {
    /// What the status bar shows before the input.
    pub fn label(&self) -> &'static str {
        match self.kind {
            PromptKind::Filter => "Filter: ",
            PromptKind::FindAll => "Find in all: ",
            PromptKind::IndexFilter => "Filter entities: ",
            PromptKind::FetchUrl => "Fetch URL: ",
        }
    }
}

/// A search across every article and the pane listing its hits.
#[derive(Debug, Clone)]
pub struct Results {
    pub job: SearchJob,
    /// The hit the pane's cursor is on.
    pub selected: usize,
    /// First hit shown.
    pub offset: usize,
    /// The hit last opened (Enter, n, N).
    pub current: Option<usize>,
    /// Whether the finishing message was given.
    announced: bool,
}

#[derive(Debug, Default)]
pub struct CollectionState {
    pub listing: Listing,
    pub sort: SortMode,
    pub filter: String,
    /// Paths of the articles read, as newsboat keeps them: read once opened in the reader,
    /// toggled by a key, remembered in the session.
    pub read: BTreeSet<String>,
    /// Paths of the originals of the stories folded in the sidebar (paths, not indices, since
    /// grouping and reloads reorder the articles).
    pub folded: BTreeSet<String>,
    /// The article last marked read on opening, so that marking it unread while reading sticks.
    opened: Option<String>,
    pub results: Option<Results>,
    /// Text to put on the clipboard; the event loop takes it and writes the OSC 52 escape.
    pub clipboard: Option<String>,
    /// A byte to bring into view once the reader shows the article just opened.
    pending_reveal: Option<usize>,
    /// The parts of a restored session that need the articles, kept until loading is done.
    pending_session: Option<Session>,
    /// Counts reloads of changed files. A pane showing derived data (notes, through
    /// `NoteStore::notes_for`, which re-anchors) asks again when this changes.
    pub reloads: u64,
    /// Paths the watcher reported while the first load was still running.
    watched_while_loading: Vec<String>,
}

impl CollectionState {
    pub fn new(articles: &[Arc<Article>]) -> CollectionState {
        let mut s = CollectionState::default();
        s.listing.extend(articles);
        s.listing.refresh("", SortMode::default());
        s
    }
}

impl App {
    pub fn is_read(&self, a: &Article) -> bool {
        self.collection.read.contains(&a.path)
    }

    /// Opens article `index` (an index into `articles`): selects its row in the sidebar,
    /// clearing a filter that hides it. Returns false when there is no such article. Code that
    /// used to set `sidebar.selected` to an article index goes through this, since the sidebar
    /// shows `collection.listing.order`.
    pub fn select_article(&mut self, index: usize) -> bool {
        let find = |c: &CollectionState| c.listing.order.iter().position(|&j| j == index);
        let mut pos = find(&self.collection);
        // A version hidden in a folded story: the story unfolds to show it.
        if pos.is_none()
            && let Some(s) = self.stories.story(index)
            && self.collection.folded.remove(&self.articles[s.original].path)
        {
            self.refresh_listing();
            pos = find(&self.collection);
        }
        if pos.is_none() && index < self.articles.len() && !self.collection.filter.is_empty() {
            self.collection.filter.clear();
            self.refresh_listing();
            pos = find(&self.collection);
            self.say("Filter cleared to show the article");
        }
        match pos {
            Some(p) => {
                self.sidebar.selected = p;
                true
            }
            None => false,
        }
    }

    /// Whether background work is waiting for [`super::app::Msg::Tick`]s.
    pub fn busy(&self) -> bool {
        self.collection
            .results
            .as_ref()
            .is_some_and(|r| !r.job.done(&self.articles))
    }

    /// Re-applies filter and order, keeping the open article selected when it still shows.
    fn refresh_listing(&mut self) {
        let current = self.current_index();
        let c = &mut self.collection;
        c.listing.refresh(&c.filter, c.sort);
        self.hide_folded();
        let c = &mut self.collection;
        self.sidebar.selected = current
            .and_then(|i| c.listing.order.iter().position(|&j| j == i))
            .unwrap_or(0);
    }

    /// Leaves the versions of folded stories out of the sidebar's order, all but the original
    /// (a story whose original the filter hides stays unfolded, so none of it vanishes).
    pub(super) fn hide_folded(&mut self) {
        let c = &mut self.collection;
        if c.folded.is_empty() || !self.stories.ready {
            return;
        }
        let mut shown = vec![false; self.articles.len()];
        for &i in &c.listing.order {
            if let Some(s) = shown.get_mut(i) {
                *s = true;
            }
        }
        let stories = &self.stories;
        let articles = &self.articles;
        // Independent reports are not versions of the original: they stay listed.
        c.listing.order.retain(|&i| match stories.story(i) {
            Some(s) if s.original != i && !s.is_independent(i) => {
                !(shown.get(s.original) == Some(&true) && c.folded.contains(&articles[s.original].path))
            }
            _ => true,
        });
    }

    /// The number of versions hidden under article `i` when it is a folded story's original
    /// (its independent reports are not hidden).
    pub fn folded_under(&self, i: usize) -> Option<usize> {
        let s = self.stories.story(i)?;
        (s.original == i && self.collection.folded.contains(&self.articles[i].path))
            .then(|| self.stories.foldable(i))
    }

    /// A batch of a load in progress. A file the watcher has read (or seen removed) since the
    /// load began is left out: the watcher's reading is the newer.
    pub(super) fn articles_arrived(&mut self, mut batch: Vec<Article>) {
        let seen = &self.collection.watched_while_loading;
        if !seen.is_empty() {
            batch.retain(|a| !seen.iter().any(|p| WatchEvent::covers(p, &a.path)));
        }
        self.articles.extend(batch.into_iter().map(Arc::new));
        self.articles_appended();
    }

    /// Articles were appended (a load in progress): keys for the new ones, the same selection.
    fn articles_appended(&mut self) {
        self.collection.listing.extend(&self.articles);
        self.refresh_listing();
    }

    /// Articles were reordered, replaced or removed: keys again, the article at `selected` (a
    /// path) kept selected, and a search across them run again (its hits name articles by index).
    pub(super) fn articles_reordered(&mut self, selected: Option<&str>) {
        self.collection.listing.reset(&self.articles);
        let c = &mut self.collection;
        c.listing.refresh(&c.filter, c.sort);
        self.hide_folded();
        let c = &mut self.collection;
        let found = selected.and_then(|p| c.listing.order.iter().position(|&i| self.articles[i].path == p));
        self.sidebar.selected = match found {
            Some(pos) => pos,
            // Gone: the article that took its place, or the last.
            None => self.sidebar.selected.min(c.listing.order.len().saturating_sub(1)),
        };
        if let Some(r) = &mut self.collection.results {
            r.job = SearchJob::new(r.job.query.clone());
            r.current = None;
            r.selected = 0;
            r.offset = 0;
            r.announced = false;
        }
    }

    /// The load finished: a session waiting for its articles is applied now.
    pub(super) fn loading_done(&mut self) {
        self.collection.watched_while_loading.clear();
        if let Some(s) = self.collection.pending_session.take() {
            self.restore_articles(&s);
        }
    }

    /// Bookkeeping after every update: read marks for the article being read, a reveal asked
    /// for by opening a hit.
    pub(super) fn collection_settle(&mut self) {
        if self.focus == PaneId::Reader && self.mode == Mode::Normal {
            if let Some(path) = self.current_article().map(|a| a.path.clone())
                && self.collection.opened.as_ref() != Some(&path)
            {
                self.collection.read.insert(path.clone());
                self.collection.opened = Some(path);
            }
        } else {
            self.collection.opened = None;
        }
        if let Some(b) = self.collection.pending_reveal.take() {
            let h = self.reader_height();
            self.reader.reveal(b, h);
        }
    }

    pub(super) fn collection_action(&mut self, action: Action) {
        match action {
            Action::Filter => {
                self.mode = Mode::Prompt(Prompt {
                    kind: PromptKind::Filter,
                    input: self.collection.filter.clone(),
                });
                self.message = None;
            }
            Action::FindAll => {
                if self.articles.is_empty() {
                    return self.complain("No articles to search");
                }
                self.mode = Mode::Prompt(Prompt {
                    kind: PromptKind::FindAll,
                    input: String::new(),
                });
                self.message = None;
            }
            Action::CycleSort => {
                self.collection.sort = self.collection.sort.next();
                self.refresh_listing();
                let sort = self.collection.sort;
                let note = if sort == SortMode::Story {
                    " (stories are not grouped yet: path order)"
                } else {
                    ""
                };
                self.say(format!("Sorted by {}{note}", sort.name()));
            }
            Action::ToggleFold => {
                let Some(i) = self.current_index() else {
                    return self.complain("No article selected");
                };
                let Some(s) = self.stories.story(i) else {
                    return self.complain(if self.stories.ready {
                        "Not a version of a story: nothing to fold"
                    } else {
                        "Stories not grouped yet: nothing to fold"
                    });
                };
                let original = s.original;
                let hidden = self.stories.foldable(i);
                let path = self.articles[original].path.clone();
                if hidden == 0 && !self.collection.folded.contains(&path) {
                    return self.complain(
                        "Nothing to fold: the other members are independent reports, not versions",
                    );
                }
                if self.collection.folded.remove(&path) {
                    self.refresh_listing();
                    self.say(format!("Story unfolded: {} versions", hidden + 1));
                } else {
                    self.collection.folded.insert(path);
                    self.refresh_listing();
                    // The selection moves to the original, the story's one row now.
                    if let Some(p) = self.collection.listing.order.iter().position(|&j| j == original) {
                        self.sidebar.selected = p;
                    }
                    self.say(format!("Story folded: {hidden} versions hidden (z to unfold)"));
                }
            }
            Action::ToggleRead => {
                let Some(path) = self.current_article().map(|a| a.path.clone()) else {
                    return self.complain("No article selected");
                };
                if self.collection.read.remove(&path) {
                    self.say("Marked unread");
                } else {
                    self.collection.read.insert(path);
                    self.say("Marked read");
                }
            }
            Action::Copy => self.copy_passage(),
            _ => {}
        }
    }

    /// Esc in the sidebar clears its filter. Returns true when it did.
    pub(super) fn cancel_in_collection(&mut self) -> bool {
        if self.focus == PaneId::Sidebar && !self.collection.filter.is_empty() {
            self.collection.filter.clear();
            self.refresh_listing();
            self.say("Filter cleared");
            return true;
        }
        false
    }

    pub(super) fn prompt_input(&mut self, c: char) {
        let Mode::Prompt(p) = &mut self.mode else { return };
        p.input.push(c);
        if p.kind == PromptKind::IndexFilter {
            let input = p.input.clone();
            return super::panes::index::set_filter(self, input);
        }
        if p.kind == PromptKind::Filter {
            self.collection.filter = p.input.clone();
            self.refresh_listing();
        }
    }

    pub(super) fn prompt_action(&mut self, action: Action) {
        let Mode::Prompt(p) = &mut self.mode else { return };
        let kind = p.kind;
        match action {
            Action::Cancel => {
                self.mode = Mode::Normal;
                if kind == PromptKind::Filter {
                    // Esc clears the filter (Enter keeps it).
                    self.collection.filter.clear();
                    self.refresh_listing();
                }
                if kind == PromptKind::IndexFilter {
                    super::panes::index::set_filter(self, String::new());
                }
            }
            Action::DeleteBack => {
                p.input.pop();
                if kind == PromptKind::IndexFilter {
                    let input = p.input.clone();
                    return super::panes::index::set_filter(self, input);
                }
                if kind == PromptKind::Filter {
                    self.collection.filter = p.input.clone();
                    self.refresh_listing();
                }
            }
            Action::Confirm => {
                let input = p.input.clone();
                self.mode = Mode::Normal;
                match kind {
                    PromptKind::Filter => {
                        let n = self.collection.listing.order.len();
                        if !input.trim().is_empty() {
                            self.say(format!(
                                "{n} of {} shown (Esc in the list clears the filter)",
                                draw::plural(self.articles.len(), "article")
                            ));
                        }
                    }
                    PromptKind::FindAll => self.find_all(&input),
                    PromptKind::IndexFilter => {}
                    PromptKind::FetchUrl => super::fetch::start_url(self, &input),
                }
            }
            _ => {}
        }
    }

    /// Starts a search across every article; hits arrive with the following ticks.
    pub fn find_all(&mut self, text: &str) {
        let Some(query) = Query::new(text) else { return };
        let mut results = Results {
            job: SearchJob::new(query),
            selected: 0,
            offset: 0,
            current: None,
            announced: false,
        };
        // The first chunk now, so the first hits show with the next frame.
        results.job.step(&self.articles);
        self.collection.results = Some(results);
        self.focus = PaneId::Results;
        self.search_announce();
    }

    /// One step of a running search (more articles searched, more hits).
    pub(super) fn search_step(&mut self) {
        let Some(r) = &mut self.collection.results else {
            return;
        };
        if r.job.done(&self.articles) {
            return;
        }
        r.job.step(&self.articles);
        self.search_announce();
    }

    /// Says how the search ended, once.
    fn search_announce(&mut self) {
        let Some(r) = &mut self.collection.results else {
            return;
        };
        if r.announced || !r.job.done(&self.articles) || self.loading.active {
            return;
        }
        r.announced = true;
        let n = r.job.hits.len();
        let q = r.job.query.text().to_string();
        if n == 0 {
            return self.complain(format!("No match for “{q}” in any article"));
        }
        let mut arts: Vec<usize> = r.job.hits.iter().map(|h| h.article).collect();
        arts.dedup();
        let hits = match n {
            1 => "1 match".to_string(),
            n => format!("{} matches", super::panes::sidebar::format_count(n)),
        };
        self.say(format!(
            "{hits} for “{q}” in {} (Enter opens, n/N go on)",
            draw::plural(arts.len(), "article")
        ));
    }

    pub(super) fn results_move(&mut self, action: Action) {
        let visible = self.geometry().and_then(|g| g.results).map_or(1, |r| {
            super::panes::results::visible_items(r.height.saturating_sub(2))
        });
        let Some(r) = &mut self.collection.results else {
            return;
        };
        let len = r.job.hits.len();
        let page = visible.max(1);
        r.selected = match action {
            Action::Down => r.selected + 1,
            Action::Up => r.selected.saturating_sub(1),
            Action::PageDown => r.selected + page,
            Action::PageUp => r.selected.saturating_sub(page),
            Action::Top => 0,
            Action::Bottom => usize::MAX,
            _ => r.selected,
        }
        .min(len.saturating_sub(1));
        r.offset = super::panes::results::scrolled_offset(r.offset, r.selected, len, visible);
    }

    /// The wheel scrolls the results; a click focuses the pane and selects the hit under it.
    pub(super) fn results_mouse(
        &mut self,
        kind: crossterm::event::MouseEventKind,
        pos: ratatui::layout::Position,
        area: ratatui::layout::Rect,
    ) {
        use crossterm::event::{MouseButton, MouseEventKind};
        match kind {
            MouseEventKind::ScrollDown => self.results_move(Action::Down),
            MouseEventKind::ScrollUp => self.results_move(Action::Up),
            MouseEventKind::Down(MouseButton::Left) => {
                self.focus = PaneId::Results;
                let Some(r) = &mut self.collection.results else {
                    return;
                };
                let row = pos.y.saturating_sub(area.y + 1) / super::panes::results::ITEM_HEIGHT;
                let i = r.offset + row as usize;
                if pos.y > area.y && i < r.job.hits.len() {
                    r.selected = i;
                }
            }
            _ => {}
        }
    }

    pub(super) fn open_selected_hit(&mut self) {
        let Some(i) = self.collection.results.as_ref().map(|r| r.selected) else {
            return;
        };
        self.open_hit(i);
        if self.current_article().is_some() {
            self.focus = PaneId::Reader;
        }
    }

    /// Opens hit `i`: its article in the reader (clearing a filter that hides it), every hit of
    /// that article highlighted, this one current and in view.
    fn open_hit(&mut self, i: usize) {
        let Some(r) = &self.collection.results else { return };
        let Some(hit) = r.job.hits.get(i).cloned() else {
            return;
        };
        let query = r.job.query.text().to_string();
        let ranges: Vec<_> = r
            .job
            .hits
            .iter()
            .filter(|h| h.article == hit.article)
            .map(|h| h.range.clone())
            .collect();
        let current = ranges.iter().position(|x| *x == hit.range);
        if !self.select_article(hit.article) {
            return;
        }
        if let Some(r) = &mut self.collection.results {
            r.current = Some(i);
            r.selected = i;
        }
        self.jumps = Some(Jumps {
            kind: JumpKind::Collection { query },
            ranges,
            current,
        });
        self.collection.pending_reveal = Some(hit.range.start);
    }

    /// n/N after a search across every article: the next or previous hit, on into the next or
    /// previous article, wrapping at the ends.
    pub(super) fn collection_jump(&mut self, forward: bool) {
        let Some(r) = &self.collection.results else { return };
        let hits = &r.job.hits;
        let n = hits.len();
        if n == 0 {
            let q = r.job.query.text().to_string();
            return self.complain(format!("No match for “{q}” in any article"));
        }
        let here = self.current_index();
        let on_current = r.current.filter(|&c| Some(hits[c].article) == here);
        let next = match (on_current, forward) {
            (Some(c), true) => (c + 1) % n,
            (Some(c), false) => (c + n - 1) % n,
            (None, _) => {
                // From where the reader is: the first hit after the top of the view.
                let at = (here.unwrap_or(0), self.reader.top_byte());
                let k = hits.partition_point(|h| (h.article, h.range.start) < at);
                if forward { k % n } else { (k + n - 1) % n }
            }
        };
        let wrapped = match (on_current, forward) {
            (Some(c), true) => next < c,
            (Some(c), false) => next > c,
            _ => false,
        };
        self.open_hit(next);
        self.message = None;
        if wrapped {
            self.say(if forward {
                "Search wrapped to the first article"
            } else {
                "Search wrapped to the last article"
            });
        }
    }

    /// The open article's matches for a search across every article (after a reload, or when
    /// another article is opened).
    pub(super) fn refresh_collection_jumps(&mut self) {
        let Some(Jumps {
            kind: JumpKind::Collection { query },
            ranges: old,
            current,
        }) = &self.jumps
        else {
            return;
        };
        let ranges = match (Query::new(query), self.current_article()) {
            (Some(q), Some(a)) => q.find_in(&a.text),
            _ => Vec::new(),
        };
        let current = if ranges == *old { *current } else { None };
        let query = query.clone();
        self.jumps = Some(Jumps {
            kind: JumpKind::Collection { query },
            ranges,
            current,
        });
    }

    /// The passage a copy takes, as a byte range of the open article: the sentence holding the
    /// current match, else the paragraph at the top of the reader. (A sentence cursor or
    /// selection, when the reader has one, goes first here.)
    pub fn selected_passage(&self) -> Option<std::ops::Range<usize>> {
        let a = self.current_article()?;
        if let Some(j) = &self.jumps
            && let Some(r) = j.current.and_then(|i| j.ranges.get(i))
        {
            return Some(search::sentence_of(a, r));
        }
        let top = self.reader.top_byte();
        a.paragraphs
            .iter()
            .find(|p| p.end > top && !a.text[(*p).clone()].trim().is_empty())
            .cloned()
    }

    fn copy_passage(&mut self) {
        let Some(a) = self.current_article() else {
            return self.complain("No article open to copy from");
        };
        let Some(r) = self.selected_passage() else {
            return self.complain("Nothing to copy here");
        };
        let passage = &a.text[r];
        let text = clipboard::with_attribution(passage, a.source.as_deref(), a.title.as_deref(), &a.path);
        let preview: String = passage.split_whitespace().take(6).collect::<Vec<_>>().join(" ");
        let whose = match &a.source {
            Some(s) => format!("{s}'s attribution"),
            None => format!("attribution to {}", a.file_name()),
        };
        let msg = format!(
            "Copied “{preview}…” ({} characters) with {whose}",
            passage.chars().count()
        );
        self.collection.clipboard = Some(text);
        self.say(msg);
    }

    /// The state to remember for this collection.
    pub fn session(&self) -> Session {
        let a = self.current_article();
        Session {
            selected: a.map(|a| a.path.clone()),
            position: a.map(|a| a.char_map().char_of(self.reader.top_byte())),
            read: self.collection.read.clone(),
            sort: self.collection.sort,
            filter: self.collection.filter.clone(),
            reader_focused: self.focus == PaneId::Reader,
            labels_off: Label::ALL
                .iter()
                .zip(self.entities.on)
                .filter(|(_, on)| !on)
                .map(|(l, _)| l.as_str().to_string())
                .collect(),
            diff_base: Some(self.diff.base.clone()).filter(|p| !p.is_empty()),
            diff_other: Some(self.diff.other.clone()).filter(|p| !p.is_empty()),
            folded: self.collection.folded.clone(),
        }
    }

    /// Puts back a saved session: order, filter and read marks now; the open article, its
    /// reading position and focus once the articles are loaded.
    pub fn restore(&mut self, s: Session) {
        self.collection.sort = s.sort;
        self.collection.filter = s.filter.clone();
        self.collection.read = s.read.clone();
        // Applied once stories are grouped (`hide_folded` waits for them).
        self.collection.folded = s.folded.clone();
        for (l, on) in Label::ALL.iter().zip(self.entities.on.iter_mut()) {
            *on = !s.labels_off.iter().any(|off| off == l.as_str());
        }
        // Only remembered: the diff opens on this pair when `D` is pressed on this base.
        if let (Some(base), Some(other)) = (&s.diff_base, &s.diff_other) {
            self.diff.base = base.clone();
            self.diff.other = other.clone();
        }
        self.refresh_listing();
        if self.loading.active {
            self.collection.pending_session = Some(s);
        } else {
            self.restore_articles(&s);
        }
    }

    fn restore_articles(&mut self, s: &Session) {
        let Some(path) = &s.selected else { return };
        let Some(i) = self.articles.iter().position(|a| &a.path == path) else {
            return;
        };
        // Filtered out since (its title changed?): the filter goes rather than the place.
        if !self.select_article(i) {
            return;
        }
        let a = &self.articles[i];
        if let Some(c) = s.position {
            let byte = a.char_map().byte_of(c);
            // The reader may be showing this article already: let go of it first (which
            // remembers where it is), so that the saved position is the one taken.
            self.reader.clear();
            self.reader.remember(&a.id, byte);
        }
        if s.reader_focused {
            self.focus = PaneId::Reader;
            // Restoring is not opening: keep the read mark as it was saved.
            self.collection.opened = Some(path.clone());
        }
    }

    /// A watched file or folder changed: its articles replaced, added or removed, the open
    /// article kept, a search run again, and a message saying what happened.
    pub(super) fn watch_event(&mut self, ev: WatchEvent) {
        let selected = self.current_article().map(|a| a.path.clone());
        if self.loading.active {
            match &ev {
                WatchEvent::Loaded { path, .. } | WatchEvent::Removed { path } => {
                    self.collection.watched_while_loading.push(path.clone())
                }
                WatchEvent::Failed(_) => {}
            }
        }
        match ev {
            WatchEvent::Loaded {
                path,
                articles,
                problems,
            } => {
                // A file this reader wrote itself (a fetched page), already in the list as read.
                let known = |a: &Article| self.articles.iter().any(|x| x.path == a.path && x.id == a.id);
                let have = self
                    .articles
                    .iter()
                    .filter(|a| WatchEvent::covers(&path, &a.path))
                    .count();
                if problems.is_empty()
                    && !articles.is_empty()
                    && have == articles.len()
                    && articles.iter().all(known)
                {
                    return;
                }
                let before = self.articles.len();
                self.articles.retain(|a| !WatchEvent::covers(&path, &a.path));
                let existed = self.articles.len() < before;
                let n = articles.len();
                self.articles.extend(articles.into_iter().map(Arc::new));
                if !self.loading.active {
                    self.articles.sort_by(|a, b| a.path.cmp(&b.path));
                    // The file joins (or leaves) its story once regrouped; the load's end
                    // regroups everything anyway.
                    self.regroup();
                } else {
                    self.stories.invalidate();
                }
                self.collection.reloads += 1;
                self.articles_reordered(selected.as_deref());
                for p in &problems {
                    self.problems.push(p.to_string());
                }
                if let Some(p) = problems.first() {
                    self.complain(format!("Could not read {p}"));
                } else if n > 0 {
                    self.say(format!("{} {path}", if existed { "Reloaded" } else { "New:" }));
                } else if existed {
                    self.say(format!("Removed {path} (no articles left in it)"));
                }
            }
            WatchEvent::Removed { path } => {
                let before = self.articles.len();
                self.articles.retain(|a| !WatchEvent::covers(&path, &a.path));
                let gone = before - self.articles.len();
                if gone > 0 {
                    if self.loading.active {
                        self.stories.invalidate();
                    } else {
                        self.regroup();
                    }
                    self.collection.reloads += 1;
                    self.articles_reordered(selected.as_deref());
                    self.say(format!("Removed {path} ({})", draw::plural(gone, "article")));
                }
            }
            WatchEvent::Failed(why) => {
                self.complain(format!("Watching for changes: {why}"));
            }
        }
    }
}
