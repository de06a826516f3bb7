//! Remembering a collection as it was left: `session.json` in the data directory, beside the
//! notes, one entry per collection (the set of paths opened, or the demo). Written atomically
//! (temporary file, then rename) under a lock; a damaged file is moved aside like a damaged notes
//! file and never stops start-up.

use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::listing::SortMode;
use crate::notes::store::{move_damaged_aside, replace_with};
use crate::notes::{Disk, RealDisk};

pub const FILE_NAME: &str = "session.json";
const LOCK_NAME: &str = "session.json.lock";
pub const FORMAT_VERSION: u32 = 1;
/// Collections remembered; the least recently saved go first.
const MAX_COLLECTIONS: usize = 100;

/// How one collection was left. Every field has a default, so a field added later (diff base,
/// entity-label toggles) reads older files, and a file from a newer copydesk with more fields
/// still loads.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Session {
    /// Path of the article open in the reader.
    pub selected: Option<String>,
    /// Character offset of the text at the top of the reader in that article.
    pub position: Option<usize>,
    /// Paths of the articles read.
    pub read: BTreeSet<String>,
    pub sort: SortMode,
    pub filter: String,
    /// Whether the reader had focus.
    pub reader_focused: bool,
    /// Entity labels whose highlighting was turned off ("PERSON", "ORG", ...).
    pub labels_off: Vec<String>,
    /// The diff pane's last base and the version chosen to compare it with, taken again the
    /// next time the diff opens on that base.
    pub diff_base: Option<String>,
    pub diff_other: Option<String>,
    /// Paths of the originals of the stories folded in the sidebar.
    pub folded: BTreeSet<String>,
}

/// One remembered collection.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Entry {
    /// What was opened: absolute paths, sorted; `demo` for `--demo`.
    pub collection: Vec<String>,
    pub saved: DateTime<Utc>,
    pub session: Session,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct SessionFile {
    version: u32,
    #[serde(default)]
    collections: Vec<Entry>,
}

/// The key a collection is remembered by: the paths given, made absolute (without touching the
/// disk), sorted and deduplicated; `demo` first when the demo is open.
pub fn collection_key(demo: bool, paths: &[PathBuf]) -> Vec<String> {
    let mut key: Vec<String> = paths
        .iter()
        .map(|p| {
            let abs = std::path::absolute(p).unwrap_or_else(|_| p.clone());
            let s = abs.to_string_lossy().into_owned();
            if s.len() > 1 {
                s.trim_end_matches('/').to_string()
            } else {
                s
            }
        })
        .collect();
    key.sort();
    key.dedup();
    if demo {
        key.insert(0, "demo".to_string());
    }
    key
}

#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    #[error("could not save the session to {}: {source}", path.display())]
    Save { path: PathBuf, source: io::Error },
}

/// The session file of a data directory.
#[derive(Debug, Clone)]
pub struct SessionStore {
    dir: PathBuf,
}

enum Read {
    Missing,
    Good(SessionFile),
    Damaged(String),
}

impl SessionStore {
    pub fn new(dir: &Path) -> SessionStore {
        SessionStore {
            dir: dir.to_path_buf(),
        }
    }

    pub fn path(&self) -> PathBuf {
        self.dir.join(FILE_NAME)
    }

    fn read(&self) -> Read {
        let bytes = match fs::read(self.path()) {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Read::Missing,
            Err(e) => return Read::Damaged(format!("could not be read: {e}")),
        };
        match serde_json::from_slice::<SessionFile>(&bytes) {
            Ok(f) if f.version <= FORMAT_VERSION => Read::Good(f),
            Ok(f) => Read::Damaged(format!("has unknown format version {}", f.version)),
            Err(e) => Read::Damaged(format!("is not a session file ({e})")),
        }
    }

    /// The session of `collection`, if one was saved, and messages for the user (a damaged file
    /// moved aside). Never fails: anything wrong means starting afresh.
    pub fn load(&self, collection: &[String]) -> (Option<Session>, Vec<String>) {
        match self.read() {
            Read::Missing => (None, vec![]),
            Read::Good(f) => (
                f.collections
                    .into_iter()
                    .find(|e| e.collection == collection)
                    .map(|e| e.session),
                vec![],
            ),
            Read::Damaged(problem) => (None, vec![self.move_aside(&problem)]),
        }
    }

    /// Keeps a damaged file as `session.json.damaged-STAMP` (never replacing one kept before).
    fn move_aside(&self, problem: &str) -> String {
        let path = self.path();
        match move_damaged_aside(&RealDisk, &self.dir, FILE_NAME) {
            Ok(aside) => format!(
                "The session file {} {problem}; kept as {}, starting afresh",
                path.display(),
                aside.display()
            ),
            // Every stamped name already taken.
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                format!("The session file {} {problem}; starting afresh", path.display())
            }
            Err(e) => format!(
                "The session file {} {problem} and could not be moved aside ({e}); starting afresh",
                path.display()
            ),
        }
    }

    /// Saves `session` as the state of `collection`, keeping the other collections' entries
    /// (re-read under the lock, so another copydesk's save is not lost).
    pub fn save(&self, collection: &[String], session: &Session) -> Result<(), SessionError> {
        let path = self.path();
        let err = |source| SessionError::Save {
            path: path.clone(),
            source,
        };
        fs::create_dir_all(&self.dir).map_err(err)?;
        let _lock = RealDisk.lock(&self.dir.join(LOCK_NAME)).map_err(err)?;
        let mut file = match self.read() {
            Read::Good(f) => f,
            Read::Missing => SessionFile {
                version: FORMAT_VERSION,
                collections: vec![],
            },
            Read::Damaged(problem) => {
                // Kept aside rather than overwritten; the message is lost here, but the copy is not.
                let _ = self.move_aside(&problem);
                SessionFile {
                    version: FORMAT_VERSION,
                    collections: vec![],
                }
            }
        };
        file.version = FORMAT_VERSION;
        file.collections.retain(|e| e.collection != collection);
        file.collections.push(Entry {
            collection: collection.to_vec(),
            saved: Utc::now(),
            session: session.clone(),
        });
        file.collections.sort_by_key(|e| e.saved);
        let excess = file.collections.len().saturating_sub(MAX_COLLECTIONS);
        file.collections.drain(..excess);
        let json = serde_json::to_vec_pretty(&file).map_err(|e| err(io::Error::other(e)))?;
        write_atomically(&self.dir, &path, &json).map_err(err)
    }
}

/// Writes `bytes` to a temporary file in `dir`, syncs it, and renames it over `to`: a reader
/// sees the old file or the new one, never half of one.
pub fn write_atomically(dir: &Path, to: &Path, bytes: &[u8]) -> io::Result<()> {
    let temp = tempfile::Builder::new()
        .prefix(".session.json.")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    replace_with(&RealDisk, temp, to, bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Session {
        Session {
            selected: Some("seeds/b.txt".into()),
            position: Some(1234),
            read: ["seeds/a.txt".to_string(), "seeds/b.txt".to_string()].into(),
            sort: SortMode::Title,
            filter: "putin".into(),
            reader_focused: true,
            labels_off: vec!["ORG".into(), "DATE".into()],
            diff_base: Some("seeds/b.txt".into()),
            diff_other: Some("seeds/c.txt".into()),
            folded: ["seeds/a.txt".to_string()].into(),
        }
    }

    #[test]
    fn round_trip_per_collection() {
        let dir = tempfile::tempdir().unwrap();
        let store = SessionStore::new(dir.path());
        let a = collection_key(false, &[PathBuf::from("/x/seeds"), PathBuf::from("/x/more/")]);
        assert_eq!(a, ["/x/more", "/x/seeds"]);
        let b = collection_key(true, &[]);
        assert_eq!(b, ["demo"]);
        assert_eq!(store.load(&a), (None, vec![]));
        store.save(&a, &sample()).unwrap();
        store.save(&b, &Session::default()).unwrap();
        assert_eq!(store.load(&a).0, Some(sample()));
        assert_eq!(store.load(&b).0, Some(Session::default()));
        // Saving again replaces the entry, not adds one.
        let mut s = sample();
        s.filter.clear();
        store.save(&a, &s).unwrap();
        assert_eq!(store.load(&a).0, Some(s));
        let text = fs::read_to_string(store.path()).unwrap();
        assert_eq!(text.matches("\"collection\"").count(), 2);
        // No temporary file is left behind.
        let names: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tmp"))
            .collect();
        assert!(names.is_empty(), "{names:?}");
    }

    #[test]
    fn missing_fields_take_defaults_and_unknown_fields_are_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let store = SessionStore::new(dir.path());
        fs::write(
            store.path(),
            r#"{"version":1,"collections":[{"collection":["demo"],"saved":"2026-01-01T00:00:00Z",
               "session":{"selected":"demo/x","diff_base":"demo/y"}}]}"#,
        )
        .unwrap();
        let (s, msgs) = store.load(&["demo".to_string()]);
        assert!(msgs.is_empty());
        let s = s.unwrap();
        assert_eq!(s.selected.as_deref(), Some("demo/x"));
        assert_eq!(s.sort, SortMode::Path);
        assert!(s.read.is_empty());
        assert!(s.labels_off.is_empty());
        assert_eq!(s.diff_base.as_deref(), Some("demo/y"));
        assert_eq!(s.diff_other, None);
    }

    #[test]
    fn damaged_file_is_ignored_and_kept_aside() {
        let dir = tempfile::tempdir().unwrap();
        let store = SessionStore::new(dir.path());
        fs::write(store.path(), b"{not json").unwrap();
        let key = collection_key(true, &[]);
        let (s, msgs) = store.load(&key);
        assert_eq!(s, None);
        assert_eq!(msgs.len(), 1);
        assert!(msgs[0].contains("is not a session file"), "{}", msgs[0]);
        assert!(!store.path().exists());
        let aside: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| {
                p.file_name()
                    .unwrap()
                    .to_string_lossy()
                    .starts_with("session.json.damaged-")
            })
            .collect();
        assert_eq!(aside.len(), 1);
        assert_eq!(fs::read(&aside[0]).unwrap(), b"{not json");
        // A new session is saved in its place.
        store.save(&key, &sample()).unwrap();
        assert_eq!(store.load(&key).0, Some(sample()));
    }

    #[test]
    fn newer_format_is_kept_aside_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let store = SessionStore::new(dir.path());
        fs::write(store.path(), br#"{"version":99,"collections":[]}"#).unwrap();
        store.save(&["demo".to_string()], &sample()).unwrap();
        let kept = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.to_string_lossy().contains("damaged"))
            .unwrap();
        assert!(fs::read_to_string(kept).unwrap().contains("99"));
    }

    #[test]
    fn atomic_write_replaces_whole_file() {
        let dir = tempfile::tempdir().unwrap();
        let to = dir.path().join("f.json");
        fs::write(&to, b"old old old old").unwrap();
        write_atomically(dir.path(), &to, b"new").unwrap();
        assert_eq!(fs::read(&to).unwrap(), b"new");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
