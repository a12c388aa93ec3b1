//! What a prose number counts, by keyword: 表三's applications and outcomes, 表四's reviews and
//! lawsuits with their results; and claims without a number ("none", "all upheld").

use super::clauses::{keyword, Clause, ClauseAt, Keyword, Parts};
use super::{Amount, Claim, Mention, Outcome, Sentence, Topic};
use crate::read::units::counts_cases;
use crate::schema::{ColumnKey, RowKey};
use crate::text::{contains, contains_any};

/// The keywords given, as a `&[Keyword]` made at compile time.
macro_rules! keywords {
    ($($word:literal),* $(,)?) => { const { &[$(keyword($word)),*] } };
}

/// Keywords, most specific first, that say what an application number counts.
const APPLICATION_TOPICS: &[(&[Keyword], Topic)] = &[
    (
        keywords!["顺延", "结转下年", "结转到下年", "结转至下年", "转入下年", "下年度继续办理", "结转至下一年", "结转到下一年"],
        Topic::CarriedOut,
    ),
    (keywords!["上年结转", "上年度结转", "上一年度结转", "上年度转入", "上年转入", "上一年结转"], Topic::CarriedIn),
    (
        keywords!["予以公开及部分公开", "予以公开和部分公开", "予以公开或部分公开", "公开及部分公开", "公开和部分公开"],
        Topic::Outcome(Outcome::GrantedPartial),
    ),
    (keywords!["部分公开"], Topic::Outcome(Outcome::Partial)),
    (keywords!["不予公开"], Topic::Outcome(Outcome::Denied)),
    (keywords!["无法提供"], Topic::Outcome(Outcome::Unable)),
    (keywords!["不予处理"], Topic::Outcome(Outcome::Ignored)),
    (keywords!["其他处理"], Topic::Outcome(Outcome::Other)),
    (keywords!["予以公开", "同意公开", "全部公开"], Topic::Outcome(Outcome::Granted)),
    (keywords!["办结", "答复", "办理完毕", "处理完毕", "办理完成", "完成"], Topic::Processed),
    (keywords!["收到", "受理", "新收", "接收", "接到", "共收"], Topic::New),
];

/// Result words of 表四 and their columns.
const RESULTS: &[(Keyword, ColumnKey)] = &[
    (UPHELD, ColumnKey::Upheld),
    (keyword("纠正"), ColumnKey::Corrected),
    (keyword("其他结果"), ColumnKey::Other),
    (keyword("尚未审结"), ColumnKey::Pending),
    (keyword("未审结"), ColumnKey::Pending),
    (keyword("正在审理"), ColumnKey::Pending),
];

const UPHELD: Keyword = keyword("维持");
const APPLICATION: Keyword = keyword("申请");
const REVIEW: Keyword = keyword("复议");
const LAWSUIT: Keyword = keyword("诉讼");
const LAWSUIT_WORDS: &[Keyword] = keywords!["诉讼", "起诉"];
const DENIED: Keyword = keyword("不予公开");

#[derive(Clone, Copy, PartialEq)]
enum Subject {
    None,
    Review,
    Lawsuit,
}

/// Finds the mentions and claims of sentence `index`, whose clauses and statements are `parts`;
/// the sentence before it spoke of applications when `after_applications`. Returns whether this
/// one does (it has `申请`), which sets the subject of the next.
pub fn classify(
    sentence: &Sentence,
    parts: &Parts,
    index: usize,
    after_applications: bool,
    mentions: &mut Vec<Mention>,
    claims: &mut Vec<(Claim, usize)>,
) -> bool {
    let text = &sentence.text;
    // `申请` holds no clause punctuation: it is in the sentence only inside a clause.
    let about_applications = parts.clauses.iter().any(|c| c.of(text).contains(APPLICATION));
    let mut subject = Subject::None;
    let mut document_row = None;
    for &at in &parts.clauses {
        let clause = at.of(text);
        let review = clause.contains(REVIEW) && !clause.contains(const { keyword("复议后起诉") });
        let lawsuit = clause.contains_any(LAWSUIT_WORDS);
        if review && lawsuit {
            subject = Subject::None; // both in one clause: ambiguous
            continue;
        }
        if review {
            subject = Subject::Review;
        } else if lawsuit {
            subject = Subject::Lawsuit;
        }
        // Most clauses hold no number: they only name a subject or a 表二 row for the next one.
        let in_clause = |a: &&Amount| a.at >= at.start && a.end <= at.end;
        let has_amount = sentence.amounts.iter().any(|a| in_clause(&a));
        if !about_applications && subject == Subject::None {
            if !has_amount {
                active_row(clause, &mut document_row);
                continue;
            }
            if let Some(mention) = active_mention(clause, sentence.amounts.iter().filter(in_clause), &mut document_row) {
                mentions.push(Mention { sentence: index, ..mention });
                continue;
            }
        }
        if !has_amount {
            continue;
        }
        let Some(amount) = sentence.amounts.iter().filter(in_clause).find(|a| counts_cases(a.unit)) else { continue };
        let result = RESULTS.iter().find(|(w, _)| clause.contains(*w)).map(|(_, c)| *c);
        let topic = if subject != Subject::None && (review || lawsuit || result.is_some()) {
            Some(match subject {
                Subject::Review => Topic::Review(result),
                _ => Topic::Lawsuit(result),
            })
        } else if about_applications || after_applications {
            let found = APPLICATION_TOPICS
                .iter()
                .find(|(words, _)| clause.contains_any(words))
                .map(|(_, t)| *t)
                .filter(|t| about_applications || matches!(t, Topic::Outcome(_)));
            if found.is_some() {
                subject = Subject::None;
            }
            found.filter(|t| !(matches!(t, Topic::Outcome(Outcome::Granted)) && clause.contains(DENIED)))
        } else {
            None
        };
        if let Some(topic) = topic {
            mentions.push(Mention { topic, amount: amount.clone(), sentence: index });
        }
    }
    claims.extend(claims_of(sentence, &parts.statements).into_iter().map(|c| (c, index)));
    about_applications
}

/// Words that say there was none, longest first.
const NEGATIONS: &[Keyword] = keywords!["未发生", "没有收到", "没有接到", "未收到", "未接到", "未受理", "未出现", "没有", "未有", "无"];

/// Claims that there were none, or that all were upheld, in a sentence's `statements` that
/// count nothing.
fn claims_of(sentence: &Sentence, statements: &[ClauseAt]) -> Vec<Claim> {
    let text = &sentence.text;
    let mut out = Vec::new();
    for statement in statements {
        let range = statement.start..statement.end;
        let counts = sentence.amounts.iter().any(|a| range.contains(&a.at) && a.unit != "元" && a.unit != "万元");
        if counts {
            continue;
        }
        let clause = statement.of(text);
        let piece = clause.text;
        for negation in NEGATIONS {
            let Some(at) = clause.find(*negation) else {
                continue;
            };
            let after = &piece[at + negation.text.len()..];
            if after.starts_with("法") || after.starts_with("正当") {
                continue; // 无法提供, 无正当理由
            }
            let window = &after[..after.char_indices().nth(24).map_or(after.len(), |(i, _)| i)];
            if contains(window, "复议") {
                out.push(Claim::NoReview);
            }
            if contains_any(window, &["诉讼", "起诉"]) {
                out.push(Claim::NoLawsuit);
            }
            if contains(window, "申请") && !contains_any(window, &["复议", "诉讼"]) {
                out.push(Claim::NoApplications);
            }
            break;
        }
        if clause.contains_any(keywords!["均", "全部", "都"]) && clause.contains(UPHELD) {
            // The subject is in the clause, or the last one named before it: "复议5件，均获维持".
            let before = &text[..text.find(piece).unwrap_or(0) + piece.len()];
            let review = before.rfind("复议");
            let lawsuit = before.rfind("诉讼").or(before.rfind("起诉"));
            match (review, lawsuit) {
                (Some(_), Some(_)) if clause.contains(REVIEW) && clause.contains(LAWSUIT) => {
                    out.extend([Claim::ReviewAllUpheld, Claim::LawsuitAllUpheld]);
                }
                (Some(r), Some(l)) => out.push(if r > l { Claim::ReviewAllUpheld } else { Claim::LawsuitAllUpheld }),
                (Some(_), None) => out.push(Claim::ReviewAllUpheld),
                (None, Some(_)) => out.push(Claim::LawsuitAllUpheld),
                (None, None) => {}
            }
        }
    }
    out.dedup();
    out
}

/// 表二 rows as the prose names them, most specific first. `规章制度` (internal rules) is not 规章.
const ACTIVE_ROWS: &[(Keyword, RowKey)] = &[
    (keyword("规范性文件"), RowKey::Normative),
    (keyword("规章"), RowKey::Rules),
    (keyword("行政许可"), RowKey::Licensing),
    (keyword("行政处罚"), RowKey::Penalty),
    (keyword("行政强制"), RowKey::Coercion),
    (keyword("行政事业性收费"), RowKey::Fees),
    (keyword("收费"), RowKey::Fees),
];

/// What is said of 规章 and 规范性文件, by verb.
const DOCUMENT_COLUMNS: &[(&[Keyword], ColumnKey)] = &[
    (keywords!["现行有效"], ColumnKey::InForce),
    (keywords!["废止", "宣布失效"], ColumnKey::Repealed),
    (keywords!["制发", "制定", "印发", "出台"], ColumnKey::Issued),
];

/// A 表二 figure in a clause with these `amounts` (TEXT-ACTIVE): 制发/废止/现行有效 规章·规范性文件
/// N 件, 行政许可/处罚/强制 N 件, 收费 N 万元. Figures about published information (`公开…信息 N 条`)
/// are not 表二's. `document_row` carries 规章/规范性文件 to the next clause (`制发规范性文件3件，废止1件`).
fn active_mention<'a>(clause: Clause, mut amounts: impl Iterator<Item = &'a Amount>, document_row: &mut Option<RowKey>) -> Option<Mention> {
    let row = active_row(clause, document_row)?;
    let about_information = clause.contains_any(keywords!["信息", "公开", "事项", "清单", "目录"]);
    let (column, amount) = match row {
        RowKey::Rules | RowKey::Normative => {
            let column = DOCUMENT_COLUMNS.iter().find(|(words, _)| clause.contains_any(words)).map(|(_, c)| *c)?;
            (column, amounts.find(|a| matches!(a.unit, "件" | "份" | "个"))?)
        }
        RowKey::Fees => (ColumnKey::AmountWan, amounts.find(|a| a.unit == "万元")?),
        _ if about_information => return None,
        _ => (ColumnKey::Decisions, amounts.find(|a| matches!(a.unit, "件" | "起" | "宗"))?),
    };
    Some(Mention { topic: Topic::Active(row, column), amount: amount.clone(), sentence: 0 })
}

/// The 表二 row a clause names, or else the 规章/规范性文件 carried from the clause before; sets
/// what the next clause carries.
fn active_row(clause: Clause, document_row: &mut Option<RowKey>) -> Option<RowKey> {
    let named = ACTIVE_ROWS
        .iter()
        .find(|(word, row)| clause.contains(*word) && !(*row == RowKey::Rules && clause.contains_any(keywords!["规章制度", "规范性文件"])))
        .map(|(_, row)| *row);
    Some(match named {
        Some(row @ (RowKey::Rules | RowKey::Normative)) => {
            *document_row = Some(row);
            row
        }
        Some(row) => {
            *document_row = None;
            row
        }
        None => (*document_row)?,
    })
}
