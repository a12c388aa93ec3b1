//! The report's prose — every line outside the three tables — as sentences, the numbers in them
//! (Arabic or Chinese numerals, approximate ones marked), and what each number is said to count,
//! found by keyword: the raw material of the TEXT-* rules.

use crate::read::tokens::is_noise_line;
use crate::schema::ColumnKey;
use crate::text::{contains, contains_any, fold_char, is_space, Source};

/// A sentence of prose with white space removed (PDF text puts spaces inside words and numbers).
#[derive(Debug)]
pub struct Sentence {
    /// The sentence as a string (the same characters as `chars`).
    pub text: String,
    pub chars: Vec<char>,
    /// Byte offset in the source of each char.
    pub offsets: Vec<usize>,
    pub line: usize,
    pub amounts: Vec<Amount>,
}

impl Sentence {
    pub fn contains(&self, word: &str) -> bool {
        contains(&self.text, word)
    }

    /// The sentence for a message, shortened around char `at` when long.
    pub fn excerpt(&self, at: usize) -> String {
        const HALF: usize = 30;
        let start = at.saturating_sub(HALF);
        let end = (at + HALF).min(self.chars.len());
        let mut s: String = self.chars[start..end].iter().collect();
        if start > 0 {
            s.insert(0, '…');
        }
        if end < self.chars.len() {
            s.push('…');
        }
        s
    }
}

/// A number with a unit in a sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct Amount {
    pub value: f64,
    pub unit: &'static str,
    /// `40余条`, `近300件`, `约`: not to be compared exactly.
    pub approximate: bool,
    /// Char range of the number in the sentence.
    pub at: usize,
    pub end: usize,
    /// Byte range of the number in the source.
    pub start_byte: usize,
    pub end_byte: usize,
}

/// What a number in the prose is said to count (SPEC §4, prose against tables).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Topic {
    New,
    CarriedIn,
    Processed,
    CarriedOut,
    Outcome(Outcome),
    /// 行政复议: total (None) or a result column.
    Review(Option<ColumnKey>),
    /// 行政诉讼: total (None) or a result column, over both lawsuit groups.
    Lawsuit(Option<ColumnKey>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Granted,
    Partial,
    GrantedPartial,
    Denied,
    Unable,
    Ignored,
    Other,
}

/// A number in the prose with its topic.
#[derive(Clone, Debug)]
pub struct Mention {
    pub topic: Topic,
    pub amount: Amount,
    pub sentence: usize,
}

/// A statement without a number: "no applications", "all upheld".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Claim {
    NoApplications,
    NoReview,
    NoLawsuit,
    ReviewAllUpheld,
    LawsuitAllUpheld,
}

#[derive(Debug, Default)]
pub struct Prose {
    pub sentences: Vec<Sentence>,
    pub mentions: Vec<Mention>,
    pub claims: Vec<(Claim, usize)>,
}

/// Reads the prose: lines `1..=line_count` except those in `excluded` (table regions, headings).
pub fn read(source: &Source, excluded: &[(usize, usize)]) -> Prose {
    let mut prose = Prose { sentences: sentences(source, excluded), ..Prose::default() };
    for (index, sentence) in prose.sentences.iter().enumerate() {
        // "…收到申请859件。其中予以公开…": the previous sentence sets the subject.
        let after_applications = index.checked_sub(1).is_some_and(|i| prose.sentences[i].contains("申请"));
        classify(sentence, index, after_applications, &mut prose.mentions, &mut prose.claims);
    }
    prose
}

fn sentences(source: &Source, excluded: &[(usize, usize)]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut current: Option<Sentence> = None;
    let finish = |current: &mut Option<Sentence>, out: &mut Vec<Sentence>| {
        if let Some(mut s) = current.take() {
            if !s.chars.is_empty() {
                s.amounts = amounts(&s.chars, &s.offsets);
                s.text = s.chars.iter().collect();
                out.push(s);
            }
        }
    };
    for (no, start, line) in source.lines() {
        let skip = excluded.iter().any(|&(a, b)| (a..=b).contains(&no));
        if skip || line.trim_matches(is_space).is_empty() || starts_paragraph(line) {
            finish(&mut current, &mut out);
            if skip || line.trim_matches(is_space).is_empty() {
                continue;
            }
        }
        if is_noise_line(line) {
            continue;
        }
        for (i, c) in line.char_indices() {
            if is_space(c) {
                continue;
            }
            let s = current.get_or_insert_with(|| Sentence {
                text: String::new(),
                chars: Vec::new(),
                offsets: Vec::new(),
                line: no,
                amounts: Vec::new(),
            });
            s.chars.push(c);
            s.offsets.push(start + i);
            if matches!(c, '。' | '！' | '？' | '!' | '?') {
                finish(&mut current, &mut out);
            }
        }
    }
    finish(&mut current, &mut out);
    out
}

/// A line that starts a new paragraph: `（一）`, `一、`, `1.`/`1、` numbering.
fn starts_paragraph(line: &str) -> bool {
    let mut t = line.trim_start_matches(is_space).chars().map(fold_char);
    match (t.next(), t.next()) {
        (Some('('), _) => true,
        (Some(n), Some('、' | '.')) => n.is_ascii_digit() || "一二三四五六七八九十".contains(n),
        _ => false,
    }
}

const CN_DIGITS: &str = "零〇一二两三四五六七八九";

/// Numbers followed by a unit (`116条`, `3,119件`, `十二件`, `40余条`, `1187.04万元`).
fn amounts(chars: &[char], offsets: &[usize]) -> Vec<Amount> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = fold_char(chars[i]);
        let arabic = c.is_ascii_digit();
        let chinese = CN_DIGITS.contains(c) || c == '十';
        let prev = i.checked_sub(1).map(|j| fold_char(chars[j]));
        if !(arabic || chinese) || prev.is_some_and(|p| p.is_ascii_alphanumeric() || p == '.' || p == '第') {
            i += 1;
            continue;
        }
        let start = i;
        let mut j = i;
        if arabic {
            while j < chars.len()
                && (fold_char(chars[j]).is_ascii_digit()
                    || (matches!(fold_char(chars[j]), ',' | '.') && chars.get(j + 1).is_some_and(|n| fold_char(*n).is_ascii_digit())))
            {
                j += 1;
            }
        } else {
            while j < chars.len() && (CN_DIGITS.contains(chars[j]) || "十百千万".contains(chars[j])) {
                j += 1;
            }
        }
        let digits: String = chars[start..j].iter().map(|c| fold_char(*c)).collect();
        let mut k = j;
        let mut approximate = false;
        if k < chars.len() && matches!(chars[k], '余' | '多') {
            approximate = true;
            k += 1;
        }
        let rest: String = chars[k..chars.len().min(k + 2)].iter().collect();
        let units: &[&'static str] = if arabic {
            &["万元", "件", "条", "个", "起", "宗", "份", "项", "次", "元"]
        } else {
            &["件", "条", "起", "宗", "份"]
        };
        let Some(unit) = units.iter().find(|u| rest.starts_with(**u)) else {
            i = j.max(i + 1);
            continue;
        };
        let value = if arabic { digits.replace(',', "").parse().ok() } else { chinese_number(&digits) };
        let Some(value) = value else {
            i = j;
            continue;
        };
        let before: String = chars[start.saturating_sub(2)..start].iter().collect();
        let after_unit: String =
            chars[(k + unit.chars().count()).min(chars.len())..chars.len().min(k + unit.chars().count() + 2)].iter().collect();
        approximate |= ["近", "约", "逾", "超过", "多达", "大约", "将近"].iter().any(|w| before.ends_with(w))
            || after_unit.starts_with("左右")
            || after_unit.starts_with("以上");
        out.push(Amount {
            value,
            unit,
            approximate,
            at: start,
            end: j,
            start_byte: offsets[start],
            end_byte: offsets[j - 1] + chars[j - 1].len_utf8(),
        });
        i = k + unit.chars().count();
    }
    out
}

/// `十二` → 12, `一百零五` → 105, `三千` → 3000, `两` → 2.
fn chinese_number(s: &str) -> Option<f64> {
    let digit = |c: char| "零一二三四五六七八九".chars().position(|d| d == c).or((c == '〇').then_some(0)).or((c == '两').then_some(2));
    let mut total = 0u64;
    let mut section = 0u64;
    let mut pending: Option<u64> = None;
    for c in s.chars() {
        if let Some(d) = digit(c) {
            pending = Some(d as u64);
            continue;
        }
        let unit = match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            '万' => {
                total += (section + pending.take().unwrap_or(0)) * 10_000;
                section = 0;
                continue;
            }
            _ => return None,
        };
        section += pending.take().unwrap_or(1) * unit;
    }
    Some((total + section + pending.unwrap_or(0)) as f64)
}

/// Splits a sentence into clauses at `，；：、（）` and their half-width forms.
fn clauses(chars: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in chars.iter().enumerate() {
        if matches!(fold_char(*c), ',' | ';' | ':' | '、' | '(' | ')' | '，' | '；' | '：' | '。' | '!' | '?' | '！' | '？') {
            if i > start {
                out.push((start, i));
            }
            start = i + 1;
        }
    }
    if start < chars.len() {
        out.push((start, chars.len()));
    }
    out
}

/// Keywords, most specific first, that say what an application number counts.
const APPLICATION_TOPICS: &[(&[&str], Topic)] = &[
    (&["顺延", "结转下年", "结转到下年", "结转至下年", "转入下年", "下年度继续办理", "结转至下一年", "结转到下一年"], Topic::CarriedOut),
    (&["上年结转", "上年度结转", "上一年度结转", "上年度转入", "上年转入", "上一年结转"], Topic::CarriedIn),
    (
        &["予以公开及部分公开", "予以公开和部分公开", "予以公开或部分公开", "公开及部分公开", "公开和部分公开"],
        Topic::Outcome(Outcome::GrantedPartial),
    ),
    (&["部分公开"], Topic::Outcome(Outcome::Partial)),
    (&["不予公开"], Topic::Outcome(Outcome::Denied)),
    (&["无法提供"], Topic::Outcome(Outcome::Unable)),
    (&["不予处理"], Topic::Outcome(Outcome::Ignored)),
    (&["其他处理"], Topic::Outcome(Outcome::Other)),
    (&["予以公开", "同意公开", "全部公开"], Topic::Outcome(Outcome::Granted)),
    (&["办结", "答复", "办理完毕", "处理完毕", "办理完成", "完成"], Topic::Processed),
    (&["收到", "受理", "新收", "接收", "接到", "共收"], Topic::New),
];

/// Result words of 表四 and their columns.
const RESULTS: &[(&str, ColumnKey)] = &[
    ("维持", ColumnKey::Upheld),
    ("纠正", ColumnKey::Corrected),
    ("其他结果", ColumnKey::Other),
    ("尚未审结", ColumnKey::Pending),
    ("未审结", ColumnKey::Pending),
    ("正在审理", ColumnKey::Pending),
];

#[derive(Clone, Copy, PartialEq)]
enum Subject {
    None,
    Review,
    Lawsuit,
}

fn classify(sentence: &Sentence, index: usize, after_applications: bool, mentions: &mut Vec<Mention>, claims: &mut Vec<(Claim, usize)>) {
    let text = &sentence.text;
    let about_applications = contains(text, "申请");
    let mut subject = Subject::None;
    for (start, end) in clauses(&sentence.chars) {
        let clause: String = sentence.chars[start..end].iter().collect();
        let review = contains(&clause, "复议") && !contains(&clause, "复议后起诉");
        let lawsuit = contains_any(&clause, &["诉讼", "起诉"]);
        if review && lawsuit {
            subject = Subject::None; // both in one clause: ambiguous
            continue;
        }
        if review {
            subject = Subject::Review;
        } else if lawsuit {
            subject = Subject::Lawsuit;
        }
        let amount =
            sentence.amounts.iter().find(|a| a.at >= start && a.end <= end && ["件", "条", "个", "起", "宗", "份"].contains(&a.unit));
        let Some(amount) = amount else { continue };
        let result = RESULTS.iter().find(|(w, _)| contains(&clause, w)).map(|(_, c)| *c);
        let topic = if subject != Subject::None && (review || lawsuit || result.is_some()) {
            Some(match subject {
                Subject::Review => Topic::Review(result),
                _ => Topic::Lawsuit(result),
            })
        } else if about_applications || after_applications {
            let found = APPLICATION_TOPICS
                .iter()
                .find(|(words, _)| contains_any(&clause, words))
                .map(|(_, t)| *t)
                .filter(|t| about_applications || matches!(t, Topic::Outcome(_)));
            if found.is_some() {
                subject = Subject::None;
            }
            found.filter(|t| !(matches!(t, Topic::Outcome(Outcome::Granted)) && contains(&clause, "不予公开")))
        } else {
            None
        };
        if let Some(topic) = topic {
            mentions.push(Mention { topic, amount: amount.clone(), sentence: index });
        }
    }
    if text.contains(['无', '未', '没', '维']) {
        claims.extend(claims_of(sentence).into_iter().map(|c| (c, index)));
    }
}

/// Statements that there were none, or that all were upheld (in clauses that count nothing).
fn claims_of(sentence: &Sentence) -> Vec<Claim> {
    let text = &sentence.text;
    let mut out = Vec::new();
    let negations = ["未发生", "没有收到", "没有接到", "未收到", "未接到", "未受理", "未出现", "没有", "未有", "无"];
    let mut clause_start = 0; // in chars
    for clause in text.split(['，', '。', '；', ',', ';']) {
        let len = clause.chars().count();
        let range = clause_start..clause_start + len;
        clause_start += len + 1;
        let counts = sentence.amounts.iter().any(|a| range.contains(&a.at) && a.unit != "元" && a.unit != "万元");
        if counts {
            continue;
        }
        for neg in negations {
            let Some(at) = crate::text::find_from(clause, neg, 0) else {
                continue;
            };
            let after = &clause[at + neg.len()..];
            if after.starts_with("法") || after.starts_with("正当") {
                continue; // 无法提供, 无正当理由
            }
            let window: String = after.chars().take(24).collect();
            if contains(&window, "复议") {
                out.push(Claim::NoReview);
            }
            if contains_any(&window, &["诉讼", "起诉"]) {
                out.push(Claim::NoLawsuit);
            }
            if contains(&window, "申请") && !contains_any(&window, &["复议", "诉讼"]) {
                out.push(Claim::NoApplications);
            }
            break;
        }
        if contains_any(clause, &["均", "全部", "都"]) && contains(clause, "维持") {
            // The subject is in the clause, or the last one named before it: "复议5件，均获维持".
            let before = &text[..text.find(clause).unwrap_or(0) + clause.len()];
            let review = before.rfind("复议");
            let lawsuit = before.rfind("诉讼").or(before.rfind("起诉"));
            match (review, lawsuit) {
                (Some(_), Some(_)) if contains(clause, "复议") && contains(clause, "诉讼") => {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn prose(text: &str) -> Prose {
        let source = Source::new(text.to_owned());
        read(&source, &[])
    }

    fn topics(text: &str) -> Vec<(Topic, f64, bool)> {
        prose(text).mentions.into_iter().map(|m| (m.topic, m.amount.value, m.amount.approximate)).collect()
    }

    #[test]
    fn numbers_in_prose() {
        assert_eq!(chinese_number("十二"), Some(12.0));
        assert_eq!(chinese_number("一百零五"), Some(105.0));
        assert_eq!(chinese_number("两"), Some(2.0));
        let p = prose("主动公开政府信息 5500 余条，其中规章 1 件、政策性文件十二件，近300个，第1件。");
        let got: Vec<_> = p.sentences[0].amounts.iter().map(|a| (a.value, a.unit, a.approximate)).collect();
        assert_eq!(got, vec![(5500.0, "条", true), (1.0, "件", false), (12.0, "件", false), (300.0, "个", true)]);
    }

    #[test]
    fn application_topics_in_a_wrapped_pdf_sentence() {
        let text = "2024 年，全市共受理政府信息公开申请 3119 件，答\n复 3050 件（含上年度结转申请 34 件，另有 103 件顺延到下年度\n答复），均在法定期限内予以答复。";
        assert_eq!(
            topics(text),
            vec![
                (Topic::New, 3119.0, false),
                (Topic::Processed, 3050.0, false),
                (Topic::CarriedIn, 34.0, false),
                (Topic::CarriedOut, 103.0, false)
            ]
        );
    }

    #[test]
    fn review_and_lawsuit_results() {
        let text = "政府信息公开行政复议 351 件，其中结果维持 72 件，结果纠正 64 件，其他结果 178 件，尚未审结 37 件；政府信息公开行政诉讼 46 件，其中结果维持 25 件。";
        assert_eq!(
            topics(text),
            vec![
                (Topic::Review(None), 351.0, false),
                (Topic::Review(Some(ColumnKey::Upheld)), 72.0, false),
                (Topic::Review(Some(ColumnKey::Corrected)), 64.0, false),
                (Topic::Review(Some(ColumnKey::Other)), 178.0, false),
                (Topic::Review(Some(ColumnKey::Pending)), 37.0, false),
                (Topic::Lawsuit(None), 46.0, false),
                (Topic::Lawsuit(Some(ColumnKey::Upheld)), 25.0, false),
            ]
        );
    }

    #[test]
    fn outcomes() {
        let text = "全年收到申请859件，予以公开及部分公开258件，不予公开12件，无法提供265件。";
        assert_eq!(
            topics(text),
            vec![
                (Topic::New, 859.0, false),
                (Topic::Outcome(Outcome::GrantedPartial), 258.0, false),
                (Topic::Outcome(Outcome::Denied), 12.0, false),
                (Topic::Outcome(Outcome::Unable), 265.0, false),
            ]
        );
    }

    #[test]
    fn claims() {
        let claims = |t: &str| prose(t).claims.into_iter().map(|(c, _)| c).collect::<Vec<_>>();
        assert_eq!(
            claims("2020年我镇无依申请公开，无因政府信息公开申请工作被申请行政复议和行政诉讼的情况。"),
            vec![Claim::NoApplications, Claim::NoReview, Claim::NoLawsuit]
        );
        assert_eq!(claims("2020年度我街道未接到任何形式的信息公开申请。"), vec![Claim::NoApplications]);
        assert_eq!(claims("行政复议案件均获维持。"), vec![Claim::ReviewAllUpheld]);
        assert_eq!(claims("全年被申请行政复议5件，均获维持。"), vec![Claim::ReviewAllUpheld]);
        assert_eq!(claims("行政复议和行政诉讼案件均获维持。"), vec![Claim::ReviewAllUpheld, Claim::LawsuitAllUpheld]);
        assert_eq!(claims("对无法提供的申请，均书面告知。"), vec![]);
        assert_eq!(claims("全年受理申请3件，未发生行政复议。"), vec![Claim::NoReview]);
        assert_eq!(claims("未收到申请3件以外的其他申请。"), vec![]);
    }
}
