//! `copydesk fetch` through the built binary against a server the test starts on 127.0.0.1:
//! the `--json` contract field by field, the saved article files and `.raw/`, versions of a
//! page that changes, feeds, conditional requests, every kind of problem, proxies, exit statuses.

#[path = "common/server.rs"]
mod server;

use std::path::Path;
use std::process::{Command, Output};
use std::time::Duration;

use serde_json::Value;
use server::{Reply, Server, fixture, gzip, route};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_copydesk"));
    for v in [
        "HTTP_PROXY",
        "http_proxy",
        "HTTPS_PROXY",
        "https_proxy",
        "ALL_PROXY",
        "all_proxy",
        "NO_PROXY",
        "no_proxy",
    ] {
        c.env_remove(v);
    }
    c.env_remove("COPYDESK_DATA_DIR");
    c
}

struct Run {
    code: i32,
    lines: Vec<Value>,
    stdout: String,
    stderr: String,
}

fn run_with(c: &mut Command) -> Run {
    let o: Output = c.output().unwrap();
    let stdout = String::from_utf8(o.stdout).unwrap();
    Run {
        code: o.status.code().unwrap(),
        lines: stdout
            .lines()
            .filter(|l| l.starts_with('{'))
            .map(|l| serde_json::from_str(l).unwrap())
            .collect(),
        stdout,
        stderr: String::from_utf8(o.stderr).unwrap(),
    }
}

fn run(args: &[&str]) -> Run {
    run_with(bin().args(args))
}

fn fetch_json(dir: &Path, urls: &[&str]) -> Run {
    let d = dir.to_str().unwrap();
    let mut args = vec!["fetch", "--json", "--into", d];
    args.extend_from_slice(urls);
    run(&args)
}

fn page(name: &'static str) -> server::Handler {
    route(move |_, _| Reply::html(fixture(name)))
}

fn read_json(p: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(p).unwrap()).unwrap()
}

#[test]
fn a_page_is_saved_as_a_json_article_with_the_contract_fields() {
    let s = Server::start(vec![("/news/harbour-strike-ends", page("courier-strike.html"))]);
    let d = tempfile::tempdir().unwrap();
    let dir = d.path().join("lib");
    let url = s.url("/news/harbour-strike-ends");
    let r = fetch_json(&dir, &[&url]);
    assert_eq!((r.code, r.lines.len()), (0, 1), "{}", r.stderr);
    assert_eq!(r.stderr, "");
    let line = r.lines[0].as_object().unwrap();
    let mut keys: Vec<&str> = line.keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(keys, ["path", "published", "source", "status", "title", "url"]);
    let path = format!("{}/the-lanvale-courier-harbour-strike-ends.json", dir.display());
    assert_eq!(line["url"], url.as_str());
    assert_eq!(line["path"], path.as_str());
    assert_eq!(line["title"], "Harbour strike ends after nine days");
    assert_eq!(line["source"], "The Lanvale Courier");
    assert_eq!(line["published"], "2024-05-14T09:30:00Z");
    assert_eq!(line["status"], "new");
    // The article file, with every field of the contract.
    let saved = read_json(Path::new(&path));
    let obj = saved.as_object().unwrap();
    for k in [
        "text",
        "title",
        "url",
        "source",
        "published",
        "byline",
        "agency",
        "fetched",
    ] {
        assert!(obj.contains_key(k), "{k} missing from {saved}");
    }
    assert!(
        saved["text"]
            .as_str()
            .unwrap()
            .contains("Dockworkers in Lanvale voted on Tuesday")
    );
    assert!(
        !saved["text"]
            .as_str()
            .unwrap()
            .contains("never part of the article")
    );
    assert_eq!(saved["byline"], "Mara Quill");
    let fetched = saved["fetched"].as_str().unwrap();
    assert!(chrono::DateTime::parse_from_rfc3339(fetched).is_ok(), "{fetched}");
    // The page as served, and what the server said, in the hidden .raw/ folder.
    let raw = dir.join(".raw/the-lanvale-courier-harbour-strike-ends.html");
    assert_eq!(std::fs::read(raw).unwrap(), fixture("courier-strike.html"));
    let rec = read_json(&dir.join(".raw/the-lanvale-courier-harbour-strike-ends.http.json"));
    assert_eq!(rec["requested"], url.as_str());
    // The User-Agent names copydesk and its version.
    let req = &s.requests_for("/news/harbour-strike-ends")[0];
    assert_eq!(
        req.header("user-agent"),
        Some(concat!("copydesk/", env!("CARGO_PKG_VERSION")))
    );
    // The loader reads it back with its metadata (and skips .raw/).
    let l = run(&["list", "--json", dir.to_str().unwrap()]);
    assert_eq!((l.code, l.lines.len()), (0, 1), "{}", l.stderr);
    let rec = &l.lines[0];
    assert_eq!(rec["path"], path.as_str());
    assert_eq!(rec["url"], saved["url"]);
    assert_eq!(rec["published"], "2024-05-14T09:30:00Z");
    assert_eq!(rec["source"], "The Lanvale Courier");
    assert_eq!(rec["byline"], "Mara Quill");
    assert_eq!(rec["title"], "Harbour strike ends after nine days");
}

#[test]
fn without_json_one_line_an_article_and_the_default_library_in_the_data_dir() {
    let s = Server::start(vec![("/news/harbour-strike-ends", page("courier-strike.html"))]);
    let d = tempfile::tempdir().unwrap();
    let data = d.path().join("data");
    let url = s.url("/news/harbour-strike-ends");
    let r = run(&["--data-dir", data.to_str().unwrap(), "fetch", &url]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let file = data.join("library/the-lanvale-courier-harbour-strike-ends.json");
    assert_eq!(
        r.stdout,
        format!("new\t{}\tHarbour strike ends after nine days\n", file.display())
    );
    assert!(file.is_file());
    // COPYDESK_DATA_DIR is the same data directory.
    let r = run_with(bin().env("COPYDESK_DATA_DIR", &data).args(["fetch", &url]));
    assert!(r.stdout.starts_with("unchanged\t"), "{}{}", r.stdout, r.stderr);
}

#[test]
fn a_page_that_changes_is_kept_in_versions_that_group_as_one_story() {
    // The first request gets the first version, every later one the write-through.
    let s = Server::start(vec![(
        "/news/harbour-strike-ends",
        route(|_, n| {
            Reply::html(fixture(if n == 0 {
                "courier-strike.html"
            } else {
                "courier-strike-v2.html"
            }))
        }),
    )]);
    let d = tempfile::tempdir().unwrap();
    let url = s.url("/news/harbour-strike-ends");
    let first = fetch_json(d.path(), &[&url]);
    assert_eq!(first.lines[0]["status"], "new");
    let second = fetch_json(d.path(), &[&url]);
    assert_eq!((second.code, second.lines.len()), (0, 1), "{}", second.stderr);
    let line = &second.lines[0];
    assert_eq!(line["status"], "updated");
    assert_eq!(line["title"], "Harbour strike ends; backlog to take ten days");
    let path = line["path"].as_str().unwrap();
    let name = Path::new(path).file_name().unwrap().to_str().unwrap();
    let stamp = name
        .strip_prefix("the-lanvale-courier-harbour-strike-ends@")
        .and_then(|s| s.strip_suffix(".json"))
        .unwrap_or_else(|| panic!("{name}"));
    assert!(
        chrono::NaiveDateTime::parse_from_str(stamp, "%Y-%m-%dT%H-%M-%SZ").is_ok(),
        "{stamp}"
    );
    // The earlier version is kept, and both carry the same url.
    let old = d.path().join("the-lanvale-courier-harbour-strike-ends.json");
    let (old_text, new_text) = (
        read_json(&old)["text"].to_string(),
        read_json(Path::new(path))["text"].to_string(),
    );
    assert!(
        old_text.contains("a clear majority") && !old_text.contains("83 percent"),
        "{old_text}"
    );
    assert!(new_text.contains("83 percent"), "{new_text}");
    assert_eq!(read_json(&old)["url"], read_json(Path::new(path))["url"]);
    assert!(
        d.path()
            .join(format!(
                ".raw/the-lanvale-courier-harbour-strike-ends@{stamp}.html"
            ))
            .is_file()
    );
    // A third fetch finds the latest version's text again.
    let third = fetch_json(d.path(), &[&url]);
    assert_eq!(third.lines[0]["status"], "unchanged");
    assert_eq!(third.lines[0]["path"], path);
    // One story of both versions, and the comparison shows the write-through.
    let st = run(&["stories", "--json", d.path().to_str().unwrap()]);
    assert_eq!(st.code, 0, "{}", st.stderr);
    let stories = st.lines[0]["stories"].as_array().unwrap();
    assert_eq!(stories.len(), 1, "{}", st.stdout);
    assert_eq!(stories[0]["members"].as_array().unwrap().len(), 2);
    let c = run(&["compare", "--json", old.to_str().unwrap(), path]);
    assert_eq!(c.code, 0, "{}", c.stderr);
    let counts = &c.lines[0]["counts"];
    assert!(counts.to_string().contains(':'), "{counts}");
    assert_ne!(c.lines[0]["relation"], "identical", "{}", c.stdout);
}

#[test]
fn conditional_requests_answered_304_are_unchanged() {
    let s = Server::start(vec![(
        "/news/harbour-strike-ends",
        route(|req, _| {
            if req.header("if-none-match") == Some("\"v1\"") {
                Reply::Full {
                    status: 304,
                    headers: vec![],
                    body: vec![],
                }
            } else {
                Reply::html(fixture("courier-strike.html"))
                    .with("ETag", "\"v1\"")
                    .with("Last-Modified", "Tue, 14 May 2024 09:30:00 GMT")
            }
        }),
    )]);
    let d = tempfile::tempdir().unwrap();
    let url = s.url("/news/harbour-strike-ends");
    assert_eq!(fetch_json(d.path(), &[&url]).lines[0]["status"], "new");
    let again = fetch_json(d.path(), &[&url]);
    assert_eq!(again.lines[0]["status"], "unchanged", "{}", again.stderr);
    assert_eq!(again.lines[0]["title"], "Harbour strike ends after nine days");
    let refreshed = run(&[
        "fetch",
        "--refresh",
        "--json",
        "--into",
        d.path().to_str().unwrap(),
    ]);
    assert_eq!(
        (refreshed.code, refreshed.lines.len()),
        (0, 1),
        "{}",
        refreshed.stderr
    );
    assert_eq!(refreshed.lines[0]["status"], "unchanged");
    assert_eq!(refreshed.lines[0]["url"], url.as_str());
    let reqs = s.requests_for("/news/harbour-strike-ends");
    assert_eq!(reqs.len(), 3);
    assert_eq!(reqs[0].header("if-none-match"), None);
    for r in &reqs[1..] {
        assert_eq!(r.header("if-none-match"), Some("\"v1\""));
        assert_eq!(
            r.header("if-modified-since"),
            Some("Tue, 14 May 2024 09:30:00 GMT")
        );
    }
}

#[test]
fn refresh_reports_every_page_in_the_folder() {
    let s = Server::start(vec![
        (
            "/news/harbour-strike-ends",
            route(|_, n| {
                Reply::html(fixture(if n == 0 {
                    "courier-strike.html"
                } else {
                    "courier-strike-v2.html"
                }))
            }),
        ),
        (
            "/2024/05/14/lanvale-dockworkers-back-deal/",
            page("gazette-strike.html"),
        ),
    ]);
    let d = tempfile::tempdir().unwrap();
    let (a, b) = (
        s.url("/news/harbour-strike-ends"),
        s.url("/2024/05/14/lanvale-dockworkers-back-deal/"),
    );
    assert_eq!(fetch_json(d.path(), &[&a, &b]).lines.len(), 2);
    let r = run(&[
        "fetch",
        "--refresh",
        "--json",
        "--into",
        d.path().to_str().unwrap(),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let mut got: Vec<(String, String)> = r
        .lines
        .iter()
        .map(|l| {
            (
                l["url"].as_str().unwrap().to_string(),
                l["status"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    got.sort();
    let mut want = vec![(a, "updated".to_string()), (b.clone(), "unchanged".to_string())];
    want.sort();
    assert_eq!(got, want);
    // The gazette's file is named after its outlet and last segment.
    let g = r.lines.iter().find(|l| l["url"] == b.as_str()).unwrap();
    assert!(
        g["path"]
            .as_str()
            .unwrap()
            .ends_with("/westhaven-gazette-lanvale-dockworkers-back-deal.json")
    );
    // An empty library has nothing to refresh.
    let empty = tempfile::tempdir().unwrap();
    let r = run(&["fetch", "--refresh", "--into", empty.path().to_str().unwrap()]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("no fetched pages to refresh"), "{}", r.stderr);
}

#[test]
fn a_feed_gets_no_line_each_item_does() {
    let s = Server::start(vec![
        (
            "/feeds/news.rss",
            route(|_, _| Reply::new(200, "application/rss+xml", fixture("feed.rss"))),
        ),
        // Served as plain XML under a page-like name: told apart by content.
        (
            "/gazette/latest.html",
            route(|_, _| Reply::new(200, "text/xml", fixture("feed.atom"))),
        ),
        ("/news/harbour-strike-ends", page("courier-strike.html")),
        (
            "/2024/05/14/lanvale-dockworkers-back-deal/",
            page("gazette-strike.html"),
        ),
        (
            "/files/council-minutes.pdf",
            route(|_, _| Reply::new(200, "application/pdf", fixture("minutes.pdf"))),
        ),
    ]);
    let d = tempfile::tempdir().unwrap();
    let rss = s.url("/feeds/news.rss");
    let r = fetch_json(d.path(), &[&rss]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let urls: Vec<&str> = r.lines.iter().map(|l| l["url"].as_str().unwrap()).collect();
    assert_eq!(
        urls,
        [
            s.url("/news/harbour-strike-ends"),
            s.url("/2024/05/14/lanvale-dockworkers-back-deal/")
        ]
    );
    assert!(r.lines.iter().all(|l| l["status"] == "new"));
    // The PDF item is a problem naming its URL; the feed itself is never saved.
    assert_eq!(
        r.stderr,
        format!(
            "copydesk: {}: not an article (application/pdf)\n",
            s.url("/files/council-minutes.pdf")
        )
    );
    let files: Vec<String> = std::fs::read_dir(d.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| !n.starts_with('.'))
        .collect();
    assert_eq!(files.len(), 2, "{files:?}");
    // Atom: the alternate links, already known now.
    let atom = s.url("/gazette/latest.html");
    let r = fetch_json(d.path(), &[&atom]);
    let got: Vec<(&str, &str)> = r
        .lines
        .iter()
        .map(|l| (l["url"].as_str().unwrap(), l["status"].as_str().unwrap()))
        .collect();
    let (g, c) = (
        s.url("/2024/05/14/lanvale-dockworkers-back-deal/"),
        s.url("/news/harbour-strike-ends"),
    );
    assert_eq!(
        got,
        [(g.as_str(), "unchanged"), (c.as_str(), "unchanged")],
        "{}",
        r.stderr
    );
    // --limit caps the items of each feed.
    let e = tempfile::tempdir().unwrap();
    let r = run(&[
        "fetch",
        "--json",
        "--limit",
        "1",
        "--into",
        e.path().to_str().unwrap(),
        &rss,
    ]);
    assert_eq!(r.lines.len(), 1, "{}", r.stderr);
}

#[test]
fn each_problem_names_its_url_and_nothing_saved_exits_1() {
    let mut routes = vec![
        ("/missing-here", route(|_, _| Reply::status(404))),
        ("/broken", route(|_, _| Reply::status(500))),
        (
            "/minutes.pdf",
            route(|_, _| Reply::new(200, "application/pdf", fixture("minutes.pdf"))),
        ),
        // A PDF the server calls a page is still a PDF.
        ("/disguised", route(|_, _| Reply::html(fixture("minutes.pdf")))),
        (
            "/photo",
            route(|_, _| Reply::new(200, "image/png", b"\x89PNG\r\n\x1a\n".to_vec())),
        ),
        ("/hangs", route(|_, _| Reply::Hang(Duration::from_secs(4)))),
        ("/huge", route(|_, _| Reply::html(vec![b'a'; (10 << 20) + 1]))),
        (
            "/data.json",
            route(|_, _| Reply::new(200, "application/json", "{\"a\": 1}")),
        ),
        ("/loop/0", route(|_, _| Reply::redirect("/loop/0"))),
    ];
    // A chain of six redirects: one more than allowed.
    for i in 1..=6 {
        let to: &'static str = Box::leak(format!("/far/{}", i + 1).into_boxed_str());
        let at: &'static str = Box::leak(format!("/far/{i}").into_boxed_str());
        routes.push((at, route(move |_, _| Reply::redirect(to))));
    }
    routes.push(("/far/7", page("courier-strike.html")));
    let s = Server::start(routes);
    let d = tempfile::tempdir().unwrap();
    let cases = [
        ("/missing-here", "HTTP 404 Not Found"),
        ("/broken", "HTTP 500 Internal Server Error"),
        ("/minutes.pdf", "not an article (application/pdf)"),
        ("/disguised", "not an article (a PDF)"),
        ("/photo", "not an article (image/png)"),
        ("/hangs", "timed out after 1 s"),
        ("/huge", "the body is larger than the 10 MiB size cap"),
        ("/data.json", "not an article (application/json)"),
        ("/loop/0", "too many redirects (more than 5)"),
        ("/far/1", "too many redirects (more than 5)"),
    ];
    let urls: Vec<String> = cases.iter().map(|(p, _)| s.url(p)).collect();
    let mut args = vec![
        "fetch",
        "--json",
        "--timeout",
        "1",
        "--into",
        d.path().to_str().unwrap(),
    ];
    args.extend(urls.iter().map(String::as_str));
    let started = std::time::Instant::now();
    let r = run(&args);
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "{:?}",
        started.elapsed()
    );
    assert_eq!((r.code, r.stdout.as_str()), (1, ""), "{}", r.stderr);
    let lines: Vec<&str> = r.stderr.lines().collect();
    let want: Vec<String> = cases
        .iter()
        .zip(&urls)
        .map(|((_, why), u)| format!("copydesk: {u}: {why}"))
        .collect();
    assert_eq!(lines, want);
    // Nothing was saved.
    let files = std::fs::read_dir(d.path()).unwrap().filter_map(Result::ok);
    assert_eq!(
        files
            .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
            .count(),
        0
    );
}

#[test]
fn five_redirects_are_followed_and_one_good_url_among_bad_ones_exits_0() {
    let mut routes = Vec::new();
    for i in 1..=5 {
        let to: &'static str = Box::leak(format!("/hop/{}", i + 1).into_boxed_str());
        let at: &'static str = Box::leak(format!("/hop/{i}").into_boxed_str());
        routes.push((at, route(move |_, _| Reply::redirect(to))));
    }
    routes.push(("/hop/6", page("courier-strike.html")));
    let s = Server::start(routes);
    let d = tempfile::tempdir().unwrap();
    let r = fetch_json(d.path(), &[&s.url("/hop/1"), &s.url("/gone")]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.lines.len(), 1);
    assert_eq!(r.lines[0]["url"], s.url("/hop/1").as_str());
    assert_eq!(
        r.stderr,
        format!("copydesk: {}: HTTP 404 Not Found\n", s.url("/gone"))
    );
    let rec = read_json(&d.path().join(".raw/the-lanvale-courier-6.http.json"));
    assert_eq!(rec["final_url"], s.url("/hop/6").as_str());
}

#[test]
fn encodings_and_gzip_come_out_right() {
    let s = Server::start(vec![
        // windows-1252 declared only by the page's http-equiv.
        (
            "/cafe",
            route(|_, _| Reply::new(200, "text/html", fixture("page-1252.html"))),
        ),
        // Declared by the header.
        (
            "/cafe-header",
            route(|_, _| Reply::new(200, "text/html; charset=windows-1252", fixture("page-1252.html"))),
        ),
        // A page the server cannot name is judged by its content.
        (
            "/untyped",
            route(|_, _| Reply::new(200, "application/octet-stream", fixture("gazette-strike.html"))),
        ),
        (
            "/zipped",
            route(|_, _| {
                Reply::new(
                    200,
                    "text/html; charset=utf-8",
                    gzip(&fixture("courier-strike.html")),
                )
                .with("Content-Encoding", "gzip")
            }),
        ),
    ]);
    let d = tempfile::tempdir().unwrap();
    let r = fetch_json(
        d.path(),
        &[&s.url("/cafe"), &s.url("/cafe-header"), &s.url("/zipped")],
    );
    assert_eq!((r.code, r.lines.len()), (0, 3), "{}", r.stderr);
    assert_eq!(r.lines[0]["title"], "Caf\u{e9} owners protest rent rise");
    for l in &r.lines[..2] {
        let text = read_json(Path::new(l["path"].as_str().unwrap()))["text"]
            .as_str()
            .unwrap()
            .to_string();
        assert!(
            text.contains("\u{201c}We are not na\u{ef}ve about costs"),
            "{text}"
        );
        assert!(
            text.contains("Ren\u{e9}e Vasquez") && !text.contains('\u{FFFD}'),
            "{text}"
        );
    }
    let recs: Vec<Value> = ["brackenford-herald-cafe", "brackenford-herald-cafe-header"]
        .iter()
        .map(|n| read_json(&d.path().join(format!(".raw/{n}.http.json"))))
        .collect();
    assert_eq!(
        (&recs[0]["encoding"], &recs[0]["encoding_from"]),
        (&"windows-1252".into(), &"meta".into())
    );
    assert_eq!(recs[1]["encoding_from"], "header");
    // The gzip page, and gzip was asked for.
    assert_eq!(r.lines[2]["title"], "Harbour strike ends after nine days");
    let req = &s.requests_for("/zipped")[0];
    assert!(req.header("accept-encoding").unwrap_or("").contains("gzip"));
    let raw = std::fs::read(d.path().join(".raw/the-lanvale-courier-zipped.html")).unwrap();
    assert_eq!(
        raw,
        fixture("courier-strike.html"),
        "the page is kept as served, unzipped"
    );
}

#[test]
fn wrong_usage_exits_2() {
    let d = tempfile::tempdir().unwrap();
    let into = d.path().to_str().unwrap();
    for (args, needle) in [
        (
            vec!["fetch", "--into", into, "notes.txt"],
            "\"notes.txt\" is not an http(s) URL",
        ),
        (
            vec!["fetch", "--into", into, "ftp://a.example/x"],
            "is not an http(s) URL",
        ),
        (vec!["fetch", "--into", into], "required"),
        (
            vec!["fetch", "--refresh", "--into", into, "http://a.example/"],
            "cannot be used with",
        ),
        (
            vec!["fetch", "--refresh", "--limit", "3", "--into", into],
            "cannot be used with",
        ),
        (
            vec!["fetch", "--timeout", "0", "--into", into, "http://a.example/"],
            "not a number of seconds",
        ),
    ] {
        let r = run(&args);
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        assert!(r.stderr.contains(needle), "{args:?}: {}", r.stderr);
        assert_eq!(r.stdout, "");
    }
    // A bad URL is caught before anything is fetched or made.
    let fresh = d.path().join("fresh");
    let r = run(&[
        "fetch",
        "--into",
        fresh.to_str().unwrap(),
        "http://127.0.0.1:9/",
        "nope",
    ]);
    assert_eq!(r.code, 2);
    assert!(!fresh.exists());
}

#[test]
fn a_library_that_cannot_be_made_is_exit_1_naming_it() {
    let d = tempfile::tempdir().unwrap();
    let file = d.path().join("plain");
    std::fs::write(&file, "x").unwrap();
    let r = run(&["fetch", "--into", file.to_str().unwrap(), "http://127.0.0.1:9/x"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains(file.to_str().unwrap()), "{}", r.stderr);
}

#[test]
fn http_proxy_is_used_and_no_proxy_bypasses_it() {
    // The "proxy" answers CONNECT and then serves the tunnelled request itself.
    let proxy = Server::start(vec![("/news/harbour-strike-ends", page("courier-strike.html"))]);
    let d = tempfile::tempdir().unwrap();
    let url = "http://www.lanvale-courier.example/news/harbour-strike-ends";
    let r = run_with(
        bin()
            .env("HTTP_PROXY", format!("http://127.0.0.1:{}", proxy.port()))
            .args(["fetch", "--json", "--into", d.path().to_str().unwrap(), url]),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.lines[0]["url"], url);
    let reqs = proxy.requests();
    assert_eq!(reqs[0].method, "CONNECT");
    assert_eq!(reqs[0].target, "www.lanvale-courier.example:80");
    assert!(reqs[1].tunnelled);
    // NO_PROXY: straight to the server, the (dead) proxy never asked.
    let s = Server::start(vec![("/p", page("gazette-strike.html"))]);
    let r = run_with(
        bin()
            .env("HTTP_PROXY", "http://127.0.0.1:9")
            .env("NO_PROXY", "localhost,127.0.0.1")
            .args([
                "fetch",
                "--json",
                "--into",
                d.path().to_str().unwrap(),
                &s.url("/p"),
            ]),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    // Without NO_PROXY the dead proxy is a problem naming the URL.
    let r = run_with(bin().env("HTTP_PROXY", "http://127.0.0.1:9").args([
        "fetch",
        "--timeout",
        "5",
        "--into",
        d.path().to_str().unwrap(),
        &s.url("/p"),
    ]));
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.starts_with(&format!("copydesk: {}: ", s.url("/p"))),
        "{}",
        r.stderr
    );
}

#[test]
fn one_request_at_a_time_per_host() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    // The handler counts the requests it is answering at once.
    let (now, most) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
    let (n, m) = (Arc::clone(&now), Arc::clone(&most));
    let s = Server::start(vec![(
        "/slow",
        route(move |_, _| {
            let here = n.fetch_add(1, Ordering::SeqCst) + 1;
            m.fetch_max(here, Ordering::SeqCst);
            std::thread::sleep(Duration::from_millis(150));
            n.fetch_sub(1, Ordering::SeqCst);
            Reply::html(fixture("gazette-strike.html"))
        }),
    )]);
    let url = url::Url::parse(&s.url("/slow")).unwrap();
    // Proxy variables of the machine running the tests play no part.
    let no_proxy = |_: &str| None;
    let client = Arc::new(copydesk::fetch::http::Client::with_env(
        Duration::from_secs(5),
        1 << 20,
        &no_proxy,
    ));
    let threads: Vec<_> = (0..3)
        .map(|_| {
            let (c, u) = (Arc::clone(&client), url.clone());
            std::thread::spawn(move || c.get(&u, &Default::default()).map(|r| r.status))
        })
        .collect();
    for t in threads {
        assert_eq!(t.join().unwrap(), Ok(200));
    }
    assert_eq!(most.load(Ordering::SeqCst), 1);
    assert_eq!(s.requests_for("/slow").len(), 3);
}
