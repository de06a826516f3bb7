//! Publication dates as pages and feeds write them, normalised to ISO 8601: RFC 3339 when a time
//! and its offset are given (`2023-11-04T08:15:00Z`, `2023-11-04T09:15:00+01:00`), the local time
//! without an offset when the page gives none (`2023-11-04T08:15:00`), `YYYY-MM-DD` for a date
//! alone. What cannot be read gives `None`, so no guess reaches the output.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, SecondsFormat};

/// Date-times with an offset, after `Z`/`UTC`/`GMT` have been turned into `+00:00`.
const WITH_OFFSET: &[&str] = &[
    "%Y-%m-%dT%H:%M:%S%.f%:z",
    "%Y-%m-%dT%H:%M:%S%.f%z",
    "%Y-%m-%dT%H:%M%:z",
    "%Y-%m-%dT%H:%M%z",
    "%Y-%m-%d %H:%M:%S%.f%:z",
    "%Y-%m-%d %H:%M:%S%.f%z",
    "%Y-%m-%d %H:%M:%S%.f %:z",
    "%Y-%m-%d %H:%M:%S%.f %z",
    "%Y-%m-%d %H:%M%:z",
    "%Y-%m-%d %H:%M %:z",
];

/// Date-times the page gives no offset for.
const NAIVE: &[&str] = &[
    "%Y-%m-%dT%H:%M:%S%.f",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d %H:%M:%S%.f",
    "%Y-%m-%d %H:%M",
];

/// Dates alone, including the written forms some `<time>` elements carry.
const DATES: &[&str] = &[
    "%Y-%m-%d",
    "%Y%m%d",
    "%Y/%m/%d",
    "%B %d, %Y",
    "%b %d, %Y",
    "%b. %d, %Y",
    "%d %B %Y",
    "%d %b %Y",
];

/// `s` as ISO 8601, or `None` when it is not a date copydesk can read.
pub fn iso(s: &str) -> Option<String> {
    let s = s.trim();
    if s.is_empty() || s.len() > 64 {
        return None;
    }
    let out = if let Ok(d) = DateTime::parse_from_rfc3339(s) {
        rfc3339(d)
    } else if let Ok(d) = DateTime::parse_from_rfc2822(s) {
        rfc3339(d)
    } else {
        let zoned = utc_as_offset(s);
        if let Some(d) = WITH_OFFSET
            .iter()
            .find_map(|f| DateTime::parse_from_str(&zoned, f).ok())
        {
            rfc3339(d)
        } else if let Some(d) = NAIVE
            .iter()
            .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
        {
            d.format(if d.and_utc().timestamp_subsec_nanos() == 0 {
                "%Y-%m-%dT%H:%M:%S"
            } else {
                "%Y-%m-%dT%H:%M:%S%.f"
            })
            .to_string()
        } else {
            let d = DATES.iter().find_map(|f| NaiveDate::parse_from_str(s, f).ok())?;
            d.format("%Y-%m-%d").to_string()
        }
    };
    // Four-digit years only: a zero or far-future year is a broken template, not a date.
    let year: i32 = out.get(..4)?.parse().ok()?;
    (1800..=2200).contains(&year).then_some(out)
}

fn rfc3339(d: DateTime<FixedOffset>) -> String {
    d.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

/// `…Z`, `… UTC`, `… GMT` written as `+00:00`, which the offset formats read.
fn utc_as_offset(s: &str) -> String {
    for suffix in [" UTC", " GMT", "UTC", "GMT", "Z", "z"] {
        if let Some(head) = s.strip_suffix(suffix)
            && head.ends_with(|c: char| c.is_ascii_digit())
        {
            return format!("{head}+00:00");
        }
    }
    s.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_pages_write() {
        let cases = [
            ("2023-11-04T08:15:00Z", Some("2023-11-04T08:15:00Z")),
            ("2023-11-04T08:15:00.000Z", Some("2023-11-04T08:15:00Z")),
            ("2023-11-04T09:15:00+01:00", Some("2023-11-04T09:15:00+01:00")),
            ("2023-11-04T09:15:00+0100", Some("2023-11-04T09:15:00+01:00")),
            ("2023-11-04T09:15+01:00", Some("2023-11-04T09:15:00+01:00")),
            ("2023-11-04 08:15:00 UTC", Some("2023-11-04T08:15:00Z")),
            ("2023-11-04T08:15Z", Some("2023-11-04T08:15:00Z")),
            ("Sat, 04 Nov 2023 08:15:00 GMT", Some("2023-11-04T08:15:00Z")),
            (
                "Sat, 04 Nov 2023 08:15:00 -0400",
                Some("2023-11-04T08:15:00-04:00"),
            ),
            ("2023-11-04T08:15:00", Some("2023-11-04T08:15:00")),
            ("2023-11-04 08:15", Some("2023-11-04T08:15:00")),
            (" 2023-11-04 ", Some("2023-11-04")),
            ("20231104", Some("2023-11-04")),
            ("November 4, 2023", Some("2023-11-04")),
            ("4 Nov 2023", Some("2023-11-04")),
        ];
        for (s, want) in cases {
            assert_eq!(iso(s).as_deref(), want, "{s}");
        }
    }

    #[test]
    fn garbage_is_none() {
        for s in [
            "",
            "yesterday",
            "2023-13-45",
            "0000-00-00T00:00:00Z",
            "{{ post.date }}",
            "2023-11-04T25:00:00Z",
            "Updated 3 hours ago",
            "99999-01-01",
        ] {
            assert_eq!(iso(s), None, "{s}");
        }
    }
}
