//! The user's settings, `config.toml`: read leniently (a wrong value is reported with its line
//! and its default kept, the rest of the file still applies) and written out whole, commented,
//! from the very defaults the code uses, so the printed default file cannot drift from them.
//!
//! The file is walked by hand over toml's spanned document rather than deserialised into a
//! struct with serde, because serde stops at the first wrong value and this must not.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

use ratatui::style::Color;
use serde::de::IntoDeserializer;
use serde::{Deserialize, Serialize};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::action::Action;
use super::app::Options;
use super::draw::{MIN_SIDEBAR, SidebarWidth};
use super::keymap::{Binding, Context, Key, Keymap};
use super::theme::{ColorSlot, Theme, ThemeName};

/// The file's name in the config directory.
pub const FILE_NAME: &str = "config.toml";

/// Limits of `reading_width`: narrower is unreadable, wider than any screen means nothing.
pub const READING_WIDTH: Range<u16> = 20..501;

/// Everything a config file can set, with the defaults filled in where it says nothing.
#[derive(Debug, Clone)]
pub struct Config {
    pub theme: ThemeName,
    pub reading_width: u16,
    pub sidebar_width: SidebarWidth,
    pub show_boilerplate: bool,
    /// Colours set in `[colors]`, laid over the theme's.
    pub colors: Vec<(ColorSlot, Color)>,
    pub keymap: Keymap,
}

impl Default for Config {
    fn default() -> Config {
        let o = Options::default();
        Config {
            theme: ThemeName::default(),
            reading_width: o.reading_width,
            sidebar_width: o.sidebar_width,
            show_boilerplate: o.show_boilerplate,
            colors: Vec::new(),
            keymap: o.keymap,
        }
    }
}

/// Something wrong in a config file, with the line it is on (1-based) when there is one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(l) => write!(f, "line {l}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

/// A config read from disk (or not there), with what was wrong in it.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub config: Config,
    /// The file read, or looked for; `None` when there is no config directory at all.
    pub path: Option<PathBuf>,
    /// Whether the file was there.
    pub found: bool,
    pub problems: Vec<Problem>,
}

impl Loaded {
    /// The problems as lines naming the file: "PATH line 3: …".
    pub fn messages(&self) -> Vec<String> {
        let name = self
            .path
            .as_ref()
            .map_or_else(|| FILE_NAME.to_string(), |p| p.display().to_string());
        self.problems.iter().map(|p| format!("{name} {p}")).collect()
    }

    /// What the status bar says at start when the file has problems: the first one, and how
    /// to see the rest.
    /// The file is named without its folder, to leave the status bar's room to the problem.
    pub fn startup_message(&self) -> Option<String> {
        let first = self.problems.first()?;
        let name = self
            .path
            .as_ref()
            .and_then(|p| p.file_name())
            .map_or_else(|| FILE_NAME.into(), |n| n.to_string_lossy());
        Some(match self.problems.len() {
            1 => format!("{name} {first}"),
            n => format!("{name} {first} (and {} more: copydesk config --check)", n - 1),
        })
    }
}

/// `config.toml` in the platform's config directory (`$XDG_CONFIG_HOME/copydesk` on Linux).
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "copydesk").map(|d| d.config_dir().join(FILE_NAME))
}

/// Reads the config: `explicit` (from `--config`) or the default file. A missing default file
/// means the defaults; a missing explicit one is a problem. Nothing here fails.
pub fn load(explicit: Option<&Path>) -> Loaded {
    let path = explicit.map(Path::to_path_buf).or_else(default_path);
    let mut loaded = Loaded {
        config: Config::default(),
        path: path.clone(),
        found: false,
        problems: Vec::new(),
    };
    let Some(path) = path else {
        return loaded;
    };
    let problem = |message: String| Problem { line: None, message };
    match std::fs::read(&path) {
        Ok(bytes) => {
            loaded.found = true;
            match String::from_utf8(bytes) {
                Ok(text) => {
                    let (config, problems) = Config::parse(&text);
                    loaded.config = config;
                    loaded.problems = problems;
                }
                Err(e) => loaded.problems.push(problem(format!(
                    "is not UTF-8 text (bad byte at offset {}); using the defaults",
                    e.utf8_error().valid_up_to()
                ))),
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && explicit.is_none() => {}
        Err(e) => loaded
            .problems
            .push(problem(format!("could not be read ({e}); using the defaults"))),
    }
    loaded
}

/// The name serde gives a context or an action in a config file (`"page_down"`).
fn config_name<T: Serialize>(t: &T) -> String {
    match serde_json::to_value(t) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// Reads a snake_case name into a context or an action.
fn from_name<'de, T: Deserialize<'de>>(name: &'de str) -> Option<T> {
    T::deserialize(IntoDeserializer::<serde::de::value::Error>::into_deserializer(
        name,
    ))
    .ok()
}

/// A key as a config file writes it: lower-case names ("ctrl-d", "pgdn", "down"), characters
/// as they are ("G", "?").
pub fn key_name(key: Key) -> String {
    let shown = key.to_string();
    match key.code {
        crossterm::event::KeyCode::Char(c) if c != ' ' => {
            let prefix = &shown[..shown.len() - c.len_utf8()];
            format!("{}{c}", prefix.to_ascii_lowercase())
        }
        _ => shown
            .replace('↑', "up")
            .replace('↓', "down")
            .replace('←', "left")
            .replace('→', "right")
            .to_ascii_lowercase(),
    }
}

/// A colour as a config file writes it: the 16 names in kebab-case, "default", a number, "#rrggbb".
pub fn color_name(c: Color) -> String {
    use Color::*;
    let named = match c {
        Reset => "default",
        Black => "black",
        Red => "red",
        Green => "green",
        Yellow => "yellow",
        Blue => "blue",
        Magenta => "magenta",
        Cyan => "cyan",
        Gray => "gray",
        DarkGray => "dark-gray",
        LightRed => "light-red",
        LightGreen => "light-green",
        LightYellow => "light-yellow",
        LightBlue => "light-blue",
        LightMagenta => "light-magenta",
        LightCyan => "light-cyan",
        White => "white",
        Indexed(i) => return i.to_string(),
        Rgb(r, g, b) => return format!("#{r:02x}{g:02x}{b:02x}"),
    };
    named.to_string()
}

/// Reads a colour: any name ratatui knows ("light-red", "bright red", "grey"), "default" or
/// "none" for the terminal's own colour, a number 0–255, or "#rrggbb".
pub fn parse_color(s: &str) -> Option<Color> {
    match s.trim().to_ascii_lowercase().as_str() {
        "default" | "none" | "reset" => Some(Color::Reset),
        _ => s.trim().parse().ok(),
    }
}

fn parse_sidebar_width(v: &DeValue<'_>) -> Option<SidebarWidth> {
    if let Some(n) = integer(v) {
        return u16::try_from(n)
            .ok()
            .filter(|n| *n >= MIN_SIDEBAR)
            .map(SidebarWidth::Columns);
    }
    let s = v.as_str()?.trim();
    if s.eq_ignore_ascii_case("auto") {
        return Some(SidebarWidth::Auto);
    }
    let p: u16 = s.strip_suffix('%')?.trim().parse().ok()?;
    (1..=90).contains(&p).then_some(SidebarWidth::Percent(p))
}

fn sidebar_width_text(w: SidebarWidth) -> String {
    match w {
        SidebarWidth::Auto => "\"auto\"".into(),
        SidebarWidth::Percent(p) => format!("\"{p}%\""),
        SidebarWidth::Columns(c) => c.to_string(),
    }
}

/// "a string", "an integer": a value's type for messages.
fn a_type(v: &DeValue<'_>) -> String {
    let t = v.type_str();
    let article = if t.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {t}")
}

fn integer(v: &DeValue<'_>) -> Option<i64> {
    let i = v.as_integer()?;
    i64::from_str_radix(i.as_str(), i.radix()).ok()
}

/// A TOML string literal for `s`, quoted and escaped by toml itself.
fn quoted(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// Walks a parsed file, collecting settings and problems.
struct Reader<'t> {
    text: &'t str,
    problems: Vec<Problem>,
}

impl Reader<'_> {
    fn line(&self, span: &Range<usize>) -> usize {
        let end = span.start.min(self.text.len());
        self.text.as_bytes()[..end]
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            + 1
    }

    /// The value as written in the file, shortened, for messages.
    fn source(&self, span: &Range<usize>) -> String {
        let s = self.text.get(span.clone()).unwrap_or("").trim();
        let mut out: String = s.chars().take(40).collect();
        if out.len() < s.len() {
            out.push('…');
        }
        out
    }

    fn problem(&mut self, span: &Range<usize>, message: String) {
        let line = Some(self.line(span));
        self.problems.push(Problem { line, message });
    }

    /// "KEY: expected WHAT, found VALUE; using DEFAULT".
    fn wrong(&mut self, key: &str, value: &Spanned<DeValue<'_>>, expected: &str, default: &str) {
        let found = self.source(&value.span());
        self.problem(
            &value.span(),
            format!("{key}: expected {expected}, found {found}; using the default, {default}"),
        );
    }

    fn unknown(&mut self, span: &Range<usize>, what: &str, name: &str, hint: &str) {
        self.problem(span, format!("unknown {what} `{name}` (ignored; {hint})"));
    }

    fn table<'a, 'i>(&mut self, key: &str, v: &'a Spanned<DeValue<'i>>) -> Option<&'a DeTable<'i>> {
        let t = v.get_ref().as_table();
        if t.is_none() {
            let found = a_type(v.get_ref());
            self.problem(
                &v.span(),
                format!("{key}: expected a table, found {found}; ignored"),
            );
        }
        t
    }

    fn document(&mut self, doc: &DeTable<'_>, config: &mut Config) {
        let mut keys = Vec::new();
        for (k, v) in doc.iter() {
            let name: &str = k.get_ref();
            match name {
                "theme" => match v.get_ref().as_str().and_then(from_name::<ThemeName>) {
                    Some(t) => config.theme = t,
                    None => self.wrong(name, v, "\"dark\" or \"light\"", "\"dark\""),
                },
                "reading_width" => match integer(v.get_ref())
                    .and_then(|n| u16::try_from(n).ok())
                    .filter(|n| READING_WIDTH.contains(n))
                {
                    Some(n) => config.reading_width = n,
                    None => self.wrong(
                        name,
                        v,
                        &format!(
                            "a number of columns from {} to {}",
                            READING_WIDTH.start,
                            READING_WIDTH.end - 1
                        ),
                        &config.reading_width.to_string(),
                    ),
                },
                "sidebar_width" => match parse_sidebar_width(v.get_ref()) {
                    Some(w) => config.sidebar_width = w,
                    None => self.wrong(
                        name,
                        v,
                        &format!("\"auto\", a number of columns (at least {MIN_SIDEBAR}) or a share such as \"25%\""),
                        &sidebar_width_text(config.sidebar_width),
                    ),
                },
                "show_boilerplate" => match v.get_ref().as_bool() {
                    Some(b) => config.show_boilerplate = b,
                    None => self.wrong(name, v, "true or false", &config.show_boilerplate.to_string()),
                },
                "colors" | "colours" => {
                    if let Some(t) = self.table(name, v) {
                        self.colors(t, config);
                    }
                }
                "keys" => {
                    if let Some(t) = self.table(name, v) {
                        self.keys(t, &mut keys);
                    }
                }
                other => self.unknown(
                    &k.span(),
                    "setting",
                    other,
                    "the settings are theme, reading_width, sidebar_width, show_boilerplate, \
                     [colors] and [keys.*]",
                ),
            }
        }
        config.keymap = self.keymap(keys);
    }

    fn colors(&mut self, table: &DeTable<'_>, config: &mut Config) {
        for (k, v) in table.iter() {
            let name: &str = k.get_ref();
            let Some(slot) = ColorSlot::ALL.iter().copied().find(|s| s.name() == name) else {
                let names: Vec<_> = ColorSlot::ALL.iter().map(|s| s.name()).collect();
                self.unknown(
                    &k.span(),
                    "colour",
                    name,
                    &format!("use one of {}", names.join(", ")),
                );
                continue;
            };
            let color = match v.get_ref() {
                DeValue::Integer(_) => integer(v.get_ref())
                    .and_then(|n| u8::try_from(n).ok())
                    .map(Color::Indexed),
                other => other.as_str().and_then(parse_color),
            };
            match color {
                Some(c) => {
                    config.colors.retain(|(s, _)| *s != slot);
                    config.colors.push((slot, c));
                }
                None => {
                    let default = color_name(Theme::default_color(config.theme, slot));
                    self.wrong(
                        &format!("colors.{name}"),
                        v,
                        "a colour name such as \"light-red\", a number 0-255 or \"#rrggbb\"",
                        &format!("\"{default}\""),
                    )
                }
            }
        }
    }

    fn keys(&mut self, table: &DeTable<'_>, out: &mut Vec<Override>) {
        let contexts: Vec<_> = Context::ALL.iter().map(config_name).collect();
        for (k, v) in table.iter() {
            let name: &str = k.get_ref();
            let Some(context) = from_name::<Context>(name) else {
                let hint = format!("the contexts are {}", contexts.join(", "));
                self.unknown(&k.span(), "key context", &format!("keys.{name}"), &hint);
                continue;
            };
            let Some(actions) = self.table(&format!("keys.{name}"), v) else {
                continue;
            };
            for (ak, av) in actions.iter() {
                let aname: &str = ak.get_ref();
                let Some(action) = from_name::<Action>(aname) else {
                    self.unknown(
                        &ak.span(),
                        "action",
                        aname,
                        "`copydesk config --default` lists the actions",
                    );
                    continue;
                };
                let what = format!("keys.{name}.{aname}");
                let Some(keys) = self.key_list(&what, av) else {
                    continue;
                };
                out.push(Override {
                    context,
                    action,
                    keys,
                    span: ak.span(),
                });
            }
        }
    }

    /// A key or a list of keys; `None` (after saying why) when any of them is wrong.
    fn key_list(&mut self, what: &str, v: &Spanned<DeValue<'_>>) -> Option<Vec<Key>> {
        let items: Vec<&Spanned<DeValue<'_>>> = match v.get_ref() {
            DeValue::String(_) => vec![v],
            DeValue::Array(a) => a.iter().collect(),
            other => {
                let found = a_type(other);
                self.problem(
                    &v.span(),
                    format!(
                        "{what}: expected a key or a list of keys, found {found}; keeping its default keys"
                    ),
                );
                return None;
            }
        };
        let mut keys = Vec::new();
        for item in items {
            let parsed = match item.get_ref().as_str() {
                Some(s) => s.parse::<Key>().map_err(|e| e.to_string()),
                None => Err(format!("expected a key name, found {}", a_type(item.get_ref()))),
            };
            match parsed {
                Ok(k) if !keys.contains(&k) => keys.push(k),
                Ok(_) => {}
                Err(e) => {
                    self.problem(&item.span(), format!("{what}: {e}; keeping its default keys"));
                    return None;
                }
            }
        }
        Some(keys)
    }

    /// The default keymap with the file's bindings in place of the defaults they replace,
    /// keeping table order so the help screen lists keys where it always did.
    fn keymap(&mut self, mut overrides: Vec<Override>) -> Keymap {
        overrides.sort_by_key(|o| o.span.start);
        // A key the file binds in a context belongs to the first action the file gives it there.
        let mut claimed: Vec<(Context, Key, Action)> = Vec::new();
        for o in &mut overrides {
            let mut kept = Vec::new();
            for k in &o.keys {
                match claimed.iter().find(|(c, key, _)| *c == o.context && key == k) {
                    Some((_, _, a)) => {
                        let msg = format!(
                            "keys.{}: {} is already bound to {} there; not also to {}",
                            config_name(&o.context),
                            key_name(*k),
                            config_name(a),
                            config_name(&o.action)
                        );
                        self.problem(&o.span.clone(), msg);
                    }
                    None => {
                        claimed.push((o.context, *k, o.action));
                        kept.push(*k);
                    }
                }
            }
            o.keys = kept;
        }
        let set = |o: &Override| -> Vec<Binding> {
            o.keys
                .iter()
                .map(|k| Binding {
                    context: o.context,
                    key: *k,
                    action: o.action,
                })
                .collect()
        };
        let mut placed = vec![false; overrides.len()];
        let mut bindings = Vec::new();
        for b in Keymap::default().bindings() {
            if let Some(i) = overrides
                .iter()
                .position(|o| o.context == b.context && o.action == b.action)
            {
                if !placed[i] {
                    placed[i] = true;
                    bindings.extend(set(&overrides[i]));
                }
            } else if !claimed.iter().any(|(c, k, _)| *c == b.context && *k == b.key) {
                bindings.push(b.clone());
            }
        }
        for (o, placed) in overrides.iter().zip(placed) {
            if !placed {
                bindings.extend(set(o));
            }
        }
        let keymap = Keymap::from_bindings(bindings);
        // A file that leaves no way to quit would trap the user in the reader.
        if keymap.keys_for(Context::Global, Action::Quit).is_empty() {
            let span = overrides
                .iter()
                .find(|o| o.action == Action::Quit)
                .or(overrides.first())
                .map_or(0..0, |o| o.span.clone());
            self.problem(
                &span,
                "keys: no key is left to quit; keeping the default quit keys".to_string(),
            );
            let mut keymap = keymap;
            for b in Keymap::default().bindings() {
                if b.context == Context::Global && b.action == Action::Quit {
                    keymap.bind(b.context, b.key, b.action);
                }
            }
            return keymap;
        }
        keymap
    }
}

/// One `action = keys` line of a `[keys.CONTEXT]` table.
struct Override {
    context: Context,
    action: Action,
    keys: Vec<Key>,
    span: Range<usize>,
}

impl Config {
    /// Reads a config file's text. Every problem is returned with its line; wrong values keep
    /// their defaults and everything else in the file applies.
    pub fn parse(text: &str) -> (Config, Vec<Problem>) {
        let (doc, errors) = DeTable::parse_recoverable(text);
        let mut r = Reader {
            text,
            problems: Vec::new(),
        };
        for e in errors {
            let message = format!("{} (the rest of the file still applies)", e.message().trim());
            match e.span() {
                Some(span) => r.problem(&span, message),
                None => r.problems.push(Problem { line: None, message }),
            }
        }
        let mut config = Config::default();
        r.document(doc.get_ref(), &mut config);
        let mut problems = r.problems;
        problems.sort_by_key(|p| p.line);
        (config, problems)
    }

    /// The reader's options: the theme chosen (colourless under NO_COLOR) with the file's colours.
    pub fn options(&self, no_color: bool) -> Options {
        let mut theme = Theme::named(self.theme, no_color);
        for (slot, color) in &self.colors {
            theme.set_color(*slot, *color);
        }
        Options {
            keymap: self.keymap.clone(),
            theme,
            reading_width: self.reading_width,
            show_boilerplate: self.show_boilerplate,
            sidebar_width: self.sidebar_width,
        }
    }
}

/// The default config file: every setting, commented out, with its default value. Written from
/// `Config::default()`, the themes and the default keymap, so it always says what the code does.
pub fn default_file() -> String {
    let d = Config::default();
    let mut out = String::new();
    let mut line = |s: &str| {
        out.push_str(s);
        out.push('\n');
    };
    line(&format!(
        "# copydesk {} configuration: {FILE_NAME}",
        env!("CARGO_PKG_VERSION")
    ));
    line("#");
    line("# Every setting is shown with its default value, commented out. To change one, remove");
    line("# the \"# \" before it and edit the value. A wrong value is reported with its line (in");
    line("# the status bar at start, and by `copydesk config --check`) and its default is used;");
    line("# the rest of the file still applies.");
    line("");
    line("# Colours for a dark or a light terminal background: \"dark\" or \"light\".");
    line(&format!("# theme = {}", quoted(d.theme.name())));
    line("");
    line(&format!(
        "# The reader's longest line, in columns ({} to {}).",
        READING_WIDTH.start,
        READING_WIDTH.end - 1
    ));
    line(&format!("# reading_width = {}", d.reading_width));
    line("");
    line("# The sidebar's width: \"auto\" (30% of the terminal, 16 to 40 columns), a number of");
    line("# columns, or a share of the terminal such as \"25%\". Dragging the border between the");
    line("# sidebar and the reader with the mouse changes it until you quit.");
    line(&format!(
        "# sidebar_width = {}",
        sidebar_width_text(d.sidebar_width)
    ));
    line("");
    line("# Show boilerplate (captions, credits, promos) dimmed (true), or hide it (false).");
    let toggle = d
        .keymap
        .hint_key(Context::Reader, Action::ToggleBoilerplate)
        .map(|k| format!(" with {}", key_name(k)))
        .unwrap_or_default();
    line(&format!("# Either way it can be switched{toggle} while reading."));
    line(&format!("# show_boilerplate = {}", d.show_boilerplate));
    line("");
    line("# Colours of entity labels and of differences between versions. A colour is one of the");
    line("# 16 terminal colours (black, red, green, yellow, blue, magenta, cyan, gray, dark-gray,");
    line("# light-red, light-green, light-yellow, light-blue, light-magenta, light-cyan, white),");
    line("# \"default\" for the terminal's own text colour, a number 0-255, or \"#rrggbb\" (needs a");
    line("# terminal with true colour). The values shown are the dark theme's; the light theme's");
    line("# follow each. NO_COLOR (https://no-color.org) turns every colour off.");
    line("[colors]");
    for slot in ColorSlot::ALL {
        let dark = color_name(Theme::default_color(ThemeName::Dark, *slot));
        let light = color_name(Theme::default_color(ThemeName::Light, *slot));
        let setting = format!("# {} = {}", slot.name(), quoted(&dark));
        line(&format!(
            "{setting:<28} # {} (light: {})",
            slot.describe(),
            quoted(&light)
        ));
    }
    line("");
    line("# Keys, one table per context: an action and the key or list of keys that trigger it.");
    line("# Setting an action replaces its keys in that context; [] leaves it without a key. A");
    line("# key given to an action is taken from whatever it did before in that context. The");
    line("# help screen (?) and the hints in the status bar follow these bindings.");
    line("# A key is a character (\"j\", \"G\", \"?\") or a name, optionally after ctrl-, alt-,");
    line("# shift-: space enter esc tab shift-tab backspace delete insert up down left right");
    line("# pgup pgdn home end f1 ... f12; for example \"ctrl-d\".");
    line("# A key is looked up in the focused pane's table, then in [keys.article] (the sidebar");
    line("# and the reader), then in [keys.global]; prompts and help have their own tables.");
    line("# Actions that can be bound (in any table):");
    for a in Action::ALL {
        line(&format!("#   {:<20} {}", config_name(a), a.describe()));
    }
    for ctx in Context::ALL {
        line("");
        line(&format!("# {}", ctx.title()));
        line(&format!("[keys.{}]", config_name(ctx)));
        for (action, keys) in d.keymap.entries(*ctx) {
            let keys: Vec<String> = keys.iter().map(|k| quoted(&key_name(*k))).collect();
            line(&format!("# {} = [{}]", config_name(&action), keys.join(", ")));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_names_read_back() {
        for b in Keymap::default().bindings() {
            let name = key_name(b.key);
            assert_eq!(name.parse::<Key>(), Ok(b.key), "{name}");
            assert!(!name.contains(['↑', '↓']), "{name}");
        }
        assert_eq!(key_name(Key::ctrl('d')), "ctrl-d");
        assert_eq!(key_name(Key::char('G')), "G");
        assert_eq!(key_name(Key::char(' ')), "space");
    }

    #[test]
    fn colour_names_read_back() {
        for c in [
            Color::LightRed,
            Color::DarkGray,
            Color::Reset,
            Color::Indexed(42),
            Color::Rgb(0x12, 0xab, 0xff),
        ] {
            assert_eq!(parse_color(&color_name(c)), Some(c));
        }
        assert_eq!(parse_color("Bright Red"), Some(Color::LightRed));
        assert_eq!(parse_color("grey"), Some(Color::Gray));
        assert_eq!(parse_color("#12345"), None);
        assert_eq!(parse_color("blurple"), None);
    }

    #[test]
    fn lines_count_from_one() {
        let r = Reader {
            text: "a\nb\nc",
            problems: Vec::new(),
        };
        assert_eq!(r.line(&(0..1)), 1);
        assert_eq!(r.line(&(2..3)), 2);
        assert_eq!(r.line(&(4..5)), 3);
        assert_eq!(r.line(&(99..100)), 3);
    }
}
