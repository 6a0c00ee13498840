use crate::auth::client_address::TrustedProxies;
use crate::auth::device::DeviceCookies;
use crate::auth::password::PasswordChecker;
use crate::auth::session::CookiePolicy;
use crate::auth::throttle::LoginThrottle;
use crate::config::Config;
use crate::db::maintenance::{self, ServerLock};
use crate::db::search::Ranker;
use crate::db::{Database, editorial, seed, statements};
use crate::error::AppError;
use crate::page_cache::{self, PageCache};
use crate::telemetry::RequestSpan;
use crate::{assets, compression, request_id, routes};
use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{Server, ServiceRequest, ServiceResponse};
use actix_web::http::{Method, header};
use actix_web::middleware::{DefaultHeaders, Next};
use actix_web::{App, HttpServer, web};
use std::net::TcpListener;
use tracing_actix_web::TracingLogger;

/// A portal bound to its port and ready to run.
pub struct Application {
    port: u16,
    server: Server,
    lock: ServerLock,
}

/// The largest request body accepted: a long statement with room to spare. (Document uploads have
/// their own limit, `documents::MAX_DOCUMENT_BYTES`.)
const BODY_LIMIT: usize = 512 * 1024;
/// The longest query string accepted, in bytes: many times what any list's filters or a search
/// (at most 200 characters) can need. Longer is answered 414 before any handler parses it.
pub const QUERY_LIMIT: usize = 4 * 1024;
/// Memory each worker may spend on rendered pages.
const PAGE_CACHE_BYTES: usize = 8 * 1024 * 1024;
/// Password checks running at once; each takes 19 MiB and most of a core for a moment, so one,
/// which leaves the other cores to the pages however many logins arrive.
const PASSWORD_CHECKS_AT_ONCE: usize = 1;

const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; style-src 'self'; img-src 'self'; \
     font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

impl Application {
    /// Opens the database (migrating it, filling it with the demo records if it is new and
    /// `config.demo_data` is set, and re-rendering statement bodies an older renderer made),
    /// then binds the listener.
    pub async fn build(config: Config) -> anyhow::Result<Self> {
        let lock = ServerLock::acquire(&config.database)?;
        let database = Database::open(&config.database)?;
        if config.demo_data && database.write(seed::seed_demo_if_empty).await? {
            tracing::info!(database = %config.database.display(), "filled the new database with the demo records");
        }
        let rerendered = database.write(statements::rerender_outdated).await?;
        if rerendered > 0 {
            tracing::info!(
                rerendered,
                "rendered statement bodies again with the current renderer"
            );
        }
        if database.migrated() || rerendered > 0 {
            tracing::info!("merging the search index after a change to many of its documents");
            maintenance::compact(&mut database.connection()?)?;
        }
        publish_due_statements(&database).await?;
        actix_web::rt::spawn(publish_on_schedule(
            database.clone(),
            config.publish_check_interval,
        ));
        let listener = TcpListener::bind(&config.bind)?;
        let port = listener.local_addr()?.port();
        let static_dir = config.static_dir.clone();
        let assets = web::Data::new(assets::Assets::fingerprint(&static_dir)?);
        assets.publish();
        let secure = config.secure_cookies;
        let cookies = web::Data::new(CookiePolicy {
            secure: config.secure_cookies,
        });
        let proxies = TrustedProxies::new(config.trusted_proxies.clone());
        let throttle = web::Data::new(LoginThrottle::new(
            config.login_limits,
            DeviceCookies::load(&database).await?,
            proxies.clone(),
        ));
        let proxies = web::Data::new(proxies);
        let checker = web::Data::new(PasswordChecker::new(PASSWORD_CHECKS_AT_ONCE));
        let ranker = web::Data::new(Ranker::start(&database)?);
        let writer = web::Data::new(database.clone());
        let page_cache = config.page_cache;
        let public_url = web::Data::new(config.public_url.clone());
        let server = HttpServer::new(move || {
            App::new()
                .wrap(actix_web::middleware::from_fn(page_cache::middleware))
                .wrap(actix_web::middleware::from_fn(route_head_as_get))
                .wrap(actix_web::middleware::from_fn(compression::middleware))
                .wrap(security_headers(secure))
                .wrap(actix_web::middleware::from_fn(refuse_long_queries))
                .wrap(actix_web::middleware::from_fn(crate::i18n::middleware))
                .wrap(actix_web::middleware::from_fn(request_id::middleware))
                .wrap(TracingLogger::<RequestSpan>::new())
                .app_data(web::Data::new(database.reader()))
                .app_data(web::Data::new(PageCache::new(page_cache, PAGE_CACHE_BYTES)))
                .app_data(writer.clone())
                .app_data(cookies.clone())
                .app_data(throttle.clone())
                .app_data(proxies.clone())
                .app_data(checker.clone())
                .app_data(ranker.clone())
                .app_data(web::PayloadConfig::new(BODY_LIMIT))
                .app_data(
                    web::FormConfig::default()
                        .limit(BODY_LIMIT)
                        .error_handler(|error, _| match error {
                            actix_web::error::UrlencodedError::Overflow { .. } => {
                                AppError::PayloadTooLarge.into()
                            }
                            other => AppError::Unreadable(other.to_string()).into(),
                        }),
                )
                .app_data(public_url.clone())
                .app_data(
                    web::QueryConfig::default()
                        .error_handler(|error, _| AppError::Unreadable(error.to_string()).into()),
                )
                .app_data(
                    web::PathConfig::default().error_handler(|_, _| AppError::NotFound.into()),
                )
                .configure(routes::configure)
                .service(
                    web::scope("/static")
                        .app_data(assets.clone())
                        .route("/{name:.+}", web::get().to(assets::serve)),
                )
                .default_service(web::to(routes::not_found))
        })
        .listen(listener)?
        .shutdown_timeout(10)
        .run();
        Ok(Self { port, server, lock })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// A handle that stops the server, as SIGTERM does.
    pub fn handle(&self) -> actix_web::dev::ServerHandle {
        self.server.handle()
    }

    /// Serves until a signal: after SIGTERM it lets requests in flight finish, after SIGINT or
    /// SIGQUIT it stops at once. The database stays locked against restores until then.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let _lock = self.lock;
        self.server.await
    }
}

/// Routes a HEAD request to the handler of the GET it asks about: link checkers and caches send
/// HEAD, and every address that answers GET should answer it too. The HTTP layer noted the
/// method when it read the request, and leaves the body out of the answer.
async fn route_head_as_get(
    mut request: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    if request.method() == Method::HEAD {
        request.head_mut().method = Method::GET;
    }
    next.call(request).await
}

/// Answers a query string over `QUERY_LIMIT` with 414, in the page's language and with its
/// request id, before anything parses it.
async fn refuse_long_queries(
    request: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, actix_web::Error> {
    if request.query_string().len() > QUERY_LIMIT {
        return Ok(request
            .error_response(AppError::QueryTooLong)
            .map_into_right_body());
    }
    Ok(next.call(request).await?.map_into_left_body())
}

/// Headers every response carries. HSTS only when cookies are `Secure`: that is when the portal
/// is reached over HTTPS, and sending it over plain HTTP would only confuse.
fn security_headers(secure: bool) -> DefaultHeaders {
    let headers = DefaultHeaders::new()
        .add((header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY))
        .add((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .add((header::REFERRER_POLICY, "strict-origin-when-cross-origin"))
        .add((
            header::HeaderName::from_static("permissions-policy"),
            "camera=(), microphone=(), geolocation=(), interest-cohort=()",
        ));
    if secure {
        headers.add((header::STRICT_TRANSPORT_SECURITY, "max-age=31536000"))
    } else {
        headers
    }
}

async fn publish_due_statements(database: &Database) -> Result<(), crate::db::DbError> {
    let now = chrono::Utc::now().naive_utc();
    let published = database
        .write(move |conn| editorial::publish_due(conn, now))
        .await?;
    if !published.is_empty() {
        tracing::info!(?published, "published scheduled statements");
    }
    Ok(())
}

/// Publishes scheduled statements when their time comes, for as long as the server runs; those
/// that fell due while it was down go out at start-up.
async fn publish_on_schedule(database: Database, every: std::time::Duration) {
    let mut ticks = actix_web::rt::time::interval(every);
    loop {
        ticks.tick().await;
        if let Err(error) = publish_due_statements(&database).await {
            tracing::error!(%error, "scheduled publication failed; will try again");
        }
    }
}
