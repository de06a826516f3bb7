//! The library folder fetched articles are kept in: one `.json` article file a version, named
//! after the outlet and the URL's last path segment (`lanvale-courier-harbour-strike-ends.json`),
//! later versions beside the first with their fetch time (`…-harbour-strike-ends@2024-05-15T08-00-00Z.json`),
//! and for each version, in the hidden `.raw/` folder the loader skips, the page as served
//! (`.raw/<name>.html`) and what the server said of it (`.raw/<name>.http.json`: the address
//! asked for and reached, ETag, Last-Modified, type, encoding).
//!
//! The versions of one URL are a *series*: files whose names share the part before `@`. A URL
//! finds its series by the addresses recorded for it (asked for, reached after redirects, or
//! the article's own `url`), not by its name, so an outlet renaming itself changes nothing.

use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use url::Url;

/// The hidden folder beside the articles holding each page as served.
pub const RAW: &str = ".raw";

/// A saved article: the fields of the `.json` article file, as the loader reads them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleFile {
    pub title: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
    pub published: Option<String>,
    pub byline: Option<String>,
    pub agency: Option<String>,
    /// When this version was fetched (RFC 3339, UTC, to the second).
    pub fetched: Option<String>,
    #[serde(default)]
    pub text: String,
}

/// What the server said of one version, kept in `.raw/<name>.http.json`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HttpRecord {
    /// The address asked for (a feed item's link, or a URL given to `fetch`).
    pub requested: String,
    /// The address the page came from, after redirects.
    pub final_url: String,
    /// The article's `url` as saved (its canonical address), so a series is found by it
    /// without reading the article.
    #[serde(default)]
    pub url: Option<String>,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    pub content_type: Option<String>,
    /// The encoding the page was read in, and where that came from (bom, header, meta, detected).
    pub encoding: Option<String>,
    pub encoding_from: Option<String>,
    /// When this version was fetched, and when the server last said it had not changed.
    pub fetched: String,
    pub checked: Option<String>,
}

/// One version of a series: its file name and what is known of it.
#[derive(Debug, Clone)]
pub struct Version {
    /// The file name in the library folder (`stem.json` or `stem@STAMP.json`).
    pub file: String,
    /// The fetch time in the name of a later version.
    pub stamp: Option<String>,
    pub record: Option<HttpRecord>,
    /// The article's own `url` field.
    pub url: Option<String>,
}

impl Version {
    /// The file name without `.json`: the name of its `.raw/` files.
    pub fn stem(&self) -> &str {
        self.file.strip_suffix(".json").unwrap_or(&self.file)
    }
}

/// The versions of one URL, oldest first.
#[derive(Debug, Clone)]
pub struct Series {
    pub stem: String,
    pub versions: Vec<Version>,
}

impl Series {
    pub fn latest(&self) -> &Version {
        self.versions.last().expect("a series has a version")
    }

    /// The address to fetch it again from: the one asked for last time, else its `url`.
    pub fn address(&self) -> Option<&str> {
        self.versions.iter().rev().find_map(|v| {
            v.record
                .as_ref()
                .map(|r| r.requested.as_str())
                .or(v.url.as_deref())
        })
    }
}

/// The library folder and the series in it.
#[derive(Debug)]
pub struct Library {
    dir: PathBuf,
    /// The folder as the user gave it, for the paths shown.
    display: String,
    pub series: Vec<Series>,
}

impl Library {
    /// Reads the series in `dir`, making the folder if it is missing. Article files that say
    /// nothing of where they came from (no record, no `url`, or not readable JSON) are left out;
    /// the loader still reads them, and reports those it cannot.
    pub fn open(dir: &Path, display: &str) -> io::Result<Library> {
        std::fs::create_dir_all(dir)?;
        let mut names: Vec<String> = std::fs::read_dir(dir)?
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
            .filter_map(|e| e.file_name().into_string().ok())
            .filter(|n| !n.starts_with('.') && n.ends_with(".json"))
            .collect();
        names.sort();
        let mut lib = Library {
            dir: dir.to_path_buf(),
            display: display.trim_end_matches('/').to_string(),
            series: Vec::new(),
        };
        for file in names {
            let stem = file.strip_suffix(".json").unwrap_or(&file);
            let (base, stamp) = match stem.split_once('@') {
                Some((b, s)) => (b.to_string(), Some(s.to_string())),
                None => (stem.to_string(), None),
            };
            let record = lib.read_record(stem);
            // The article's url, read from the file itself only for a file with no record
            // (one put there by hand): records are small, articles are not.
            let url = match &record {
                Some(r) => r.url.clone(),
                None => lib.read_article(&file).ok().and_then(|a| a.url),
            };
            if record.is_none() && url.is_none() {
                // Nothing says where it came from: not a page the library can fetch again.
                continue;
            }
            let v = Version {
                file: file.clone(),
                stamp,
                record,
                url,
            };
            match lib.series.iter_mut().find(|s| s.stem == base) {
                Some(s) => s.versions.push(v),
                None => lib.series.push(Series {
                    stem: base,
                    versions: vec![v],
                }),
            }
        }
        for s in &mut lib.series {
            // The first version has no stamp; later ones sort by theirs (a time, so by name).
            s.versions.sort_by(|a, b| a.stamp.cmp(&b.stamp));
        }
        Ok(lib)
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The path shown for a file of the library: the folder as given, joined with the name.
    pub fn display_of(&self, file: &str) -> String {
        if self.display.is_empty() {
            format!("/{file}")
        } else {
            format!("{}/{file}", self.display)
        }
    }

    /// The series an address belongs to: one of its versions was asked for at it, reached at
    /// it, or names it as its `url`.
    pub fn find(&self, address: &str) -> Option<usize> {
        let key = same_page_key(address);
        self.series.iter().position(|s| {
            s.versions.iter().any(|v| {
                let rec = v
                    .record
                    .iter()
                    .flat_map(|r| [Some(&r.requested), Some(&r.final_url)]);
                rec.chain([v.url.as_ref()])
                    .flatten()
                    .any(|a| same_page_key(a) == key)
            })
        })
    }

    /// Reads an article file of the library.
    pub fn read_article(&self, file: &str) -> io::Result<ArticleFile> {
        let bytes = std::fs::read(self.dir.join(file))?;
        serde_json::from_slice(&bytes).map_err(io::Error::other)
    }

    fn read_record(&self, stem: &str) -> Option<HttpRecord> {
        let bytes = std::fs::read(self.raw_path(stem, "http.json")).ok()?;
        serde_json::from_slice(&bytes).ok()
    }

    fn raw_path(&self, stem: &str, ext: &str) -> PathBuf {
        self.dir.join(RAW).join(format!("{stem}.{ext}"))
    }

    /// A name for a new series that no file of the library has: `outlet-segment`, with `-2`,
    /// `-3`… when two pages share one.
    pub fn new_stem(&self, outlet: &str, url: &Url) -> String {
        let base = format!("{}-{}", slug(outlet), slug(&last_segment(url)));
        let base = base.trim_matches('-').to_string();
        let taken =
            |s: &str| self.series.iter().any(|x| x.stem == s) || self.dir.join(format!("{s}.json")).exists();
        if !taken(&base) {
            return base;
        }
        (2..)
            .map(|n| format!("{base}-{n}"))
            .find(|s| !taken(s))
            .expect("a free name")
    }

    /// Saves a version: the page as served and its record in `.raw/`, then the article file.
    /// Returns the new version's file name. Each file is written whole or not at all.
    pub fn save(
        &mut self,
        place: Place<'_>,
        article: &ArticleFile,
        raw: &[u8],
        mut record: HttpRecord,
    ) -> io::Result<String> {
        record.url = article.url.clone();
        let series = match place {
            Place::New { .. } => None,
            Place::Beside { series, .. } => Some(series),
        };
        let (base, stamp) = match place {
            Place::New { outlet, url } => (self.new_stem(outlet, url), None),
            Place::Beside { series: i, stamp } => {
                let base = self.series[i].stem.clone();
                let mut name = stamp.to_string();
                let mut n = 1;
                while self.dir.join(format!("{base}@{name}.json")).exists() {
                    n += 1;
                    name = format!("{stamp}-{n}");
                }
                (base, Some(name))
            }
        };
        let file_stem = match &stamp {
            Some(s) => format!("{base}@{s}"),
            None => base.clone(),
        };
        let file = format!("{file_stem}.json");
        let raw_dir = self.dir.join(RAW);
        std::fs::create_dir_all(&raw_dir)?;
        write_whole(&raw_dir, &self.raw_path(&file_stem, "html"), raw)?;
        let rec = serde_json::to_vec_pretty(&record).map_err(io::Error::other)?;
        write_whole(&raw_dir, &self.raw_path(&file_stem, "http.json"), &rec)?;
        let mut json = serde_json::to_vec_pretty(article).map_err(io::Error::other)?;
        json.push(b'\n');
        write_whole(&self.dir, &self.dir.join(&file), &json)?;
        let v = Version {
            file: file.clone(),
            stamp,
            record: Some(record),
            url: article.url.clone(),
        };
        match series {
            Some(i) => self.series[i].versions.push(v),
            None => self.series.push(Series {
                stem: base,
                versions: vec![v],
            }),
        }
        Ok(file)
    }

    /// Replaces the record of a series' latest version (new validators after a fetch that
    /// found the text unchanged). A version without a record (a file put there by hand)
    /// gets one.
    pub fn update_record(&mut self, series: usize, record: HttpRecord) -> io::Result<()> {
        let stem = self.series[series].latest().stem().to_string();
        let raw_dir = self.dir.join(RAW);
        std::fs::create_dir_all(&raw_dir)?;
        let rec = serde_json::to_vec_pretty(&record).map_err(io::Error::other)?;
        write_whole(&raw_dir, &self.raw_path(&stem, "http.json"), &rec)?;
        if let Some(v) = self.series[series].versions.last_mut() {
            v.record = Some(record);
        }
        Ok(())
    }
}

/// Where a version goes: a new series named from the outlet and the URL, or beside the versions
/// of a series with its fetch time in the name.
#[derive(Debug, Clone, Copy)]
pub enum Place<'a> {
    New { outlet: &'a str, url: &'a Url },
    Beside { series: usize, stamp: &'a str },
}

/// Writes `bytes` to a hidden temporary file in `dir` (so neither the loader nor a folder watch
/// sees it), syncs it and renames it over `to`.
fn write_whole(dir: &Path, to: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut b = tempfile::Builder::new();
    b.prefix(".fetch-").suffix(".tmp");
    // Articles to read and share, not secrets: readable as any file the user saves.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        b.permissions(std::fs::Permissions::from_mode(0o644));
    }
    let mut tmp = b.tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(to).map_err(|e| e.error)?;
    Ok(())
}

/// An address as compared to find its series: the fragment (a place in the page) left out.
fn same_page_key(address: &str) -> String {
    match Url::parse(address.trim()) {
        Ok(mut u) => {
            u.set_fragment(None);
            u.to_string()
        }
        Err(_) => address.trim().to_string(),
    }
}

/// The outlet part of a new file name: the site's name when the page gives one, else its host
/// without `www.`.
pub fn outlet_name(source: Option<&str>, url: &Url) -> String {
    match source.filter(|s| !slug(s).is_empty()) {
        Some(s) => s.to_string(),
        None => {
            let host = url.host_str().unwrap_or("page");
            host.strip_prefix("www.").unwrap_or(host).to_string()
        }
    }
}

/// The last non-empty segment of a URL's path, percent-decoded, without a page extension
/// (`.html`, `.php`…); `index` for a site's front page.
pub fn last_segment(url: &Url) -> String {
    let seg = url
        .path_segments()
        .and_then(|mut s| s.rfind(|p| !p.is_empty()))
        .unwrap_or("");
    let seg = percent_encoding::percent_decode_str(seg).decode_utf8_lossy();
    let lower = seg.to_ascii_lowercase();
    let stem = ["html", "htm", "shtml", "php", "asp", "aspx", "jsp"]
        .iter()
        .find_map(|ext| {
            let cut = lower.strip_suffix(ext)?.strip_suffix('.')?.len();
            Some(&seg[..cut])
        })
        .unwrap_or(&seg);
    if slug(stem).is_empty() {
        "index".to_string()
    } else {
        stem.to_string()
    }
}

/// A file-name slug: lower-case letters and digits, other runs one `-`, at most 60 characters.
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.chars().count() >= 60 {
            break;
        }
    }
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(s: &str) -> Url {
        Url::parse(s).unwrap()
    }

    #[test]
    fn names_come_from_outlet_and_last_segment() {
        assert_eq!(slug("The Lanvale Courier"), "the-lanvale-courier");
        assert_eq!(slug("  Orbán’s — story!  "), "orbán-s-story");
        assert!(slug(&"x".repeat(300)).chars().count() <= 60);
        assert_eq!(
            last_segment(&url("https://a.example/news/harbour-strike-ends.html?x=1")),
            "harbour-strike-ends"
        );
        assert_eq!(
            last_segment(&url("https://a.example/2024/05/14/strike-ends/")),
            "strike-ends"
        );
        assert_eq!(last_segment(&url("https://a.example/")), "index");
        assert_eq!(
            last_segment(&url("https://a.example/caf%C3%A9-opens")),
            "café-opens"
        );
        assert_eq!(
            outlet_name(Some("Meridian Wire"), &url("https://www.mw.example/x")),
            "Meridian Wire"
        );
        assert_eq!(outlet_name(None, &url("https://www.mw.example/x")), "mw.example");
        assert_eq!(outlet_name(Some("—"), &url("http://127.0.0.1:9/x")), "127.0.0.1");
    }

    fn record(requested: &str) -> HttpRecord {
        HttpRecord {
            requested: requested.into(),
            final_url: requested.into(),
            fetched: "2024-05-14T08:00:00Z".into(),
            ..HttpRecord::default()
        }
    }

    #[test]
    fn versions_are_saved_beside_the_first_and_found_again() {
        let d = tempfile::tempdir().unwrap();
        let mut lib = Library::open(d.path(), "lib/").unwrap();
        let u = url("https://www.courier.example/news/harbour-strike-ends");
        let art = ArticleFile {
            text: "First.".into(),
            url: Some(u.to_string()),
            ..ArticleFile::default()
        };
        let new = Place::New {
            outlet: "Lanvale Courier",
            url: &u,
        };
        let f1 = lib.save(new, &art, b"<p>First.</p>", record(u.as_str())).unwrap();
        assert_eq!(f1, "lanvale-courier-harbour-strike-ends.json");
        assert_eq!(
            lib.display_of(&f1),
            "lib/lanvale-courier-harbour-strike-ends.json"
        );
        let s = lib
            .find("https://www.courier.example/news/harbour-strike-ends#comments")
            .unwrap();
        let art2 = ArticleFile {
            text: "Second.".into(),
            ..art.clone()
        };
        let beside = Place::Beside {
            series: s,
            stamp: "2024-05-15T08-00-00Z",
        };
        let f2 = lib
            .save(beside, &art2, b"<p>Second.</p>", record(u.as_str()))
            .unwrap();
        assert_eq!(
            f2,
            "lanvale-courier-harbour-strike-ends@2024-05-15T08-00-00Z.json"
        );
        // The same second again does not overwrite.
        let f3 = lib.save(beside, &art2, b"", record(u.as_str())).unwrap();
        assert_eq!(
            f3,
            "lanvale-courier-harbour-strike-ends@2024-05-15T08-00-00Z-2.json"
        );
        // Read back from disk: one series of three, the raw page and record in .raw/.
        let lib = Library::open(d.path(), "lib").unwrap();
        assert_eq!(lib.series.len(), 1);
        let files: Vec<&str> = lib.series[0].versions.iter().map(|v| v.file.as_str()).collect();
        assert_eq!(files, [f1.as_str(), f2.as_str(), f3.as_str()]);
        assert_eq!(lib.series[0].address(), Some(u.as_str()));
        assert_eq!(
            std::fs::read(d.path().join(".raw/lanvale-courier-harbour-strike-ends.html")).unwrap(),
            b"<p>First.</p>"
        );
        assert_eq!(lib.read_article(&f2).unwrap().text, "Second.");
        assert!(lib.find("https://www.courier.example/news/other").is_none());
        // Found again by the article's own url, kept in the record.
        assert_eq!(lib.series[0].versions[0].url.as_deref(), Some(u.as_str()));
        // A second page with the same name gets its own.
        let other = url("https://www.courier.example/archive/harbour-strike-ends");
        assert_eq!(
            lib.new_stem("Lanvale Courier", &other),
            "lanvale-courier-harbour-strike-ends-2"
        );
    }

    #[test]
    fn hand_made_files_are_found_by_their_url() {
        let d = tempfile::tempdir().unwrap();
        std::fs::write(
            d.path().join("mine.json"),
            r#"{"text":"x","url":"https://a.example/p"}"#,
        )
        .unwrap();
        std::fs::write(d.path().join("broken.json"), "{").unwrap();
        std::fs::write(d.path().join("notes.txt"), "x").unwrap();
        let lib = Library::open(d.path(), "").unwrap();
        assert_eq!(lib.find("https://a.example/p"), Some(0));
        assert_eq!(lib.series[0].address(), Some("https://a.example/p"));
        assert_eq!(lib.display_of("mine.json"), "/mine.json");
    }

    #[test]
    fn saving_into_a_file_fails_with_an_error() {
        let d = tempfile::tempdir().unwrap();
        let file = d.path().join("plain");
        std::fs::write(&file, "x").unwrap();
        assert!(Library::open(&file, "plain").is_err());
    }
}
