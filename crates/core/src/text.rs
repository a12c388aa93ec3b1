//! The decoded report text: line/column positions, and the label "skeleton" used to compare labels.

use crate::words;
use serde::Serialize;

/// Where something stands in the decoded text: 1-based line, 1-based character column, byte range.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Span {
    pub line: usize,
    pub col: usize,
    #[serde(skip)]
    pub start: usize,
    #[serde(skip)]
    pub end: usize,
}

/// The normalized text of a report with an index of where each line starts.
#[derive(Debug)]
pub struct Source {
    text: String,
    line_starts: Vec<usize>,
}

impl Source {
    /// The text, kept without spare capacity (a batch keeps every report's).
    pub fn new(mut text: String) -> Self {
        text.shrink_to_fit();
        let mut line_starts = line_starts(text.as_bytes());
        line_starts.shrink_to_fit();
        Source { text, line_starts }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// The text of 1-based line `no`, without its newline.
    pub fn line(&self, no: usize) -> &str {
        let start = self.line_starts[no - 1];
        let end = self.line_starts.get(no).map_or(self.text.len(), |next| next - 1);
        &self.text[start..end]
    }

    /// Byte offset where 1-based line `no` starts.
    pub fn line_start(&self, no: usize) -> usize {
        self.line_starts[no - 1]
    }

    /// Every line as (1-based number, byte offset of its start, text).
    pub fn lines(&self) -> impl Iterator<Item = (usize, usize, &str)> {
        let text = self.text.as_str();
        // Each line ends before the next one's start (its newline), the last at the text's end.
        let ends = self.line_starts[1..].iter().map(|&next| next - 1).chain([text.len()]);
        self.line_starts.iter().zip(ends).enumerate().map(move |(i, (&start, end))| (i + 1, start, &text[start..end]))
    }

    /// The lines up to line `last` that contain `c`, as [`Source::lines`] gives them: one search
    /// through the text (by the last byte of `c`'s UTF-8 form) instead of one per line.
    pub fn lines_with(&self, c: char, last: usize) -> impl Iterator<Item = (usize, usize, &str)> {
        let end = self.line_starts.get(last).map_or(self.text.len(), |next| next.saturating_sub(1));
        let mut next_line = 0; // the first line not given yet
        self.text[..end].match_indices(c).filter_map(move |(at, _)| {
            let no = self.line_starts.partition_point(|&s| s <= at);
            (no > next_line).then(|| {
                next_line = no;
                (no, self.line_start(no), self.line(no))
            })
        })
    }

    /// The span of the byte range `start..end`.
    pub fn span(&self, start: usize, end: usize) -> Span {
        let line = self.line_starts.partition_point(|&s| s <= start);
        let line_start = self.line_starts[line - 1];
        let col = self.text[line_start..start].chars().count() + 1;
        Span { line, col, start, end }
    }
}

/// Where each line starts: 0 and the byte after each `\n`, found eight bytes at a time.
fn line_starts(bytes: &[u8]) -> Vec<usize> {
    let mut starts = Vec::with_capacity(bytes.len() / 16 + 1);
    starts.push(0);
    let (words, tail) = words::words(bytes);
    for (n, word) in words.enumerate() {
        let mut newlines = words::zero_bytes(word ^ words::repeat(b'\n'));
        while newlines != 0 {
            starts.push(n * 8 + newlines.trailing_zeros() as usize / 8 + 1);
            newlines &= newlines - 1;
        }
    }
    let base = bytes.len() - tail.len();
    starts.extend(tail.iter().enumerate().filter(|&(_, &b)| b == b'\n').map(|(i, _)| base + i + 1));
    starts
}

/// The byte offset of `needle` in `hay` at or after `from`. A plain scan: for the short labels and
/// clauses of a report it is much faster than `str::find`, whose searcher set-up dominates.
pub fn find_from(hay: &str, needle: &str, from: usize) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let (&first, &last) = (n.first()?, n.last()?);
    let last_start = h.len().checked_sub(n.len())?;
    // The last byte first, eight bytes at a time: in UTF-8 Chinese, lead bytes repeat, a
    // character's last byte much less.
    let mut i = from;
    while i <= last_start {
        i += words::find_byte(last, &h[i + n.len() - 1..])?;
        if i > last_start {
            return None;
        }
        if h[i] == first && &h[i..i + n.len()] == n {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// A 64-bit summary of the characters in `s` (one bit per character, modulo 64): a pattern whose
/// summary has a bit the text's lacks cannot occur in it.
pub fn char_set(s: &str) -> u64 {
    s.chars().fold(0, |set, c| set | 1 << (c as u32 % 64))
}

/// Whether `hay` contains `needle` (see `find_from`).
pub fn contains(hay: &str, needle: &str) -> bool {
    find_from(hay, needle, 0).is_some()
}

/// Whether `hay` contains any of `needles`.
pub fn contains_any(hay: &str, needles: &[&str]) -> bool {
    needles.iter().any(|n| contains(hay, n))
}

/// White space as it appears in reports: ASCII, U+3000 (ideographic), U+00A0 (no-break) and friends.
pub fn is_space(c: char) -> bool {
    match c {
        ' ' | '\t'..='\r' => true,
        // No other white space is below U+0085 or above U+3000 (ASCII and ideographs leave here).
        '\0'..='\u{84}' => false,
        '\u{3001}'.. => c == '\u{feff}',
        _ => c.is_whitespace() || c == '\u{200b}',
    }
}

/// ASCII white space and line breaks (not U+3000/U+00A0, which are content in reports) of `s`
/// collapsed to single spaces and appended to `out`: the text of a table cell or an HTML text run
/// on one line.
pub fn push_collapsed(out: &mut String, s: &str) {
    out.reserve(s.len());
    let is_space = |b: &u8| matches!(b, b' ' | b'\n' | b'\r' | b'\t');
    // Copied run by run: the white space is ASCII, so each run ends on a character boundary.
    let mut rest = s;
    while !rest.is_empty() {
        let run = rest.bytes().position(|b| is_space(&b)).unwrap_or(rest.len());
        out.push_str(&rest[..run]);
        let spaces = rest.as_bytes()[run..].iter().take_while(|b| is_space(b)).count();
        if spaces > 0 {
            out.push(' ');
        }
        rest = &rest[run + spaces..];
    }
}

/// Trims report white space ([`is_space`]) from both ends.
pub fn trim(s: &str) -> &str {
    trim_end(trim_start(s))
}

/// Whether `b` can be the first byte of white space beyond ASCII ([`is_space`]): U+0085 and U+00A0
/// start with 0xC2, U+1680 with 0xE1, U+2000..U+205F with 0xE2, U+3000 with 0xE3 and U+FEFF with
/// 0xEF (the test `space_leads` holds the list).
pub const fn is_space_lead(b: u8) -> bool {
    matches!(b, 0xc2 | 0xe1 | 0xe2 | 0xe3 | 0xef)
}

/// `s` without its leading report white space. ASCII white space is skipped byte by byte; the rest
/// is decoded only when a byte may start white space ([`is_space_lead`]), so a plain first byte
/// returns at once.
pub fn trim_start(s: &str) -> &str {
    let mut rest = s;
    while let Some(&b) = rest.as_bytes().first() {
        if is_ascii_space(b) {
            rest = &rest[1..];
        } else if b < 0x80 || !is_space_lead(b) {
            return rest;
        } else {
            return rest.trim_start_matches(is_space);
        }
    }
    rest
}

/// `s` without its trailing report white space (see [`trim_start`]). A last character of three
/// bytes is told by its lead byte, three from the end.
pub fn trim_end(s: &str) -> &str {
    let mut rest = s;
    while let Some(&b) = rest.as_bytes().last() {
        let len = rest.len();
        let three_byte_lead = if len >= 3 { rest.as_bytes()[len - 3] } else { 0 };
        if is_ascii_space(b) {
            rest = &rest[..len - 1];
        } else if b < 0x80 || (matches!(three_byte_lead, 0xe0..=0xef) && !is_space_lead(three_byte_lead)) {
            return rest;
        } else {
            return rest.trim_end_matches(is_space);
        }
    }
    rest
}

/// ASCII white space as [`is_space`] has it (the vertical tab too), told by its byte.
pub fn is_ascii_space(b: u8) -> bool {
    b == b' ' || (b'\t'..=b'\r').contains(&b)
}

/// Folds one character for comparison: full-width ASCII to half-width, Traditional to Simplified.
pub fn fold_char(c: char) -> char {
    match c {
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
        '\u{4e00}'..='\u{9fff}' if !is_traditional(c) => c,
        '\u{4e00}'..='\u{9fff}' => match TRADITIONAL.binary_search_by_key(&c, |&(t, _)| t) {
            Ok(i) => TRADITIONAL[i].1,
            Err(_) => c,
        },
        _ => c,
    }
}

/// The characters of `s` from byte `from` on, folded ([`fold_char`]), each with the byte after it
/// in `s`: for matching folded words while knowing where they end in the text as written.
pub fn folded_from(s: &str, from: usize) -> impl Iterator<Item = (usize, char)> + Clone + '_ {
    s[from..].char_indices().map(move |(i, c)| (from + i + c.len_utf8(), fold_char(c)))
}

/// The skeleton of a label: folded, with only ideographs, digits and letters kept (no spaces,
/// punctuation, brackets or quotes), so `（二）部分公开` and `(二) 部 分 公 開` compare equal.
pub fn skeleton(s: &str) -> String {
    skeleton_chars(s).collect()
}

/// The characters of [`skeleton`] one by one, for comparing without building the String.
pub fn skeleton_chars(s: &str) -> impl Iterator<Item = char> + Clone + '_ {
    s.chars().map(fold_char).filter(|c| is_skeleton_char(*c)).map(|c| c.to_ascii_lowercase())
}

pub fn is_skeleton_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || is_ideograph(c)
}

pub fn is_ideograph(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '〇')
}

/// Whether `c` (an ideograph) is one of the Traditional characters of `TRADITIONAL`: a bit per
/// ideograph, so the common case (not Traditional) costs no search.
fn is_traditional(c: char) -> bool {
    const BITS: [u64; 0x5200 / 64] = {
        let mut bits = [0u64; 0x5200 / 64];
        let mut i = 0;
        while i < TRADITIONAL.len() {
            let n = TRADITIONAL[i].0 as usize - 0x4e00;
            bits[n / 64] |= 1 << (n % 64);
            i += 1;
        }
        bits
    };
    let n = c as usize - 0x4e00;
    BITS[n / 64] & (1 << (n % 64)) != 0
}

/// Traditional characters that occur in report labels and titles, with their Simplified forms,
/// sorted by the Traditional character (for binary search).
const TRADITIONAL: &[(char, char)] = &[
    ('個', '个'),
    ('們', '们'),
    ('傳', '传'),
    ('價', '价'),
    ('兩', '两'),
    ('動', '动'),
    ('務', '务'),
    ('勞', '劳'),
    ('區', '区'),
    ('員', '员'),
    ('問', '问'),
    ('單', '单'),
    ('國', '国'),
    ('圍', '围'),
    ('執', '执'),
    ('報', '报'),
    ('實', '实'),
    ('審', '审'),
    ('專', '专'),
    ('對', '对'),
    ('導', '导'),
    ('屬', '属'),
    ('廢', '废'),
    ('廳', '厅'),
    ('強', '强'),
    ('從', '从'),
    ('復', '复'),
    ('應', '应'),
    ('採', '采'),
    ('擊', '击'),
    ('據', '据'),
    ('數', '数'),
    ('於', '于'),
    ('時', '时'),
    ('書', '书'),
    ('會', '会'),
    ('東', '东'),
    ('條', '条'),
    ('業', '业'),
    ('構', '构'),
    ('標', '标'),
    ('機', '机'),
    ('權', '权'),
    ('歲', '岁'),
    ('歷', '历'),
    ('決', '决'),
    ('沒', '没'),
    ('況', '况'),
    ('減', '减'),
    ('準', '准'),
    ('澤', '泽'),
    ('為', '为'),
    ('無', '无'),
    ('獲', '获'),
    ('現', '现'),
    ('產', '产'),
    ('當', '当'),
    ('發', '发'),
    ('確', '确'),
    ('稅', '税'),
    ('種', '种'),
    ('穩', '稳'),
    ('節', '节'),
    ('範', '范'),
    ('糾', '纠'),
    ('納', '纳'),
    ('級', '级'),
    ('組', '组'),
    ('結', '结'),
    ('經', '经'),
    ('維', '维'),
    ('網', '网'),
    ('縣', '县'),
    ('總', '总'),
    ('織', '织'),
    ('繳', '缴'),
    ('續', '续'),
    ('罰', '罚'),
    ('義', '义'),
    ('聯', '联'),
    ('與', '与'),
    ('舉', '举'),
    ('萬', '万'),
    ('處', '处'),
    ('衛', '卫'),
    ('補', '补'),
    ('製', '制'),
    ('規', '规'),
    ('訂', '订'),
    ('計', '计'),
    ('訊', '讯'),
    ('訟', '讼'),
    ('訪', '访'),
    ('設', '设'),
    ('許', '许'),
    ('訴', '诉'),
    ('詢', '询'),
    ('認', '认'),
    ('請', '请'),
    ('議', '议'),
    ('護', '护'),
    ('讀', '读'),
    ('財', '财'),
    ('費', '费'),
    ('資', '资'),
    ('購', '购'),
    ('轉', '转'),
    ('辦', '办'),
    ('這', '这'),
    ('進', '进'),
    ('過', '过'),
    ('鄉', '乡'),
    ('錄', '录'),
    ('鎮', '镇'),
    ('門', '门'),
    ('開', '开'),
    ('間', '间'),
    ('關', '关'),
    ('陽', '阳'),
    ('雜', '杂'),
    ('雲', '云'),
    ('頁', '页'),
    ('項', '项'),
    ('領', '领'),
    ('題', '题'),
    ('額', '额'),
    ('類', '类'),
    ('體', '体'),
    ('點', '点'),
    ('黨', '党'),
];

#[cfg(test)]
mod tests {
    use super::*;

    /// The same offsets as `str::find` from every starting byte: needles at the start, the end,
    /// across the eight-byte steps, longer than what is left, and one byte long.
    #[test]
    fn find_from_agrees_with_str_find() {
        let hay = "本年新收政府信息公开申请数量共计12件，其中予以公开12件；收到申请数量。";
        for needle in [
            "本年",
            "数量",
            "。",
            "12",
            "件；",
            "申请数量共计",
            "不存在",
            "量。",
            "本年新收政府信息公开申请数量共计12件，其中予以公开12件；收到申请数量。x",
        ] {
            for from in (0..=hay.len()).filter(|&at| hay.is_char_boundary(at)) {
                assert_eq!(find_from(hay, needle, from), hay[from..].find(needle).map(|at| from + at), "{needle} from {from}");
            }
        }
        assert_eq!(find_from(hay, "", 0), None);
    }

    #[test]
    fn line_starts_are_found_in_every_position() {
        for text in ["", "\n", "a\nb", "\n\x0b\n\n一\n二三\n", "0123456\n89abcdef\n\n", "一二三四五六七八九十\n\n\x0b\x01\n"] {
            let expected: Vec<usize> = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
            assert_eq!(line_starts(text.as_bytes()), expected, "{text:?}");
        }
    }

    #[test]
    fn space_leads() {
        for c in '\u{80}'..=char::MAX {
            if is_space(c) {
                assert!(is_space_lead(c.encode_utf8(&mut [0; 4]).as_bytes()[0]), "{c:?}");
            }
        }
    }

    #[test]
    fn trims_as_is_space_reads_white_space() {
        for s in [
            "0",
            " 0",
            "0\u{3000}",
            "\u{feff}规章",
            "规章\u{a0}",
            "（一）",
            "万元",
            "\t",
            "",
            " \u{3000}\u{a0}",
            "\u{2003}一\u{2003}",
            "\x1f\x1f",
            "\u{85}x\u{85}",
        ] {
            assert_eq!(trim(s), s.trim_matches(is_space), "{s:?}");
            assert_eq!(trim_start(s), s.trim_start_matches(is_space), "{s:?}");
            assert_eq!(trim_end(s), s.trim_end_matches(is_space), "{s:?}");
        }
    }

    #[test]
    fn lines_with_gives_each_line_once() {
        let source = Source::new("发布时间：\n正文\n发文发布\n无\n发".to_owned());
        let lines: Vec<(usize, usize, &str)> = source.lines_with('发', 5).collect();
        assert_eq!(lines, [(1, 0, "发布时间："), (3, 23, "发文发布"), (5, 40, "发")]);
        assert_eq!(source.lines_with('发', 4).map(|(no, _, _)| no).collect::<Vec<_>>(), [1, 3]);
    }
}
