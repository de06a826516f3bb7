//! The terminal UI: state, actions, keymap, panes. Renders from state; never parses files.
