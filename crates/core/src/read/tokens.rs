//! A table's lines as segments — label text followed by the cells after it — for both kinds of
//! layout: delimited (tabs or `|`, where a blank cell is visible) and flowing (PDF text, one cell per
//! line, where white space separates cells and a blank cell leaves no trace).

use std::borrow::Cow;

use crate::read::cell::{is_unit, Value};
use crate::text::{contains, fold_char, is_ideograph, is_space, is_space_lead, trim_end, trim_start, Source};

/// One piece of text in a table: a label fragment or a cell.
#[derive(Clone, Debug)]
pub struct Token<'a> {
    /// The text as written: borrowed from the source, owned only when wrapped lines were joined.
    pub text: Cow<'a, str>,
    pub start: usize,
    pub end: usize,
    /// The 1-based line the token starts on.
    pub line: usize,
    pub value: Value,
    /// Digits that may be several cells run together (`规章000`, `000`).
    pub glued: bool,
}

impl<'a> Token<'a> {
    /// The token of `start..end`, a range trimmed of white space.
    fn new(source: &'a Source, start: usize, end: usize, line: usize) -> Token<'a> {
        let text = &source.text()[start..end];
        Token { text: Cow::Borrowed(text), start, end, line, value: Value::parse_trimmed(text), glued: false }
    }

    /// Grows the token to end at `end` (a unit or a wrapped line joins it) and reads it again.
    fn extend_to(&mut self, source: &'a Source, end: usize) {
        self.end = end;
        self.text = Cow::Borrowed(&source.text()[self.start..self.end]);
        self.value = Value::parse(&self.text);
    }

    fn is_label(&self) -> bool {
        self.value == Value::Text
    }
}

/// Label tokens and the cells that follow them: a view into [`Segments`].
#[derive(Clone, Copy, Debug)]
pub struct Segment<'s, 'a> {
    pub label: &'s [Token<'a>],
    pub cells: &'s [Token<'a>],
}

impl Segment<'_, '_> {
    pub fn has_content(&self) -> bool {
        self.cells.iter().any(|c| c.value != Value::Blank)
    }
}

/// The segments of a table region: every token in one vector, each segment a run of it (its label
/// tokens, then its cells).
#[derive(Debug, Default)]
pub struct Segments<'a> {
    tokens: Vec<Token<'a>>,
    /// Per segment: where its label starts, where its cells start, where it ends.
    bounds: Vec<[usize; 3]>,
}

impl<'a> Segments<'a> {
    pub fn len(&self) -> usize {
        self.bounds.len()
    }

    pub fn is_empty(&self) -> bool {
        self.bounds.is_empty()
    }

    pub fn get(&self, seg: usize) -> Segment<'_, 'a> {
        let [label, cells, end] = self.bounds[seg];
        Segment { label: &self.tokens[label..cells], cells: &self.tokens[cells..end] }
    }

    pub fn iter(&self) -> impl Iterator<Item = Segment<'_, 'a>> {
        (0..self.len()).map(|seg| self.get(seg))
    }
}

/// Builds [`Segments`]: tokens are pushed to the open segment, as label until its first cell.
#[derive(Default)]
struct Builder<'a> {
    out: Segments<'a>,
    /// Where the open segment starts, and where its cells start once it has one.
    start: usize,
    cells: Option<usize>,
}

impl<'a> Builder<'a> {
    fn is_empty(&self) -> bool {
        self.start == self.out.tokens.len()
    }

    fn has_cells(&self) -> bool {
        self.cells.is_some()
    }

    /// The open segment's last token.
    fn last_mut(&mut self) -> Option<&mut Token<'a>> {
        if self.is_empty() {
            None
        } else {
            self.out.tokens.last_mut()
        }
    }

    /// The open segment's last cell.
    fn last_cell_mut(&mut self) -> Option<&mut Token<'a>> {
        if self.has_cells() {
            self.out.tokens.last_mut()
        } else {
            None
        }
    }

    /// Adds a label token; the open segment has no cell yet.
    fn label(&mut self, token: Token<'a>) {
        debug_assert!(!self.has_cells());
        self.out.tokens.push(token);
    }

    fn cell(&mut self, token: Token<'a>) {
        self.cells.get_or_insert(self.out.tokens.len());
        self.out.tokens.push(token);
    }

    fn end_segment(&mut self) {
        let end = self.out.tokens.len();
        if self.start < end {
            self.out.bounds.push([self.start, self.cells.unwrap_or(end), end]);
        }
        self.start = end;
        self.cells = None;
    }

    fn finish(mut self) -> Segments<'a> {
        self.end_segment();
        self.out
    }
}

/// A line of a table region as one pass over its bytes found it.
#[derive(Clone, Copy)]
struct Line<'a> {
    no: usize,
    /// Where it starts in the source.
    offset: usize,
    text: &'a str,
    /// Whether it has a cell separator (a tab, `|` or `｜`).
    separated: bool,
    /// Its fields in [`Scan::fields`]: a delimited line's cells, or the trimmed text of a line
    /// without separators.
    fields: (usize, usize),
}

/// The lines of a table region and their fields.
#[derive(Default)]
struct Scan<'a> {
    lines: Vec<Line<'a>>,
    fields: Vec<Field>,
}

impl Scan<'_> {
    fn fields(&self, line: &Line) -> &[Field] {
        &self.fields[line.fields.0..line.fields.1]
    }
}

/// Splits lines `first..=last` of the source into segments.
pub fn segments(source: &Source, first: usize, last: usize) -> Segments<'_> {
    // About one field per line: a table row's cells stand on lines of their own or in fields.
    let lines = (last + 1).saturating_sub(first);
    let mut scan = Scan { lines: Vec::with_capacity(lines), fields: Vec::with_capacity(lines) };
    let (mut content, mut delimited) = (0, 0);
    for no in first..=last {
        let text = source.line(no);
        let from = scan.fields.len();
        let Some((separated, blank)) = scan_line(text, &mut scan.fields) else {
            scan.fields.truncate(from);
            continue;
        };
        content += usize::from(!blank);
        delimited += usize::from(separated);
        let fields = (from, scan.fields.len());
        scan.lines.push(Line { no, offset: source.line_start(no), text, separated, fields });
    }
    if content > 0 && delimited * 10 >= content * 3 {
        Delimited::default().run(source, &scan)
    } else {
        flowing(source, &scan.lines)
    }
}

/// One pass over a line's bytes: its fields into `fields` (see [`split_fields`]), whether it holds a
/// cell separator and whether it is blank; None for a noise line ([`is_noise_line`]).
fn scan_line(line: &str, fields: &mut Vec<Field>) -> Option<(bool, bool)> {
    let (separated, first) = split_fields(line, fields);
    let blank = first.is_none();
    // Only a line that starts with a dash, `第`, `|` or `:` can be noise.
    let noise = first.is_some_and(|i| !line.as_bytes()[i].is_ascii_alphanumeric() && starts_like_noise(&line[i..]));
    if noise && is_noise_line(line) {
        return None;
    }
    Some((separated, blank))
}

/// Whether `s` starts with a character that a noise line ([`is_noise_line`]) starts with.
fn starts_like_noise(s: &str) -> bool {
    // Of the characters U+4000..U+9FFF (lead bytes E4..E9), which fold to none of the others, only
    // 一 and 第 can.
    if s.as_bytes().first().is_some_and(|b| matches!(b, 0xE4..=0xE9)) {
        return s.starts_with(['一', '第']);
    }
    let dashes = |c: char| matches!(c, '-' | '—' | '–' | '―' | '－' | '一');
    s.chars().next().map(fold_char).is_some_and(|c| dashes(c) || matches!(c, '第' | '|' | ':'))
}

/// Page footers (`- 4 -`, `—5—`, `第 3 页`), Markdown rules (`|---|---|`): not part of any table.
pub fn is_noise_line(line: &str) -> bool {
    // A line whose first character is an ASCII letter or digit (a table row such as `12`) is none.
    // Each kind starts with a dash, `第`, `|` or `:`: most lines (labels, table rows such as `12`)
    // leave at their first character.
    if !starts_like_noise(trim_start(line)) {
        return false;
    }
    let dashes = |c: char| matches!(c, '-' | '—' | '–' | '―' | '－' | '一');
    // Footers are short (at most 12 characters besides white space) and have a digit; only a
    // Markdown rule is long.
    let markdown = line.as_bytes().contains(&b'-') && contains(line, "---");
    if !markdown {
        let (mut chars, mut digit) = (0, false);
        for c in line.chars().filter(|c| !is_space(*c)) {
            chars += 1;
            if chars > 12 {
                return false;
            }
            digit |= c.is_ascii_digit() || ('０'..='９').contains(&c);
        }
        if !digit {
            return false;
        }
    }
    let t: String = line.chars().filter(|c| !is_space(*c)).map(fold_char).collect();
    let inner = t.trim_start_matches(dashes).trim_end_matches(dashes);
    let footer = inner.len() < t.len()
        && t.starts_with(dashes)
        && t.ends_with(dashes)
        && !inner.is_empty()
        && inner.len() <= 3
        && inner.bytes().all(|b| b.is_ascii_digit());
    let page = t.starts_with('第')
        && t.ends_with('页')
        && t.chars().filter(|c| c.is_ascii_digit()).count() > 0
        && t.chars().all(|c| c.is_ascii_digit() || matches!(c, '第' | '页' | '共' | ','));
    let rule = t.contains("---") && t.chars().all(|c| matches!(c, '-' | '|' | ':' | '｜'));
    footer || page || rule
}

/// The byte range of `s` within `line` at `offset`, trimmed of white space; bookmarks removed.
fn trimmed(offset: usize, s: &str) -> (usize, usize) {
    let mut start = offset + (s.len() - trim_start(s).len());
    let end = offset + trim_end(s).len();
    // Word's `[bookmark: _GoBack]` marker left by converters.
    if s.as_bytes().get(start - offset) == Some(&b'[') {
        if let Some(rest) = s[start - offset..].strip_prefix("[bookmark:") {
            if let Some(close) = rest.find(']') {
                start += "[bookmark:".len() + close + 1;
                start += s[start - offset..].len() - trim_start(&s[start - offset..]).len();
            }
        }
    }
    (start.min(end), end)
}

/// Tabs or `|` separate cells; a blank line or a line with several cells ends a row.
#[derive(Default)]
struct Delimited<'a> {
    row: Builder<'a>,
    /// The previous line was a single text cell that a further line may continue (`结果` / `维持`).
    open_text: bool,
    /// The cells of one field (reused).
    pieces: Vec<(usize, usize)>,
}

impl<'a> Delimited<'a> {
    fn run(mut self, source: &'a Source, scan: &Scan) -> Segments<'a> {
        // About one token per line: a table row's cells stand on lines of their own or in fields.
        self.row.out.tokens.reserve(scan.lines.len());
        self.row.out.bounds.reserve(scan.lines.len() / 4);
        for line in &scan.lines {
            let (no, offset) = (line.no, line.offset);
            let fields = scan.fields(line);
            if !line.separated {
                match fields.first() {
                    None => self.end_row(),
                    Some(f) if f.start == f.end => {}
                    Some(f) => {
                        let token = Token::new(source, offset + f.start, offset + f.end, no);
                        self.plain_line(source, token);
                    }
                }
                continue;
            }
            let several = fields.len() >= 2;
            for &Field { start, end, spaced } in fields {
                let (start, end) = (offset + start, offset + end);
                if spaced && numbers_in_field(source, start, end, &mut self.pieces) {
                    for p in 0..self.pieces.len() {
                        let (start, end) = self.pieces[p];
                        self.push(Token::new(source, start, end, no));
                    }
                } else {
                    self.push(Token::new(source, start, end, no));
                }
            }
            self.open_text = !several && self.last_is_text();
            if several {
                self.end_row();
            }
        }
        self.row.finish()
    }

    /// A line without separators: the continuation of a wrapped text cell, a unit after a number,
    /// or text outside the grid (a note, a caption), which starts a new row.
    fn plain_line(&mut self, source: &'a Source, token: Token<'a>) {
        let last = self.row.last_cell_mut().filter(|c| c.value.is_cell_like() && is_unit(&token.text));
        if let Some(cell) = last {
            cell.extend_to(source, token.end);
            return;
        }
        if self.open_text {
            if let Some(last) = self.row.last_mut().filter(|t| t.is_label()) {
                last.text.to_mut().push_str(&token.text);
                last.end = token.end;
                return;
            }
        }
        if self.row.has_cells() {
            self.end_row();
        }
        self.row.label(token);
        self.open_text = true;
    }

    fn push(&mut self, token: Token<'a>) {
        if !self.row.has_cells() && token.is_label() {
            self.row.label(token);
        } else if self.row.is_empty() && token.value == Value::Blank {
            // An empty cell before any label: a merged cell of the row header.
        } else {
            self.row.cell(token);
        }
    }

    fn last_is_text(&mut self) -> bool {
        self.row.last_mut().is_some_and(|t| t.is_label())
    }

    fn end_row(&mut self) {
        self.row.end_segment();
        self.open_text = false;
    }
}

/// Whether a field that has white space inside (`start..end`, trimmed) holds several numbers
/// separated by it (`| 2 1 0 1 4 |`, as PDF-to-Markdown converters write a row): then they are that
/// many cells, put into `pieces`.
fn numbers_in_field(source: &Source, start: usize, end: usize, pieces: &mut Vec<(usize, usize)>) -> bool {
    let text = &source.text()[start..end];
    pieces.clear();
    let mut at = 0;
    for piece in text.split(is_space) {
        if !piece.is_empty() {
            pieces.push((start + at, start + at + piece.len()));
        }
        at += piece.len() + text[at + piece.len()..].chars().next().map_or(0, char::len_utf8);
    }
    pieces.len() >= 2 && pieces.iter().all(|&(s, e)| Value::parse(&source.text()[s..e]).is_cell_like())
}

/// One cell of a delimited line: its byte range in the line, trimmed of white space (bookmarks
/// removed), and whether white space stands inside it.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Field {
    start: usize,
    end: usize,
    spaced: bool,
}

/// The fields of a line, appended to `fields`, in one pass over its bytes; whether it has a cell
/// separator, and where its first character besides white space is (a `|` counts, a tab does not).
///
/// A delimited line's fields are its cells: a leading separator (a tab-indented cell, `| a | b |`)
/// opens no cell, a trailing `|` closes none, and a cell of white space only is empty where it
/// starts. A line without separators has one field, its trimmed text, unless it is blank.
fn split_fields(line: &str, fields: &mut Vec<Field>) -> (bool, Option<usize>) {
    let b = line.as_bytes();
    let first_field = fields.len();
    // The open field: where it starts as written, its trimmed range once it has content, and
    // whether white space follows its content so far.
    let mut field = Field { start: 0, end: 0, spaced: false };
    let (mut raw_start, mut content, mut space_after) = (0, false, false);
    let (mut separated, mut first) = (false, None);
    let mut last_separator = b'\t';
    let mut i = 0;
    while i < b.len() {
        let (separator, width) = match BYTE_KINDS[usize::from(b[i])] {
            PLAIN => (false, 1),
            SPACE => {
                space_after = content;
                i += 1;
                continue;
            }
            SEPARATOR => (true, 1),
            _ if b.get(i..i + 3) == Some(&[0xEF, 0xBD, 0x9C]) => (true, 3),
            _ => {
                let c = line[i..].chars().next().unwrap_or_default();
                if is_space(c) {
                    space_after = content;
                    i += c.len_utf8();
                    continue;
                }
                (false, c.len_utf8())
            }
        };
        if separator {
            if content || fields.len() > first_field || raw_start > 0 {
                fields.push(close_field(line, field, raw_start, i, content));
            }
            if b[i] != b'\t' {
                first = first.or(Some(i));
            }
            (separated, last_separator) = (true, b[i]);
            i += width;
            (field, raw_start, content, space_after) = (Field { start: i, end: i, spaced: false }, i, false, false);
            continue;
        }
        // Ordinary text: the run of bytes that need no look is taken whole.
        if !content {
            field.start = i;
            first = first.or(Some(i));
            content = true;
        }
        field.spaced |= space_after;
        space_after = false;
        i += width;
        while i < b.len() && BYTE_KINDS[usize::from(b[i])] == PLAIN {
            i += 1;
        }
        field.end = i;
    }
    // A blank last field after `|` or `｜` is the row's closing bar; a blank line has no field.
    if content || (separated && last_separator == b'\t') {
        fields.push(close_field(line, field, raw_start, b.len(), content));
    }
    (separated, first)
}

/// What a byte of a line is to [`split_fields`]: ordinary text (continuation bytes, and lead bytes
/// that start no white space), ASCII white space, a cell separator (a tab or `|`), or the lead byte
/// of a character to decode (white space from U+0085 on, [`is_space_lead`], and `｜`, which starts
/// with 0xEF as U+FEFF does).
const PLAIN: u8 = 0;
const SPACE: u8 = 1;
const SEPARATOR: u8 = 2;
const LOOK: u8 = 3;
static BYTE_KINDS: [u8; 256] = {
    let mut kinds = [PLAIN; 256];
    // ASCII white space as `is_ascii_space` has it; the tab separates cells.
    let mut b = b'\t' as usize;
    while b <= b'\r' as usize {
        kinds[b] = SPACE;
        b += 1;
    }
    kinds[b' ' as usize] = SPACE;
    kinds[b'\t' as usize] = SEPARATOR;
    kinds[b'|' as usize] = SEPARATOR;
    let mut b = 0x80;
    while b <= 0xff {
        if is_space_lead(b as u8) {
            kinds[b] = LOOK;
        }
        b += 1;
    }
    kinds
};

/// A field as [`split_fields`] gives it, with a leading Word bookmark (`[bookmark: _GoBack]`, left by
/// converters) removed.
#[inline]
fn close_field(line: &str, field: Field, raw_start: usize, raw_end: usize, content: bool) -> Field {
    if !content {
        return Field { start: raw_start, end: raw_start, spaced: false };
    }
    if line.as_bytes()[field.start] != b'[' {
        return field;
    }
    without_bookmark(line, raw_start, raw_end)
}

/// The field `raw_start..raw_end` of `line`, which starts with `[`, trimmed and without a leading
/// bookmark.
#[cold]
fn without_bookmark(line: &str, raw_start: usize, raw_end: usize) -> Field {
    let (start, end) = trimmed(raw_start, &line[raw_start..raw_end]);
    Field { start, end, spaced: line[start..end].chars().any(is_space) }
}

/// White space separates cells; text after cells starts the next segment.
fn flowing<'a>(source: &'a Source, lines: &[Line]) -> Segments<'a> {
    let mut seg = Builder::default();
    let mut ranges = Vec::new();
    for &Line { no, offset, text, .. } in lines {
        words_of(offset, text, &mut ranges);
        let line_start = seg.out.tokens.len();
        for &(start, end) in &ranges {
            let token = Token::new(source, start, end, no);
            let in_line = seg.out.tokens.len() > line_start;
            let last = seg.out.tokens.last_mut().filter(|_| in_line);
            let number = last.filter(|w| matches!(w.value, Value::Number { unit: None, .. }) && is_unit(&token.text));
            if let Some(number) = number {
                number.extend_to(source, token.end);
            } else {
                split_glued(source, token, &mut seg);
            }
        }
    }
    seg.finish()
}

impl<'a> Builder<'a> {
    /// Adds a word of flowing text: a label after cells starts the next segment.
    fn word(&mut self, word: Token<'a>) {
        if word.is_label() {
            if self.has_cells() {
                self.end_segment();
            }
            self.label(word);
        } else {
            self.cell(word);
        }
    }
}

/// Byte ranges of the white-space separated words of a line (bookmarks removed), into `words`.
fn words_of(offset: usize, line: &str, words: &mut Vec<(usize, usize)>) {
    let (start, end) = trimmed(offset, line);
    words.clear();
    let mut word_start: Option<usize> = None;
    let body = &line[start - offset..end - offset];
    for (i, c) in body.char_indices() {
        match (is_space(c), word_start) {
            (true, Some(s)) => {
                words.push((start + s, start + i));
                word_start = None;
            }
            (false, None) => word_start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = word_start {
        words.push((start + s, end));
    }
}

/// `规章000` → `规章` and the glued digits `000`; `1.属于国家秘密10000012.其他…0000000` (a report that
/// lost its separators) → label, digits, label, digits, the `2.` of the next label's numbering
/// kept with it. A number written with leading zeros (`000`) is marked glued as well. Anything else
/// is returned as it is.
fn split_glued<'a>(source: &'a Source, mut token: Token<'a>, out: &mut Builder<'a>) {
    if let Value::Number { .. } = token.value {
        let digits = token.text.chars().filter(|c| c.is_ascii_digit()).count();
        token.glued = digits >= 2 && token.text.starts_with('0') && token.text.chars().all(|c| c.is_ascii_digit());
        return out.word(token);
    }
    if !token.is_label() {
        return out.word(token);
    }
    let runs = digit_runs(&token.text);
    if runs.is_empty() {
        return out.word(token);
    }
    let mut from = 0;
    for (start, end) in runs {
        out.word(Token::new(source, token.start + from, token.start + start, token.line));
        let mut digits = Token::new(source, token.start + start, token.start + end, token.line);
        digits.glued = true;
        out.word(digits);
        from = end;
    }
    if from < token.text.len() {
        out.word(Token::new(source, token.start + from, token.end, token.line));
    }
}

/// The runs of digits (signs and decimal points inside them too: `1207-9433`) that follow label
/// text in a token:
/// after at least two ideographs, right after an ideograph or a closing parenthesis (not `第3`,
/// not `(2023)`). A run followed by `.`/`、` gives its last digit to the numbering of the next label.
fn digit_runs(text: &str) -> Vec<(usize, usize)> {
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return Vec::new();
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut runs = Vec::new();
    let mut ideographs = 0;
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        let prev = i.checked_sub(1).map(|p| chars[p].1);
        let after_label = ideographs >= 2 && prev.is_some_and(|p| (is_ideograph(p) && p != '第') || matches!(p, ')' | '）' | '”'));
        if !(c.is_ascii_digit() && after_label) {
            ideographs += usize::from(is_ideograph(c));
            i += 1;
            continue;
        }
        let mut j = i;
        let digit_at = |k: usize| chars.get(k).is_some_and(|n| n.1.is_ascii_digit());
        while j < chars.len() && (chars[j].1.is_ascii_digit() || (matches!(chars[j].1, '-' | '+' | '.') && digit_at(j + 1))) {
            j += 1;
        }
        let next = chars.get(j).map(|n| n.1);
        let end = match next {
            None => j,
            Some('.' | '、' | '．') if j - i >= 2 => j - 1,
            Some(n) if is_ideograph(n) || matches!(n, '（' | '(') => j,
            _ => {
                i = j;
                continue;
            }
        };
        runs.push((at, chars.get(end).map_or(text.len(), |e| e.0)));
        ideographs = 0;
        i = end;
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn segs(text: &str) -> Vec<(String, Vec<String>)> {
        let source = Source::new(text.to_owned());
        segments(&source, 1, source.line_count())
            .iter()
            .map(|s| {
                let label = s.label.iter().map(|t| &*t.text).collect::<Vec<_>>().join("|");
                (label, s.cells.iter().map(|t| t.text.to_string()).collect())
            })
            .collect()
    }

    fn owned(label: &str, cells: &[&str]) -> (String, Vec<String>) {
        (label.to_owned(), cells.iter().map(|s| s.to_string()).collect())
    }

    #[test]
    fn tab_indented_cells_with_wrapped_headers() {
        let text = "\t信息内容\n\t本年新\n制作数量\n\t对外公开总数量\n\n\t规章\n\t0\n\t\n\t\u{3000}3\n\n\t\n\t（一）予以公开\n\t1187.0427\u{a0}万元\n";
        assert_eq!(
            segs(text),
            vec![
                owned("信息内容|本年新制作数量|对外公开总数量", &[]),
                owned("规章", &["0", "", "3"]),
                owned("（一）予以公开", &["1187.0427\u{a0}万元"]),
            ]
        );
    }

    #[test]
    fn tab_and_pipe_rows_keep_blank_cells() {
        let text = "规章\t1\t\t11\n| 行政许可 | 5 |  | 3 |\n|---|---|\n（二）部分公开（区分处理的，\n只计这一情形）\t/\t0\n";
        assert_eq!(
            segs(text),
            vec![
                owned("规章", &["1", "", "11"]),
                owned("行政许可", &["5", "", "3"]),
                owned("（二）部分公开（区分处理的，|只计这一情形）", &["/", "0"]),
            ]
        );
    }

    #[test]
    fn flowing_text_with_footers_units_and_glued_digits() {
        let text = "规章 1 0 11\n- 4 -\n（二）部分公开（区分处理的，只计这一情\n形，不计其他情形） 447 7\n采购 1187.0427 万元\n规章000\n";
        assert_eq!(
            segs(text),
            vec![
                owned("规章", &["1", "0", "11"]),
                owned("（二）部分公开（区分处理的，只计这一情|形，不计其他情形）", &["447", "7"]),
                owned("采购", &["1187.0427 万元"]),
                owned("规章", &["000"]),
            ]
        );
    }

    #[test]
    fn fields_are_trimmed_in_one_pass() {
        fn fields(line: &str) -> Vec<(&str, usize, bool)> {
            let mut out = Vec::new();
            split_fields(line, &mut out);
            out.iter().map(|f| (&line[f.start..f.end], f.start, f.spaced)).collect()
        }
        assert_eq!(fields("\t0"), [("0", 1, false)]);
        assert_eq!(fields("\t"), [("", 1, false)]);
        assert_eq!(fields("|  |"), [("", 1, false)]);
        assert_eq!(fields("规章\t1\t  \t11 "), [("规章", 0, false), ("1", 7, false), ("", 9, false), ("11", 12, false)]);
        assert_eq!(fields("｜ 2 1\u{3000}0 ｜ 采购 ｜"), [("2 1\u{3000}0", 4, true), ("采购", 16, false)]);
        assert_eq!(fields("\t[bookmark: _GoBack] 1 \t"), [("1", 21, false), ("", 24, false)]);
    }

    #[test]
    fn noise_lines() {
        for noise in ["- 4 -", "—6—", "第 3 页", "|---|:---:|"] {
            assert!(is_noise_line(noise), "{noise}");
        }
        for keep in ["0", "-", "—", "规章", "- 4", "第二十条第（一）项"] {
            assert!(!is_noise_line(keep), "{keep}");
        }
    }
}
