//! The sign of each severity, the same in the findings list, the cells and their tooltips.

use nianbao_core::Severity;

pub fn icon(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "✖",
        Severity::Warning => "⚠",
        Severity::Info => "ℹ",
        Severity::Unread => "…",
    }
}
