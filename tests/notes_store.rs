//! The notes store on disk: round trips, damaged files kept aside, failed saves kept in memory
//! and retried, crashes mid-save, merging between stores. Failures are injected through the
//! store's `Disk` trait (tests run as root, where file modes stop nothing) and, for a real full
//! disk, by writing through /dev/full.

use std::fs;
use std::io::{self, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Utc};
use copydesk::article::{Article, Meta, build};
use copydesk::notes::{Disk, Note, NoteStore, StoreError};
use proptest::prelude::*;
use tempfile::NamedTempFile;

fn article(path: &str, text: &str) -> Article {
    build(path, text.to_string(), "UTF-8", Meta::default(), Vec::new())
}

fn sample_notes() -> Vec<Note> {
    let a = article(
        "story.txt",
        "Zelenskyy met Putin. «Ça va», dit-il — 😀 emoji line.\n\nSecond paragraph.",
    );
    let q = "«Ça va», dit-il";
    let s = a.text.find(q).unwrap();
    vec![
        Note::on_passage(&a, s..s + q.len(), "a note\nwith two lines and \"quotes\""),
        Note::on_article(&a, "whole article"),
        Note::on_passage(&a, 0..10, ""),
    ]
}

fn damaged_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut v: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("notes.json.damaged-")
        })
        .collect();
    v.sort();
    v
}

fn temp_files(dir: &Path) -> usize {
    fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .count()
}

#[test]
fn round_trip_keeps_every_field() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, msgs) = NoteStore::open(dir.path());
    assert!(msgs.is_empty());
    for n in sample_notes() {
        s.add(n);
    }
    let id = s.all()[0].id.clone();
    s.edit(&id, "edited").unwrap();
    let gone = s.all()[2].id.clone();
    s.delete(&gone).unwrap();
    s.save().unwrap();
    assert!(!s.is_dirty());
    let (back, msgs) = NoteStore::open(dir.path());
    assert!(msgs.is_empty(), "{msgs:?}");
    assert_eq!(back.to_file(), s.to_file());
    assert_eq!(back.all().len(), 2);
    assert_eq!(back.get(&id).unwrap().text, "edited");
    assert!(back.get(&gone).is_none());
    // The file is the documented versioned JSON.
    let v: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(dir.path().join("notes.json")).unwrap()).unwrap();
    assert_eq!(v["version"], 1);
    assert_eq!(v["notes"].as_array().unwrap().len(), 2);
    assert_eq!(v["deleted"][0]["id"], gone.as_str());
}

#[test]
fn damaged_file_is_kept_aside_and_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("notes.json");
    let garbage: &[u8] = b"{\"version\": 1, \"notes\": [ {\"id\": \xff\xfe truncated";
    fs::write(&file, garbage).unwrap();

    let (mut s, msgs) = NoteStore::open(dir.path());
    let aside = damaged_files(dir.path());
    assert_eq!(aside.len(), 1);
    assert_eq!(
        fs::read(&aside[0]).unwrap(),
        garbage,
        "the damaged file is kept byte for byte"
    );
    assert_eq!(msgs.len(), 1);
    assert!(
        msgs[0].contains(&aside[0].display().to_string()),
        "the user is told where: {msgs:?}"
    );
    assert!(s.all().is_empty());

    s.add(sample_notes().remove(0));
    s.save().unwrap();
    assert_eq!(
        fs::read(&aside[0]).unwrap(),
        garbage,
        "still there after the next save"
    );
    assert_eq!(NoteStore::open(dir.path()).0.all().len(), 1);

    // Damaged again (within the same second): a second file beside the first, not over it.
    fs::write(&file, b"not json at all").unwrap();
    let (_, msgs) = NoteStore::open(dir.path());
    let aside2 = damaged_files(dir.path());
    assert_eq!(aside2.len(), 2, "{aside2:?}");
    assert_eq!(fs::read(&aside[0]).unwrap(), garbage);
    assert!(aside2.iter().any(|p| fs::read(p).unwrap() == b"not json at all"));
    assert_eq!(msgs.len(), 1);
}

#[test]
fn damaged_file_found_at_save_time_is_kept_aside_too() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, _) = NoteStore::open(dir.path());
    s.add(sample_notes().remove(0));
    fs::write(dir.path().join("notes.json"), b"\x00\x01binary").unwrap();
    s.save().unwrap();
    let aside = damaged_files(dir.path());
    assert_eq!(aside.len(), 1);
    assert_eq!(fs::read(&aside[0]).unwrap(), b"\x00\x01binary");
    let msgs = s.take_messages();
    assert!(msgs[0].contains("kept as"), "{msgs:?}");
    assert_eq!(NoteStore::open(dir.path()).0.all().len(), 1);
}

#[test]
fn unreadable_notes_path_is_moved_aside() {
    let dir = tempfile::tempdir().unwrap();
    // A directory where the file should be: reading it fails.
    fs::create_dir(dir.path().join("notes.json")).unwrap();
    fs::write(dir.path().join("notes.json").join("inside"), b"x").unwrap();
    let (mut s, msgs) = NoteStore::open(dir.path());
    assert_eq!(msgs.len(), 1, "{msgs:?}");
    assert!(msgs[0].contains("could not be read"), "{msgs:?}");
    let aside = damaged_files(dir.path());
    assert_eq!(aside.len(), 1);
    assert!(aside[0].join("inside").exists());
    s.add(sample_notes().remove(0));
    s.save().unwrap();
}

/// Filesystem operations that fail on demand.
#[derive(Default)]
struct Faulty {
    fault: Mutex<Fault>,
}

#[derive(Debug, Default, Clone, Copy, PartialEq)]
enum Fault {
    #[default]
    None,
    /// Creating files in the directory is refused, as in a read-only directory.
    ReadOnly,
    /// Nothing at all can be created or locked in the directory.
    ReadOnlyAll,
    /// Half the bytes are written, then the disk is full.
    DiskFull,
    /// The bytes go to /dev/full, so the kernel itself reports the full disk.
    DevFull,
    /// The temporary file is written and synced, then the process "dies" before the rename:
    /// the temporary file is left behind as a real crash would leave it.
    CrashBeforeRename,
    /// The process "dies" halfway through writing: the partial temporary file is left behind.
    CrashMidWrite,
}

impl Faulty {
    fn new(f: Fault) -> Arc<Faulty> {
        Arc::new(Faulty { fault: Mutex::new(f) })
    }
    fn set(&self, f: Fault) {
        *self.fault.lock().unwrap() = f;
    }
    fn get(&self) -> Fault {
        *self.fault.lock().unwrap()
    }
}

impl Disk for Faulty {
    fn lock(&self, path: &Path) -> io::Result<fs::File> {
        if self.get() == Fault::ReadOnlyAll {
            return Err(io::Error::from_raw_os_error(30));
        }
        copydesk::notes::RealDisk.lock(path)
    }
    fn move_aside(&self, from: &Path, to: &Path) -> io::Result<()> {
        if self.get() == Fault::ReadOnlyAll {
            return Err(io::Error::from_raw_os_error(30));
        }
        copydesk::notes::RealDisk.move_aside(from, to)
    }
    fn temp_in(&self, dir: &Path) -> io::Result<NamedTempFile> {
        if matches!(self.get(), Fault::ReadOnly | Fault::ReadOnlyAll) {
            return Err(io::Error::from_raw_os_error(30)); // EROFS
        }
        tempfile::Builder::new()
            .prefix(".notes.json.")
            .suffix(".tmp")
            .tempfile_in(dir)
    }
    fn write(&self, file: &mut fs::File, bytes: &[u8]) -> io::Result<()> {
        match self.get() {
            Fault::DiskFull => {
                file.write_all(&bytes[..bytes.len() / 2])?;
                Err(io::Error::from_raw_os_error(28)) // ENOSPC
            }
            Fault::CrashMidWrite => {
                file.write_all(&bytes[..bytes.len() / 2])?;
                file.sync_all()?;
                Err(io::Error::other("simulated crash mid-write"))
            }
            Fault::DevFull => {
                let mut full = fs::OpenOptions::new().write(true).open("/dev/full")?;
                full.write_all(bytes)?;
                full.flush()
            }
            _ => {
                file.write_all(bytes)?;
                file.flush()
            }
        }
    }
    fn rename(&self, temp: NamedTempFile, to: &Path) -> io::Result<()> {
        if self.get() == Fault::CrashBeforeRename {
            temp.keep().map_err(|e| e.error)?;
            return Err(io::Error::other("simulated crash before rename"));
        }
        temp.persist(to).map(|_| ()).map_err(|e| e.error)
    }
}

/// Saves one note for real, then makes `fault` happen on the next save of a second note and
/// checks what a failed save must guarantee; then clears the fault and retries.
fn failed_save_keeps_notes_and_retries(fault: Fault, why: &str) {
    let dir = tempfile::tempdir().unwrap();
    let disk = Faulty::new(Fault::None);
    let (mut s, _) = NoteStore::open_with(dir.path(), disk.clone());
    let first = s.add(sample_notes().remove(0)).id.clone();
    s.save().unwrap();
    let before = fs::read(dir.path().join("notes.json")).unwrap();

    disk.set(fault);
    let second = s.add(sample_notes().remove(1)).id.clone();
    let err = s.save().unwrap_err();
    let msg = err.to_string();
    assert!(matches!(err, StoreError::Save { .. }), "{err:?}");
    assert!(msg.contains(why), "the error says why: {msg}");
    assert!(
        msg.contains(&dir.path().join("notes.json").display().to_string()),
        "and names the file: {msg}"
    );
    assert!(s.is_dirty(), "still marked unsaved");
    assert!(
        s.get(&first).is_some() && s.get(&second).is_some(),
        "notes stay in memory"
    );
    assert_eq!(
        fs::read(dir.path().join("notes.json")).unwrap(),
        before,
        "the previous file is intact"
    );
    assert_eq!(NoteStore::open(dir.path()).0.all().len(), 1);

    // Saving again while the fault lasts fails again, harmlessly.
    assert!(s.save().is_err());
    disk.set(Fault::None);
    s.save().unwrap();
    assert!(!s.is_dirty());
    let (back, msgs) = NoteStore::open(dir.path());
    assert!(
        msgs.is_empty(),
        "stray temporary files are not mistaken for damage: {msgs:?}"
    );
    assert!(back.get(&first).is_some() && back.get(&second).is_some());
}

#[test]
fn read_only_directory_keeps_notes_in_memory_and_retries() {
    failed_save_keeps_notes_and_retries(Fault::ReadOnly, "Read-only file system");
}

#[test]
fn full_disk_keeps_notes_in_memory_and_retries() {
    failed_save_keeps_notes_and_retries(Fault::DiskFull, "No space left on device");
}

#[test]
fn real_full_disk_through_dev_full() {
    // The kernel's own ENOSPC from /dev/full travels up to the user unchanged.
    failed_save_keeps_notes_and_retries(Fault::DevFull, "No space left on device");
}

#[test]
fn crash_before_rename_leaves_previous_file_intact() {
    let dir = tempfile::tempdir().unwrap();
    failed_save_keeps_notes_and_retries(Fault::CrashBeforeRename, "simulated crash");
    // And with a leftover temporary file in place, a fresh process reads the old file fine.
    let disk = Faulty::new(Fault::None);
    let (mut s, _) = NoteStore::open_with(dir.path(), disk.clone());
    s.add(sample_notes().remove(0));
    s.save().unwrap();
    let before = fs::read(dir.path().join("notes.json")).unwrap();
    disk.set(Fault::CrashBeforeRename);
    s.add(sample_notes().remove(1));
    assert!(s.save().is_err());
    assert_eq!(temp_files(dir.path()), 1, "the crash left its temporary file");
    assert_eq!(fs::read(dir.path().join("notes.json")).unwrap(), before);
    let (fresh, msgs) = NoteStore::open(dir.path());
    assert!(msgs.is_empty());
    assert_eq!(fresh.all().len(), 1);
}

#[test]
fn crash_mid_write_leaves_previous_file_intact() {
    failed_save_keeps_notes_and_retries(Fault::CrashMidWrite, "simulated crash mid-write");
}

#[test]
fn damaged_file_in_a_read_only_directory_is_left_alone_until_it_can_be_kept_aside() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("notes.json");
    fs::write(&file, b"garbage").unwrap();
    let disk = Faulty::new(Fault::ReadOnlyAll);
    let (mut s, msgs) = NoteStore::open_with(dir.path(), disk.clone());
    assert_eq!(msgs.len(), 1);
    assert!(
        msgs[0].contains("will not be overwritten") && msgs[0].contains("Read-only"),
        "{msgs:?}"
    );
    let id = s.add(sample_notes().remove(0)).id.clone();
    assert!(s.save().is_err());
    assert_eq!(fs::read(&file).unwrap(), b"garbage", "not overwritten");
    assert!(damaged_files(dir.path()).is_empty());
    assert!(s.get(&id).is_some() && s.is_dirty());

    disk.set(Fault::None);
    s.save().unwrap();
    let aside = damaged_files(dir.path());
    assert_eq!(aside.len(), 1);
    assert_eq!(fs::read(&aside[0]).unwrap(), b"garbage");
    assert!(s.take_messages()[0].contains("kept as"));
    assert!(NoteStore::open(dir.path()).0.get(&id).is_some());
}

#[test]
fn two_stores_saving_in_turn_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_path_buf();
    let workers: Vec<_> = (0..2)
        .map(|w| {
            let d = d.clone();
            std::thread::spawn(move || {
                let (mut s, _) = NoteStore::open(&d);
                let a = article("x.txt", "text");
                for i in 0..50 {
                    s.add(Note::on_article(&a, &format!("{w}-{i}")));
                    s.save().unwrap();
                }
            })
        })
        .collect();
    for w in workers {
        w.join().unwrap();
    }
    assert_eq!(NoteStore::open(&d).0.all().len(), 100);
}

fn time() -> impl Strategy<Value = DateTime<Utc>> {
    // 1970..2100, to the nanosecond.
    (0i64..4_102_444_800, 0u32..1_000_000_000).prop_map(|(s, n)| DateTime::from_timestamp(s, n).unwrap())
}

fn note() -> impl Strategy<Value = Note> {
    (
        (
            any::<String>(),
            any::<String>(),
            any::<String>(),
            proptest::option::of(any::<String>()),
        ),
        (any::<String>(), any::<String>(), any::<String>()),
        (any::<usize>(), any::<String>(), time(), time()),
    )
        .prop_map(
            |(
                (id, article_id, path, abs_path),
                (quote, prefix, suffix),
                (position, text, created, updated),
            )| Note {
                id,
                article_id,
                path,
                abs_path,
                quote,
                prefix,
                suffix,
                position,
                text,
                created,
                updated,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Saving then loading any set of notes gives them back unchanged.
    #[test]
    fn save_then_load_gives_notes_back(notes in prop::collection::vec(note(), 0..12)) {
        let dir = tempfile::tempdir().unwrap();
        let (mut s, _) = NoteStore::open(dir.path());
        let mut want: std::collections::BTreeMap<String, Note> = Default::default();
        for n in notes {
            want.insert(n.id.clone(), n.clone());
            s.add(n);
        }
        // `add` marks the store dirty even for an empty set; save must succeed either way.
        s.save().unwrap();
        let (back, msgs) = NoteStore::open(dir.path());
        prop_assert!(msgs.is_empty(), "{:?}", msgs);
        let got: std::collections::BTreeMap<String, Note> =
            back.all().into_iter().map(|n| (n.id.clone(), n.clone())).collect();
        prop_assert_eq!(got, want);
    }
}
