use crate::auth::throttle::Limits;
use crate::config::Config;
use crate::domain::PublicUrl;
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

/// The public record of a bilateral science, technology and innovation cooperation.
#[derive(Debug, Parser)]
#[command(
    name = "sti-portal",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// With no subcommand, the portal serves with these options.
    #[command(flatten)]
    pub serve: ServeArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the portal (the default).
    Serve(ServeArgs),
    /// Apply pending database migrations, then exit.
    Migrate(DatabaseArgs),
    /// Fill an empty database with the demo records, then exit.
    Seed {
        /// Also add this many made-up statements (and MoUs, and proportionate numbers of the
        /// other records), for measuring the portal at scale.
        #[arg(long, value_name = "N")]
        synthetic: Option<usize>,
        #[command(flatten)]
        database: DatabaseArgs,
    },
    /// Write a consistent copy of the database to FILE, also while the portal serves.
    Backup {
        file: std::path::PathBuf,
        #[command(flatten)]
        database: DatabaseArgs,
    },
    /// Replace the database with the backup in FILE (refused while a portal serves it).
    Restore {
        file: std::path::PathBuf,
        #[command(flatten)]
        database: DatabaseArgs,
    },
    /// Manage staff accounts.
    User {
        #[command(subcommand)]
        action: UserCommand,
        #[command(flatten)]
        database: DatabaseArgs,
    },
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Create an account; the password is read from standard input.
    Add {
        username: String,
        #[arg(long, value_parser = ["writer", "editor", "admin"])]
        role: String,
        /// The name staff pages show (defaults to the username).
        #[arg(long)]
        display_name: Option<String>,
        /// Read the password from the first line of standard input.
        #[arg(long, required = true)]
        password_stdin: bool,
    },
    /// List the accounts.
    List,
    /// Disable an account and end its sessions at once.
    Disable { username: String },
    /// Enable a disabled account again.
    Enable { username: String },
    /// Set a new password (read from standard input) and end the account's sessions.
    SetPassword {
        username: String,
        #[arg(long, required = true)]
        password_stdin: bool,
    },
}

#[derive(Debug, Clone, Args)]
pub struct DatabaseArgs {
    /// The SQLite database file (created if missing).
    #[arg(
        long,
        env = "PORTAL_DATABASE",
        default_value = "data/portal.sqlite",
        global = true
    )]
    pub database: PathBuf,
}

#[derive(Debug, Clone, Args)]
pub struct ServeArgs {
    /// Address and port to listen on.
    #[arg(long, env = "PORTAL_BIND", default_value = "127.0.0.1:8080")]
    pub bind: String,
    #[command(flatten)]
    pub database: DatabaseArgs,
    /// Do not fill a new database with the demo records.
    #[arg(long, env = "PORTAL_NO_DEMO")]
    pub no_demo: bool,
    /// Render every public page afresh instead of keeping rendered pages until the next write.
    #[arg(long, env = "PORTAL_NO_PAGE_CACHE")]
    pub no_page_cache: bool,
    /// Send cookies without the `Secure` attribute, for plain-HTTP use other than on localhost.
    #[arg(long, env = "PORTAL_INSECURE_COOKIES")]
    pub insecure_cookies: bool,
    /// Directory of the stylesheet and images.
    #[arg(long, env = "PORTAL_STATIC_DIR", default_value_os_t = Config::default_static_dir())]
    pub static_dir: PathBuf,
    /// The address the public reaches the portal at, for absolute URLs in feeds, the sitemap,
    /// canonical links and the API.
    #[arg(
        long,
        env = "PORTAL_PUBLIC_URL",
        default_value = "http://127.0.0.1:8080"
    )]
    pub public_url: PublicUrl,
    /// A reverse proxy in front of the portal (repeat, or separate with commas): requests from it
    /// are taken to come from the address it names in `X-Forwarded-For`. None by default, and
    /// the header is then ignored.
    #[arg(
        long = "trusted-proxy",
        env = "PORTAL_TRUSTED_PROXIES",
        value_name = "ADDR",
        value_delimiter = ','
    )]
    pub trusted_proxies: Vec<std::net::IpAddr>,
}

impl From<ServeArgs> for Config {
    fn from(args: ServeArgs) -> Self {
        Config {
            bind: args.bind,
            database: args.database.database,
            demo_data: !args.no_demo,
            secure_cookies: !args.insecure_cookies,
            page_cache: !args.no_page_cache,
            static_dir: args.static_dir,
            publish_check_interval: Config::DEFAULT_PUBLISH_CHECK_INTERVAL,
            public_url: args.public_url,
            trusted_proxies: args.trusted_proxies,
            login_limits: Limits::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_subcommand_means_serve_with_defaults() {
        let cli = Cli::try_parse_from(["sti-portal"]).unwrap();
        assert!(cli.command.is_none());
        let config = Config::from(cli.serve);
        assert_eq!(config.bind, "127.0.0.1:8080");
        assert_eq!(config.database, PathBuf::from("data/portal.sqlite"));
        assert!(config.demo_data);
        assert!(config.secure_cookies, "cookies are secure by default");
        assert_eq!(config.public_url.as_str(), "http://127.0.0.1:8080");
        assert!(
            config.trusted_proxies.is_empty(),
            "no forwarded header is believed unless configured"
        );
    }

    #[test]
    fn trusted_proxies_are_listed_by_address() {
        let cli = Cli::try_parse_from([
            "sti-portal",
            "--trusted-proxy",
            "127.0.0.1,::1",
            "--trusted-proxy",
            "10.0.0.2",
        ])
        .unwrap();
        let proxies = Config::from(cli.serve).trusted_proxies;
        assert_eq!(proxies.len(), 3);
        assert!(Cli::try_parse_from(["sti-portal", "--trusted-proxy", "proxy.example"]).is_err());
    }

    #[test]
    fn user_add_needs_a_role_and_the_password_on_stdin() {
        assert!(
            Cli::try_parse_from(["sti-portal", "user", "add", "ann", "--role", "editor"]).is_err()
        );
        assert!(
            Cli::try_parse_from([
                "sti-portal",
                "user",
                "add",
                "ann",
                "--role",
                "boss",
                "--password-stdin"
            ])
            .is_err()
        );
        let cli = Cli::try_parse_from([
            "sti-portal",
            "user",
            "add",
            "ann",
            "--role",
            "editor",
            "--password-stdin",
        ])
        .unwrap();
        assert!(matches!(
            cli.command,
            Some(Command::User {
                action: UserCommand::Add { .. },
                ..
            })
        ));
    }

    #[test]
    fn serve_takes_its_flags() {
        let cli = Cli::try_parse_from([
            "sti-portal",
            "serve",
            "--bind",
            "0.0.0.0:9000",
            "--database",
            "/tmp/x.sqlite",
            "--no-demo",
            "--public-url",
            "https://sti.example.my/",
        ])
        .unwrap();
        let Some(Command::Serve(args)) = cli.command else {
            panic!("expected serve");
        };
        let config = Config::from(args);
        assert_eq!(config.bind, "0.0.0.0:9000");
        assert!(!config.demo_data);
        assert_eq!(
            config.public_url.join("/mous"),
            "https://sti.example.my/mous"
        );
    }

    #[test]
    fn a_public_url_that_is_not_a_web_address_is_refused() {
        assert!(Cli::try_parse_from(["sti-portal", "--public-url", "sti.example.my"]).is_err());
    }

    #[test]
    fn the_definition_is_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
