//! Many reports at once: the files a batch takes, which report is each one's last year (paired
//! automatically or chosen), the checked entries, and the sheets the batch table and exports show.

pub mod archive;
pub mod organ;
mod pair;
pub mod sheet;
#[cfg(feature = "xlsx")]
pub mod xlsx;

pub use pair::last_years;

use crate::check::finding::Finding;
use crate::check::report::Report;
use crate::read::Parsed;
use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

/// The file name extensions (lower case) a batch takes as reports when it walks a folder: the
/// formats [`crate::read_input`] reads. A reader for another format adds its extension here.
pub const REPORT_EXTENSIONS: &[&str] = &["txt", "docx", "doc", "wps", "html", "htm", "pdf"];

/// Whether a file name has one of the [`REPORT_EXTENSIONS`] (in any case).
pub fn is_report_file(name: &str) -> bool {
    name.rsplit_once('.').is_some_and(|(stem, ext)| !stem.is_empty() && REPORT_EXTENSIONS.iter().any(|e| e.eq_ignore_ascii_case(ext)))
}

/// Reports read from many files, before checking: each file's name, what reading it gave (the
/// reason in Chinese when it could not be read) and the report taken as its last year.
pub struct Batch {
    files: Vec<String>,
    read: Vec<Result<Parsed, String>>,
    previous: Vec<Option<usize>>,
}

impl Batch {
    /// A batch of files as read, none paired yet.
    pub fn new(read: Vec<(String, Result<Parsed, String>)>) -> Batch {
        let previous = vec![None; read.len()];
        let (files, read) = read.into_iter().unzip();
        Batch { files, read, previous }
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    pub fn file(&self, i: usize) -> &str {
        &self.files[i]
    }

    /// The report read from file `i`, or None when it could not be read.
    pub fn parsed(&self, i: usize) -> Option<&Parsed> {
        self.read[i].as_ref().ok()
    }

    /// Pairs the same organ's consecutive years automatically ([`last_years`]), replacing any
    /// earlier choice.
    pub fn pair_years(&mut self) {
        let identities: Vec<(Option<&str>, Option<i32>)> =
            self.read.iter().map(|r| r.as_ref().map_or((None, None), |p| (p.organ.as_deref(), p.year))).collect();
        self.previous = last_years(&identities);
    }

    /// The index of the report taken as report `i`'s last year.
    pub fn previous(&self, i: usize) -> Option<usize> {
        self.previous[i]
    }

    /// Takes report `previous` as report `i`'s last year, or none. A report is never its own
    /// last year, and an unreadable file is never one.
    pub fn set_previous(&mut self, i: usize, previous: Option<usize>) {
        self.previous[i] = previous.filter(|&p| p != i && self.read[p].is_ok());
    }

    /// The findings of report `i` (with its last year's report when one is taken), or None when
    /// the file could not be read. Callers may check reports in parallel.
    pub fn findings(&self, i: usize) -> Option<Vec<Finding>> {
        let parsed = self.parsed(i)?;
        Some(crate::check::run(parsed, self.previous[i].and_then(|p| self.parsed(p))))
    }

    /// The checked entries, given each report's [`Batch::findings`] (in order).
    pub fn into_entries(self, findings: Vec<Option<Vec<Finding>>>) -> Vec<Entry> {
        let previous: Vec<Option<String>> = self.previous.iter().map(|p| p.map(|p| self.files[p].clone())).collect();
        self.files
            .into_iter()
            .zip(self.read)
            .zip(findings)
            .zip(previous)
            .map(|(((file, read), findings), previous)| {
                let outcome = read.map(|parsed| Report { parsed, findings: findings.expect("a readable report has findings") });
                Entry { file, outcome, previous }
            })
            .collect()
    }

    /// Checks every report in turn ([`Batch::findings`]) into entries.
    pub fn check(self) -> Vec<Entry> {
        let findings = (0..self.len()).map(|i| self.findings(i)).collect();
        self.into_entries(findings)
    }
}

/// One file of a checked batch: its report or why it could not be read, and the file taken as
/// its last year.
#[derive(Debug)]
pub struct Entry {
    pub file: String,
    /// The checked report, or the reason the file could not be read (in Chinese).
    pub outcome: Result<Report, String>,
    /// The file of the report taken as last year (YEAR-* rules), if any.
    pub previous: Option<String>,
}

impl Entry {
    /// The entry as one JSON object: `{"file", "previous", "report"}` with the SPEC §6 document,
    /// or `{"file", "previous", "error"}` when the file could not be read.
    pub fn to_json(&self) -> String {
        String::from_utf8(self.json_bytes()).expect("serde_json writes UTF-8")
    }

    /// [`Entry::to_json`] as bytes, written into a buffer sized for the report at once.
    pub fn json_bytes(&self) -> Vec<u8> {
        let mut json = Vec::with_capacity(self.outcome.as_ref().map_or(256, Report::json_size_hint));
        serde_json::to_writer(&mut json, self).expect("an entry always serializes");
        json
    }
}

impl Serialize for Entry {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut obj = s.serialize_struct("Entry", 3)?;
        obj.serialize_field("file", &self.file)?;
        obj.serialize_field("previous", &self.previous)?;
        match &self.outcome {
            Ok(report) => obj.serialize_field("report", report)?,
            Err(reason) => obj.serialize_field("error", reason)?,
        }
        obj.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HONGZE_2023: &str = include_str!("../../../../tests/fixtures/reports/hongze-district-2023.txt");
    const HONGZE_2024: &str = include_str!("../../../../tests/fixtures/reports/hongze-district-2024.txt");

    fn parse(text: &str) -> Result<Parsed, String> {
        crate::parse_bytes(text.as_bytes()).map_err(|e| e.to_string())
    }

    fn year_rules(entry: &Entry) -> Vec<&'static str> {
        entry.outcome.as_ref().unwrap().findings.iter().map(|f| f.rule).filter(|r| r.starts_with("YEAR-")).collect()
    }

    #[test]
    fn report_files_by_extension() {
        for name in ["a.txt", "报告.DOCX", "dir/b.html", "c.htm"] {
            assert!(is_report_file(name), "{name}");
        }
        for name in ["a.xlsx", "txt", ".txt", "a.txt.bak", "README"] {
            assert!(!is_report_file(name), "{name}");
        }
    }

    #[test]
    fn a_paired_batch_checks_the_later_year_against_the_earlier() {
        let broken = HONGZE_2023.replacen("四、结转下年度继续办理 0 0 0 0 0 0 0", "四、结转下年度继续办理 1 0 0 0 0 0 1", 1);
        assert_ne!(broken, HONGZE_2023, "the fixture's 结转 row");
        let mut batch = Batch::new(vec![
            ("2024.txt".into(), parse(HONGZE_2024)),
            ("unreadable.txt".into(), Err("无法读取".into())),
            ("2023.txt".into(), parse(&broken)),
        ]);
        batch.pair_years();
        assert_eq!((batch.previous(0), batch.previous(1), batch.previous(2)), (Some(2), None, None));
        let entries = batch.check();
        assert_eq!(entries[0].previous.as_deref(), Some("2023.txt"));
        assert_eq!(year_rules(&entries[0]), ["YEAR-CARRY", "YEAR-CARRY"]);
        assert!(year_rules(&entries[2]).is_empty());
        assert_eq!(entries[1].to_json(), r#"{"file":"unreadable.txt","previous":null,"error":"无法读取"}"#);
        assert!(entries[0]
            .to_json()
            .starts_with(r#"{"file":"2024.txt","previous":"2023.txt","report":{"organ":"淮安市洪泽区人民政府","year":2024,"#));
    }

    #[test]
    fn the_user_changes_or_clears_last_year() {
        let mut batch = Batch::new(vec![("a".into(), parse(HONGZE_2024)), ("b".into(), Err("x".into())), ("c".into(), parse(HONGZE_2023))]);
        batch.pair_years();
        batch.set_previous(0, None);
        assert_eq!(batch.previous(0), None);
        batch.set_previous(0, Some(1));
        assert_eq!(batch.previous(0), None, "an unreadable file is never last year");
        batch.set_previous(0, Some(0));
        assert_eq!(batch.previous(0), None, "nor the report itself");
        batch.set_previous(2, Some(0));
        assert_eq!(batch.previous(2), Some(0));
    }
}
