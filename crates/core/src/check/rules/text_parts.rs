//! TEXT-PARTS: a stated total and its listed parts (`主动公开政府信息116条。其中：…8条，…10条…`)
//! must add up.

use super::{Context, Rule};
use crate::check::finding::{show, Finding, Severity};
use crate::read::prose::{Amount, Sentence};

pub static RULE: Rule = Rule {
    id: "TEXT-PARTS",
    severity: Severity::Warning,
    title: "正文中“共 N 条/件，其中……”列出的各部分之和应等于总数。",
    why: "分项相加与总数不符，说明总数或某一分项写错了。",
    fix: "重新核对各分项数字和总数。",
    check,
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let p = cx.report;
    let sentences = &p.prose.sentences;
    for (index, sentence) in sentences.iter().enumerate() {
        if sentence.amounts.len() < 2 {
            continue; // a list needs two parts
        }
        let markers: Vec<usize> = sentence.text.match_indices("其中").map(|(at, _)| at).collect();
        for (k, &at) in markers.iter().enumerate() {
            let total = sentence.amounts.iter().rfind(|a| a.end <= at).or_else(|| {
                // `…116条。其中：…` — the total ends the previous sentence.
                let before_start = sentence.text[..at].chars().count() < 3;
                before_start.then(|| index.checked_sub(1).and_then(|i| sentences[i].amounts.last())).flatten()
            });
            let Some(total) = total else { continue };
            let next = markers.get(k + 1).copied().unwrap_or(sentence.text.len());
            let mut parts: Vec<&Amount> = sentence.amounts.iter().filter(|a| a.at > at && a.end <= next).collect();
            if next < sentence.text.len() {
                parts.pop(); // the amount right before the next 其中 is that list's own total
            }
            // Parts that are themselves table figures (予以公开 N 件, 结果维持 N 件) are checked
            // one by one by the TEXT-* rules; such lists are often not exhaustive.
            let checked = |a: &&Amount| p.prose.mentions.iter().any(|m| m.sentence == index && m.amount.at == a.at);
            let open_ended = parts.last().is_some_and(|last| sentence.text[last.end..next].contains('等'));
            if parts.iter().any(checked) || open_ended {
                continue;
            }
            if let Some(finding) = compare(p.source.span(total.start_byte, total.end_byte).line, sentence, total, &parts) {
                out.push(finding);
            }
        }
    }
}

fn compare(line: usize, sentence: &Sentence, total: &Amount, parts: &[&Amount]) -> Option<Finding> {
    let same_unit = parts.iter().all(|a| a.unit == total.unit);
    if parts.len() < 2 || !same_unit || total.approximate || parts.iter().any(|a| a.approximate) {
        return None;
    }
    let sum: f64 = parts.iter().map(|a| a.value).sum();
    if (sum - total.value).abs() < 1e-6 {
        return None;
    }
    let listed: Vec<String> = parts.iter().map(|a| show(a.value)).collect();
    Some(
        RULE.finding(format!(
            "正文“{}”：总数为 {}{}，但其中列出的各项 {} 相加为 {}{}。",
            sentence.excerpt(parts[0].at),
            show(total.value),
            total.unit,
            listed.join(" + "),
            show(sum),
            total.unit
        ))
        .expected_actual(total.value, sum)
        .line(line),
    )
}

#[cfg(test)]
mod tests {
    use crate::check::figures::fixture::with_sentence;
    use crate::testing::{findings, SYNTHETIC_2021};

    #[test]
    fn fires_when_parts_do_not_add_up() {
        let found = findings(
            &with_sentence("主动公开政府信息116条。其中：公开制度类8条，机构设置10条，政府文件类40条，社会保障30条，社会救助27条。"),
            "TEXT-PARTS",
        );
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].expected, found[0].actual, found[0].line), (Some(116.0), Some(115.0), Some(5)));
        assert!(found[0].message.contains("8 + 10 + 40 + 30 + 27 相加为 115条"), "{}", found[0].message);
    }

    #[test]
    fn two_lists_in_one_sentence_and_lists_that_are_not_exhaustive() {
        let ok = "主动公开信息351件，其中文件72件，图片64件，视频178件，尚未审结37件；依申请公开信息46件，其中文件25件，图片5件，视频9件，其他7件。";
        assert!(findings(&with_sentence(ok), "TEXT-PARTS").is_empty());
        let bad = ok.replace("其他7件", "其他6件");
        assert_eq!(findings(&with_sentence(&bad), "TEXT-PARTS").len(), 1);
        assert!(findings(&with_sentence("主动公开信息224条。其中：会议信息40余条，重点工作53条。"), "TEXT-PARTS").is_empty());
        assert!(findings(&with_sentence("主动公开信息224条，其中会议信息40条、重点工作53条等。"), "TEXT-PARTS").is_empty());
        assert!(findings(&with_sentence("收到申请30件。其中予以公开10件，部分公开4件。"), "TEXT-PARTS").is_empty());
        assert!(findings(SYNTHETIC_2021, "TEXT-PARTS").is_empty());
    }
}
