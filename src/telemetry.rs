use std::io::IsTerminal;
use tracing_subscriber::fmt::format::FmtSpan;
use tracing_subscriber::{EnvFilter, fmt};

/// Logs to standard error; `RUST_LOG` sets the level (default `info`). Each request span is
/// logged once, when it closes, with its method, route, status and time: one line per request.
/// The middleware's own line about error responses is left out, since the closing line already
/// carries the status and `AppError` logs the cause of every 500.
pub fn init() {
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,tracing_actix_web::middleware=off"));
    let _ = fmt()
        .with_env_filter(filter)
        .with_span_events(FmtSpan::CLOSE)
        .with_ansi(std::io::stderr().is_terminal())
        .with_writer(std::io::stderr)
        .try_init();
}
