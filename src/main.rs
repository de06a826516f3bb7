use std::process::ExitCode;

use clap::Parser;
use copydesk::cli::{self, Cli};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    match cli.command {
        Some(cmd) => ExitCode::from(cli::run(&cli.global, cmd, &mut stdout.lock(), &mut stderr.lock())),
        None => ExitCode::from(copydesk::tui::launch(&cli.global, &cli.paths, &mut stderr.lock())),
    }
}
