//! Black-box tests: each starts the real portal on a free port with its own SQLite file and
//! talks HTTP to it.

mod cli;
mod cross_links;
mod documents;
mod errors;
mod feeds;
mod filters;
mod fixtures;
mod fuzz_corpus;
mod headers;
mod helpers;
mod history;
mod hostile;
mod interface_messages;
mod languages;
mod login_attacks;
mod migrations;
mod open_data;
mod pages;
mod process;
mod query_plans;
mod records;
mod reliability;
mod search;
mod seeding;
mod seo;
mod staff;
mod staff_helpers;
mod translations;
