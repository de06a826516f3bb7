//! Comparing versions of a story: normalisation, sentence alignment, word diffs, moves, story grouping.
