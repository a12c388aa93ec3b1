//! One-line reports (text crawled from a portal page, every separator lost): line breaks restored
//! inside a long line around each section heading and, between the first and the last table
//! section, before each table caption and row label, so that the readers see the report's rows.
//! Text with ordinary lines is returned as it is.

use crate::read::sections::{is_title_end, TITLES};
use crate::schema::{rows, TableKey};
use crate::text::{fold_char, folded_from, is_skeleton_char, Source};

/// A line at least this long (in chars) is looked into.
const LONG_LINE: usize = 300;

/// Section numerals, by section number.
const NUMERALS: [[char; 2]; 6] = [['一', '1'], ['二', '2'], ['三', '3'], ['四', '4'], ['五', '5'], ['六', '6']];

/// Words that start a line of a table besides its row labels (skeletons), with their label as
/// printed (for the numbering before them).
const TABLE_WORDS: &[(&str, &str)] = &[
    ("第二十条第", "第二十条第"),
    ("信息内容", "信息内容"),
    ("本年度办理结果", "三、本年度办理结果"),
    ("不予公开", "（三）不予公开"),
    ("无法提供", "（四）无法提供"),
    ("不予处理", "（五）不予处理"),
    ("其他处理", "（六）其他处理"),
];

/// The source with line breaks restored in its long lines; the source itself when none is long.
pub fn restore(source: Source) -> Source {
    // Byte offsets in the text to break before.
    let mut at = Vec::new();
    for (_, line_start, line) in source.lines() {
        if line.len() >= LONG_LINE && line.chars().count() >= LONG_LINE {
            at.extend(breaks(line).into_iter().map(|b| line_start + b));
        }
    }
    if at.is_empty() {
        return source;
    }
    let text = source.text();
    let mut out = String::with_capacity(text.len() + at.len());
    let mut from = 0;
    for at in at {
        out.push_str(&text[from..at]);
        out.push('\n');
        from = at;
    }
    out.push_str(&text[from..]);
    Source::new(out)
}

/// A line's skeleton, with the byte in the line where each of its bytes' chars starts.
struct Folded {
    skeleton: String,
    raw: Vec<usize>,
}

impl Folded {
    fn new(line: &str) -> Folded {
        let mut skeleton = String::with_capacity(line.len());
        let mut raw = Vec::with_capacity(line.len());
        for (at, c) in line.char_indices() {
            let c = fold_char(c);
            if is_skeleton_char(c) {
                let c = c.to_ascii_lowercase();
                skeleton.push(c);
                raw.extend(std::iter::repeat_n(at, c.len_utf8()));
            }
        }
        Folded { skeleton, raw }
    }

    /// The line bytes where `word` starts in the skeleton, and where its last char ends.
    fn find_all<'a>(&'a self, word: &'a str, line: &'a str) -> impl Iterator<Item = (usize, usize)> + 'a {
        self.skeleton.match_indices(word).map(move |(i, w)| self.span(i, w, line))
    }

    /// The line bytes of `word` found at skeleton byte `i`.
    fn span(&self, i: usize, word: &str, line: &str) -> (usize, usize) {
        let last = self.raw[i + word.len() - 1];
        (self.raw[i], last + line[last..].chars().next().map_or(0, char::len_utf8))
    }
}

/// Where to break a long line: before headings (with their numeral) and, inside the tables'
/// stretch, before captions and row labels (with their numbering).
fn breaks(line: &str) -> Vec<usize> {
    // Every title ends in 情况, 事项 or 概述: a paragraph with fewer than two of those characters
    // holds fewer than two headings.
    if line.chars().filter(|&c| is_title_end(c)).nth(1).is_none() {
        return Vec::new();
    }
    // (section, start, end) of each heading.
    let mut headings: Vec<(u8, usize, usize)> = Vec::new();
    for at in after_numerals(line).filter(|&at| line[at..].chars().next().is_some_and(|c| is_skeleton_char(fold_char(c)))) {
        for (index, (_, aliases)) in TITLES.iter().enumerate() {
            for end in aliases.iter().filter_map(|alias| skeleton_match(line, at, alias)) {
                if let Some(start) = numeral_before(line, at, &NUMERALS[index]) {
                    headings.push((index as u8 + 1, start, end));
                }
            }
        }
    }
    if headings.len() < 2 {
        return Vec::new(); // a long paragraph, not a report run into one line
    }
    let folded = Folded::new(line);
    let in_heading = |at: usize| headings.iter().any(|&(_, s, e)| s < at && at < e);
    let first_table = headings.iter().filter(|h| h.0 == 2).map(|h| h.1).min();
    let after_tables = headings.iter().filter(|h| h.0 == 5).map(|h| h.1).max();
    // A heading stands on its own line: break before its numeral and after its title.
    let mut out: Vec<usize> = headings.iter().flat_map(|h| [h.1, h.2]).collect();
    if let (Some(from), Some(to)) = (first_table, after_tables) {
        let labels = TableKey::ALL.into_iter().flat_map(rows).map(|r| (r.patterns[0], r.label));
        for (pattern, label) in labels.chain(TABLE_WORDS.iter().copied()) {
            for (at, _) in folded.find_all(pattern, line).filter(|(at, _)| (from..to).contains(at) && !in_heading(*at)) {
                out.push(at - numbering_before(line, at, label, pattern));
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out.retain(|&at| at > 0 && at < line.len());
    out
}

/// Where `word` (a skeleton) ends in the line when the line's skeleton from byte `at` starts with
/// it; the same as finding it in [`Folded`], without folding the whole line.
fn skeleton_match(line: &str, at: usize, word: &str) -> Option<usize> {
    let mut chars = folded_from(line, at);
    let mut end = at;
    for w in word.chars() {
        let (after, _) = chars.by_ref().find(|(_, c)| is_skeleton_char(*c)).filter(|(_, c)| c.to_ascii_lowercase() == w)?;
        end = after;
    }
    Some(end)
}

/// Where a section title may start: after a numeral (`一`, `2`), its separator (`、`, `.`) if
/// any, and white space; the places where `numeral_before` finds a numeral.
fn after_numerals(line: &str) -> impl Iterator<Item = usize> + '_ {
    let skip_space = move |at: usize| at + (line[at..].len() - line[at..].trim_start_matches(char::is_whitespace).len());
    line.char_indices().filter(|&(_, c)| is_numeral(c)).flat_map(move |(at, c)| {
        let after = at + c.len_utf8();
        let separator = line[after..].chars().next().filter(|s| matches!(fold_char(*s), '、' | '.' | ',' | '．'));
        [Some(skip_space(after)), separator.map(|s| skip_space(after + s.len_utf8()))].into_iter().flatten()
    })
}

/// Whether `c` folds to one of [`NUMERALS`], without folding it: they and the full-width digits
/// are the only characters that do (the test `numerals_fold_only_from_themselves` holds it).
fn is_numeral(c: char) -> bool {
    matches!(c, '一' | '二' | '三' | '四' | '五' | '六' | '1'..='6' | '１'..='６')
}

/// The start of a section heading whose title starts at `at`: its numeral (`一、`, `2.`) right
/// before, or None (a title's words in the prose are no heading).
fn numeral_before(line: &str, at: usize, numerals: &[char; 2]) -> Option<usize> {
    let before = &line[..at];
    let mut chars = before.char_indices().rev().skip_while(|(_, c)| c.is_whitespace());
    let (sep_at, sep) = chars.next()?;
    let (num_at, num) = if matches!(fold_char(sep), '、' | '.' | ',' | '．') { chars.next()? } else { (sep_at, sep) };
    numerals.contains(&fold_char(num)).then_some(num_at)
}

/// How many bytes of numbering (`2.`, `（一）`, `一、`) stand right before a row label at `at`, as
/// the official label numbers it.
fn numbering_before(line: &str, at: usize, label: &str, pattern: &str) -> usize {
    let folded_label: String = label.chars().map(fold_char).collect();
    let Some(first) = pattern.chars().next() else { return 0 };
    let Some(in_label) = folded_label.find(first) else { return 0 };
    let numbering: String = folded_label[..in_label]
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_digit() || "一二三四五六七八九十()、.".contains(*c))
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if numbering.is_empty() {
        return 0;
    }
    let before: Vec<(usize, char)> = line[..at].char_indices().rev().take(numbering.chars().count()).collect();
    let written: String = before.iter().rev().map(|(_, c)| fold_char(*c)).map(|c| if c == '．' { '.' } else { c }).collect();
    let expected = numbering.replace('、', ".");
    if written.replace('、', ".") == expected {
        at - before.last().map_or(at, |(i, _)| *i)
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numerals_fold_only_from_themselves() {
        let folds_to_numeral = |c: char| NUMERALS.iter().any(|n| n.contains(&fold_char(c)));
        for c in '\0'..='\u{ffff}' {
            assert_eq!(is_numeral(c), folds_to_numeral(c), "{c}");
        }
    }

    #[test]
    fn ordinary_text_is_untouched() {
        let text = "一、总体情况\n二、主动公开政府信息情况\n";
        assert_eq!(restore(Source::new(text.to_owned())).text(), text);
    }

    #[test]
    fn headings_and_rows_of_a_one_line_report_get_their_lines() {
        let filler = "我单位认真落实条例要求，扎实推进各项工作。".repeat(12);
        let line = format!(
            "示例镇2023年政府信息公开工作年度报告一、总体情况{filler}二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000\
             三、收到和处理政府信息公开申请情况（一）予以公开10001000112.重复申请1000001四、政府信息公开行政复议、行政诉讼情况行政复议000000五、存在的主要问题及改进情况无"
        );
        let restored = restore(Source::new(line)).text().to_owned();
        let lines: Vec<&str> = restored.lines().collect();
        assert_eq!(lines[1..3], ["一、总体情况", filler.as_str()]);
        assert!(lines.contains(&"二、主动公开政府信息情况"), "{lines:#?}");
        assert!(lines.contains(&"规章000"), "{lines:#?}");
        assert!(lines.contains(&"（一）予以公开1000100011"), "{lines:#?}");
        assert!(lines.contains(&"2.重复申请1000001"), "{lines:#?}");
        assert_eq!(lines[lines.len() - 2..], ["五、存在的主要问题及改进情况", "无"]);
    }
}
