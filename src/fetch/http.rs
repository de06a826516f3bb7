//! The HTTP client (ureq with rustls): gzip, at most [`MAX_REDIRECTS`] redirects, one timeout
//! for connecting and one for the whole exchange, a size cap on the body, proxies from
//! `HTTPS_PROXY`/`HTTP_PROXY`/`ALL_PROXY` with `NO_PROXY`, and one request at a time per host.

use std::collections::HashMap;
use std::io::Read as _;
use std::sync::{Arc, LazyLock, Mutex};
use std::time::Duration;

use ureq::{Agent, Proxy, ResponseExt as _};

use super::FetchError;

/// Redirects followed before giving up.
pub const MAX_REDIRECTS: u32 = 5;

/// What copydesk says it is to the servers it asks.
pub const USER_AGENT: &str = concat!("copydesk/", env!("CARGO_PKG_VERSION"));

/// Pages first, feeds next; anything else is still taken (and then judged by its content).
const ACCEPT: &str = "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,\
application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5";

/// A response worth reading: 2xx with its body, or 304 (not modified) without one.
#[derive(Debug, Clone)]
pub struct Response {
    pub status: u16,
    /// Where the body came from, after redirects.
    pub final_url: String,
    pub content_type: Option<String>,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    /// The body as served, gzip already undone.
    pub body: Vec<u8>,
}

/// Validators from an earlier fetch, for a conditional request.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// One client for a run: an agent without a proxy, and one for each scheme whose proxy
/// variable is set.
pub struct Client {
    direct: Agent,
    http: Option<Agent>,
    https: Option<Agent>,
    timeout: Duration,
    max_body: u64,
    /// A proxy variable that could not be read, said for each URL it would have served.
    proxy_problem: Option<(bool, String)>,
}

impl Client {
    /// A client reading the proxy settings from the environment.
    pub fn new(timeout: Duration, max_body: u64) -> Client {
        Client::with_env(timeout, max_body, &|name| std::env::var(name).ok())
    }

    /// A client with the environment given as a function (for tests).
    pub fn with_env(timeout: Duration, max_body: u64, env: &dyn Fn(&str) -> Option<String>) -> Client {
        let mut proxy_problem = None;
        let mut agent_for = |https: bool| match proxy_from_env(https, env) {
            Ok(Some(p)) => Some(agent(timeout, Some(p))),
            Ok(None) => None,
            Err(why) => {
                proxy_problem = Some((https, why));
                None
            }
        };
        let http = agent_for(false);
        let https = agent_for(true);
        Client {
            direct: agent(timeout, None),
            http,
            https,
            timeout,
            max_body,
            proxy_problem,
        }
    }

    /// Gets `url`, conditionally when `validators` hold something. Errors for HTTP error
    /// statuses, timeouts, too many redirects, a body over the cap and a body that is
    /// declared as a binary type (PDF, image, audio, video, archive).
    pub fn get(&self, url: &url::Url, validators: &Validators) -> Result<Response, FetchError> {
        let https = url.scheme() == "https";
        if let Some((for_https, why)) = &self.proxy_problem
            && *for_https == https
        {
            return Err(FetchError::Proxy(why.clone()));
        }
        let agent = match (https, &self.http, &self.https) {
            (false, Some(a), _) | (true, _, Some(a)) => a,
            _ => &self.direct,
        };
        let lock = host_lock(url);
        let _turn = lock.lock().unwrap_or_else(|e| e.into_inner());
        let mut req = agent.get(url.as_str());
        if let Some(e) = &validators.etag {
            req = req.header("If-None-Match", e);
        }
        if let Some(m) = &validators.last_modified {
            req = req.header("If-Modified-Since", m);
        }
        let mut resp = req.call().map_err(|e| self.error(e))?;
        let status = resp.status();
        if status.is_client_error() || status.is_server_error() {
            return Err(status_error(status));
        }
        let header = |name: &str| {
            resp.headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
        };
        let content_type = header("content-type");
        let etag = header("etag");
        let last_modified = header("last-modified");
        let final_url = resp.get_uri().to_string();
        if status.as_u16() == 304 {
            return Ok(Response {
                status: 304,
                final_url,
                content_type,
                etag,
                last_modified,
                body: Vec::new(),
            });
        }
        if !status.is_success() {
            // 1xx or a 3xx that was not followed (no Location): nothing to read.
            return Err(status_error(status));
        }
        if let Some(kind) = content_type.as_deref().and_then(binary_type) {
            return Err(FetchError::NotArticle(kind.to_string()));
        }
        if resp.body().content_length().is_some_and(|n| n > self.max_body) {
            return Err(FetchError::TooLarge(self.max_body));
        }
        let mut body = Vec::new();
        // The cap counts bytes after gzip is undone, so a small compressed bomb is caught too.
        resp.body_mut()
            .with_config()
            .limit(self.max_body)
            .reader()
            .read_to_end(&mut body)
            .map_err(|e| self.error(ureq::Error::from(e)))?;
        Ok(Response {
            status: status.as_u16(),
            final_url,
            content_type,
            etag,
            last_modified,
            body,
        })
    }

    fn error(&self, e: ureq::Error) -> FetchError {
        match e {
            ureq::Error::Timeout(_) => FetchError::Timeout(self.timeout),
            ureq::Error::TooManyRedirects => FetchError::TooManyRedirects(MAX_REDIRECTS),
            ureq::Error::BodyExceedsLimit(_) => FetchError::TooLarge(self.max_body),
            ureq::Error::StatusCode(c) => FetchError::Status {
                code: c,
                reason: String::new(),
            },
            ureq::Error::HostNotFound => FetchError::Connect("host not found".into()),
            ureq::Error::ConnectionFailed => FetchError::Connect("connection failed".into()),
            ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => {
                FetchError::Timeout(self.timeout)
            }
            ureq::Error::Io(io)
                if matches!(
                    io.kind(),
                    std::io::ErrorKind::ConnectionRefused
                        | std::io::ErrorKind::ConnectionReset
                        | std::io::ErrorKind::AddrNotAvailable
                ) =>
            {
                FetchError::Connect(io_text(&io))
            }
            other => FetchError::Network(other.to_string()),
        }
    }
}

/// An I/O error as words, without Rust's "(os error N)": "connection refused".
fn io_text(e: &std::io::Error) -> String {
    let s = e.to_string();
    let s = s.find(" (os error").map_or(s.as_str(), |i| &s[..i]);
    s.to_lowercase()
}

fn status_error(status: ureq::http::StatusCode) -> FetchError {
    FetchError::Status {
        code: status.as_u16(),
        reason: status.canonical_reason().unwrap_or("").to_string(),
    }
}

fn agent(timeout: Duration, proxy: Option<Proxy>) -> Agent {
    Agent::config_builder()
        // Statuses are ours to report (304 is an answer, 404 a problem naming the URL).
        .http_status_as_error(false)
        .max_redirects(MAX_REDIRECTS)
        .max_redirects_will_error(true)
        .user_agent(USER_AGENT)
        .accept(ACCEPT)
        .timeout_connect(Some(timeout))
        // The whole exchange, body included: a server that sends nothing, or sends a byte a
        // minute, is given up on when this runs out.
        .timeout_global(Some(timeout))
        .proxy(proxy)
        .build()
        .into()
}

/// The proxy for one scheme, as curl reads the variables: `HTTPS_PROXY` for https, `HTTP_PROXY`
/// for http, `ALL_PROXY` for either (each also in lower case), with the hosts `NO_PROXY` names
/// reached directly. `Err` names a variable that is set but not a proxy address.
pub fn proxy_from_env(https: bool, env: &dyn Fn(&str) -> Option<String>) -> Result<Option<Proxy>, String> {
    let names: &[&str] = if https {
        &["HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"]
    } else {
        &["HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy"]
    };
    let Some((name, value)) = names
        .iter()
        .find_map(|n| env(n).filter(|v| !v.trim().is_empty()).map(|v| (*n, v)))
    else {
        return Ok(None);
    };
    let bad = || format!("{name} is not a proxy address: {value:?}");
    let p = Proxy::new(value.trim()).map_err(|_| bad())?;
    // Rebuilt through the builder, the one way ureq takes a NO_PROXY list with a proxy not
    // read by its own `try_from_env` (which takes one variable for every scheme).
    let mut b = Proxy::builder(p.protocol()).host(p.host()).port(p.port());
    if let Some(u) = p.username() {
        b = b.username(u);
    }
    if let Some(pw) = p.password() {
        b = b.password(pw);
    }
    let no_proxy = env("NO_PROXY").or_else(|| env("no_proxy")).unwrap_or_default();
    for entry in no_proxy.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        b = b.no_proxy(entry);
    }
    b.build().map(Some).map_err(|_| bad())
}

/// A content type that is never an article, as a short name for the message. Not
/// `application/octet-stream`: servers send it for pages they cannot name, so the body decides.
fn binary_type(content_type: &str) -> Option<&str> {
    let mime = content_type.split(';').next().unwrap_or("").trim();
    let lower = mime.to_ascii_lowercase();
    let binary = lower.starts_with("image/")
        || lower.starts_with("audio/")
        || lower.starts_with("video/")
        || lower.starts_with("font/")
        || matches!(
            lower.as_str(),
            "application/pdf"
                | "application/zip"
                | "application/gzip"
                | "application/msword"
                | "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        );
    binary.then_some(mime)
}

/// Hosts with a request under way, each with the lock its requests take turns on.
static HOSTS: LazyLock<Mutex<HashMap<String, Arc<Mutex<()>>>>> = LazyLock::new(Default::default);

/// The lock this host's requests take turns on: one request at a time per host, across
/// threads (the reader may have several fetches going).
fn host_lock(url: &url::Url) -> Arc<Mutex<()>> {
    let key = format!(
        "{}:{}",
        url.host_str().unwrap_or("").to_ascii_lowercase(),
        url.port_or_known_default().unwrap_or(0)
    );
    let mut hosts = HOSTS.lock().unwrap_or_else(|e| e.into_inner());
    Arc::clone(hosts.entry(key).or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env_of(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |n| pairs.iter().find(|(k, _)| *k == n).map(|(_, v)| v.to_string())
    }

    #[test]
    fn proxies_follow_the_scheme_and_no_proxy() {
        let env = env_of(&[
            ("HTTPS_PROXY", "http://secure.proxy:3128"),
            ("NO_PROXY", "localhost, .internal"),
        ]);
        assert!(proxy_from_env(false, &env).unwrap().is_none());
        let p = proxy_from_env(true, &env).unwrap().unwrap();
        assert_eq!((p.host(), p.port()), ("secure.proxy", 3128));
        assert!(p.is_no_proxy(&"https://localhost/x".parse().unwrap()));
        assert!(p.is_no_proxy(&"https://wire.internal/x".parse().unwrap()));
        assert!(!p.is_no_proxy(&"https://example.org/x".parse().unwrap()));
        let env = env_of(&[
            ("ALL_PROXY", "http://all:8080"),
            ("http_proxy", "http://plain:80"),
        ]);
        assert_eq!(proxy_from_env(false, &env).unwrap().unwrap().host(), "plain");
        assert_eq!(proxy_from_env(true, &env).unwrap().unwrap().host(), "all");
        let env = env_of(&[("HTTP_PROXY", "::not a proxy::")]);
        assert!(proxy_from_env(false, &env).unwrap_err().contains("HTTP_PROXY"));
    }

    #[test]
    fn binary_types_are_named() {
        assert_eq!(binary_type("application/pdf"), Some("application/pdf"));
        assert_eq!(binary_type("Image/PNG; q=1"), Some("Image/PNG"));
        assert_eq!(binary_type("text/html; charset=utf-8"), None);
        assert_eq!(binary_type("application/rss+xml"), None);
        assert_eq!(binary_type("application/octet-stream"), None);
    }
}
