//! Black-box tests: each starts the real portal on a free port with its own SQLite file and
//! talks HTTP to it.

mod cross_links;
mod errors;
mod feeds;
mod filters;
mod fixtures;
mod helpers;
mod history;
mod migrations;
mod open_data;
mod pages;
mod search;
mod seeding;
mod seo;
