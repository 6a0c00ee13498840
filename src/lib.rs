//! The portal as a library: `domain` (validated values, Markdown to safe HTML, form and query
//! parsing) needs nothing else; everything else is the `server` feature (on by default), which
//! the fuzz targets leave out so that they build only what they test.

pub mod domain;

#[cfg(feature = "server")]
pub mod accounts;
#[cfg(feature = "server")]
pub mod assets;
#[cfg(feature = "server")]
pub mod auth;
#[cfg(feature = "server")]
pub mod cli;
#[cfg(feature = "server")]
pub mod compression;
#[cfg(feature = "server")]
pub mod config;
#[cfg(feature = "server")]
pub mod db;
#[cfg(feature = "server")]
pub mod documents;
#[cfg(feature = "server")]
pub mod error;
#[cfg(feature = "server")]
pub mod i18n;
#[cfg(feature = "server")]
pub mod linked_data;
#[cfg(feature = "server")]
pub mod page_cache;
#[cfg(feature = "server")]
pub mod request_id;
#[cfg(feature = "server")]
pub mod routes;
#[cfg(feature = "server")]
pub mod startup;
#[cfg(feature = "server")]
pub mod telemetry;
#[cfg(feature = "server")]
pub mod views;
