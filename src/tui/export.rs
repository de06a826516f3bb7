//! Exporting the diff pane's comparison (`x`): Markdown and a self-contained HTML page
//! (`compare::export`) written to `exports/` in the data directory beside the notes, named after
//! the two articles. `App::update` only queues the writing as a [`Work`]; the event loop runs it
//! on a thread and the answer comes back as `Msg::Exported` for the status bar.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::article::Article;
use crate::compare::export::{html, markdown};
use crate::tui::app::{App, Message, Msg};
use crate::tui::work::Work;
use crate::tui::wrap::str_width;

/// What an export did: the two files written, or why it could not.
pub type Exported = Result<(PathBuf, PathBuf), String>;

/// The folder exports go to, inside the data directory.
pub const FOLDER: &str = "exports";

fn say(app: &mut App, text: impl Into<String>, error: bool) {
    app.message = Some(Message {
        text: text.into(),
        error,
    });
}

/// A file name's stem made safe on any filesystem: letters, digits, `-` and `_` kept, runs of
/// anything else one `-`, at most 60 characters.
pub fn sanitise(name: &str) -> String {
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    let mut out = String::new();
    for c in stem.chars() {
        if c.is_alphanumeric() || c == '_' || c == '-' {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
        if out.chars().count() >= 60 {
            break;
        }
    }
    let out = out.trim_matches('-').to_string();
    if out.is_empty() {
        "article".to_string()
    } else {
        out
    }
}

/// The export's file name without extension: "base-vs-other".
pub fn file_stem(a: &Article, b: &Article) -> String {
    format!("{}-vs-{}", sanitise(a.file_name()), sanitise(b.file_name()))
}

/// Queues the export of the comparison the diff pane shows.
pub fn start(app: &mut App) {
    if !app.diff.open {
        return say(app, "Open the diff pane to export a comparison", true);
    }
    let find = |p: &str| app.articles.iter().find(|a| a.path == p);
    let (Some(a), Some(b)) = (find(&app.diff.base), find(&app.diff.other)) else {
        return say(app, "Nothing to export: the compared articles are gone", true);
    };
    let Some(c) = app.diff.comparison(a, b).cloned() else {
        return say(app, "The comparison is not ready yet", true);
    };
    if let Some(why) = &app.notes.memory_only {
        return say(app, format!("Could not export: no data directory ({why})"), true);
    }
    let dir = app.notes.store.dir().join(FOLDER);
    let (a, b) = (a.clone(), b.clone());
    app.work.push(Work::new("export comparison", move || {
        let stem = file_stem(&a, &b);
        Msg::Exported(write(&dir, &stem, &markdown(&a, &b, &c), &html(&a, &b, &c)))
    }));
    say(app, "Exporting the comparison…", false);
}

/// Writes `stem.md` and `stem.html` into `dir` (made if missing), each atomically: a temporary
/// file in the same folder renamed over the name, so a reader never sees half a file.
pub fn write(dir: &Path, stem: &str, md: &str, html: &str) -> Exported {
    let fail = |what: &Path, e: std::io::Error| format!("Could not export to {}: {e}", what.display());
    std::fs::create_dir_all(dir).map_err(|e| fail(dir, e))?;
    let md_path = dir.join(format!("{stem}.md"));
    let html_path = dir.join(format!("{stem}.html"));
    for (path, text) in [(&md_path, md), (&html_path, html)] {
        let mut b = tempfile::Builder::new();
        b.prefix(".export-");
        // A report to share, not a secret: readable as any file the user saves (a temporary
        // file is private by default).
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            b.permissions(std::fs::Permissions::from_mode(0o644));
        }
        let mut tmp = b.tempfile_in(dir).map_err(|e| fail(dir, e))?;
        tmp.write_all(text.as_bytes())
            .and_then(|()| tmp.as_file().sync_all())
            .map_err(|e| fail(path, e))?;
        tmp.persist(path).map_err(|e| fail(path, e.error))?;
    }
    Ok((md_path, html_path))
}

/// The answer, in the status bar, in the room the status bar leaves for it.
pub fn done(app: &mut App, result: Exported) {
    match result {
        Ok((_, html)) => {
            let right = crate::tui::draw::status_right(app);
            let room = (app.size.0 as usize).saturating_sub(str_width(&right) + 2);
            let home = std::env::var_os("HOME").map(PathBuf::from);
            say(app, exported_message(&html, home.as_deref(), room), false);
        }
        Err(e) => say(app, e, true),
    }
}

/// `s` in at most `width` cells, its middle left out for a "…" (the start and the end of a file
/// name say most).
fn shorten_middle(s: &str, width: usize) -> String {
    if str_width(s) <= width {
        return s.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let chars: Vec<char> = s.chars().collect();
    let cw = |c: &char| str_width(c.encode_utf8(&mut [0; 4]));
    let keep = width - 1;
    let (mut head, mut tail) = (String::new(), Vec::new());
    let (mut hw, mut tw) = (0, 0);
    let (mut i, mut j) = (0, chars.len());
    // The end gets the larger half: the extension and the other article's name.
    while i < j {
        if tw <= hw && tw + cw(&chars[j - 1]) + hw <= keep {
            j -= 1;
            tw += cw(&chars[j]);
            tail.push(chars[j]);
        } else if hw + cw(&chars[i]) + tw <= keep {
            hw += cw(&chars[i]);
            head.push(chars[i]);
            i += 1;
        } else {
            break;
        }
    }
    tail.reverse();
    format!("{head}…{}", tail.into_iter().collect::<String>())
}

/// "Exported a-vs-b.html and .md to ~/data/exports" in `room` cells: the folder with the home
/// directory as `~`, and when that is too long the file name shortened in its middle, then the
/// folder to its last two parts, then left out.
pub fn exported_message(html: &Path, home: Option<&Path>, room: usize) -> String {
    let name = html
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let dir = html.parent().unwrap_or(Path::new(""));
    let full = match home.and_then(|h| dir.strip_prefix(h).ok()) {
        Some(rest) if !rest.as_os_str().is_empty() => format!("~/{}", rest.display()),
        _ => dir.display().to_string(),
    };
    let parts: Vec<String> = dir
        .components()
        .rev()
        .take(2)
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let short = match parts.as_slice() {
        [last, parent] => format!("…/{parent}/{last}"),
        _ => full.clone(),
    };
    let msg = |name: &str, dir: Option<&str>| match dir {
        Some(d) => format!("Exported {name} and .md to {d}"),
        None => format!("Exported {name} and .md"),
    };
    const NAME_MIN: usize = 24;
    for dir in [Some(full.as_str()), Some(short.as_str()), None] {
        let fixed = str_width(&msg("", dir));
        if fixed + str_width(&name) <= room {
            return msg(&name, dir);
        }
        if fixed + NAME_MIN <= room {
            return msg(&shorten_middle(&name, room - fixed), dir);
        }
    }
    // Too narrow for a name to read: as much of the start as fits.
    let fixed = str_width(&msg("", None));
    if room >= fixed + 8 {
        return msg(&shorten_middle(&name, room - fixed), None);
    }
    crate::tui::draw::truncate(&msg(&name, None), room)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_safe() {
        assert_eq!(sanitise("002_cbs-ap-full.txt"), "002_cbs-ap-full");
        assert_eq!(sanitise("a b/c?.html"), "a-b-c");
        assert_eq!(sanitise("...txt"), "article");
        assert_eq!(sanitise("Orbán’s story.md"), "Orbán-s-story");
        assert!(sanitise(&"x".repeat(500)).chars().count() <= 60);
    }

    #[test]
    fn the_export_message_fits_its_room() {
        let html = Path::new(
            "/home/ann/.local/share/copydesk/exports/002_cbs-ap-full_806fb89b356b963d-vs-000_ap-original_1234567890abcdef.html",
        );
        let home = Some(Path::new("/home/ann"));
        let roomy = exported_message(html, home, 200);
        assert_eq!(
            roomy,
            "Exported 002_cbs-ap-full_806fb89b356b963d-vs-000_ap-original_1234567890abcdef.html and .md to ~/.local/share/copydesk/exports"
        );
        for room in [20, 40, 60, 80, 100, 120] {
            let m = exported_message(html, home, room);
            assert!(str_width(&m) <= room, "{room}: {m}");
            assert!(m.starts_with("Exported 002"), "{room}: {m}");
            if room >= 60 {
                assert!(m.contains(".html and .md"), "{room}: {m}");
            }
        }
        let m = exported_message(html, home, 100);
        assert!(m.contains("…") && m.contains("exports"), "{m}");
        assert_eq!(shorten_middle("abcdefghij", 5), "ab…ij");
        assert_eq!(shorten_middle("abc", 5), "abc");
        assert_eq!(shorten_middle("abc", 0), "");
    }

    #[test]
    fn writing_under_a_file_fails_with_the_path() {
        let d = tempfile::tempdir().unwrap();
        let file = d.path().join("plain");
        std::fs::write(&file, "x").unwrap();
        let e = write(&file.join("exports"), "a-vs-b", "md", "html").unwrap_err();
        assert!(e.contains("Could not export to") && e.contains("plain"), "{e}");
        let (m, h) = write(&d.path().join("exports"), "a-vs-b", "# md", "<p>").unwrap();
        assert_eq!(std::fs::read_to_string(m).unwrap(), "# md");
        assert_eq!(std::fs::read_to_string(h).unwrap(), "<p>");
    }
}
