use std::process::ExitCode;

use clap::Parser;
use copydesk::cli::{self, Cli};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    match cli.command {
        Some(cmd) => ExitCode::from(cli::run(&cli.global, cmd, &mut stdout.lock(), &mut stderr.lock())),
        None => {
            eprintln!("copydesk: the reader is not built yet; try `copydesk list --json --demo`");
            ExitCode::from(cli::EXIT_FAILURE)
        }
    }
}
