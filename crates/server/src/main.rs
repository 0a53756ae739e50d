//! `entente-server`: the same server as `entente serve`, as a binary of its own (for tests that
//! start and kill it, and for benchmarks).

use clap::Parser;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "entente-server",
    version,
    about = "The entente API and dashboard (same as `entente serve`)."
)]
struct Cli {
    /// Use the fact files in DIR instead of the shipped dataset.
    #[arg(long, value_name = "DIR", conflicts_with = "with")]
    data: Option<PathBuf>,
    /// Add the fact files in DIR to the shipped dataset.
    #[arg(long, value_name = "DIR")]
    with: Option<PathBuf>,
    #[command(flatten)]
    serve: entente_server::cli::ServeArgs,
}

/// mimalloc: extraction allocates many small strings, which it serves about a tenth faster than
/// the system's allocator (BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match entente_server::cli::run(cli.serve, cli.data, cli.with, None) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}
