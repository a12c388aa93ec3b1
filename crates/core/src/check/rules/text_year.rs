//! TEXT-YEAR: a year in the statistics period, or a sentence of 总体情况 that opens with a year
//! (`2019年，我镇…`), that is not the report year — the usual trace of last year's report.

use super::{Context, Rule};
use crate::check::finding::{Finding, Severity};
use crate::read::meta::year_in;
use crate::read::numerals::digit;
use crate::text::{contains_any, trim};

pub static RULE: Rule = Rule {
    id: "TEXT-YEAR",
    severity: Severity::Warning,
    title: "统计期限和总体情况中“××××年，……”的年份应与报告年度一致。",
    why: "在上一年度报告基础上修改时，常会漏改年份。",
    fix: "把年份改为报告年度。",
    check,
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let p = cx.report;
    let Some(year) = p.year else { return };
    // The period is stated near the top: the first 80 lines, searched once for 统.
    for (no, _, line) in p.source.lines_with('统', 80) {
        if contains_any(line, &["统计期限", "统计时限", "统计期间", "统计时间"]) {
            let mut rest = line;
            while let Some((found, at)) = year_in(rest) {
                if found != year {
                    out.push(RULE.finding(format!("统计期限中的年份 {found} 与报告年度 {year} 不一致：“{}”。", trim(line))).line(no));
                    break;
                }
                rest = &rest[at + 4..];
            }
        }
    }
    let Some((heading, last)) = p.section_lines(1) else {
        return;
    };
    for sentence in p.prose.sentences.iter().filter(|s| s.line > heading && s.line <= last) {
        let opening = sentence
            .text
            .trim_start_matches(|c: char| c == '（' || c == '(' || c == '）' || c == ')' || "一二三四五六七八九、.".contains(c));
        if opening.chars().next().and_then(digit).is_none() {
            continue; // no year opens it: spare the search for one
        }
        let Some((found, 0)) = year_in(opening) else {
            continue;
        };
        let after = &opening[opening.find('年').map_or(0, |i| i + '年'.len_utf8())..];
        let opens_with_year = after.starts_with('，') || after.starts_with(',') || after.starts_with("度，") || after.starts_with("度,");
        if opens_with_year && found != year {
            out.push(RULE.finding(format!("总体情况中“{}”的年份 {found} 不是报告年度 {year}。", sentence.excerpt(0))).line(sentence.line));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::figures::fixture::with_sentence;
    use crate::testing::{edited, findings, SYNTHETIC_2021};

    #[test]
    fn fires_on_last_years_period_and_opening() {
        let text = edited("自2023年1月1日起至2023年12月31日止", "自2022年1月1日起至2022年12月31日止");
        let found = findings(&text, "TEXT-YEAR");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].line, Some(3));
        let found = findings(&with_sentence("2022年，我区认真贯彻落实条例。"), "TEXT-YEAR");
        assert_eq!(found.len(), 1);
        assert!(found[0].message.contains("年份 2022 不是报告年度 2023"));
    }

    #[test]
    fn silent_on_the_report_year_and_on_since() {
        assert!(findings(&with_sentence("2019年以来，我区持续推进政务公开。"), "TEXT-YEAR").is_empty());
        assert!(findings(SYNTHETIC_2021, "TEXT-YEAR").is_empty());
    }
}
