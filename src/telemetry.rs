use crate::auth::client_address::TrustedProxies;
use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::{Error, HttpMessage, web};
use std::io::IsTerminal;
use tracing::Span;
use tracing::field::Empty;
use tracing_actix_web::{DefaultRootSpanBuilder, RequestId, RootSpanBuilder};
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

/// The span of one request: what was asked, the answer's status, the request id, and the client,
/// which is the connection's peer or, behind a proxy named with `--trusted-proxy`, the address
/// it forwards for: never what a `Forwarded` or `X-Forwarded-For` header from anyone else says,
/// since any client can write one.
pub struct RequestSpan;

impl RootSpanBuilder for RequestSpan {
    fn on_request_start(request: &ServiceRequest) -> Span {
        // The span's fields are worked out only when it is logged: the route alone is a second
        // pass of the router.
        tracing::info_span!(
            "HTTP request",
            http.method = %request.method(),
            http.route = %request.match_pattern().unwrap_or_else(|| "default".into()),
            http.target = %request.uri().path_and_query().map_or("", |p| p.as_str()),
            http.client_ip = %client_of(request),
            http.status_code = Empty,
            otel.status_code = Empty,
            request_id = %request_id_of(request),
            exception.message = Empty,
            exception.details = Empty,
        )
    }

    fn on_request_end<B: MessageBody>(span: Span, outcome: &Result<ServiceResponse<B>, Error>) {
        DefaultRootSpanBuilder::on_request_end(span, outcome);
    }
}

fn client_of(request: &ServiceRequest) -> String {
    request
        .app_data::<web::Data<TrustedProxies>>()
        .and_then(|proxies| proxies.client_address(request.request()))
        .map(|address| address.to_string())
        .unwrap_or_default()
}

fn request_id_of(request: &ServiceRequest) -> String {
    request
        .extensions()
        .get::<RequestId>()
        .map(ToString::to_string)
        .unwrap_or_default()
}
