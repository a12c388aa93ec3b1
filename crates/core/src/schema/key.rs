//! Cell keys as types: a table, a row and a column (SPEC §3), printed `applications.new.total` for
//! machines and 表三“一、本年新收政府信息公开申请数量”行“总计”列 for clerks. No other code builds a
//! key string.

use super::{Column, Row, TableKey};
use serde::{Serialize, Serializer};
use std::fmt;

/// An enum of keys, each printed as its SPEC name.
macro_rules! keys {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $text:literal),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($variant),* }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The SPEC name (`carried_in`).
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),* }
            }

            pub fn parse(text: &str) -> Option<$name> {
                match text { $($text => Some($name::$variant),)* _ => None }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
    };
}

keys! {
    /// A row of 表二, 表三 or 表四.
    RowKey {
        // 表二
        Rules = "rules", Normative = "normative", Licensing = "licensing", OtherServices = "other_services",
        Penalty = "penalty", Coercion = "coercion", Fees = "fees", Procurement = "procurement",
        // 表三
        New = "new", CarriedIn = "carried_in", Granted = "granted", Partial = "partial",
        DeniedSecret = "denied_secret", DeniedLaw = "denied_law", DeniedSafety = "denied_safety",
        DeniedThirdParty = "denied_third_party", DeniedInternal = "denied_internal", DeniedProcess = "denied_process",
        DeniedEnforcement = "denied_enforcement", DeniedQuery = "denied_query",
        UnableNotHeld = "unable_not_held", UnableNeedsMaking = "unable_needs_making", UnableUnclear = "unable_unclear",
        IgnoredPetition = "ignored_petition", IgnoredRepeat = "ignored_repeat", IgnoredPublication = "ignored_publication",
        IgnoredMassive = "ignored_massive", IgnoredConfirm = "ignored_confirm",
        Other = "other", OtherNoCorrection = "other_no_correction", OtherNoFee = "other_no_fee", OtherMisc = "other_misc",
        Processed = "processed", CarriedOut = "carried_out",
        // 表四
        Review = "review", LawsuitDirect = "lawsuit_direct", LawsuitAfterReview = "lawsuit_after_review",
    }
}

keys! {
    /// A column of 表二, 表三 or 表四.
    ColumnKey {
        // 表二, 2019
        Made = "made", Published = "published", PublicTotal = "public_total", PrevItems = "prev_items", Change = "change",
        Decisions = "decisions", Projects = "projects", Amount = "amount",
        // 表二, 2021
        Issued = "issued", Repealed = "repealed", InForce = "in_force", AmountWan = "amount_wan",
        // 表三
        Natural = "natural", Commercial = "commercial", Research = "research", Nonprofit = "nonprofit", Legal = "legal",
        OtherOrg = "other_org",
        // 表三 and 表四
        Total = "total",
        // 表四
        Upheld = "upheld", Corrected = "corrected", Other = "other", Pending = "pending",
    }
}

impl ColumnKey {
    /// The 表二 columns of the 2021 format (their rows print 行政规范性文件, not 规范性文件).
    pub fn is_2021_active(self) -> bool {
        matches!(self, ColumnKey::Issued | ColumnKey::Repealed | ColumnKey::InForce | ColumnKey::AmountWan)
    }
}

/// One cell of the official tables: `applications.new.total`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CellKey {
    pub table: TableKey,
    pub row: RowKey,
    pub column: ColumnKey,
}

impl CellKey {
    pub const fn new(table: TableKey, row: RowKey, column: ColumnKey) -> CellKey {
        CellKey { table, row, column }
    }

    /// Reads `table.row.column`; None for anything that is not a key of the tables.
    pub fn parse(text: &str) -> Option<CellKey> {
        let mut parts = text.split('.');
        let table = TableKey::parse(parts.next()?)?;
        let row = RowKey::parse(parts.next()?)?;
        let column = ColumnKey::parse(parts.next()?)?;
        parts.next().is_none().then_some(CellKey { table, row, column })
    }

    /// The same row, another column.
    pub fn with_column(self, column: ColumnKey) -> CellKey {
        CellKey { column, ..self }
    }

    /// The same column, another row.
    pub fn with_row(self, row: RowKey) -> CellKey {
        CellKey { row, ..self }
    }

    /// The row's definition in the official form.
    pub fn row_def(self) -> &'static Row {
        super::row_def(self.table, self.row)
    }

    /// The column's definition in the official form.
    pub fn column_def(self) -> &'static Column {
        super::column_def(self.table, self.column)
    }

    /// The clerk's name of the cell, as the form prints it: 表三“2.重复申请”行“总计”列,
    /// 表二“行政规范性文件”行“本年制发件数”列, 表四“行政复议”组“结果维持”列.
    pub fn label(self) -> String {
        format!("{}{}", self.table.short(), self.label_in_table())
    }

    /// The clerk's name of the cell within its table: “2.重复申请”行“总计”列.
    pub fn label_in_table(self) -> String {
        let row = self.row_label();
        let column = self.column_def().label;
        match self.table {
            TableKey::Reviews => format!("“{row}”组“{column}”列"),
            _ => format!("“{row}”行“{column}”列"),
        }
    }

    /// The row as the form prints it (表二's 规范性文件 is 行政规范性文件 under the 2021 columns).
    pub fn row_label(self) -> &'static str {
        match (self.row, self.column.is_2021_active()) {
            (RowKey::Normative, true) => "行政规范性文件",
            _ => self.row_def().label,
        }
    }
}

impl CellKey {
    /// How many keys there are: every table, row and column, as [`CellKey::index`] numbers them.
    const COUNT: usize = TableKey::ALL.len() * RowKey::ALL.len() * ColumnKey::ALL.len();

    /// The key's place among all [`CellKey::COUNT`] keys (table, then row, then column).
    fn index(self) -> usize {
        (self.table as usize * RowKey::ALL.len() + self.row as usize) * ColumnKey::ALL.len() + self.column as usize
    }

    /// `table.row.column`: each key is spelled once, the first time any is asked for (a report's
    /// JSON names every one of its cells, and putting each name together again cost a tenth of it).
    fn spelled(self) -> &'static str {
        static SPELLED: std::sync::OnceLock<(String, Vec<u32>)> = std::sync::OnceLock::new();
        let (all, ends) = SPELLED.get_or_init(|| {
            let mut all = String::new();
            let mut ends = Vec::with_capacity(CellKey::COUNT + 1);
            ends.push(0);
            for table in TableKey::ALL {
                for &row in RowKey::ALL {
                    for &column in ColumnKey::ALL {
                        for (i, part) in [table.as_str(), row.as_str(), column.as_str()].into_iter().enumerate() {
                            if i > 0 {
                                all.push('.');
                            }
                            all.push_str(part);
                        }
                        ends.push(u32::try_from(all.len()).expect("the keys' names are short"));
                    }
                }
            }
            (all, ends)
        });
        let i = self.index();
        &all[ends[i] as usize..ends[i + 1] as usize]
    }
}

impl fmt::Display for CellKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.spelled())
    }
}

impl Serialize for CellKey {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.spelled())
    }
}

impl PartialEq<str> for CellKey {
    fn eq(&self, other: &str) -> bool {
        CellKey::parse(other) == Some(*self)
    }
}

impl PartialEq<String> for CellKey {
    fn eq(&self, other: &String) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<&str> for CellKey {
    fn eq(&self, other: &&str) -> bool {
        self == *other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_and_parses_as_the_spec_names() {
        let key = CellKey::new(TableKey::Applications, RowKey::CarriedIn, ColumnKey::OtherOrg);
        assert_eq!(key.to_string(), "applications.carried_in.other_org");
        assert_eq!(CellKey::parse("applications.carried_in.other_org"), Some(key));
        assert_eq!(serde_json::to_string(&key).unwrap(), "\"applications.carried_in.other_org\"");
        for bad in ["", "applications", "applications.new", "applications.new.total.x", "applications.nwe.total"] {
            assert_eq!(CellKey::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn every_key_prints_and_serializes_as_its_parts() {
        for table in TableKey::ALL {
            for &row in RowKey::ALL {
                for &column in ColumnKey::ALL {
                    let key = CellKey::new(table, row, column);
                    let spelled = format!("{}.{}.{}", table.as_str(), row.as_str(), column.as_str());
                    assert_eq!((key.to_string(), serde_json::to_string(&key).unwrap()), (spelled.clone(), format!("\"{spelled}\"")));
                }
            }
        }
    }

    #[test]
    fn every_key_has_its_own_index() {
        let mut seen = vec![false; CellKey::COUNT];
        for table in TableKey::ALL {
            for &row in RowKey::ALL {
                for &column in ColumnKey::ALL {
                    let i = CellKey::new(table, row, column).index();
                    assert!(!std::mem::replace(&mut seen[i], true), "{table:?} {row:?} {column:?}");
                }
            }
        }
        assert!(seen.into_iter().all(|s| s));
    }

    #[test]
    fn labels_name_rows_and_columns_as_printed() {
        use ColumnKey::*;
        use RowKey::*;
        let cases = [
            (CellKey::new(TableKey::Applications, Granted, Total), "表三“（一）予以公开”行“总计”列"),
            (CellKey::new(TableKey::Applications, IgnoredRepeat, Natural), "表三“2.重复申请”行“自然人”列"),
            (CellKey::new(TableKey::Active, Normative, InForce), "表二“行政规范性文件”行“现行有效件数”列"),
            (CellKey::new(TableKey::Active, Normative, PublicTotal), "表二“规范性文件”行“对外公开总数量”列"),
            (CellKey::new(TableKey::Reviews, Review, Upheld), "表四“行政复议”组“结果维持”列"),
            (CellKey::new(TableKey::Reviews, LawsuitAfterReview, Total), "表四“行政诉讼 · 复议后起诉”组“总计”列"),
        ];
        for (key, label) in cases {
            assert_eq!(key.label(), label);
        }
    }
}
