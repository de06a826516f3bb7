//! A small HTTP/1.1 server on 127.0.0.1 for the tests that fetch: routes answered by closures
//! (told how many times their path was asked, so a page can change between two requests),
//! every request recorded, CONNECT answered as a proxy would (the tunnelled request is then
//! served here too), and a reply that hangs. Hand-written over `std::net` because a test only
//! needs a few lines of it and the crates that do this pull in an async runtime.
// Each test file compiles this module on its own and uses only some of it.
#![allow(dead_code)]

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

/// A request as the server read it.
#[derive(Debug, Clone)]
pub struct Request {
    pub method: String,
    /// The target as sent: a path (`/news/x?y`), or `host:port` for CONNECT.
    pub target: String,
    /// Header names in lower case.
    pub headers: Vec<(String, String)>,
    /// Whether it came through a CONNECT tunnel.
    pub tunnelled: bool,
}

impl Request {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == &name.to_ascii_lowercase())
            .map(|(_, v)| v.as_str())
    }
}

pub enum Reply {
    Full {
        status: u16,
        headers: Vec<(String, String)>,
        body: Vec<u8>,
    },
    /// Read the request, send nothing for this long, then close.
    Hang(Duration),
}

impl Reply {
    pub fn new(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> Reply {
        Reply::Full {
            status,
            headers: vec![("Content-Type".into(), content_type.into())],
            body: body.into(),
        }
    }

    pub fn html(body: impl Into<Vec<u8>>) -> Reply {
        Reply::new(200, "text/html; charset=utf-8", body)
    }

    pub fn redirect(to: &str) -> Reply {
        Reply::Full {
            status: 302,
            headers: vec![("Location".into(), to.into())],
            body: Vec::new(),
        }
    }

    pub fn status(status: u16) -> Reply {
        Reply::new(
            status,
            "text/html",
            format!("<html><body><h1>Error {status}</h1></body></html>"),
        )
    }

    /// The same reply with one more header.
    pub fn with(mut self, name: &str, value: &str) -> Reply {
        if let Reply::Full { headers, .. } = &mut self {
            headers.push((name.into(), value.into()));
        }
        self
    }
}

pub type Handler = Box<dyn Fn(&Request, usize) -> Reply + Send + Sync>;

struct State {
    routes: HashMap<String, Handler>,
    asked: Mutex<HashMap<String, usize>>,
    requests: Mutex<Vec<Request>>,
}

/// A running server; dropping it stops it.
pub struct Server {
    port: u16,
    state: Arc<State>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    /// Serves `routes` (path with query, as requested → handler given the request and how many
    /// times the path was asked before, from 0). Anything else is a 404.
    pub fn start(routes: Vec<(&str, Handler)>) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let port = listener.local_addr().unwrap().port();
        let state = Arc::new(State {
            routes: routes.into_iter().map(|(p, h)| (p.to_string(), h)).collect(),
            asked: Mutex::default(),
            requests: Mutex::default(),
        });
        let stop = Arc::new(AtomicBool::new(false));
        let (st, sp) = (Arc::clone(&state), Arc::clone(&stop));
        let thread = std::thread::spawn(move || {
            for conn in listener.incoming() {
                if sp.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(conn) = conn else { continue };
                let st = Arc::clone(&st);
                std::thread::spawn(move || serve(conn, &st));
            }
        });
        Server {
            port,
            state,
            stop,
            thread: Some(thread),
        }
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// The URL of `path` on this server.
    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    /// Every request so far, in the order they came.
    pub fn requests(&self) -> Vec<Request> {
        self.state.requests.lock().unwrap().clone()
    }

    /// The requests for one path.
    pub fn requests_for(&self, path: &str) -> Vec<Request> {
        self.requests().into_iter().filter(|r| r.target == path).collect()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop so it sees the flag.
        let _ = TcpStream::connect(("127.0.0.1", self.port));
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// A handler from a closure.
pub fn route(f: impl Fn(&Request, usize) -> Reply + Send + Sync + 'static) -> Handler {
    Box::new(f)
}

fn read_request(r: &mut BufReader<TcpStream>, tunnelled: bool) -> Option<Request> {
    let mut line = String::new();
    r.read_line(&mut line).ok()?;
    let mut parts = line.split_whitespace();
    let method = parts.next()?.to_string();
    let target = parts.next()?.to_string();
    let mut headers = Vec::new();
    loop {
        let mut h = String::new();
        if r.read_line(&mut h).ok()? == 0 {
            break;
        }
        let h = h.trim_end();
        if h.is_empty() {
            break;
        }
        if let Some((k, v)) = h.split_once(':') {
            headers.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
        }
    }
    Some(Request {
        method,
        target,
        headers,
        tunnelled,
    })
}

fn serve(conn: TcpStream, state: &State) {
    let _ = conn.set_read_timeout(Some(Duration::from_secs(10)));
    let Ok(write_half) = conn.try_clone() else { return };
    let mut out = write_half;
    let mut r = BufReader::new(conn);
    let Some(mut req) = read_request(&mut r, false) else {
        return;
    };
    if req.method == "CONNECT" {
        state.requests.lock().unwrap().push(req.clone());
        let _ = out.write_all(b"HTTP/1.1 200 Connection Established\r\n\r\n");
        let Some(inner) = read_request(&mut r, true) else {
            return;
        };
        req = inner;
    }
    // A body (none of the tests send one) would be read and dropped here.
    if let Some(n) = req.header("content-length").and_then(|n| n.parse::<u64>().ok()) {
        let _ = std::io::copy(&mut (&mut r).take(n), &mut std::io::sink());
    }
    state.requests.lock().unwrap().push(req.clone());
    let times = {
        let mut asked = state.asked.lock().unwrap();
        let n = asked.entry(req.target.clone()).or_default();
        *n += 1;
        *n - 1
    };
    let reply = match state.routes.get(&req.target) {
        Some(h) => h(&req, times),
        None => Reply::status(404),
    };
    match reply {
        Reply::Hang(d) => std::thread::sleep(d),
        Reply::Full {
            status,
            headers,
            body,
        } => {
            let mut head = format!("HTTP/1.1 {status} {}\r\n", reason(status));
            for (k, v) in &headers {
                head.push_str(&format!("{k}: {v}\r\n"));
            }
            head.push_str(&format!(
                "Content-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            ));
            let _ = out.write_all(head.as_bytes());
            let _ = out.write_all(&body);
            let _ = out.flush();
        }
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        302 => "Found",
        304 => "Not Modified",
        404 => "Not Found",
        500 => "Internal Server Error",
        _ => "",
    }
}

/// A fixture file of `tests/fixtures/fetch/`.
pub fn fixture(name: &str) -> Vec<u8> {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/fetch")
        .join(name);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// `bytes` gzip-compressed, for a reply with `Content-Encoding: gzip`.
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}
