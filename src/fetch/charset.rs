//! A fetched page's bytes to text, as a browser picks the encoding: a byte-order mark, else the
//! `charset` of the Content-Type header, else the page's own `<meta charset>` or
//! `http-equiv` declaration, else detection (the loader's: UTF-8, or chardetng's guess).

use std::sync::LazyLock;

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};
use regex::bytes::Regex;

use crate::article::decode::{self, Decoded};

/// How far into the page a meta declaration is looked for. The HTML standard's pre-scan reads
/// 1024 bytes; pages with long inline scripts in the head put it later, and browsers still
/// find it, so the whole head up to this much is read.
const META_SCAN: usize = 16 * 1024;

/// Where the encoding came from, for the record kept beside a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Bom,
    Header,
    Meta,
    Detected,
}

/// Decodes a page. Never fails: invalid bytes become U+FFFD and are counted in `replaced`.
pub fn decode_page(body: &[u8], content_type: Option<&str>) -> (Decoded, Origin) {
    if Encoding::for_bom(body).is_some() {
        return (decode::decode(body), Origin::Bom);
    }
    if let Some(enc) = content_type.and_then(header_charset) {
        return (decode::decode_with(enc, body), Origin::Header);
    }
    if let Some(enc) = meta_charset(body) {
        return (decode::decode_with(enc, body), Origin::Meta);
    }
    (decode::decode(body), Origin::Detected)
}

/// The encoding a Content-Type header names (`text/html; charset="ISO-8859-1"`).
pub fn header_charset(content_type: &str) -> Option<&'static Encoding> {
    content_type.split(';').skip(1).find_map(|param| {
        let (k, v) = param.split_once('=')?;
        if !k.trim().eq_ignore_ascii_case("charset") {
            return None;
        }
        Encoding::for_label(v.trim().trim_matches(['"', '\'']).as_bytes())
    })
}

/// The encoding the page declares in its head: `<meta charset="…">`, or
/// `<meta http-equiv="Content-Type" content="text/html; charset=…">`, or an XML declaration's
/// `encoding`. As the HTML standard says, a page read as ASCII cannot be UTF-16, so such a
/// declaration means UTF-8, and `x-user-defined` means windows-1252.
pub fn meta_charset(body: &[u8]) -> Option<&'static Encoding> {
    static META: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"(?i-u)<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([a-z0-9_:.\-]+)"#).expect("valid regex")
    });
    static XML: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"(?i-u)\A\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([a-z0-9_:.\-]+)"#).expect("valid regex")
    });
    let head = &body[..body.len().min(META_SCAN)];
    // Only the head: a `charset=` quoted in the body's text is not a declaration.
    let head = match find_ci(head, b"<body") {
        Some(end) => &head[..end],
        None => head,
    };
    let label = META
        .captures(head)
        .or_else(|| XML.captures(head))
        .and_then(|c| c.get(1))?
        .as_bytes();
    let enc = Encoding::for_label(label)?;
    Some(if enc == UTF_16LE || enc == UTF_16BE {
        UTF_8
    } else if enc.name() == "x-user-defined" {
        WINDOWS_1252
    } else {
        enc
    })
}

/// Position of an ASCII `needle` in `hay`, ignoring ASCII case.
fn find_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    const CAFE_1252: &[u8] =
        b"<html><head><title>x</title></head><body><p>Caf\xe9 \x93owners\x94 said.</p></body></html>";

    #[test]
    fn header_wins_over_meta_and_detection() {
        let page = b"<meta charset=\"utf-8\"><p>Caf\xe9</p>";
        let (d, o) = decode_page(page, Some("text/html; charset=ISO-8859-1"));
        assert_eq!((o, d.encoding), (Origin::Header, "windows-1252"));
        assert!(d.text.contains("Caf\u{e9}"));
        assert_eq!(header_charset("text/html; Charset='UTF-8'"), Some(UTF_8));
        assert_eq!(header_charset("text/html"), None);
        assert_eq!(header_charset("text/html; charset=no-such"), None);
    }

    #[test]
    fn meta_declarations_are_read_from_the_head() {
        for head in [
            &b"<!doctype html><html><head><meta charset=windows-1252>"[..],
            b"<HEAD><META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=iso-8859-1\">",
            b"<?xml version=\"1.0\" encoding=\"windows-1252\"?><html>",
        ] {
            assert_eq!(
                meta_charset(head),
                Some(WINDOWS_1252),
                "{}",
                String::from_utf8_lossy(head)
            );
        }
        assert_eq!(meta_charset(b"<meta charset=\"utf-16\">"), Some(UTF_8));
        assert_eq!(meta_charset(b"<head></head><body><p>charset=koi8-r</p>"), None);
        let mut page = b"<meta charset=\"windows-1252\">".to_vec();
        page.extend_from_slice(&CAFE_1252[6..]);
        let (d, o) = decode_page(&page, Some("text/html"));
        assert_eq!(o, Origin::Meta);
        assert!(d.text.contains("Caf\u{e9} \u{201c}owners\u{201d}"), "{}", d.text);
    }

    #[test]
    fn undeclared_pages_are_detected() {
        let (d, o) = decode_page(CAFE_1252, None);
        assert_eq!((o, d.encoding), (Origin::Detected, "windows-1252"));
        assert!(d.text.contains("\u{201c}owners\u{201d}"));
        let (d, o) = decode_page("<p>Orb\u{e1}n</p>".as_bytes(), Some("text/html"));
        assert_eq!((o, d.encoding, d.replaced), (Origin::Detected, "UTF-8", 0));
        let (d, o) = decode_page(b"\xEF\xBB\xBF<p>x</p>", Some("text/html; charset=windows-1252"));
        assert_eq!((o, d.text.as_str()), (Origin::Bom, "<p>x</p>"));
    }
}
