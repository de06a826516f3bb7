//! Bringing versions in from the web: pages and feeds fetched into a library folder of `.json`
//! article files, every changed version of a page kept beside the earlier ones.
//!
//! One step a module: [`http`] gets a URL (ureq: gzip, redirects, timeouts, size cap, proxies,
//! one request at a time per host); [`feed`] tells a feed from a page by its content and lists
//! its items; [`charset`] decodes a page as a browser would; the page's article is what the
//! loader makes of it as an `.html` file (`article::load_bytes`), metadata and all; [`library`]
//! names, finds and saves the versions.
//!
//! A page fetched again is `unchanged` when its text is the text last saved (or the server
//! answers a conditional request with 304), else `updated`: the new version is saved beside the
//! earlier one, which is kept. Nothing here prints: progress and results go to a callback as
//! [`Event`]s, for the command line and the reader alike.

pub mod charset;
pub mod feed;
pub mod http;
pub mod library;

use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Serialize;
use url::Url;

use crate::article::{self, Article, Format};
use library::{ArticleFile, HttpRecord, Library};

pub use http::{MAX_REDIRECTS, USER_AGENT, Validators};

/// The folder of the data directory fetched articles go to by default.
pub const LIBRARY: &str = "library";
/// Bodies larger than this are not read (10 MiB: any article page, and a large feed).
pub const MAX_BODY_BYTES: u64 = 10 << 20;
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
/// Items of one feed fetched at most, unless told otherwise.
pub const DEFAULT_LIMIT: usize = 20;

/// The default library folder: `library/` in the data directory.
pub fn default_library(data_dir: Option<&Path>) -> Result<PathBuf, crate::notes::StoreError> {
    Ok(crate::notes::data_dir(data_dir)?.join(LIBRARY))
}

/// Why one URL gave no article.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    /// The status and its reason phrase ("Not Found").
    #[error("HTTP {code}{}", if reason.is_empty() { String::new() } else { format!(" {reason}") })]
    Status { code: u16, reason: String },
    #[error("timed out after {} s", .0.as_secs_f64())]
    Timeout(Duration),
    #[error("not an article ({0})")]
    NotArticle(String),
    #[error("the body is larger than the {} MiB size cap", .0 >> 20)]
    TooLarge(u64),
    #[error("too many redirects (more than {0})")]
    TooManyRedirects(u32),
    #[error("could not connect ({0})")]
    Connect(String),
    #[error("{0}")]
    Network(String),
    #[error("proxy: {0}")]
    Proxy(String),
    #[error("{0}")]
    Feed(String),
    #[error("no article in the page ({0})")]
    NoArticle(String),
    #[error("could not save into {0}")]
    Save(String),
}

/// A problem with one URL; shown as `URL: what went wrong`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{url}: {error}")]
pub struct Problem {
    pub url: String,
    pub error: FetchError,
}

/// What became of a page fetched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    New,
    /// The same text as the last fetch (or the server said 304 Not Modified).
    Unchanged,
    /// The text changed: a new version was saved beside the earlier one.
    Updated,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::New => "new",
            Status::Unchanged => "unchanged",
            Status::Updated => "updated",
        }
    }
}

/// A page saved, or found unchanged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saved {
    /// The address fetched (a URL given, or a feed item's link).
    pub url: String,
    /// The version's file: on disk, and as shown (the folder as given, joined with the name).
    pub file: PathBuf,
    pub path: String,
    pub title: Option<String>,
    pub source: Option<String>,
    pub published: Option<String>,
    pub status: Status,
    /// For `updated`, the version before this one (as shown).
    pub previous: Option<String>,
}

/// Progress and results, in the order they happen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// A request is going out; `item` is (n, of) for the items of a feed.
    Fetching {
        url: String,
        item: Option<(usize, usize)>,
    },
    /// A feed was read: its items are fetched next.
    Feed {
        url: String,
        items: usize,
    },
    Saved(Saved),
    Problem(Problem),
}

#[derive(Debug, Clone)]
pub struct Options {
    /// For connecting, and for the whole of each request.
    pub timeout: Duration,
    /// Items of one feed fetched at most.
    pub limit: usize,
    pub max_body: u64,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            timeout: DEFAULT_TIMEOUT,
            limit: DEFAULT_LIMIT,
            max_body: MAX_BODY_BYTES,
        }
    }
}

/// Reads a string given as a URL: http or https with a host, else `Err` with why.
pub fn parse_url(s: &str) -> Result<Url, String> {
    let not = || format!("{s:?} is not an http(s) URL");
    let u = Url::parse(s.trim()).map_err(|_| not())?;
    if !matches!(u.scheme(), "http" | "https") || u.host_str().is_none_or(str::is_empty) {
        return Err(not());
    }
    Ok(u)
}

/// Fetches pages and feeds into one library folder.
pub struct Fetcher {
    client: http::Client,
    library: Library,
    options: Options,
}

impl Fetcher {
    /// Opens (making it if missing) the library folder `dir`, shown as `display`.
    pub fn open(dir: &Path, display: &str, options: Options) -> Result<Fetcher, String> {
        let library =
            Library::open(dir, display).map_err(|e| format!("{}: {}", dir.display(), io_message(&e)))?;
        Ok(Fetcher {
            client: http::Client::new(options.timeout, options.max_body),
            library,
            options,
        })
    }

    pub fn library(&self) -> &Library {
        &self.library
    }

    /// Fetches each URL: a page is saved; a feed's items (up to the limit) are fetched and saved.
    pub fn fetch(&mut self, urls: &[Url], on: &mut dyn FnMut(Event)) {
        for u in urls {
            self.fetch_url(u, true, None, on);
        }
    }

    /// Fetches every page of the library again, with conditional requests.
    pub fn refresh(&mut self, on: &mut dyn FnMut(Event)) -> usize {
        let addresses: Vec<String> = self
            .library
            .series
            .iter()
            .filter_map(|s| s.address().map(str::to_string))
            .collect();
        let n = addresses.len();
        for a in addresses {
            match parse_url(&a) {
                Ok(u) => self.fetch_url(&u, false, None, on),
                Err(why) => on(Event::Problem(Problem {
                    url: a,
                    error: FetchError::NoArticle(why),
                })),
            }
        }
        n
    }

    fn fetch_url(&mut self, url: &Url, feeds: bool, item: Option<(usize, usize)>, on: &mut dyn FnMut(Event)) {
        on(Event::Fetching {
            url: url.to_string(),
            item,
        });
        let problem = |error| {
            Event::Problem(Problem {
                url: url.to_string(),
                error,
            })
        };
        let known = self.library.find(url.as_str());
        let validators = known
            .and_then(|i| self.library.series[i].latest().record.clone())
            .map(|r| Validators {
                etag: r.etag,
                last_modified: r.last_modified,
            })
            .unwrap_or_default();
        let resp = match self.client.get(url, &validators) {
            Ok(r) => r,
            Err(e) => return on(problem(e)),
        };
        let now = chrono::Utc::now();
        let fetched = now.format("%Y-%m-%dT%H:%M:%SZ").to_string();
        if resp.status == 304 {
            let Some(i) = known else {
                return on(problem(FetchError::Status {
                    code: 304,
                    reason: "Not Modified".into(),
                }));
            };
            let mut rec = self.library.series[i].latest().record.clone().unwrap_or_default();
            rec.checked = Some(fetched);
            rec.etag = resp.etag.or(rec.etag);
            rec.last_modified = resp.last_modified.or(rec.last_modified);
            return on(self.unchanged(url, i, rec));
        }
        if feed::looks_like_feed(&resp.body) {
            if !feeds {
                return on(problem(FetchError::NotArticle(
                    "a feed, where an article page was expected".into(),
                )));
            }
            let base = Url::parse(&resp.final_url).unwrap_or_else(|_| url.clone());
            let links = match feed::item_links(&resp.body, &base, self.options.limit) {
                Ok(l) => l,
                Err(why) => return on(problem(FetchError::Feed(why))),
            };
            on(Event::Feed {
                url: url.to_string(),
                items: links.len(),
            });
            let n = links.len();
            for (k, link) in links.iter().enumerate() {
                self.fetch_url(link, false, Some((k + 1, n)), on);
            }
            return;
        }
        let page = match extract(&resp) {
            Ok(p) => p,
            Err(e) => return on(problem(e)),
        };
        let a = &page.article;
        // The series: by the address asked for, else the one reached, else the page's own.
        let series = known
            .or_else(|| self.library.find(&resp.final_url))
            .or_else(|| a.url.as_deref().and_then(|u| self.library.find(u)));
        let mut record = HttpRecord {
            requested: url.to_string(),
            final_url: resp.final_url.clone(),
            url: None,
            etag: resp.etag.clone(),
            last_modified: resp.last_modified.clone(),
            content_type: resp.content_type.clone(),
            encoding: Some(page.encoding.to_string()),
            encoding_from: Some(page.encoding_from.to_string()),
            fetched: fetched.clone(),
            checked: None,
        };
        let mut previous = None;
        let mut series_url = None;
        if let Some(i) = series {
            let latest = self.library.series[i].latest().clone();
            match self.library.read_article(&latest.file) {
                Ok(old) if old.text == a.text => {
                    // Same text: the version on disk stands; only what the server said is new.
                    if let Some(old_rec) = &latest.record {
                        record.fetched = old_rec.fetched.clone();
                    }
                    record.checked = Some(fetched);
                    record.url = latest.url.clone().or(old.url);
                    return on(self.unchanged(url, i, record));
                }
                Ok(old) => series_url = old.url,
                Err(_) => {}
            }
            previous = Some(self.library.display_of(&latest.file));
        }
        let file = ArticleFile {
            title: a.title.clone(),
            // Every version of a series keeps the address it was first saved under, so that
            // they group as one story even when the outlet moves the page.
            url: series_url
                .or_else(|| a.url.clone())
                .or_else(|| Some(resp.final_url.clone())),
            source: a.source.clone(),
            published: a.published.clone(),
            byline: a.byline.clone(),
            agency: a.agency.clone(),
            fetched: Some(fetched),
            text: a.text.clone(),
        };
        let stamp = now.format("%Y-%m-%dT%H-%M-%SZ").to_string();
        // Named after the page reached: a short link's last segment says nothing.
        let reached = Url::parse(&resp.final_url).unwrap_or_else(|_| url.clone());
        let outlet = library::outlet_name(a.source.as_deref(), &reached);
        let place = match series {
            Some(series) => library::Place::Beside {
                series,
                stamp: &stamp,
            },
            None => library::Place::New {
                outlet: &outlet,
                url: &reached,
            },
        };
        let name = match self.library.save(place, &file, &resp.body, record) {
            Ok(n) => n,
            Err(e) => {
                let where_ = format!("{}: {}", self.library.dir().display(), io_message(&e));
                return on(problem(FetchError::Save(where_)));
            }
        };
        on(Event::Saved(Saved {
            url: url.to_string(),
            file: self.library.dir().join(&name),
            path: self.library.display_of(&name),
            title: file.title,
            source: file.source,
            published: file.published,
            status: if series.is_some() {
                Status::Updated
            } else {
                Status::New
            },
            previous,
        }))
    }

    /// The report for series `i` found unchanged, its record brought up to date.
    fn unchanged(&mut self, url: &Url, i: usize, record: HttpRecord) -> Event {
        if let Err(e) = self.library.update_record(i, record) {
            return Event::Problem(Problem {
                url: url.to_string(),
                error: FetchError::Save(format!("{}: {}", self.library.dir().display(), io_message(&e))),
            });
        }
        let latest = self.library.series[i].latest().file.clone();
        let art = self.library.read_article(&latest).unwrap_or_default();
        Event::Saved(Saved {
            url: url.to_string(),
            file: self.library.dir().join(&latest),
            path: self.library.display_of(&latest),
            title: art.title,
            source: art.source,
            published: art.published,
            status: Status::Unchanged,
            previous: None,
        })
    }
}

/// A page's article, as the loader reads it from an `.html` file, and how it was decoded.
pub struct Page {
    pub article: Article,
    pub encoding: &'static str,
    pub encoding_from: &'static str,
}

/// The article in a response that is not a feed: decoded as a browser would, then read by the
/// loader's HTML reader (or as plain text for `text/plain`). PDFs, images and other binaries,
/// and bodies that are neither, are not articles.
pub fn extract(resp: &http::Response) -> Result<Page, FetchError> {
    let body = &resp.body;
    if let Some(kind) = binary_kind(body) {
        return Err(FetchError::NotArticle(kind.to_string()));
    }
    let mime = resp
        .content_type
        .as_deref()
        .map(|c| c.split(';').next().unwrap_or("").trim().to_ascii_lowercase());
    let (decoded, origin) = charset::decode_page(body, resp.content_type.as_deref());
    let format = match mime.as_deref() {
        Some("text/html" | "application/xhtml+xml") => Format::Html,
        _ if article::formats::sniff(&decoded.text) == Format::Html => Format::Html,
        Some("text/plain") => Format::Text,
        Some(other) => return Err(FetchError::NotArticle(other.to_string())),
        None => return Err(FetchError::NotArticle("no content type, and not HTML".into())),
    };
    let (mut articles, problems) =
        article::load_bytes(&resp.final_url, decoded.text.as_bytes(), Some(format), Vec::new());
    if articles.is_empty() {
        let why = problems
            .first()
            .map(|p| match p {
                article::LoadError::File { message, .. } => message.clone(),
            })
            .unwrap_or_else(|| "no text".into());
        return Err(FetchError::NoArticle(why));
    }
    Ok(Page {
        article: articles.swap_remove(0),
        encoding: decoded.encoding,
        encoding_from: match origin {
            charset::Origin::Bom => "bom",
            charset::Origin::Header => "header",
            charset::Origin::Meta => "meta",
            charset::Origin::Detected => "detected",
        },
    })
}

/// What a body is when its first bytes say it is a binary (whatever the server called it).
fn binary_kind(body: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"%PDF-", "a PDF"),
        (b"\x89PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"PK\x03\x04", "a ZIP archive"),
        (b"\x1F\x8B", "gzip data"),
    ];
    if let Some((_, kind)) = MAGIC.iter().find(|(m, _)| body.starts_with(m)) {
        return Some(kind);
    }
    if body.len() > 12 && &body[..4] == b"RIFF" && &body[8..12] == b"WEBP" {
        return Some("a WebP image");
    }
    article::decode::binary_reason(body).map(|_| "binary data")
}

/// An I/O error as a message, without Rust's "(os error N)".
fn io_message(e: &std::io::Error) -> String {
    let s = e.to_string();
    match s.find(" (os error") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_urls_are_urls() {
        assert!(parse_url("https://a.example/x").is_ok());
        assert!(parse_url(" http://127.0.0.1:8080/p ").is_ok());
        for bad in [
            "ftp://a.example/x",
            "a.example/x",
            "file:///etc/passwd",
            "http://",
            "notes.txt",
        ] {
            assert!(parse_url(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn problems_name_the_url() {
        let p = Problem {
            url: "https://a.example/x".into(),
            error: FetchError::Status {
                code: 404,
                reason: "Not Found".into(),
            },
        };
        assert_eq!(p.to_string(), "https://a.example/x: HTTP 404 Not Found");
        assert_eq!(
            FetchError::Timeout(Duration::from_millis(1500)).to_string(),
            "timed out after 1.5 s"
        );
        assert_eq!(
            FetchError::TooLarge(MAX_BODY_BYTES).to_string(),
            "the body is larger than the 10 MiB size cap"
        );
    }

    fn response(content_type: Option<&str>, body: &[u8]) -> http::Response {
        http::Response {
            status: 200,
            final_url: "https://a.example/p".into(),
            content_type: content_type.map(str::to_string),
            etag: None,
            last_modified: None,
            body: body.to_vec(),
        }
    }

    #[test]
    fn binaries_and_other_types_are_not_articles() {
        let pdf = extract(&response(
            Some("text/html"),
            b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj",
        ));
        assert_eq!(pdf.err(), Some(FetchError::NotArticle("a PDF".into())));
        let json = extract(&response(Some("application/json"), b"{\"a\": 1}"));
        assert_eq!(
            json.err(),
            Some(FetchError::NotArticle("application/json".into()))
        );
        let txt = extract(&response(Some("text/plain"), b"Plain words."))
            .ok()
            .unwrap();
        assert_eq!(txt.article.text, "Plain words.");
        // A page served without a type is still a page.
        let page = extract(&response(None, b"<html><body><p>Hello there.</p></body></html>"))
            .ok()
            .unwrap();
        assert_eq!(page.article.text, "Hello there.");
    }
}
