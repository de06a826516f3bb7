//! Bytes to text: BOM sniffing, UTF-8/UTF-16, legacy 8-bit detection (chardetng), binary detection.
//! Invalid bytes become U+FFFD and are counted, so the caller can warn; nothing here can fail.

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{DecoderResult, Encoding, UTF_8, UTF_16BE, UTF_16LE};

/// At most this much goes to the encoding detector: a megabyte tells the encoding as well as fifty.
const DETECT_BYTES: usize = 1 << 20;

/// The result of decoding a file's bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without any byte-order mark.
    pub text: String,
    /// WHATWG name as encoding_rs prints it ("UTF-8", "UTF-16LE", "windows-1252").
    pub encoding: &'static str,
    /// How many malformed byte sequences were replaced with U+FFFD.
    pub replaced: usize,
}

/// Why a file's bytes are not text.
pub fn binary_reason(bytes: &[u8]) -> Option<String> {
    if utf16_without_bom(bytes).is_some() || Encoding::for_bom(bytes).is_some() {
        return None;
    }
    // A sample is enough: binaries show themselves in their first kilobytes, and this runs on
    // the head of files of unknown type before they are read whole.
    let sample = &bytes[..bytes.len().min(8192)];
    if sample.contains(&0) {
        return Some("binary file (contains NUL bytes), skipped".into());
    }
    // C0 controls other than tab, newline, form feed, carriage return and escape never occur in
    // text; legacy 8-bit text uses 0x80..=0xFF for letters, so those bytes do not count.
    let controls = sample
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b)) || b == 0x7f)
        .count();
    if !sample.is_empty() && controls * 10 > sample.len() {
        return Some(format!(
            "binary file ({controls} control bytes in the first {} bytes), skipped",
            sample.len()
        ));
    }
    None
}

/// Decodes bytes to text, detecting the encoding. Never fails; see [`Decoded::replaced`].
pub fn decode(bytes: &[u8]) -> Decoded {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        return decode_with(enc, &bytes[bom_len..]);
    }
    if let Some(enc) = utf16_without_bom(bytes) {
        return decode_with(enc, bytes);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Decoded {
            text: s.to_owned(),
            encoding: UTF_8.name(),
            replaced: 0,
        },
        Err(_) if mostly_utf8(bytes) => decode_with(UTF_8, bytes),
        Err(_) => {
            let mut det = EncodingDetector::new(Iso2022JpDetection::Deny);
            det.feed(&detection_sample(bytes), true);
            let enc = det.guess(None, Utf8Detection::Allow);
            decode_with(enc, bytes)
        }
    }
}

/// What the encoding detector reads: the words that hold non-ASCII bytes, up to
/// [`DETECT_BYTES`]. Only those carry evidence of an encoding, and detection was the slowest step
/// of loading a legacy file; text without spaces (CJK) is kept whole.
fn detection_sample(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len().min(DETECT_BYTES) / 4);
    for word in bytes.split(|b| b.is_ascii_whitespace()) {
        if out.len() >= DETECT_BYTES {
            break;
        }
        if !word.is_ascii() {
            out.extend_from_slice(word);
            out.push(b' ');
        }
    }
    out
}

/// Decodes with a known encoding (no BOM handling), counting malformed sequences.
pub fn decode_with(enc: &'static Encoding, bytes: &[u8]) -> Decoded {
    let mut decoder = enc.new_decoder_without_bom_handling();
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 8);
    let mut replaced = 0;
    let mut rest = bytes;
    loop {
        let need = decoder
            .max_utf8_buffer_length_without_replacement(rest.len())
            .unwrap_or(rest.len().saturating_mul(3))
            .max(16);
        text.reserve(need);
        let (res, read) = decoder.decode_to_string_without_replacement(rest, &mut text, true);
        rest = &rest[read.min(rest.len())..];
        match res {
            DecoderResult::InputEmpty => break,
            DecoderResult::OutputFull => {}
            DecoderResult::Malformed(_, _) => {
                replaced += 1;
                text.push('\u{FFFD}');
            }
        }
    }
    Decoded {
        text,
        encoding: enc.name(),
        replaced,
    }
}

/// True when invalid UTF-8 is the exception: the bytes hold valid multi-byte sequences and few
/// broken ones (a truncated or damaged UTF-8 file), rather than a legacy 8-bit encoding.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let mut valid_multibyte = 0usize;
    let mut invalid = 0usize;
    for chunk in bytes.utf8_chunks() {
        valid_multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        if !chunk.invalid().is_empty() {
            invalid += 1;
        }
    }
    valid_multibyte > 0 && invalid <= valid_multibyte
}

/// UTF-16 without a BOM shows itself as NUL bytes in every other position for Latin text.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 8 {
        return None;
    }
    let pairs = sample.len() / 2;
    let even_nul = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nul = sample.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    if odd_nul * 10 >= pairs * 9 && even_nul * 10 <= pairs {
        Some(UTF_16LE)
    } else if even_nul * 10 >= pairs * 9 && odd_nul * 10 <= pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_bom_is_not_text() {
        let d = decode(b"\xEF\xBB\xBFHello");
        assert_eq!(d.text, "Hello");
        assert_eq!(d.encoding, "UTF-8");
    }

    #[test]
    fn utf16_with_bom() {
        let mut le = vec![0xFF, 0xFE];
        le.extend("Caf\u{e9} news".encode_utf16().flat_map(|u| u.to_le_bytes()));
        let d = decode(&le);
        assert_eq!(
            (d.text.as_str(), d.encoding, d.replaced),
            ("Caf\u{e9} news", "UTF-16LE", 0)
        );
        let mut be = vec![0xFE, 0xFF];
        be.extend("Caf\u{e9} news".encode_utf16().flat_map(|u| u.to_be_bytes()));
        let d = decode(&be);
        assert_eq!((d.text.as_str(), d.encoding), ("Caf\u{e9} news", "UTF-16BE"));
        assert_eq!(binary_reason(&be), None);
    }

    #[test]
    fn utf16le_without_bom_is_detected() {
        let le: Vec<u8> = "Plain news text"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        let d = decode(&le);
        assert_eq!((d.text.as_str(), d.encoding), ("Plain news text", "UTF-16LE"));
    }

    #[test]
    fn windows_1252_is_detected() {
        let d = decode(
            b"The caf\xe9 said \x93no comment\x94 to the na\xefve reporters at the r\xe9sum\xe9 desk.",
        );
        assert_eq!(d.encoding, "windows-1252");
        assert!(d.text.contains("caf\u{e9}") && d.text.contains("\u{201c}no comment\u{201d}"));
        assert_eq!(d.replaced, 0);
    }

    #[test]
    fn other_legacy_encodings_are_detected() {
        let ru = "Путин заявил, что Запад проигнорировал требования России в сфере безопасности, \
                  но Москва готова к дальнейшим переговорам.";
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(ru);
        assert_eq!(decode(&bytes).encoding, "windows-1251");
        let ja = "プーチン大統領は火曜日、米国とその同盟国がロシアの安全保障上の要求を無視したと非難した。";
        let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode(ja);
        let d = decode(&bytes);
        assert_eq!((d.encoding, d.text.as_str()), ("Shift_JIS", ja));
    }

    #[test]
    fn damaged_utf8_is_replaced_and_counted() {
        let d = decode(
            "Orb\u{e1}n said \u{201c}no\u{201d} \u{2014} "
                .as_bytes()
                .iter()
                .chain(b"\xff\xfe x")
                .copied()
                .collect::<Vec<_>>()
                .as_slice(),
        );
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(d.replaced, 2);
        assert!(d.text.ends_with("\u{FFFD}\u{FFFD} x"));
    }

    #[test]
    fn binaries_are_recognised() {
        assert!(binary_reason(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").is_some());
        assert!(binary_reason(&[1, 2, 3, 4, 5, 6, 7, 8, b'a', b'b']).is_some());
        assert_eq!(binary_reason(b"Plain text\r\nwith lines\tand tabs"), None);
        assert_eq!(binary_reason(b"caf\xe9 \x93quoted\x94"), None);
    }
}
