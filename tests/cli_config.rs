//! The binary's own answers: `copydesk config` (--default, --check, --path), `--help` for the
//! program and every subcommand, and `--version`.

use std::path::Path;
use std::process::{Command, Output};

use copydesk::tui::config::{self, Config};

/// Runs the binary with a config directory of its own, so the user's real config never counts.
fn run(args: &[&str], home: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(args)
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env_remove("NO_COLOR")
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn config_default_prints_the_file_the_code_reads_back_to_defaults() {
    let home = tempfile::tempdir().unwrap();
    let o = run(&["config", "--default"], home.path());
    assert_eq!(o.status.code(), Some(0));
    let text = stdout(&o);
    assert_eq!(text, config::default_file());
    let (_, problems) = Config::parse(&text);
    assert_eq!(problems, vec![]);
    // Written where `config --path` says, it is read without complaint.
    let path = stdout(&run(&["config", "--path"], home.path()));
    let path = Path::new(path.trim());
    assert_eq!(path, home.path().join("config/copydesk/config.toml"));
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, &text).unwrap();
    let o = run(&["config", "--check"], home.path());
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o), format!("{}: no problems\n", path.display()));
}

#[test]
fn config_check_lists_problems_by_line_and_fails() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("my.toml");
    std::fs::write(
        &file,
        "reading_width = 80\n\n[keys.reader]\njump = \"x\"\ndown = \"ctrl-\"\n",
    )
    .unwrap();
    let f = file.to_str().unwrap();
    let o = run(&["config", "--check", "--config", f], home.path());
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    assert!(
        lines[0].starts_with(&format!("{f} line 4: unknown action `jump`")),
        "{out}"
    );
    assert!(
        lines[1].starts_with(&format!("{f} line 5: keys.reader.down: unknown key \"ctrl-\"")),
        "{out}"
    );
    assert_eq!(lines[2], "2 problems; the defaults are used for those values");

    // --config before the subcommand works too, and --json gives the same problems.
    let o = run(&["--config", f, "config", "--json"], home.path());
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["path"], f);
    assert_eq!(v["found"], true);
    assert_eq!(v["problems"][0]["line"], 4);
    assert_eq!(v["problems"][1]["line"], 5);
    assert_eq!(v["problems"].as_array().unwrap().len(), 2);
}

#[test]
fn no_config_file_means_defaults_but_a_missing_explicit_one_is_a_problem() {
    let home = tempfile::tempdir().unwrap();
    let o = run(&["config"], home.path());
    assert_eq!(o.status.code(), Some(0));
    assert!(
        stdout(&o).contains("no such file; the defaults are used"),
        "{}",
        stdout(&o)
    );
    let missing = home.path().join("missing.toml");
    let o = run(
        &["config", "--check", "--config", missing.to_str().unwrap()],
        home.path(),
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("could not be read"), "{}", stdout(&o));
}

#[test]
fn help_describes_the_program_and_every_subcommand() {
    let home = tempfile::tempdir().unwrap();
    let o = run(&["--help"], home.path());
    assert_eq!(o.status.code(), Some(0));
    let help = stdout(&o);
    for needle in [
        "Read one story as several outlets ran it",
        "Usage: copydesk [OPTIONS] [PATHS]... [COMMAND]",
        "--demo",
        "--data-dir <DIR>",
        "--config <PATH>",
        "config.toml",
        "NO_COLOR",
        "Exit status",
    ] {
        assert!(help.contains(needle), "--help lacks {needle:?}:\n{help}");
    }
    // Every subcommand is listed with a description, and its own help works and describes
    // every option (an option with no text shows as a name followed by nothing).
    let commands: Vec<String> = help
        .split("Commands:")
        .nth(1)
        .unwrap()
        .lines()
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .map(|l| l.split_whitespace().next().unwrap().to_string())
        .filter(|c| c != "help")
        .collect();
    for c in ["list", "notes", "config"] {
        assert!(commands.iter().any(|x| x == c), "{c} not in {commands:?}");
    }
    let mut to_check: Vec<Vec<String>> = commands.iter().map(|c| vec![c.clone()]).collect();
    while let Some(cmd) = to_check.pop() {
        let mut args: Vec<&str> = cmd.iter().map(String::as_str).collect();
        args.push("--help");
        let o = run(&args, home.path());
        assert_eq!(o.status.code(), Some(0), "{args:?}");
        let h = stdout(&o);
        let first = h.lines().next().unwrap_or("");
        assert!(first.len() > 10, "{args:?} has no description: {h}");
        for l in h.lines() {
            let t = l.trim_start();
            if t.starts_with("--") || t.starts_with("-h") || t.starts_with('<') || t.starts_with('[') {
                let described = t.split("  ").filter(|s| !s.trim().is_empty()).count() > 1;
                // Long help puts the text on the next line.
                assert!(
                    described || l.len() < 8 || h.contains(&format!("{t}\n          ")),
                    "{args:?}: {l:?} undescribed\n{h}"
                );
            }
        }
        // Subcommands of subcommands (notes add, ...).
        if let Some(sub) = h.split("Commands:").nth(1) {
            for name in sub
                .lines()
                .skip(1)
                .take_while(|l| l.starts_with("  "))
                .filter_map(|l| l.split_whitespace().next())
                .filter(|n| *n != "help")
            {
                let mut next = cmd.clone();
                next.push(name.to_string());
                to_check.push(next);
            }
        }
    }
}

#[test]
fn version_prints_name_and_version() {
    let home = tempfile::tempdir().unwrap();
    for flag in ["--version", "-V"] {
        let o = run(&[flag], home.path());
        assert_eq!(o.status.code(), Some(0));
        assert_eq!(stdout(&o), format!("copydesk {}\n", env!("CARGO_PKG_VERSION")));
    }
}

#[test]
fn the_reader_without_a_terminal_says_so_and_reports_config_problems() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("bad.toml");
    std::fs::write(&file, "theme = 3\n").unwrap();
    let o = run(&["--demo", "--config", file.to_str().unwrap()], home.path());
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("needs a terminal"), "{err}");
    assert!(err.contains("line 1: theme: expected"), "{err}");
}

#[test]
fn config_init_writes_the_defaults_on_a_fresh_machine_and_never_overwrites() {
    let home = tempfile::tempdir().unwrap();
    let want = home.path().join("config/copydesk/config.toml");
    assert!(
        !want.parent().unwrap().exists(),
        "a fresh machine has no config folder"
    );
    let o = run(&["config", "--init"], home.path());
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(
        stdout(&o),
        format!("{}\n", want.display()),
        "prints where it wrote"
    );
    assert_eq!(std::fs::read_to_string(&want).unwrap(), config::default_file());
    let o = run(&["config", "--check"], home.path());
    assert_eq!(stdout(&o), format!("{}: no problems\n", want.display()));

    // A second time, and over a file of the user's own: refused, the file left as it was.
    std::fs::write(&want, "theme = \"light\"\n").unwrap();
    let o = run(&["config", "--init"], home.path());
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stdout(&o), "");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains(&want.display().to_string()), "names the path: {err}");
    assert!(err.contains("exists already"), "{err}");
    assert_eq!(std::fs::read_to_string(&want).unwrap(), "theme = \"light\"\n");

    // --config names the file to write, folders and all.
    let other = home.path().join("elsewhere/deep/my.toml");
    let o = run(
        &["config", "--init", "--config", other.to_str().unwrap()],
        home.path(),
    );
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o), format!("{}\n", other.display()));
    assert_eq!(std::fs::read_to_string(&other).unwrap(), config::default_file());
}
