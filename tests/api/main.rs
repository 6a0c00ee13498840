//! Black-box tests: each starts the real portal on a free port with its own SQLite file and
//! talks HTTP to it.

mod cross_links;
mod documents;
mod errors;
mod filters;
mod helpers;
mod migrations;
mod pages;
mod records;
mod seeding;
mod staff_helpers;
