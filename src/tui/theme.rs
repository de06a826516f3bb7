//! Styles. Every meaning a colour carries is also carried by a modifier (bold, reverse,
//! underline, italic, dim, crossed out), so the screen still reads under NO_COLOR or on a
//! monochrome terminal. The defaults use only the 16 named ANSI colours, which every colour
//! terminal has and which the user's terminal palette already makes readable on its background.

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;

use crate::entities::Label;

/// The two default themes: colours picked for a dark or for a light terminal background.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ThemeName {
    #[default]
    Dark,
    Light,
}

impl ThemeName {
    pub const ALL: &[ThemeName] = &[ThemeName::Dark, ThemeName::Light];

    pub fn name(self) -> &'static str {
        match self {
            ThemeName::Dark => "dark",
            ThemeName::Light => "light",
        }
    }
}

/// One style per entity label, for the entity highlighting in the reader.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EntityStyles {
    pub person: Style,
    pub org: Style,
    pub place: Style,
    pub norp: Style,
    pub date: Style,
    pub number: Style,
}

impl EntityStyles {
    /// The style of `label`.
    pub fn label(&self, label: Label) -> Style {
        match label {
            Label::Person => self.person,
            Label::Org => self.org,
            Label::Place => self.place,
            Label::Norp => self.norp,
            Label::Date => self.date,
            Label::Number => self.number,
        }
    }
}

/// One style per kind of difference, for the diff pane.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DiffStyles {
    /// A sentence only in the base (removed), only in the other version (added), reworded
    /// (edited), or found elsewhere in the other (moved).
    pub removed: Style,
    pub added: Style,
    pub edited: Style,
    pub moved: Style,
    /// Words deleted from, or inserted into, an edited sentence (they follow the removed and
    /// added colours).
    pub deleted_word: Style,
    pub inserted_word: Style,
    /// Notes the diff pane writes itself ("moved to ¶ 7").
    pub note: Style,
}

/// The styles whose colour a config file may set (`[colors]`), by their config names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ColorSlot {
    Person,
    Org,
    Place,
    Norp,
    Date,
    Number,
    Removed,
    Added,
    Edited,
    Moved,
}

impl ColorSlot {
    pub const ALL: &[ColorSlot] = &[
        ColorSlot::Person,
        ColorSlot::Org,
        ColorSlot::Place,
        ColorSlot::Norp,
        ColorSlot::Date,
        ColorSlot::Number,
        ColorSlot::Removed,
        ColorSlot::Added,
        ColorSlot::Edited,
        ColorSlot::Moved,
    ];

    /// The key in the config file's `[colors]` table.
    pub fn name(self) -> &'static str {
        match self {
            ColorSlot::Person => "person",
            ColorSlot::Org => "org",
            ColorSlot::Place => "place",
            ColorSlot::Norp => "norp",
            ColorSlot::Date => "date",
            ColorSlot::Number => "number",
            ColorSlot::Removed => "removed",
            ColorSlot::Added => "added",
            ColorSlot::Edited => "edited",
            ColorSlot::Moved => "moved",
        }
    }

    /// What the slot colours, for the default config file.
    pub fn describe(self) -> &'static str {
        match self {
            ColorSlot::Person => "entities: people",
            ColorSlot::Org => "entities: organisations",
            ColorSlot::Place => "entities: places",
            ColorSlot::Norp => "entities: nationalities, religious and political groups",
            ColorSlot::Date => "entities: dates and times",
            ColorSlot::Number => "entities: numbers, money, percentages",
            ColorSlot::Removed => "diff: sentences only in the base (italic; deleted words crossed out)",
            ColorSlot::Added => "diff: sentences only in the other version (bold; inserted words underlined)",
            ColorSlot::Edited => "diff: reworded sentences (the changed words are marked)",
            ColorSlot::Moved => "diff: sentences moved elsewhere (dim)",
        }
    }
}

/// The colours that differ between the dark and the light theme.
struct Palette {
    accent: Color,
    faint: Color,
    dim: Color,
    current: Color,
    error: Color,
    slots: [Color; 10],
}

impl Palette {
    fn of(name: ThemeName) -> Palette {
        use Color::*;
        match name {
            // Bright variants read well on black; blue and dark grey do not, so they are avoided.
            ThemeName::Dark => Palette {
                accent: Cyan,
                faint: DarkGray,
                dim: Gray,
                current: Yellow,
                error: LightRed,
                slots: [
                    LightCyan,    // person
                    LightMagenta, // org
                    LightGreen,   // place
                    Yellow,       // norp
                    LightBlue,    // date
                    LightRed,     // number
                    LightRed,     // removed
                    LightGreen,   // added
                    Yellow,       // edited
                    LightBlue,    // moved
                ],
            },
            // On white, yellow and the light variants vanish; the plain ones and dark grey read.
            ThemeName::Light => Palette {
                accent: Blue,
                faint: DarkGray,
                dim: DarkGray,
                current: Blue,
                error: Red,
                slots: [
                    Blue,     // person
                    Magenta,  // org
                    Green,    // place
                    Red,      // norp
                    Cyan,     // date
                    DarkGray, // number
                    Red,      // removed
                    Green,    // added
                    Magenta,  // edited
                    Blue,     // moved
                ],
            },
        }
    }

    fn slot(&self, slot: ColorSlot) -> Color {
        let i = ColorSlot::ALL.iter().position(|s| *s == slot).unwrap_or(0);
        self.slots[i]
    }
}

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
    /// Entity highlighting: a colour and a modifier per label (see `Theme::named`).
    pub entity: EntityStyles,
    pub diff: DiffStyles,
}

impl Theme {
    /// The default dark theme, or its colourless twin when `no_color` is set.
    pub fn new(no_color: bool) -> Theme {
        Theme::named(ThemeName::Dark, no_color)
    }

    /// One of the default themes, or its colourless twin when `no_color` is set.
    pub fn named(name: ThemeName, no_color: bool) -> Theme {
        let p = Palette::of(name);
        let m = Style::new();
        let c = |style: Style, colored: Style| if no_color { style } else { style.patch(colored) };
        let slot = |s: ColorSlot, modifier: Modifier| c(m.add_modifier(modifier), m.fg(p.slot(s)));
        Theme {
            no_color,
            border: c(m, m.fg(p.faint)),
            border_focused: c(m.add_modifier(Modifier::BOLD), m.fg(p.accent)),
            title: m,
            title_focused: c(m.add_modifier(Modifier::BOLD), m.fg(p.accent)),
            selected: c(m.add_modifier(Modifier::REVERSED | Modifier::BOLD), m),
            selected_unfocused: c(m.add_modifier(Modifier::BOLD), m.fg(p.accent)),
            dim: c(m.add_modifier(Modifier::DIM), m.fg(p.dim)),
            heading: m.add_modifier(Modifier::BOLD),
            boilerplate: c(m.add_modifier(Modifier::DIM | Modifier::ITALIC), m.fg(p.faint)),
            search_match: c(m.add_modifier(Modifier::REVERSED), m),
            current_match: c(
                m.add_modifier(Modifier::REVERSED | Modifier::BOLD | Modifier::UNDERLINED),
                m.fg(p.current),
            ),
            status: m,
            hint_key: c(m.add_modifier(Modifier::BOLD), m.fg(p.accent)),
            error: c(m.add_modifier(Modifier::BOLD), m.fg(p.error)),
            prompt: m.add_modifier(Modifier::BOLD),
            // Each label has its own modifiers as well as a colour, so they differ under NO_COLOR.
            entity: EntityStyles {
                person: slot(ColorSlot::Person, Modifier::BOLD),
                org: slot(ColorSlot::Org, Modifier::UNDERLINED),
                place: slot(ColorSlot::Place, Modifier::ITALIC),
                norp: slot(ColorSlot::Norp, Modifier::BOLD | Modifier::ITALIC),
                date: slot(ColorSlot::Date, Modifier::ITALIC | Modifier::UNDERLINED),
                number: slot(ColorSlot::Number, Modifier::BOLD | Modifier::UNDERLINED),
            },
            diff: DiffStyles {
                // Whole sentences: told apart without colour too (the sign column says the same).
                removed: slot(ColorSlot::Removed, Modifier::ITALIC),
                added: slot(ColorSlot::Added, Modifier::BOLD),
                edited: slot(ColorSlot::Edited, Modifier::empty()),
                moved: slot(ColorSlot::Moved, Modifier::DIM),
                // Words inside an edited sentence: struck out in the base, underlined in the other.
                deleted_word: c(
                    m.add_modifier(Modifier::CROSSED_OUT | Modifier::BOLD),
                    m.fg(p.slot(ColorSlot::Removed)),
                ),
                inserted_word: c(
                    m.add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
                    m.fg(p.slot(ColorSlot::Added)),
                ),
                note: c(
                    m.add_modifier(Modifier::DIM | Modifier::ITALIC),
                    m.fg(p.slot(ColorSlot::Moved)),
                ),
            },
        }
    }

    /// NO_COLOR is honoured when set to anything but the empty string (https://no-color.org).
    pub fn no_color_from_env() -> bool {
        std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
    }

    /// The dark theme, honouring NO_COLOR.
    pub fn from_env() -> Theme {
        Theme::new(Theme::no_color_from_env())
    }

    /// The style a colour slot names.
    pub fn slot_mut(&mut self, slot: ColorSlot) -> &mut Style {
        match slot {
            ColorSlot::Person => &mut self.entity.person,
            ColorSlot::Org => &mut self.entity.org,
            ColorSlot::Place => &mut self.entity.place,
            ColorSlot::Norp => &mut self.entity.norp,
            ColorSlot::Date => &mut self.entity.date,
            ColorSlot::Number => &mut self.entity.number,
            ColorSlot::Removed => &mut self.diff.removed,
            ColorSlot::Added => &mut self.diff.added,
            ColorSlot::Edited => &mut self.diff.edited,
            ColorSlot::Moved => &mut self.diff.moved,
        }
    }

    /// `style` with `colored` laid over it, or `style` alone in the colourless theme (where the
    /// modifier carries the meaning): for styles the panes make from the theme's colour setting.
    pub fn with_color(&self, style: Style, colored: Style) -> Style {
        if self.no_color {
            style
        } else {
            style.patch(colored)
        }
    }

    /// Sets a slot's text colour, keeping its modifiers; ignored under NO_COLOR.
    pub fn set_color(&mut self, slot: ColorSlot, color: Color) {
        if !self.no_color {
            self.slot_mut(slot).fg = Some(color);
            match slot {
                ColorSlot::Removed => self.diff.deleted_word.fg = Some(color),
                ColorSlot::Added => self.diff.inserted_word.fg = Some(color),
                ColorSlot::Moved => self.diff.note.fg = Some(color),
                _ => {}
            }
        }
    }

    /// The default colour of a slot in a theme (what the default config file shows).
    pub fn default_color(name: ThemeName, slot: ColorSlot) -> Color {
        Palette::of(name).slot(slot)
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
        assert_eq!(t.entity.person.fg, None);
        assert_ne!(t.entity.person, Style::new());
        let diff = [t.diff.removed, t.diff.added, t.diff.edited, t.diff.moved];
        for (i, a) in diff.iter().enumerate() {
            assert_eq!(a.fg, None);
            for b in &diff[i + 1..] {
                assert_ne!(a, b, "diff styles must differ without colour");
            }
        }
    }

    #[test]
    fn defaults_use_only_the_sixteen_named_colours() {
        for name in ThemeName::ALL {
            let mut t = Theme::named(*name, false);
            let mut styles = vec![
                t.border,
                t.border_focused,
                t.selected_unfocused,
                t.dim,
                t.boilerplate,
                t.current_match,
                t.hint_key,
                t.error,
            ];
            for slot in ColorSlot::ALL {
                styles.push(*t.slot_mut(*slot));
            }
            for s in styles {
                for c in [s.fg, s.bg].into_iter().flatten() {
                    assert!(
                        !matches!(c, Color::Rgb(..) | Color::Indexed(_)),
                        "{name:?}: {c:?} needs more than 16 colours"
                    );
                }
            }
        }
        assert_ne!(
            Theme::named(ThemeName::Dark, false),
            Theme::named(ThemeName::Light, false)
        );
    }

    #[test]
    fn a_slot_colour_keeps_its_modifier_and_no_color_wins() {
        let mut t = Theme::new(false);
        t.set_color(ColorSlot::Removed, Color::Rgb(1, 2, 3));
        assert_eq!(t.diff.removed.fg, Some(Color::Rgb(1, 2, 3)));
        assert!(t.diff.removed.add_modifier.contains(Modifier::ITALIC));
        assert_eq!(t.diff.deleted_word.fg, Some(Color::Rgb(1, 2, 3)));
        let mut t = Theme::new(true);
        t.set_color(ColorSlot::Person, Color::Red);
        assert_eq!(t.entity.person.fg, None);
    }

    #[test]
    fn diff_words_keep_their_meaning_without_colour() {
        let t = Theme::new(true);
        for s in [
            t.diff.removed,
            t.diff.added,
            t.diff.edited,
            t.diff.moved,
            t.diff.deleted_word,
            t.diff.inserted_word,
            t.diff.note,
        ] {
            assert_eq!((s.fg, s.bg), (None, None));
        }
        // Deleted words are struck, inserted ones underlined; the rows' ops are in the sign column.
        assert!(t.diff.deleted_word.add_modifier.contains(Modifier::CROSSED_OUT));
        assert!(t.diff.inserted_word.add_modifier.contains(Modifier::UNDERLINED));
        assert_ne!(t.diff.deleted_word, t.diff.inserted_word);
        assert_ne!(t.diff.note, Style::new());
    }
}
