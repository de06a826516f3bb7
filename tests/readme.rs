//! What a newcomer follows in the README: the commands in its code blocks (the demo, the tests,
//! the install step, the config recipe), the toolchain named as `Cargo.toml` asks for it, and
//! CI running the same test command.

use std::path::Path;

fn read(name: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(name)).unwrap()
}

/// The lines of the README's code blocks (indented by four spaces, or fenced), trimmed.
fn code_lines(md: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut fenced = false;
    for line in md.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if fenced || line.starts_with("    ") {
            out.push(line.trim().to_string());
        }
    }
    out
}

#[test]
fn the_newcomer_commands_work_as_written() {
    let readme = read("README.md");
    let code = code_lines(&readme);
    let has = |cmd: &str| code.iter().any(|l| l == cmd);
    for cmd in ["cargo run --release -- --demo", "cargo test"] {
        assert!(has(cmd), "the README's code blocks lack `{cmd}`");
    }
    // CI runs the README's test command.
    let ci = read(".ci/run");
    assert!(
        ci.lines().any(|l| l.trim() == "cargo test"),
        ".ci/run does not run `cargo test`"
    );
}

#[test]
fn the_readme_says_how_to_install_and_with_which_toolchain() {
    let readme = read("README.md");
    assert!(
        code_lines(&readme).iter().any(|l| l == "cargo install --path ."),
        "an install step on a line of its own"
    );
    assert!(readme.contains("~/.cargo/bin"), "where the binary goes");
    let manifest: toml::Table = read("Cargo.toml").parse().unwrap();
    let version = manifest["package"]["rust-version"].as_str().unwrap();
    assert!(
        readme.contains(&format!("Rust {version}")),
        "the README names the toolchain Cargo.toml asks for ({version})"
    );
    assert!(readme.contains("rustup"), "and how to get it");
}

#[test]
fn the_config_recipe_is_one_command_that_works_on_a_fresh_machine() {
    let readme = read("README.md");
    let code = code_lines(&readme);
    assert!(
        code.iter().any(|l| l == "copydesk config --init"),
        "`copydesk config --init` on a line of its own in a code block"
    );
    // Redirecting into the config path fails where its folder does not exist yet.
    assert!(
        !code.iter().any(|l| l.contains("> \"$(copydesk config --path)\"")),
        "the recipe that fails on a fresh machine is gone"
    );
}
