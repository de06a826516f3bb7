//! `copydesk fetch [--into DIR] [--json] [--timeout SECS] [--limit N] URL...` and
//! `copydesk fetch --refresh [--into DIR] [--json] [--timeout SECS]`: pages and feeds into the
//! library folder, each page a `.json` article file, changed pages saved as new versions.

use std::io::Write;
use std::path::PathBuf;
use std::time::Duration;

use clap::Args;
use serde::Serialize;

use super::Global;
use crate::fetch::{self, Event, Fetcher, Options};

pub const LONG_ABOUT: &str = "Fetch article pages and RSS/Atom feeds into the library folder, \
one .json article file a page (text, title, url, source, published, byline, agency, fetched), \
read by the reader and every other subcommand. A feed is told from a page by its content; the \
page behind each of its items is fetched (at most --limit). The page as served is kept in \
DIR/.raw/.\n\n\
Files are named after the outlet and the URL's last path segment \
(lanvale-courier-harbour-strike-ends.json), so fetching a URL again finds its file: when the text \
is the same the page is unchanged; when it changed, the new version is saved beside the earlier \
one with its fetch time (…-harbour-strike-ends@2024-05-15T08-00-00Z.json), and the reader groups \
all versions of one URL as one story. --refresh fetches every page in DIR again, asking the \
server only for what changed (ETag, Last-Modified).\n\n\
Gzip, at most 5 redirects, 10 MiB at most a body; HTTPS_PROXY, HTTP_PROXY, ALL_PROXY and NO_PROXY \
are honoured. Each problem (an HTTP error, a timeout, a PDF or image, a body over the cap, too \
many redirects) goes to stderr naming its URL.\n\n\
Exit status: 0 when at least one article was saved or found unchanged, 1 when none was, 2 for \
wrong usage (a string that is not an http(s) URL).";

#[derive(Debug, Args)]
pub struct FetchArgs {
    /// The library folder to save into (default: library/ in the data directory).
    #[arg(long, value_name = "DIR")]
    pub into: Option<PathBuf>,
    /// Print JSON, one object a line per article (a feed's items each get one, the feed none):
    /// {"url", "path", "title", "source", "published", "status"}, url being the address fetched
    /// and status one of new, unchanged, updated. Without --json: STATUS<TAB>PATH<TAB>TITLE.
    #[arg(long)]
    pub json: bool,
    /// Give up on a request after this many seconds, for connecting and for the whole of it
    /// (default 30).
    #[arg(long, value_name = "SECS", default_value = "30", hide_default_value = true, value_parser = parse_secs)]
    pub timeout: Duration,
    /// Fetch at most N items of each feed (default 20).
    #[arg(
        long,
        value_name = "N",
        default_value_t = fetch::DEFAULT_LIMIT,
        hide_default_value = true,
        conflicts_with = "refresh"
    )]
    pub limit: usize,
    /// Fetch every page in DIR again (conditional requests) instead of the URLs given.
    #[arg(long, conflicts_with = "urls")]
    pub refresh: bool,
    /// Article pages or RSS/Atom feeds (http or https).
    #[arg(value_name = "URL", required_unless_present = "refresh")]
    pub urls: Vec<String>,
}

fn parse_secs(s: &str) -> Result<Duration, String> {
    match s.trim().parse::<f64>() {
        Ok(n) if n.is_finite() && n > 0.0 && n <= 86_400.0 => Ok(Duration::from_secs_f64(n)),
        _ => Err(format!(
            "{s:?} is not a number of seconds (more than 0, at most 86400)"
        )),
    }
}

/// The `--json` line of one article.
#[derive(Serialize)]
struct Line<'a> {
    url: &'a str,
    path: &'a str,
    title: Option<&'a str>,
    source: Option<&'a str>,
    published: Option<&'a str>,
    status: fetch::Status,
}

pub fn run(global: &Global, args: FetchArgs, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<u8> {
    let mut urls = Vec::with_capacity(args.urls.len());
    for u in &args.urls {
        match fetch::parse_url(u) {
            Ok(url) => urls.push(url),
            Err(why) => return Ok(usage(err, &why)),
        }
    }
    let (dir, display) = match &args.into {
        Some(d) => (d.clone(), d.to_string_lossy().into_owned()),
        None => {
            let d = fetch::default_library(global.data_dir.as_deref())?;
            let s = d.to_string_lossy().into_owned();
            (d, s)
        }
    };
    let options = Options {
        timeout: args.timeout,
        limit: args.limit,
        ..Options::default()
    };
    let mut fetcher = match Fetcher::open(&dir, &display, options) {
        Ok(f) => f,
        Err(why) => {
            writeln!(err, "copydesk: {why}")?;
            return Ok(super::EXIT_FAILURE);
        }
    };
    let mut saved = 0usize;
    let mut io_error: Option<std::io::Error> = None;
    let mut on = |ev: Event| {
        if io_error.is_some() {
            return;
        }
        let res = match ev {
            Event::Saved(s) => {
                saved += 1;
                report(out, &s, args.json)
            }
            Event::Problem(p) => writeln!(err, "copydesk: {p}"),
            Event::Fetching { .. } | Event::Feed { .. } => Ok(()),
        };
        if let Err(e) = res {
            io_error = Some(e);
        }
    };
    if args.refresh {
        let n = fetcher.refresh(&mut on);
        if n == 0 {
            writeln!(err, "copydesk: {display}: no fetched pages to refresh")?;
            return Ok(super::EXIT_FAILURE);
        }
    } else {
        fetcher.fetch(&urls, &mut on);
    }
    if let Some(e) = io_error {
        return Err(e.into());
    }
    out.flush()?;
    Ok(if saved > 0 { 0 } else { super::EXIT_FAILURE })
}

fn report(out: &mut dyn Write, s: &fetch::Saved, json: bool) -> std::io::Result<()> {
    if json {
        let line = Line {
            url: &s.url,
            path: &s.path,
            title: s.title.as_deref(),
            source: s.source.as_deref(),
            published: s.published.as_deref(),
            status: s.status,
        };
        let mut bytes = serde_json::to_vec(&line).map_err(std::io::Error::other)?;
        bytes.push(b'\n');
        out.write_all(&bytes)
    } else {
        writeln!(
            out,
            "{}\t{}\t{}",
            s.status.as_str(),
            s.path,
            s.title.as_deref().unwrap_or("(untitled)")
        )
    }
}

/// Wrong usage, said as clap says it, with exit status 2.
fn usage(err: &mut dyn Write, why: &str) -> u8 {
    let mut cli = <super::Cli as clap::CommandFactory>::command();
    cli.build();
    let e = match cli.find_subcommand_mut("fetch") {
        Some(sub) => sub.error(clap::error::ErrorKind::InvalidValue, why),
        None => cli.error(clap::error::ErrorKind::InvalidValue, why),
    };
    let _ = write!(err, "{}", e.render());
    super::EXIT_USAGE
}
