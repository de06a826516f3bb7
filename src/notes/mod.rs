//! Annotation notes: anchors that survive edits, the store on disk, export.
//!
//! UI-free: the TUI and the `notes` subcommand both go through [`NoteStore`] for keeping notes,
//! [`anchor`] for placing them in articles, and [`export`] for Markdown.

pub mod anchor;
pub mod export;
pub mod model;

pub use anchor::{Home, Placement, Status, carry_over, carry_over_with, find_quote, place_in, resolve};
pub use model::{FORMAT_VERSION, Note, NotesFile, Tombstone};
pub mod store;

pub use store::{Disk, NoteStore, RealDisk, StoreError, data_dir};
