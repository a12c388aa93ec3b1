//! Report metadata from the title and preface: the organ, the report year, and the publication
//! date when the text states one (`发布时间:2021-01-18`, or the date under the closing signature).

use crate::text::{folded_from, is_ideograph, is_space, skeleton, Source};
use serde::Serialize;

/// A calendar date stated in the report, with where it came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Published {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// Line of the date in the text; None when the user entered it.
    pub line: Option<usize>,
    /// `"发布时间"` (page header), `"落款"` (the date under the signature), or `"用户输入"`.
    pub source: &'static str,
}

/// Organ and year from the title, and the title's line. The title is the first line before section
/// 一 that reads like one, in any of the shapes real reports have:
/// - `毛坝镇2020年政府信息公开工作年度报告` — organ, year, title on one line;
/// - `2023年某某市交通运输局政府信息公开工作年度报告` — the year first;
/// - `某某街道办事处2023年度政府` / `信息公开工作年度报告` — wrapped over two lines;
/// - `洪泽区人民政府` / `2023 年政府信息公开工作年度报告` — the organ on its own line above;
/// - `某某局` / `政府信息公开工作年度报告` / `（2023年度）` — the year on the line below.
///
/// The organ is taken only when it reads like an organ's name ([`organ_name`]): a stray line
/// above the title (`正文`, `Page 9 - …`) gives None, never a fragment.
pub fn title(source: &Source, before_line: usize) -> (Option<String>, Option<i32>, Option<usize>) {
    let last = before_line.min(source.line_count()).min(40);
    for no in 1..=last {
        let line = source.line(no).trim_matches(is_space);
        if !title_like(line) {
            continue;
        }
        if is_titled(line) {
            if let Some((year, at)) = year_in(line) {
                return (organ_around_year(source, no, line, at), Some(year), Some(no));
            }
            if reads_as_whole_title(line) {
                let organ = match clean_organ(cut_title_words(line)) {
                    before if before.is_empty() => organ_above(source, no),
                    before => organ_name(&before),
                };
                return (organ, year_below(source, no, last), Some(no));
            }
        } else if let (Some((year, at)), Some(next)) = (year_in(line), wrapped_rest(source, no, last)) {
            let joined = format!("{line}{next}");
            if is_titled(&joined) && title_like(&joined) && date_in(line[at..].chars()).is_none() {
                return (organ_around_year(source, no, &joined, at), Some(year), Some(no));
            }
        }
    }
    (None, None, None)
}

/// The organ that signs the report: the line above the closing date (`工布江达镇人民政府` /
/// `2021年1月31日`), when it reads like an organ's name. The second source after the title.
pub fn signature_organ(source: &Source) -> Option<String> {
    let (date_line, _) = closing_date(source)?;
    (1..date_line).rev().map(|no| source.line(no).trim_matches(is_space)).find(|l| !l.is_empty()).and_then(organ_name)
}

/// The year from the statistics period (`统计期限自2020年1月1日…`) when the title has none.
pub fn period_year(source: &Source) -> Option<i32> {
    source
        .lines()
        .take(60)
        .filter(|(_, _, l)| l.contains("统计期限") || l.contains("统计时限") || l.contains("统计期间"))
        .find_map(|(_, _, l)| year_in(l).map(|(y, _)| y))
}

/// An organ's name as a title or signature gives it (spaces, quotes, a leading or trailing `关于`
/// removed), or None when the text does not read like one: it must be 2–30 ideographs (brackets
/// and `·` allowed), end the way organs' names end (…政府, …局, …办公室, …办事处, …镇, …委员会 …) and
/// not be page furniture (`正文`, `首页`, a site's name). `Page 9 - 某某` and `（2023年度）` are not
/// organs.
pub fn organ_name(text: &str) -> Option<String> {
    let name = clean_organ(text);
    let count = name.chars().count();
    let ideographs = name.chars().all(|c| is_ideograph(c) && !matches!(c, '〇') || matches!(c, '（' | '）' | '(' | ')' | '·'));
    let furniture = ["正文", "首页", "网站", "欢迎", "位置", "来源", "发布", "报告", "附件", "信息公开"];
    let ends_like_organ = name.trim_end_matches(['）', ')']).chars().last().is_some_and(|c| ORGAN_ENDINGS.contains(c));
    ((2..=30).contains(&count) && ideographs && ends_like_organ && !furniture.iter().any(|f| name.contains(f))).then_some(name)
}

/// The last characters of organs' names: 政府 局 委员会 办公室 办事处 街道 厅 院 中心 所 馆 部 队 站 署 司
/// 社 行 校 园 区 县 市 州 盟 旗 镇 乡 苏木 场 团 台 村 海关 大学 厂, and the short forms 委 办 联 (妇联) 协 (科协).
const ORGAN_ENDINGS: &str = "府局会室处道厅院心所馆部队站署司社行校园区县市州盟旗镇乡木场团台村关学厂委办联协";

/// A line short enough for a title and without the punctuation of a sentence.
fn title_like(line: &str) -> bool {
    !line.is_empty() && line.chars().count() <= 60 && !line.contains(['，', '。', '；', ',', ';'])
}

fn is_titled(line: &str) -> bool {
    let skel = skeleton(line);
    skel.contains("信息公开") || skel.contains("年度报告") || skel.contains("年报")
}

/// A title without a year that is still a whole title: `（某某局）政府信息公开工作年度报告`.
fn reads_as_whole_title(line: &str) -> bool {
    let skel = skeleton(line);
    skel.contains("信息公开") && (skel.ends_with("报告") || skel.ends_with("年报")) && skel.chars().count() <= 40
}

/// The organ in a title line that has its year at byte `at`: the text before the year, else the
/// text after it (`2023年某某局政府信息公开…`), else the line above the title.
fn organ_around_year(source: &Source, no: usize, text: &str, at: usize) -> Option<String> {
    let before = clean_organ(cut_title_words(&text[..at]));
    if !before.is_empty() {
        return organ_name(&before);
    }
    let after_year = text[at..].trim_start_matches(|c: char| digit_of(c).is_some() || is_space(c) || c == '年' || c == '度');
    match clean_organ(cut_title_words(after_year)) {
        after if after.is_empty() => organ_above(source, no),
        after => organ_name(&after),
    }
}

/// Text up to the words that start the title proper (`政府信息公开`, `信息公开`, `政务公开`,
/// `年度报告`), keeping `政府` after `人民` (`某某县人民政府信息公开…`).
fn cut_title_words(text: &str) -> &str {
    let Some(at) = ["政府信息公开", "信息公开", "政务公开", "年度报告"].iter().filter_map(|w| text.find(w)).min() else {
        return text;
    };
    if text[..at].ends_with("人民") && text[at..].starts_with("政府") {
        &text[..at + "政府".len()]
    } else {
        &text[..at]
    }
}

/// The line above a title that names no organ (`洪泽区人民政府` / `2023 年政府信息公开…`): the
/// nearest non-blank line that is not a page marker, if it reads like an organ's name.
fn organ_above(source: &Source, title: usize) -> Option<String> {
    (1..title)
        .rev()
        .map(|no| source.line(no).trim_matches(is_space))
        .find(|l| !l.is_empty() && !crate::read::tokens::is_noise_line(l))
        .and_then(organ_name)
}

/// The rest of a title wrapped over two lines: the next non-blank line (within two), when it
/// is short, has no year and could continue a title.
fn wrapped_rest(source: &Source, no: usize, last: usize) -> Option<&str> {
    let next = (no + 1..=(no + 2).min(last)).map(|n| source.line(n).trim_matches(is_space)).find(|l| !l.is_empty())?;
    (next.chars().count() <= 30 && year_in(next).is_none() && title_like(next)).then_some(next)
}

/// The year of a title that has none, from a short line just below it (`（2023年度）`).
fn year_below(source: &Source, no: usize, last: usize) -> Option<i32> {
    let next = (no + 1..=(no + 2).min(last)).map(|n| source.line(n).trim_matches(is_space)).find(|l| !l.is_empty())?;
    (next.chars().count() <= 12).then(|| year_in(next).map(|(y, _)| y)).flatten()
}

/// Text without spaces and quotes, and without a leading or trailing `关于`.
fn clean_organ(s: &str) -> String {
    let name: String = s.chars().filter(|c| !is_space(*c) && !matches!(c, '《' | '》' | '“' | '”' | '"')).collect();
    let name = name.strip_prefix("关于").unwrap_or(&name);
    name.strip_suffix("关于").unwrap_or(name).to_owned()
}

/// The first `YYYY年` (Arabic or Chinese numerals, spaces allowed) in a line: year and byte offset.
pub fn year_in(line: &str) -> Option<(i32, usize)> {
    line.match_indices('年').find_map(|(at, _)| year_before(line, at))
}

/// The year written right before byte `at` of `line` (its 年): four digits not preceded by a fifth,
/// white space allowed between them and 年; the year and the byte where it starts.
fn year_before(line: &str, at: usize) -> Option<(i32, usize)> {
    let mut chars = line[..at].char_indices().rev().skip_while(|&(_, c)| is_space(c));
    let (mut year, mut place, mut start) = (0, 1, at);
    for _ in 0..4 {
        let (i, c) = chars.next()?;
        year += digit_of(c)? as i32 * place;
        place *= 10;
        start = i;
    }
    let fifth = chars.next().is_some_and(|(_, c)| digit_of(c).is_some());
    (!fifth && (2000..=2100).contains(&year)).then_some((year, start))
}

/// A digit of a year (`2`, `二`, `〇`); `两` is not written in years.
fn digit_of(c: char) -> Option<u32> {
    crate::read::numerals::digit(c).filter(|_| c != '两')
}

/// The publication date: a page header's `发布时间`/`发布日期`, else a date alone on one of the
/// last lines (the closing signature).
pub fn published(source: &Source) -> Option<Published> {
    // 发布时间, 发布日期, 发文日期 (Traditional 間 too): most lines have neither 发 nor the end.
    for (no, _, line) in source.lines_with('发', source.line_count()) {
        if !line.contains(['间', '間', '期']) {
            continue;
        }
        if let Some(date) = header_date(line) {
            return Some(Published { date, line: Some(no), source: "发布时间" });
        }
    }
    closing_date(source).map(|(no, date)| Published { date, line: Some(no), source: "落款" })
}

/// The date after the first 发布时间 of a line, else after its first 发布日期, else after its first
/// 发文日期, the line folded and its white space ignored.
fn header_date(line: &str) -> Option<String> {
    // The keys after their 发, which none of them holds again (so a key is found at the first 发
    // followed by the rest of it).
    const KEYS: [[char; 3]; 3] = [['布', '时', '间'], ['布', '日', '期'], ['文', '日', '期']];
    // The line's characters from byte `from`, folded, without white space.
    let folded = |from: usize| folded_from(line, from).filter(|&(_, c)| !is_space(c));
    // Where each key first ends.
    let mut ends: [Option<usize>; 3] = [None; 3];
    let mut chars = folded(0);
    while let Some((_, c)) = chars.next() {
        if c != '发' {
            continue;
        }
        let mut next = [(0, '\0'); 3];
        next.iter_mut().zip(chars.clone()).for_each(|(n, c)| *n = c);
        for (end, key) in ends.iter_mut().zip(KEYS) {
            if end.is_none() && next.iter().map(|&(_, c)| c).eq(key) {
                *end = Some(next[2].0);
            }
        }
    }
    ends.into_iter().flatten().find_map(|end| date_in(folded(end).map(|(_, c)| c)))
}

/// The date alone on one of the last lines (under the closing signature): its line and date.
fn closing_date(source: &Source) -> Option<(usize, String)> {
    let count = source.line_count();
    (count.saturating_sub(15).max(1)..=count).rev().find_map(|no| {
        let line = source.line(no);
        let chars = || line.chars().filter(|c| !is_space(*c));
        if chars().nth(14).is_some() {
            return None; // more than 14 characters: not a date alone
        }
        Some((no, date_in(chars())?))
    })
}

/// `2021-01-18`, `2021/1/18`, `2021年1月18日` (Arabic or Chinese numerals) at the start of
/// `chars` (after a colon), as `YYYY-MM-DD`.
fn date_in(chars: impl Iterator<Item = char>) -> Option<String> {
    let mut parts: Vec<u32> = Vec::new();
    let mut current = String::new();
    for c in chars.skip_while(|c| matches!(c, ':' | '：')) {
        match digit_of(c) {
            Some(d) if c != '十' => current.extend(char::from_digit(d, 10)),
            _ if c == '十' => current.push('十'),
            _ => {
                if current.is_empty() {
                    break;
                }
                parts.push(number(&current)?);
                current.clear();
                if parts.len() == 3 || !matches!(c, '-' | '/' | '.' | '年' | '月' | '日') {
                    break;
                }
            }
        }
    }
    if !current.is_empty() && parts.len() < 3 {
        parts.push(number(&current)?);
    }
    match parts[..] {
        [y, m, d, ..] if (2000..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d) => {
            Some(format!("{y:04}-{m:02}-{d:02}"))
        }
        _ => None,
    }
}

/// `18`, `2021`, `十八`, `二十`, `三十一`.
fn number(s: &str) -> Option<u32> {
    match s.split_once('十') {
        None => s.parse().ok(),
        Some((tens, ones)) => {
            let tens = if tens.is_empty() { 1 } else { tens.parse::<u32>().ok()? };
            let ones = if ones.is_empty() { 0 } else { ones.parse::<u32>().ok()? };
            Some(tens * 10 + ones)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years() {
        assert_eq!(year_in("毛坝镇2020年政府信息公开工作年度报告"), Some((2020, 9)));
        assert_eq!(year_in("2024 年政府信息公开工作年度报告").map(|y| y.0), Some(2024));
        assert_eq!(year_in("二〇二一年政府信息公开工作年度报告").map(|y| y.0), Some(2021));
        assert_eq!(year_in("电话：0517-87222589"), None);
        assert_eq!(year_in("二〇二三 年"), Some((2023, 0)));
        assert_eq!(year_in("自2023年1月1日起"), Some((2023, 3)));
        // Five digits, a year out of range, then the first that is one.
        assert_eq!(year_in("编号12023年；1999年；第 2024年、2025年"), Some((2024, "编号12023年；1999年；第 ".len())));
        assert_eq!(year_in("2 023年"), None);
        assert_eq!(year_in("年2023"), None);
    }

    /// Organ, year and title line of a report's opening lines (section 一 follows them).
    fn title_of(text: &str) -> (Option<String>, Option<i32>, Option<usize>) {
        let source = Source::new(format!("{text}\n一、总体情况\n正文略。"));
        let (organ, year, line) = title(&source, source.line_count() - 1);
        (organ.or_else(|| signature_organ(&source)), year, line)
    }

    #[test]
    fn title_on_one_line() {
        assert_eq!(title_of("毛坝镇2020年政府信息公开工作年度报告"), (Some("毛坝镇".into()), Some(2020), Some(1)));
        assert_eq!(title_of("某某县人民政府信息公开工作2023年度报告").0.as_deref(), Some("某某县人民政府"));
        assert_eq!(title_of("关于《某某市教育局2023年度政府信息公开工作年度报告》").0.as_deref(), Some("某某市教育局"));
    }

    #[test]
    fn year_first_title() {
        assert_eq!(title_of("2023年某某市交通运输局政府信息公开工作年度报告"), (Some("某某市交通运输局".into()), Some(2023), Some(1)));
        assert_eq!(title_of("2023年度某某县人民政府信息公开工作年度报告").0.as_deref(), Some("某某县人民政府"));
    }

    #[test]
    fn title_wrapped_over_two_lines() {
        assert_eq!(title_of("某某街道办事处2023年度政府\n信息公开工作年度报告"), (Some("某某街道办事处".into()), Some(2023), Some(1)));
        assert_eq!(title_of("工布江达县工布江达镇2020年信息公开\n\n年度报告"), (Some("工布江达县工布江达镇".into()), Some(2020), Some(1)));
        // A date in the first lines is not a wrapped title.
        assert_eq!(title_of("2023年1月5日\n信息公开工作年度报告"), (None, None, Some(2)));
    }

    #[test]
    fn organ_on_its_own_line_above() {
        assert_eq!(
            title_of("- 1 -\n洪泽区人民政府\n2023 年政府信息公开工作年度报告"),
            (Some("洪泽区人民政府".into()), Some(2023), Some(3))
        );
        assert_eq!(
            title_of("某某市交通运输局\n政府信息公开工作年度报告\n（2023年度）"),
            (Some("某某市交通运输局".into()), Some(2023), Some(2))
        );
        assert_eq!(title_of("某某市交通运输局\n政府信息公开工作年度报告"), (Some("某某市交通运输局".into()), None, Some(2)));
    }

    #[test]
    fn a_stray_first_line_is_not_the_organ() {
        assert_eq!(title_of("正文\n2023年政府信息公开工作年度报告"), (None, Some(2023), Some(2)));
        assert_eq!(title_of("Page 9 - 某某市交通运输局\n2023年政府信息公开工作年度报告"), (None, Some(2023), Some(2)));
        assert_eq!(title_of("正文\n政府信息公开工作年度报告\n（2023年度）"), (None, Some(2023), Some(2)));
    }

    #[test]
    fn the_signature_is_the_second_source() {
        let signed = "正文\n2023年政府信息公开工作年度报告\n一、总体情况\n正文略。\n\n某某镇人民政府\n  2024年1月20日\n—6—";
        let source = Source::new(signed.to_owned());
        assert_eq!(title(&source, 3).0, None);
        assert_eq!(signature_organ(&source).as_deref(), Some("某某镇人民政府"));
        // A sentence above the date is not a signature.
        let unsigned = Source::new("一、总体情况\n无其他需报告的事项。\n2024年1月20日".to_owned());
        assert_eq!(signature_organ(&unsigned), None);
        assert_eq!(title_of("正文"), (None, None, None));
    }

    #[test]
    fn organ_names() {
        for name in [
            "淮安市洪泽区人民政府",
            "洪泽区人民政府办公室",
            "云阳县人和街道办事处",
            "毛坝镇",
            "某某市交通运输局",
            "某某县卫生健康委员会",
            "某某经济开发区管理委员会",
            "某某县妇联",
            "某某县科协",
            "某某县人民政府办公室（县大数据局）",
        ] {
            assert_eq!(organ_name(name).as_deref(), Some(name));
        }
        assert_eq!(organ_name(" 工布江达镇人民政府  ").as_deref(), Some("工布江达镇人民政府"));
        for not in [
            "正文",
            "Page 9 - 某某局",
            "（2023年度）",
            "目录",
            "欢迎访问鄂州市临空经济区网站!",
            "政府信息公开工作年度报告",
            "无其他需报告的事项。",
            "局",
        ] {
            assert_eq!(organ_name(not), None, "{not}");
        }
    }

    #[test]
    fn dates() {
        let date = |s: &str| date_in(s.chars());
        assert_eq!(date(":2021-01-18").as_deref(), Some("2021-01-18"));
        assert_eq!(date("2021年1月18日").as_deref(), Some("2021-01-18"));
        assert_eq!(date("二〇二一年一月十八日").as_deref(), Some("2021-01-18"));
        assert_eq!(date("2021年"), None);
    }

    #[test]
    fn header_dates() {
        assert_eq!(header_date("发布时间：2021-01-18 来源：本站").as_deref(), Some("2021-01-18"));
        // Spaces anywhere, Traditional characters, and the keys in their order of precedence.
        assert_eq!(header_date("發 布 時 間 ： 2021 年 1 月 18 日").as_deref(), Some("2021-01-18"));
        assert_eq!(header_date("发文日期：2020-12-30 发布日期：2021-01-05").as_deref(), Some("2021-01-05"));
        // The first 发布时间 is taken even when a later one has a date; without a date the next key is.
        assert_eq!(header_date("发布时间：不详 发布时间：2021-01-18 发文日期：2021-01-02").as_deref(), Some("2021-01-02"));
        assert_eq!(header_date("发发布时间：2021-01-18").as_deref(), Some("2021-01-18"));
        assert_eq!(header_date("发布时").as_deref(), None);
        assert_eq!(header_date("本年共发布信息 12 条，时间"), None);
    }
}
