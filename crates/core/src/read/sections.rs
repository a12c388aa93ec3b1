//! The six sections of a report (SPEC §2): finding each heading, through its aliases and damaged
//! forms (`2、 主动公开…`, half-width punctuation, spaces between characters, a lost numeral).

use crate::text::{fold_char, is_space, skeleton_chars, Source};
use serde::Serialize;

/// A section heading found in the text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Section {
    /// 1 to 6 (一 to 六).
    pub no: u8,
    /// The standard title of the section.
    pub title: &'static str,
    /// 1-based line of the heading.
    pub line: usize,
}

/// Standard titles and aliases (as skeletons), by section number.
pub static TITLES: [(&str, &[&str]); 6] = [
    ("总体情况", &["总体情况", "概述"]),
    ("主动公开政府信息情况", &["主动公开政府信息情况", "行政机关主动公开政府信息情况"]),
    ("收到和处理政府信息公开申请情况", &["收到和处理政府信息公开申请情况"]),
    (
        "政府信息公开行政复议、行政诉讼情况",
        &["政府信息公开行政复议行政诉讼情况", "因政府信息公开工作被申请行政复议提起行政诉讼情况", "政府信息公开行政复议和行政诉讼情况"],
    ),
    (
        "存在的主要问题及改进情况",
        &["政府信息公开工作存在的主要问题及改进情况", "存在的主要问题及改进情况", "存在主要问题及改进情况", "存在问题及改进情况"],
    ),
    ("其他需要报告的事项", &["其他需要报告的事项"]),
];

/// Whether `c` can end a title (情况, 事项, 概述) as written: whether it folds to 况, 项 or 述 (the
/// test `title_ends` holds the list).
pub fn is_title_end(c: char) -> bool {
    matches!(c, '况' | '況' | '项' | '項' | '述')
}

/// How much may follow a title on its heading line, e.g. `（数据填报）`, in skeleton characters.
const MAX_SUFFIX: usize = 10;

/// Finds the first heading of each section, in text order. Sections not found are absent.
pub fn find(source: &Source) -> Vec<Section> {
    let mut found: Vec<Section> = Vec::new();
    for (line, _, text) in source.lines() {
        if let Some(no) = heading_no(text) {
            if !found.iter().any(|s| s.no == no) {
                found.push(Section { no, title: TITLES[no as usize - 1].0, line });
            }
        }
    }
    found
}

/// The section number if `line` is a section heading.
pub fn heading_no(line: &str) -> Option<u8> {
    // Every title ends in Chinese characters: a line of table figures (`\t0`) is none.
    if line.is_ascii() {
        return None;
    }
    // Markdown (a PDF or web page converted to text): `## 四、…`, `**四、…**`, `> 四、…`.
    let line = line.trim_matches(|c: char| is_space(c) || matches!(c, '#' | '*' | '>' | '_'));
    if line.is_empty() || line.len() > 4 * 60 {
        return None;
    }
    let (numeral, rest) = split_numeral(line);
    let rest = skeleton_chars(rest);
    // Most lines are told by their first characters: a title must start right after the numeral.
    if !rest.clone().next().is_some_and(is_title_start) {
        return None;
    }
    // At most 60 characters, and every title ends in 情况, 事项 or 概述: a line without those
    // characters is no heading.
    if line.chars().count() > 60 || !line.chars().any(is_title_end) {
        return None;
    }
    let (index, _) = TITLES.iter().enumerate().find(|(_, (_, aliases))| {
        aliases.iter().any(|alias| {
            let mut chars = rest.clone();
            alias.chars().all(|a| chars.next() == Some(a)) && chars.count() <= MAX_SUFFIX
        })
    })?;
    let no = index as u8 + 1;
    match numeral {
        Some(n) if n != no => None,
        _ => Some(no),
    }
}

/// Whether a title alias of [`TITLES`] starts with `c` (the test `title_starts` holds the list).
fn is_title_start(c: char) -> bool {
    matches!(c, '总' | '概' | '主' | '行' | '收' | '政' | '因' | '存' | '其')
}

/// Splits a leading section numeral (`一、`, `2、`, `三.`, `四 `) off a heading line.
/// A parenthesized numeral (`（一）`) is a sub-heading, not a section: returns the line unchanged.
fn split_numeral(line: &str) -> (Option<u8>, &str) {
    let mut chars = line.char_indices();
    let Some((_, first)) = chars.next() else {
        return (None, line);
    };
    let Some(value) = crate::read::numerals::digit(first).filter(|d| (1..=6).contains(d)).filter(|_| first != '两') else {
        return (None, line);
    };
    let value = value as u8;
    let rest = &line[first.len_utf8()..];
    let after = rest.trim_start_matches(|c: char| is_space(c) || matches!(fold_char(c), '、' | '.' | ',' | '，' | ':' | '：' | '．'));
    if after.len() == rest.len() && !rest.starts_with(|c: char| crate::text::is_ideograph(c)) {
        return (None, line);
    }
    (Some(value), after)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_starts() {
        let firsts: Vec<char> = TITLES.iter().flat_map(|(_, aliases)| aliases.iter().map(|a| a.chars().next().unwrap())).collect();
        for c in '\0'..='\u{ffff}' {
            assert_eq!(is_title_start(c), firsts.contains(&c), "{c}");
        }
    }

    #[test]
    fn title_ends() {
        let lasts: Vec<char> = TITLES.iter().flat_map(|(_, aliases)| aliases.iter().map(|a| a.chars().last().unwrap())).collect();
        for c in '\0'..=char::MAX {
            assert_eq!(is_title_end(c), lasts.contains(&fold_char(c)), "{c}");
        }
    }

    #[test]
    fn headings_in_their_real_forms() {
        assert_eq!(heading_no("一、总体情况"), Some(1));
        assert_eq!(heading_no("2、 主动公开政府信息情况"), Some(2));
        assert_eq!(heading_no("三、收到和处理政府信息公开申请情况（数据填报）"), Some(3));
        assert_eq!(heading_no("四、因政府信息公开工作被申请行政复议、提起行政诉讼情况"), Some(4));
        assert_eq!(heading_no("五.存在的主要问题及改进情况"), Some(5));
        assert_eq!(heading_no("六 、 其 他 需 要 报 告 的 事 项"), Some(6));
        assert_eq!(heading_no("其他需要报告的事项"), Some(6));
        assert_eq!(heading_no("二、主動公開政府信息情況"), Some(2));
    }

    #[test]
    fn markdown_headings() {
        assert_eq!(heading_no("## 四、政府信息公开行政复议、行政诉讼情况"), Some(4));
        assert_eq!(heading_no("**一、总体情况**"), Some(1));
        assert_eq!(heading_no("> 六、其他需要报告的事项"), Some(6));
    }

    #[test]
    fn not_headings() {
        assert_eq!(heading_no("四、结转下年度继续办理"), None);
        assert_eq!(heading_no("（一）主动公开情况"), None);
        assert_eq!(heading_no("（一）总体情况"), None);
        assert_eq!(heading_no("三、主动公开政府信息情况"), None);
        assert_eq!(heading_no("本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况等部分组成"), None);
    }
}
