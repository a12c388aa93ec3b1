//! The report's prose — every line outside the three tables — as sentences, the numbers in them
//! (Arabic or Chinese numerals, approximate ones marked), and what each number is said to count,
//! found by keyword: the raw material of the TEXT-* rules.

mod clauses;
mod numbers;
mod sentences;
mod topics;

pub use numbers::Amount;
pub use sentences::Sentence;

use crate::schema::{ColumnKey, RowKey};
use crate::text::Source;

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
    /// A 表二 figure: its row and column.
    Active(RowKey, ColumnKey),
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
/// Each sentence is scanned once, for its clauses, statements and numbers, and classified as it is
/// read.
pub fn read(source: &Source, excluded: &[(usize, usize)]) -> Prose {
    let mut prose = Prose::default();
    let mut parts = clauses::Parts::default();
    // "…收到申请859件。其中予以公开…": the previous sentence sets the subject.
    let mut after_applications = false;
    sentences::read(source, excluded, |text, runs, line| {
        let amounts = parts.scan(text, runs);
        let sentence = Sentence { text: text.to_owned(), line, amounts };
        let index = prose.sentences.len();
        after_applications = topics::classify(&sentence, &parts, index, after_applications, &mut prose.mentions, &mut prose.claims);
        prose.sentences.push(sentence);
    });
    prose
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
    fn active_figures() {
        let text = "本年制发行政规范性文件3件，废止1件，现行有效规范性文件25件；作出行政处罚决定45件，行政许可120件。\
            主动公开行政处罚信息300条。本年度收取行政事业性收费12.5万元。修订内部规章制度5件。";
        assert_eq!(
            topics(text),
            vec![
                (Topic::Active(RowKey::Normative, ColumnKey::Issued), 3.0, false),
                (Topic::Active(RowKey::Normative, ColumnKey::Repealed), 1.0, false),
                (Topic::Active(RowKey::Normative, ColumnKey::InForce), 25.0, false),
                (Topic::Active(RowKey::Penalty, ColumnKey::Decisions), 45.0, false),
                (Topic::Active(RowKey::Licensing, ColumnKey::Decisions), 120.0, false),
                (Topic::Active(RowKey::Fees, ColumnKey::AmountWan), 12.5, false),
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
