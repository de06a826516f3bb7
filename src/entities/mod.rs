//! Entity recognition: people, organisations, places, nationalities, dates and numbers; quotations and their speakers.
