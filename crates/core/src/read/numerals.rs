//! Numerals: one digit (Arabic, full-width or Chinese) and Chinese numbers (`十二`, `一百零五`), for
//! section headings, years in titles and figures in the prose.

use crate::text::fold_char;

/// The value of one digit: `3`, `３`, `三`, `〇`/`零`, `两`.
pub fn digit(c: char) -> Option<u32> {
    let c = fold_char(c);
    if let Some(d) = c.to_digit(10) {
        return Some(d);
    }
    match c {
        '〇' | '零' => Some(0),
        '两' => Some(2),
        '一' => Some(1),
        '二' => Some(2),
        '三' => Some(3),
        '四' => Some(4),
        '五' => Some(5),
        '六' => Some(6),
        '七' => Some(7),
        '八' => Some(8),
        '九' => Some(9),
        _ => None,
    }
}

/// A Chinese digit (not an Arabic one), the first char of a Chinese number.
pub fn is_chinese_digit(c: char) -> bool {
    !c.is_ascii_digit() && digit(c).is_some()
}

/// `十二` → 12, `一百零五` → 105, `三千` → 3000, `两` → 2, `一万二千` → 12000.
pub fn chinese_number(s: &str) -> Option<f64> {
    let mut total = 0u64;
    let mut section = 0u64;
    let mut pending: Option<u64> = None;
    for c in s.chars() {
        if let Some(d) = digit(c).filter(|_| is_chinese_digit(c)) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_and_chinese_numbers() {
        assert_eq!(
            ['3', '３', '三', '〇', '零', '两', '九', 'a', '十'].map(digit),
            [Some(3), Some(3), Some(3), Some(0), Some(0), Some(2), Some(9), None, None]
        );
        assert_eq!(chinese_number("十二"), Some(12.0));
        assert_eq!(chinese_number("一百零五"), Some(105.0));
        assert_eq!(chinese_number("两"), Some(2.0));
        assert_eq!(chinese_number("一万二千"), Some(12000.0));
        assert_eq!(chinese_number("十二x"), None);
    }
}
