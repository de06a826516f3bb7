//! Annotation notes: anchors that survive edits, the store on disk, export.
//!
//! UI-free: the TUI and the `notes` subcommand both go through these pieces.
//!
//! - Writing: [`Note::on_passage`] (byte range of a sentence, paragraph or search match) or
//!   [`Note::on_article`], then [`NoteStore::add`]. [`NoteStore::edit`] replaces the text;
//!   [`NoteStore::delete`] returns the note, and passing it back to `add` undoes the delete.
//! - Keeping: [`NoteStore::open`] (never fails; its messages are for the user, e.g. a damaged
//!   file moved aside), [`NoteStore::save`] (call again to retry after an error; the TUI can
//!   call it on a timer while [`NoteStore::is_dirty`]), [`NoteStore::reload`] to bring in what
//!   another process saved, [`NoteStore::take_messages`] after a save. [`data_dir`] picks the
//!   directory from `--data-dir`, `COPYDESK_DATA_DIR` or the platform.
//! - Showing: [`NoteStore::notes_for`] gives an article's own notes (placed, possibly detached)
//!   and other versions' notes carried over; [`NoteStore::resolve`] gives every note its home
//!   among the open articles. Ranges in a [`Placement`] are byte ranges into `Article::text`.
//! - Export: [`export::markdown`].

pub mod anchor;
pub mod export;
pub mod model;
pub mod store;

pub use anchor::{Home, Placement, Status, carry_over, carry_over_with, find_quote, place_in, resolve};
pub use model::{FORMAT_VERSION, Note, NotesFile, Tombstone};
pub use store::{Disk, NoteStore, RealDisk, StoreError, data_dir};
