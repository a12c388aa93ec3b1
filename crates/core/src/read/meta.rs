//! Report metadata from the title and preface: the organ, the report year, and the publication
//! date when the text states one (`发布时间:2021-01-18`, or the date under the closing signature).

use crate::text::{fold_char, is_space, skeleton, Source};
use serde::Serialize;

/// A calendar date stated in the report, with where it came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Published {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// Line of the date in the text; None when the user entered it.
    pub line: Option<usize>,
    /// `"发布时间"` (page header), `"落款"` (the date under the signature), or `"用户输入"`.
    pub source: &'static str,
}

/// Organ and year from the title: the first line before section 一 that names a year and reads
/// like a report title.
pub fn title(source: &Source, before_line: usize) -> (Option<String>, Option<i32>, Option<usize>) {
    let last = before_line.min(source.line_count()).min(40);
    for no in 1..=last {
        let line = source.line(no);
        let skel = skeleton(line);
        let titled = skel.contains("信息公开") || skel.contains("年度报告") || skel.contains("年报");
        if !titled || line.chars().count() > 60 {
            continue;
        }
        let Some((year, year_start)) = year_in(line) else {
            continue;
        };
        let before = clean_organ(&line[..year_start]);
        let organ = if before.is_empty() { previous_title_line(source, no) } else { Some(before) };
        return (organ, Some(year), Some(no));
    }
    (None, None, None)
}

/// The year from the statistics period (`统计期限自2020年1月1日…`) when the title has none.
pub fn period_year(source: &Source) -> Option<i32> {
    source
        .lines()
        .take(60)
        .filter(|(_, _, l)| l.contains("统计期限") || l.contains("统计时限") || l.contains("统计期间"))
        .find_map(|(_, _, l)| year_in(l).map(|(y, _)| y))
}

/// The line before a title that starts with its year (`淮安市人民政府` / `2024 年政府信息公开…`).
fn previous_title_line(source: &Source, title: usize) -> Option<String> {
    (1..title).rev().map(|no| source.line(no)).find_map(|line| {
        let t = line.trim_matches(is_space);
        if t.is_empty() || crate::read::tokens::is_noise_line(t) {
            return None;
        }
        let organ = clean_organ(t);
        (organ.chars().count() <= 30 && !organ.is_empty() && !organ.chars().any(|c| c.is_ascii_digit())).then_some(organ)
    })
}

fn clean_organ(s: &str) -> String {
    s.chars().filter(|c| !is_space(*c) && !matches!(c, '《' | '》' | '“' | '”' | '"')).collect()
}

/// The first `YYYY年` (Arabic or Chinese numerals, spaces allowed) in a line: year and byte offset.
pub fn year_in(line: &str) -> Option<(i32, usize)> {
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    for i in 0..chars.len() {
        let mut digits = String::new();
        let mut j = i;
        while j < chars.len() && digits.len() < 4 {
            match digit_of(chars[j].1) {
                Some(d) => digits.push(d),
                None => break,
            }
            j += 1;
        }
        if digits.len() != 4 || (i > 0 && digit_of(chars[i - 1].1).is_some()) {
            continue;
        }
        while j < chars.len() && is_space(chars[j].1) {
            j += 1;
        }
        if chars.get(j).map(|c| c.1) == Some('年') {
            let year: i32 = digits.parse().ok()?;
            if (2000..=2100).contains(&year) {
                return Some((year, chars[i].0));
            }
        }
    }
    None
}

/// A digit of a year (`2`, `二`, `〇`), as an ASCII digit; `两` is not written in years.
fn digit_of(c: char) -> Option<char> {
    crate::read::numerals::digit(c).filter(|_| c != '两').and_then(|d| char::from_digit(d, 10))
}

/// The publication date: a page header's `发布时间`/`发布日期`, else a date alone on one of the
/// last lines (the closing signature).
pub fn published(source: &Source) -> Option<Published> {
    for (no, _, line) in source.lines() {
        if !line.contains('发') {
            continue;
        }
        let folded: String = line.chars().map(fold_char).filter(|c| !is_space(*c)).collect();
        for key in ["发布时间", "发布日期", "发文日期"] {
            if let Some(at) = folded.find(key) {
                if let Some(date) = date_in(&folded[at + key.len()..]) {
                    return Some(Published { date, line: Some(no), source: "发布时间" });
                }
            }
        }
    }
    let count = source.line_count();
    (count.saturating_sub(15).max(1)..=count).rev().find_map(|no| {
        let line: String = source.line(no).chars().filter(|c| !is_space(*c)).collect();
        let date = date_in(&line)?;
        let short = line.chars().count() <= 14;
        short.then_some(Published { date, line: Some(no), source: "落款" })
    })
}

/// `2021-01-18`, `2021/1/18`, `2021年1月18日` (Arabic or Chinese numerals) at the start of `s`
/// (after a colon), as `YYYY-MM-DD`.
fn date_in(s: &str) -> Option<String> {
    let s = s.trim_start_matches([':', '：']);
    let mut parts: Vec<u32> = Vec::new();
    let mut current = String::new();
    for c in s.chars() {
        match digit_of(c) {
            Some(d) if c != '十' => current.push(d),
            _ if c == '十' => current.push('十'),
            _ => {
                if current.is_empty() {
                    break;
                }
                parts.push(number(&current)?);
                current.clear();
                if parts.len() == 3 || !matches!(c, '-' | '/' | '.' | '年' | '月' | '日') {
                    break;
                }
            }
        }
    }
    if !current.is_empty() && parts.len() < 3 {
        parts.push(number(&current)?);
    }
    match parts[..] {
        [y, m, d, ..] if (2000..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d) => {
            Some(format!("{y:04}-{m:02}-{d:02}"))
        }
        _ => None,
    }
}

/// `18`, `2021`, `十八`, `二十`, `三十一`.
fn number(s: &str) -> Option<u32> {
    match s.split_once('十') {
        None => s.parse().ok(),
        Some((tens, ones)) => {
            let tens = if tens.is_empty() { 1 } else { tens.parse::<u32>().ok()? };
            let ones = if ones.is_empty() { 0 } else { ones.parse::<u32>().ok()? };
            Some(tens * 10 + ones)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years() {
        assert_eq!(year_in("毛坝镇2020年政府信息公开工作年度报告"), Some((2020, 9)));
        assert_eq!(year_in("2024 年政府信息公开工作年度报告").map(|y| y.0), Some(2024));
        assert_eq!(year_in("二〇二一年政府信息公开工作年度报告").map(|y| y.0), Some(2021));
        assert_eq!(year_in("电话：0517-87222589"), None);
    }

    #[test]
    fn dates() {
        assert_eq!(date_in(":2021-01-18").as_deref(), Some("2021-01-18"));
        assert_eq!(date_in("2021年1月18日").as_deref(), Some("2021-01-18"));
        assert_eq!(date_in("二〇二一年一月十八日").as_deref(), Some("2021-01-18"));
        assert_eq!(date_in("2021年"), None);
    }
}
