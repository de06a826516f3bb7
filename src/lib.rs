//! copydesk's core: loading articles, text analysis, entities, comparison and notes.
//! Nothing here prints or touches the terminal; the `tui` and `cli` modules are the edges.

pub mod article;
pub mod cli;
pub mod collection;
pub mod compare;
pub mod entities;
pub mod fetch;
pub mod notes;
pub mod text;
pub mod tui;
