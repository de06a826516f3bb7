//! One module per pane: its state, how it takes actions, how it draws, and the hints it offers.

pub mod coverage;
pub mod diff;
pub mod editor;
pub mod entities;
pub mod help;
pub mod index;
pub mod notes;
pub mod problems;
pub mod reader;
pub mod results;
pub mod sidebar;
