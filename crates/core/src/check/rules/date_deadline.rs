//! DATE-DEADLINE: a department's report published after 1月31日 of the next year, or a 本级政府
//! report after 3月31日 (条例第四十九条), when a publication date is known.

use super::{Context, Rule};
use crate::check::finding::{Finding, Severity};

pub static RULE: Rule = Rule {
    id: "DATE-DEADLINE",
    severity: Severity::Warning,
    title: "年度报告应按时公布：政府部门在次年1月31日前，本级人民政府在次年3月31日前（《政府信息公开条例》第四十九条）。",
    why: "逾期公布不符合条例要求；有的省份规定的时间更早。",
    fix: "尽快公布；如发布日期识别有误，可在检查时手工填写实际发布日期。",
    check,
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let p = cx.report;
    let (Some(published), Some(year)) = (&p.published, p.year) else {
        return;
    };
    let government = p.organ.as_deref().is_some_and(is_government);
    let (deadline, who) = if government {
        (format!("{}-03-31", year + 1), "本级人民政府的年度报告")
    } else {
        (format!("{}-01-31", year + 1), "政府部门（含乡镇、街道）的年度报告")
    };
    if published.date > deadline {
        let f = RULE.finding(format!("报告的发布日期是 {}（{}），晚于{}的公布期限 {}。", published.date, published.source, who, deadline));
        out.push(match published.line {
            Some(line) => f.line(line),
            None => f,
        });
    }
}

/// A people's government at county level or above (`淮安市人民政府`, `洪泽区人民政府`), not a
/// township, a street office or a government department.
fn is_government(organ: &str) -> bool {
    organ.ends_with("人民政府") && !["镇人民政府", "乡人民政府", "街道"].iter().any(|w| organ.contains(w))
}

#[cfg(test)]
mod tests {
    use crate::testing::{edited, findings, SYNTHETIC_2021};

    #[test]
    fn fires_after_the_deadline() {
        let found = findings(&edited("2024年1月20日", "2024年4月2日"), "DATE-DEADLINE");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].message, "报告的发布日期是 2024-04-02（落款），晚于本级人民政府的年度报告的公布期限 2024-03-31。");
        let department = edited("示例市人民政府\n2023年", "示例市教育局\n2023年").replace("2024年1月20日", "2024年2月1日");
        assert_eq!(findings(&department, "DATE-DEADLINE").len(), 1);
    }

    #[test]
    fn silent_in_time() {
        assert!(findings(SYNTHETIC_2021, "DATE-DEADLINE").is_empty());
        assert!(findings(&edited("2024年1月20日", "2024年3月31日"), "DATE-DEADLINE").is_empty());
    }
}
