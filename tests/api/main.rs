//! Black-box tests: each starts the real portal on a free port with its own SQLite file and
//! talks HTTP to it.

mod cli;
mod cross_links;
mod documents;
mod errors;
mod filters;
mod fuzz_corpus;
mod helpers;
mod hostile;
mod migrations;
mod pages;
mod process;
mod records;
mod reliability;
mod seeding;
mod staff;
mod staff_helpers;
