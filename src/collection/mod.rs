//! Working across a whole collection, UI-free: searching every article ([`search`]), the
//! sidebar's filter and order ([`listing`]), remembering how a collection was left ([`session`]),
//! and watching its folders for changes ([`watch`](mod@watch)).

pub mod listing;
pub mod search;
pub mod session;
pub mod watch;

pub use listing::{ListKey, Listing, SortMode};
pub use search::{Hit, Query, SearchJob, fold, search_all};
pub use session::{Session, SessionStore, collection_key};
pub use watch::{WatchEvent, watch};
