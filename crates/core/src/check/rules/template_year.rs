//! TEMPLATE-YEAR: the format does not match the report year.

use super::{Context, Rule};
use crate::check::finding::{Finding, Severity};
use crate::schema::Format;

pub static RULE: Rule = Rule {
    id: "TEMPLATE-YEAR",
    severity: Severity::Error,
    title: "2021年及以后的年度报告应使用2021年版格式（国办公开办函〔2021〕30号）；2019、2020年度报告使用2019年版格式。",
    why: "2021年版格式自2021年度报告起施行，表二、表三的栏目与2019年版不同，用错格式会导致统计口径不一致。",
    fix: "按报告年度选用对应的统一格式，重新填写表二、表三。",
    check,
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let p = cx.report;
    let Some(year) = p.year else { return };
    let line = p.title_line.unwrap_or(1);
    match p.format {
        Format::F2019 if year >= 2021 => out.push(
            RULE.finding(format!("这是{year}年度报告，却使用了2019年版格式；自2021年度起应使用2021年版格式（国办公开办函〔2021〕30号）。"))
                .line(line),
        ),
        Format::F2021 if year <= 2020 => out.push(
            RULE.finding(format!(
                "这是{year}年度报告，却使用了2021年版格式；2021年版格式自2021年度报告起施行，{year}年度应使用2019年版格式。"
            ))
            .severity(Severity::Warning)
            .line(line),
        ),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{edited, findings, SYNTHETIC_2021};
    use crate::Severity;

    #[test]
    fn fires_as_a_warning_for_the_2021_format_in_2020() {
        let text = edited("2023年政府信息公开工作年度报告", "2020年政府信息公开工作年度报告");
        let found = findings(&text, "TEMPLATE-YEAR");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, Severity::Warning);
        assert_eq!(found[0].line, Some(2));
    }

    #[test]
    fn silent_when_the_format_fits_the_year() {
        assert!(findings(SYNTHETIC_2021, "TEMPLATE-YEAR").is_empty());
    }
}
