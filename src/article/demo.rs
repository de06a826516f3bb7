//! The bundled demo: five versions of one wire story, embedded in the binary.

use super::{Article, Format, load_bytes};

/// (file name, contents) of each bundled article.
pub const FILES: &[(&str, &str)] = &[
    (
        "000_ap-cut_7b16be5f68741545.txt",
        include_str!("../../assets/articles/000_ap-cut_7b16be5f68741545.txt"),
    ),
    (
        "001_ap-moscow-dateline_b38d0da1d2f2dce8.txt",
        include_str!("../../assets/articles/001_ap-moscow-dateline_b38d0da1d2f2dce8.txt"),
    ),
    (
        "002_cbs-ap-full_806fb89b356b963d.txt",
        include_str!("../../assets/articles/002_cbs-ap-full_806fb89b356b963d.txt"),
    ),
    (
        "003_npr_44bb2cc59092ae7b.txt",
        include_str!("../../assets/articles/003_npr_44bb2cc59092ae7b.txt"),
    ),
    (
        "004_nbc-ap-writethru_d5be253667c6d7c4.txt",
        include_str!("../../assets/articles/004_nbc-ap-writethru_d5be253667c6d7c4.txt"),
    ),
];

/// The demo articles, with paths `demo/NAME`, read as any text file is.
pub fn articles() -> Vec<Article> {
    FILES
        .iter()
        .flat_map(|(name, text)| {
            load_bytes(
                &format!("demo/{name}"),
                text.as_bytes(),
                Some(Format::Text),
                Vec::new(),
            )
            .0
        })
        .collect()
}
