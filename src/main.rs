use clap::Parser;
use std::io::BufRead;
use sti_portal::accounts;
use sti_portal::cli::{Cli, Command, UserCommand};
use sti_portal::config::Config;
use sti_portal::db::{Database, maintenance, seed, synthetic};
use sti_portal::domain::{DisplayName, Password, Role, Username};
use sti_portal::startup::Application;
use sti_portal::telemetry;

#[actix_web::main]
async fn main() {
    return_large_blocks_to_the_system();
    telemetry::init();
    if let Err(error) = run(Cli::parse()).await {
        eprintln!("error: {error:#}");
        std::process::exit(1);
    }
}

/// Each password check allocates 19 MiB. Once glibc has freed a block that large it raises its
/// threshold for mapping blocks of their own, serves the next ones from a heap, and keeps what
/// they leave there: every check made the server 19 MiB larger for good. With the threshold
/// fixed, a large block is mapped for its use and given back when freed (other C libraries'
/// allocators give such blocks back anyway).
fn return_large_blocks_to_the_system() {
    #[cfg(target_env = "gnu")]
    // SAFETY: `mallopt` changes a setting of the allocator under the allocator's own lock; a
    // refused setting leaves it as it was.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 1 << 20);
    }
}

async fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        None => serve(cli.serve.into()).await,
        Some(Command::Serve(args)) => serve(args.into()).await,
        Some(Command::Migrate(args)) => {
            let database = Database::open(&args.database)?;
            if database.migrated() {
                maintenance::compact(&mut database.connection()?)?;
            }
            tracing::info!(database = %args.database.display(), "migrations applied");
            Ok(())
        }
        Some(Command::Seed {
            synthetic: None,
            database,
        }) => {
            let database = Database::open(&database.database)?;
            if !database.write(seed::seed_demo_if_empty).await? {
                anyhow::bail!("the database already holds records; seed an empty one");
            }
            println!("demo records added");
            Ok(())
        }
        Some(Command::Seed {
            synthetic: Some(statements),
            database,
        }) => {
            let started = std::time::Instant::now();
            let sizes = synthetic::Sizes::for_statements(statements);
            synthetic::create(&database.database, sizes, |what, done| {
                println!("{:>6.1}s  {what}: {done}", started.elapsed().as_secs_f64());
            })?;
            println!(
                "demo records and synthetic records written to {} in {:.1}s",
                database.database.display(),
                started.elapsed().as_secs_f64()
            );
            Ok(())
        }
        Some(Command::Backup { file, database }) => {
            let database = Database::open(&database.database)?;
            let mut conn = database.connection()?;
            maintenance::backup(&mut conn, &file)?;
            println!(
                "backed up {} to {}",
                database.path().display(),
                file.display()
            );
            Ok(())
        }
        Some(Command::Restore { file, database }) => {
            maintenance::restore(&file, &database.database)?;
            println!(
                "restored {} from {}",
                database.database.display(),
                file.display()
            );
            Ok(())
        }
        Some(Command::User { action, database }) => {
            let database = Database::open(&database.database)?;
            manage_users(&database, action).await
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

/// The first line of standard input, without its line ending.
fn password_from_stdin() -> anyhow::Result<Password> {
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    let password = line.trim_end_matches(['\r', '\n']);
    Ok(Password::parse(password)?)
}

async fn manage_users(database: &Database, action: UserCommand) -> anyhow::Result<()> {
    // Changes from the command line are audited without an account: whoever runs it owns the
    // database file.
    let actor = None;
    match action {
        UserCommand::Add {
            username,
            role,
            display_name,
            ..
        } => {
            let username = Username::parse(&username)?;
            let display_name =
                DisplayName::parse(display_name.as_deref().unwrap_or(username.as_str()))?;
            let role = Role::parse(&role)?;
            let password = password_from_stdin()?;
            accounts::add(
                database,
                actor,
                username.clone(),
                display_name,
                role,
                password,
            )
            .await?;
            println!("created {username} ({})", role.as_str());
        }
        UserCommand::List => {
            println!("{:<24} {:<8} {:<9} name", "username", "role", "status");
            for user in accounts::list(database).await? {
                let status = if user.disabled { "disabled" } else { "active" };
                println!(
                    "{:<24} {:<8} {:<9} {}",
                    user.username,
                    user.role.as_str(),
                    status,
                    user.display_name
                );
            }
        }
        UserCommand::Disable { username } => {
            accounts::set_disabled(database, actor, Username::parse(&username)?, true).await?;
            println!("disabled {username}; its sessions have ended");
        }
        UserCommand::Enable { username } => {
            accounts::set_disabled(database, actor, Username::parse(&username)?, false).await?;
            println!("enabled {username}");
        }
        UserCommand::SetPassword { username, .. } => {
            let password = password_from_stdin()?;
            accounts::set_password(database, actor, Username::parse(&username)?, password).await?;
            println!("password of {username} changed; its sessions have ended");
        }
    }
    Ok(())
}
