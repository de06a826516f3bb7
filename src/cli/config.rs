//! `copydesk config`: print or write the default config file, check a config file, or say where it is.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::Path;

use clap::Args;
use serde::Serialize;

use super::{EXIT_FAILURE, Global};
use crate::tui::config::{self, Loaded};

/// The long help of `copydesk config`.
pub const LONG_ABOUT: &str = "Print or write the default config file, check a config file, or say where it is.\n\n\
The reader reads config.toml from the config directory (on Linux $XDG_CONFIG_HOME/copydesk, \
usually ~/.config/copydesk), or the file given with --config. It sets key bindings per pane, \
the theme (dark or light), colours of entity labels and diff styles, the reading width, the \
sidebar width and whether boilerplate is shown. A wrong value never stops the reader: it is \
reported with its line and its default is used. `copydesk config --init` starts one from the \
defaults.\n\nWith no option, checks the file (as --check).";

#[derive(Debug, Args)]
#[command(after_help = "Start a config file with:\n  copydesk config --init")]
pub struct ConfigArgs {
    /// Print the default config file: every setting, commented out, with its default value.
    #[arg(long, conflicts_with_all = ["check", "path", "init"])]
    pub default: bool,
    /// Write the default config file where copydesk reads it (creating its folder) and print
    /// its path; refuses, with exit status 1, when a file is there already.
    #[arg(long, conflicts_with_all = ["check", "path", "json"])]
    pub init: bool,
    /// Check the config file and list its problems with their lines; exit status 1 if it has any.
    #[arg(long, conflicts_with = "path")]
    pub check: bool,
    /// Print the path of the config file in use (whether or not it exists).
    #[arg(long)]
    pub path: bool,
    /// With --check: print one JSON object: {"path", "found", "problems": [{"line", "message"}]}.
    #[arg(long)]
    pub json: bool,
}

#[derive(Serialize)]
struct Report<'a> {
    path: Option<String>,
    found: bool,
    problems: Vec<ProblemJson<'a>>,
}

#[derive(Serialize)]
struct ProblemJson<'a> {
    line: Option<usize>,
    message: &'a str,
}

pub fn run(
    global: &Global,
    args: ConfigArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<u8> {
    if args.default {
        out.write_all(config::default_file().as_bytes())?;
        return Ok(0);
    }
    let loaded = config::load(global.config.as_deref());
    if args.init {
        return init(loaded.path.as_deref(), out, err);
    }
    if args.path {
        return match &loaded.path {
            Some(p) => {
                writeln!(out, "{}", p.display())?;
                Ok(0)
            }
            None => {
                writeln!(
                    err,
                    "copydesk: no config directory on this system; use --config PATH"
                )?;
                Ok(EXIT_FAILURE)
            }
        };
    }
    check(&loaded, args.json, out)?;
    Ok(if loaded.problems.is_empty() {
        0
    } else {
        EXIT_FAILURE
    })
}

/// `config --init`: the default file written at `path`, never over an existing one (the file is
/// created with `create_new`, so a file that appears meanwhile is not replaced either).
fn init(path: Option<&Path>, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<u8> {
    let Some(path) = path else {
        writeln!(
            err,
            "copydesk: no config directory on this system; use --config PATH"
        )?;
        return Ok(EXIT_FAILURE);
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
        && let Err(e) = fs::create_dir_all(dir)
    {
        writeln!(
            err,
            "copydesk: could not create the folder {}: {e}",
            dir.display()
        )?;
        return Ok(EXIT_FAILURE);
    }
    let mut file = match OpenOptions::new().write(true).create_new(true).open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            writeln!(
                err,
                "copydesk: {} exists already and was left as it is (copydesk config --check checks it)",
                path.display()
            )?;
            return Ok(EXIT_FAILURE);
        }
        Err(e) => {
            writeln!(err, "copydesk: could not create {}: {e}", path.display())?;
            return Ok(EXIT_FAILURE);
        }
    };
    if let Err(e) = file
        .write_all(config::default_file().as_bytes())
        .and_then(|()| file.sync_all())
    {
        drop(file);
        // A half-written file would be taken for the user's own next time: take it away.
        let _ = fs::remove_file(path);
        writeln!(err, "copydesk: could not write {}: {e}", path.display())?;
        return Ok(EXIT_FAILURE);
    }
    writeln!(out, "{}", path.display())?;
    Ok(0)
}

fn check(loaded: &Loaded, json: bool, out: &mut dyn Write) -> anyhow::Result<()> {
    let path = loaded.path.as_ref().map(|p| p.display().to_string());
    if json {
        let report = Report {
            path: path.clone(),
            found: loaded.found,
            problems: loaded
                .problems
                .iter()
                .map(|p| ProblemJson {
                    line: p.line,
                    message: &p.message,
                })
                .collect(),
        };
        writeln!(out, "{}", serde_json::to_string(&report)?)?;
        return Ok(());
    }
    let name = path.as_deref().unwrap_or(config::FILE_NAME);
    if !loaded.problems.is_empty() {
        for m in loaded.messages() {
            writeln!(out, "{m}")?;
        }
        let n = loaded.problems.len();
        let s = if n == 1 { "" } else { "s" };
        writeln!(out, "{n} problem{s}; the defaults are used for those values")?;
    } else if loaded.found {
        writeln!(out, "{name}: no problems")?;
    } else {
        writeln!(
            out,
            "{name}: no such file; the defaults are used (copydesk config --default prints them)"
        )?;
    }
    Ok(())
}
