use crate::config::Config;
use crate::db::{Database, seed, statements};
use crate::error::AppError;
use crate::routes;
use actix_web::dev::Server;
use actix_web::http::header;
use actix_web::middleware::{Compress, DefaultHeaders};
use actix_web::{App, HttpServer, web};
use std::net::TcpListener;
use tracing_actix_web::TracingLogger;

/// A portal bound to its port and ready to run.
pub struct Application {
    port: u16,
    server: Server,
}

const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; style-src 'self'; img-src 'self'; \
     font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

impl Application {
    /// Opens the database (migrating it, filling it with the demo records if it is new and
    /// `config.demo_data` is set, and re-rendering statement bodies an older renderer made),
    /// then binds the listener.
    pub async fn build(config: Config) -> anyhow::Result<Self> {
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
        let listener = TcpListener::bind(&config.bind)?;
        let port = listener.local_addr()?.port();
        let static_dir = config.static_dir.clone();
        let public_url = web::Data::new(config.public_url.clone());
        let server = HttpServer::new(move || {
            App::new()
                .wrap(Compress::default())
                .wrap(
                    DefaultHeaders::new()
                        .add((header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY))
                        .add((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
                        .add((header::REFERRER_POLICY, "strict-origin-when-cross-origin"))
                        .add((
                            header::HeaderName::from_static("permissions-policy"),
                            "camera=(), microphone=(), geolocation=(), interest-cohort=()",
                        )),
                )
                .wrap(TracingLogger::default())
                .app_data(web::Data::new(database.reader()))
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
                    actix_files::Files::new("/static", &static_dir)
                        .use_etag(true)
                        .use_last_modified(true),
                )
                .default_service(web::to(routes::not_found))
        })
        .listen(listener)?
        .shutdown_timeout(10)
        .run();
        Ok(Self { port, server })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// Serves until SIGINT or SIGTERM, then lets requests in flight finish.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        self.server.await
    }
}
