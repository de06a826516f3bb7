//! Annotation notes: anchors that survive edits, the store on disk, export.
