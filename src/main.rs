use clap::Parser;
use sti_portal::cli::{Cli, Command};
use sti_portal::config::Config;
use sti_portal::db::{Database, seed};
use sti_portal::startup::Application;
use sti_portal::telemetry;

#[actix_web::main]
async fn main() -> anyhow::Result<()> {
    telemetry::init();
    let cli = Cli::parse();
    match cli.command {
        None => serve(cli.serve.into()).await,
        Some(Command::Serve(args)) => serve(args.into()).await,
        Some(Command::Migrate(args)) => {
            Database::open(&args.database)?;
            tracing::info!(database = %args.database.display(), "migrations applied");
            Ok(())
        }
        Some(Command::Seed(args)) => {
            let database = Database::open(&args.database)?;
            if database.write(seed::seed_demo_if_empty).await? {
                tracing::info!("demo records added");
            } else {
                tracing::info!("the database already holds records; nothing was added");
            }
            Ok(())
        }
    }
}

async fn serve(config: Config) -> anyhow::Result<()> {
    let application = Application::build(config.clone()).await?;
    tracing::info!(
        "serving {} on http://{}:{}/",
        config.database.display(),
        config
            .bind
            .rsplit_once(':')
            .map_or("127.0.0.1", |(host, _)| host),
        application.port()
    );
    application.run_until_stopped().await?;
    Ok(())
}
