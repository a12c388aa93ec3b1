//! Word (.docx): the document's paragraphs and tables read from WordprocessingML, merged cells
//! (`w:gridSpan`, `w:vMerge`) laid out on the grid, text boxes, deleted text and field codes left out.

use crate::input::document::Block;
use crate::input::markup::{self, after_end_tag, decode_entities, delimited_end, is_name_byte, name_end_at, Attrs, Plain, Tokens};
use crate::input::zip::{self, ZipError};
use crate::words::{find_byte, repeat, word_at, zero_bytes};

/// Why a .docx could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DocxError {
    Zip(ZipError),
    /// A zip without word/document.xml.
    NotWord,
}

/// Whether a zip archive is a Word document.
pub fn is_docx(bytes: &[u8]) -> bool {
    zip::names(bytes).is_ok_and(|names| names.iter().any(|n| n == "word/document.xml"))
}

/// The blocks of a .docx file.
pub fn read(bytes: &[u8]) -> Result<Vec<Block>, DocxError> {
    // Valid UTF-8 (as Word writes it) is read where it was inflated, without the copy of a lossy reading.
    zip::read_with(bytes, "word/document.xml", |xml| match simdutf8::basic::from_utf8(xml) {
        Ok(xml) => blocks(xml),
        Err(_) => blocks(&String::from_utf8_lossy(xml)),
    })
    .map_err(|e| match e {
        ZipError::Missing => DocxError::NotWord,
        e => DocxError::Zip(e),
    })
}

/// A table being read: its rows, the current row and cell.
#[derive(Default)]
struct TableState {
    rows: Vec<Vec<Option<String>>>,
    row: Vec<Option<String>>,
    cell: String,
    merged_over: bool,
}

/// The elements of WordprocessingML the reader acts on; every other element is passed over.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Element {
    Paragraph,
    Text,
    Tab,
    Break,
    Table,
    Row,
    Cell,
    VMerge,
    /// Run and paragraph properties (fonts, sizes, alignment, spacing): nothing in them is read, and
    /// a paragraph's tab stops (`<w:tabs><w:tab w:pos=…/>`) are not tab characters.
    RunProperties,
    ParagraphProperties,
    /// Text boxes, deleted text, field instructions, fallback content: not the report's text.
    Hidden,
    /// `script` and `style`, whose content the general tokenizer passes over as it does in HTML.
    Script,
    Other,
}

impl Element {
    /// The element named `name`.
    fn named(name: &[u8]) -> Element {
        match name {
            b"w:p" => Element::Paragraph,
            b"w:t" => Element::Text,
            b"w:tr" => Element::Row,
            b"w:tc" => Element::Cell,
            b"w:br" | b"w:cr" => Element::Break,
            b"w:tab" => Element::Tab,
            b"w:tbl" => Element::Table,
            b"w:rPr" => Element::RunProperties,
            b"w:pPr" => Element::ParagraphProperties,
            b"w:vMerge" => Element::VMerge,
            b"w:txbxContent" | b"w:del" | b"w:instrText" | b"w:delText" | b"mc:Fallback" => Element::Hidden,
            b"script" | b"style" => Element::Script,
            _ => Element::Other,
        }
    }

    /// The element of the plain name (see [`name_end_at`]) at `b[at..]`, and where the name ends;
    /// 0 for [`Element::Other`].
    #[inline]
    fn at(b: &[u8], at: usize) -> (Element, usize) {
        // Most names are `w:` and one to three letters: those are told by their first eight bytes
        // (zero past the end), which hold the byte after the name too.
        let word = word_at(b, at).unwrap_or_else(|| u64::from_le_bytes(std::array::from_fn(|i| b.get(at + i).copied().unwrap_or(0))));
        let byte = |i: usize| (word >> (8 * i)) as u8;
        let (element, len) = match (word as u16).to_le_bytes() {
            [b'w', b':'] => match (byte(2), byte(3), byte(4)) {
                (b'p', b'P', b'r') => (Element::ParagraphProperties, 5),
                (b'p', ..) => (Element::Paragraph, 3),
                (b'r', b'P', b'r') => (Element::RunProperties, 5),
                (b't', b'r', _) => (Element::Row, 4),
                (b't', b'c', _) => (Element::Cell, 4),
                (b't', b'a', b'b') => (Element::Tab, 5),
                (b't', b'b', b'l') => (Element::Table, 5),
                (b't', b'x', _) => return Element::spelled_at(b, at),
                (b't', ..) => (Element::Text, 3),
                (b'b' | b'c', b'r', _) => (Element::Break, 4),
                (b'v' | b'd' | b'i', ..) => return Element::spelled_at(b, at),
                _ => return (Element::Other, 0),
            },
            _ => return Element::spelled_at(b, at),
        };
        // The name is longer than the one told: none the reader acts on.
        if is_name_byte(byte(len)) {
            return (Element::Other, 0);
        }
        (element, at + len)
    }

    /// The tag spelled `tag` (see [`spelled`]) if it is one of [`SHORT_TAGS`]: its element,
    /// whether it is an end tag and whether it closes itself.
    #[inline]
    fn short(tag: u64) -> Option<(Element, bool, bool)> {
        let (spelling, element, closing, self_closing) = SHORT_TABLE[short_slot(tag)];
        (spelling == tag).then_some((element, closing, self_closing))
    }

    /// [`Element::at`] for any name: found to its end, and told by all its bytes.
    fn spelled_at(b: &[u8], at: usize) -> (Element, usize) {
        let end = name_end_at(b, at);
        match Element::named(&b[at..end]) {
            Element::Other => (Element::Other, 0),
            element => (element, end),
        }
    }
}

/// The short tags Word writes most, in up to eight bytes without attributes: each spelling, its
/// element, whether it is an end tag and whether it closes itself.
const SHORT_TAGS: [(&[u8], Element, bool, bool); 22] = [
    (b"<w:p>", Element::Paragraph, false, false),
    (b"</w:p>", Element::Paragraph, true, false),
    (b"<w:p/>", Element::Paragraph, false, true),
    (b"<w:r>", Element::Other, false, false),
    (b"</w:r>", Element::Other, true, false),
    (b"<w:t>", Element::Text, false, false),
    (b"</w:t>", Element::Text, true, false),
    (b"<w:pPr>", Element::ParagraphProperties, false, false),
    (b"</w:pPr>", Element::ParagraphProperties, true, false),
    (b"<w:rPr>", Element::RunProperties, false, false),
    (b"</w:rPr>", Element::RunProperties, true, false),
    (b"<w:tbl>", Element::Table, false, false),
    (b"</w:tbl>", Element::Table, true, false),
    (b"<w:tr>", Element::Row, false, false),
    (b"</w:tr>", Element::Row, true, false),
    (b"<w:tc>", Element::Cell, false, false),
    (b"</w:tc>", Element::Cell, true, false),
    (b"<w:tcPr>", Element::Other, false, false),
    (b"<w:trPr>", Element::Other, false, false),
    (b"<w:tab/>", Element::Tab, false, true),
    (b"<w:br/>", Element::Break, false, true),
    (b"<w:cr/>", Element::Break, false, true),
];

/// [`SHORT_TAGS`] spelled (see [`spelled`]) and each in its own [`short_slot`]: a tag is told by
/// one look there.
static SHORT_TABLE: [(u64, Element, bool, bool); 32] = {
    let mut table = [(0, Element::Other, false, false); 32];
    let mut i = 0;
    while i < SHORT_TAGS.len() {
        let (spelling, element, closing, self_closing) = SHORT_TAGS[i];
        let tag = spelled(spelling);
        assert!(table[short_slot(tag)].0 == 0, "two short tags in one slot");
        table[short_slot(tag)] = (tag, element, closing, self_closing);
        i += 1;
    }
    table
};

/// Where a short tag is in [`SHORT_TABLE`]: the top five bits of its spelling times a number
/// found to give each of [`SHORT_TAGS`] a slot of its own.
const fn short_slot(tag: u64) -> usize {
    (tag.wrapping_mul(0xcfe5_19f9_8767_edb3) >> 59) as usize
}

/// A tag of up to eight bytes as the little-endian word its bytes make, zero after its end.
const fn spelled(tag: &[u8]) -> u64 {
    let mut word = 0;
    let mut i = 0;
    while i < tag.len() {
        word |= (tag[i] as u64) << (8 * i);
        i += 1;
    }
    word
}

/// A piece of WordprocessingML the reader acts on.
#[derive(Debug, PartialEq)]
enum Piece<'a> {
    /// A tag of an element other than [`Element::Other`]; its attributes are read only for `w:vMerge`.
    Tag { element: Element, closing: bool, self_closing: bool, attrs: Attrs<'a> },
    /// Text with its entities still to decode.
    Text(&'a str),
    /// Text to take as it is.
    Literal(&'a str),
}

/// WordprocessingML read straight from its bytes: a plain tag ([`Plain`]) is told by its name's
/// bytes, and one of an element the reader does not act on is passed over at once. Anything else
/// (comments, CDATA, declarations, a malformed tag) is read by the general tokenizer, so the
/// pieces are those of [`Tokens::xml`].
struct Scanner<'a> {
    xml: &'a str,
    /// Where reading goes on.
    at: usize,
    /// The general tokenizer, for what is not a plain tag or text.
    tokens: Tokens<'a>,
    /// Run and paragraph properties found without an end tag: there is none later either.
    unclosed: [bool; 2],
}

impl<'a> Scanner<'a> {
    fn new(xml: &'a str) -> Self {
        Scanner { xml, at: 0, tokens: Tokens::xml(xml), unclosed: [false; 2] }
    }

    fn next(&mut self) -> Option<Piece<'a>> {
        let b = self.xml.as_bytes();
        loop {
            let at = self.at;
            if *b.get(at)? != b'<' {
                let lt = find_byte(b'<', &b[at..]).map_or(b.len(), |i| at + i);
                self.at = lt;
                return Some(Piece::Text(&self.xml[at..lt]));
            }
            // A short tag is told by its eight bytes up to its `>`.
            if let Some(word) = word_at(b, at) {
                let gt = zero_bytes(word ^ repeat(b'>'));
                if gt != 0 {
                    let len = gt.trailing_zeros() as usize / 8 + 1;
                    if let Some((element, closing, self_closing)) = Element::short(word & (u64::MAX >> (64 - 8 * len))) {
                        self.at = at + len;
                        if element == Element::Other {
                            continue;
                        }
                        return Some(Piece::Tag { element, closing, self_closing, attrs: Attrs::default() });
                    }
                }
            }
            // Many writers give each run's text this start tag: taken whole.
            const PRESERVED_TEXT: &[u8] = b"<w:t xml:space=\"preserve\">";
            if b.get(at + 4) == Some(&b' ') && b[at..].starts_with(PRESERVED_TEXT) {
                self.at = at + PRESERVED_TEXT.len();
                return Some(Piece::Tag { element: Element::Text, closing: false, self_closing: false, attrs: Attrs::default() });
            }
            let closing = b.get(at + 1) == Some(&b'/');
            let name_start = at + 1 + usize::from(closing);
            let piece = if !b.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
                self.general()?
            } else {
                let (element, name_end) = Element::at(b, name_start);
                if element == Element::Other {
                    // Passed over by where the tag ends: read as a plain tag or by the general
                    // tokenizer, a name the reader does not act on makes no difference.
                    match delimited_end(b, name_start) {
                        Some(Some(end)) => self.at = end + 1,
                        Some(None) => {
                            self.at = b.len();
                            return Some(Piece::Text(&self.xml[at..]));
                        }
                        None => {
                            self.at = at + 1;
                            return Some(Piece::Literal("<"));
                        }
                    }
                    continue;
                }
                match Plain::named(self.xml, closing, name_start, name_end) {
                    Some(plain) if element != Element::Script || plain.closing || plain.self_closing => {
                        self.at = plain.end + 1;
                        let attrs = if element == Element::VMerge { plain.attrs(self.xml) } else { Attrs::default() };
                        Piece::Tag { element, closing: plain.closing, self_closing: plain.self_closing, attrs }
                    }
                    _ => self.general()?,
                }
            };
            if !matches!(piece, Piece::Tag { element: Element::Other | Element::Script, .. }) {
                return Some(piece);
            }
        }
    }

    /// The next piece as the general tokenizer reads it.
    fn general(&mut self) -> Option<Piece<'a>> {
        let (piece, next) = self.tokens.piece_at(self.at);
        self.at = next;
        Some(match piece? {
            markup::Piece::Tag(tag) => Piece::Tag {
                element: Element::named(tag.name.as_bytes()),
                closing: tag.closing,
                self_closing: tag.self_closing,
                attrs: tag.attrs,
            },
            markup::Piece::Text(text) => Piece::Text(text),
            markup::Piece::Literal(text) => Piece::Literal(text),
        })
    }

    /// Passes over the content of the run or paragraph properties just started, up to and with
    /// their end tag, without reading it. Properties that never end are read as usual, and, as there
    /// is no end tag later either, not looked for again.
    fn skip_properties(&mut self, paragraph: bool) {
        let (end_tag, unclosed) = if paragraph { (b"</w:pPr>", &mut self.unclosed[1]) } else { (b"</w:rPr>", &mut self.unclosed[0]) };
        if *unclosed {
            return;
        }
        match after_end_tag(&self.xml.as_bytes()[self.at..], end_tag) {
            Some(end) => self.at += end,
            None => *unclosed = true,
        }
    }
}

/// The blocks of WordprocessingML (`word/document.xml`).
pub fn blocks(xml: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut tables: Vec<TableState> = Vec::new();
    let mut paragraph = String::new();
    let mut skip = 0usize; // inside text boxes, deleted text, field instructions
    let mut in_text = false;
    let mut scanner = Scanner::new(xml);
    while let Some(piece) = scanner.next() {
        let (element, closing, self_closing, attrs) = match piece {
            Piece::Tag { element, closing, self_closing, attrs } => (element, closing, self_closing, attrs),
            Piece::Text(text) if in_text && skip == 0 => {
                paragraph.push_str(&decode_entities(text));
                continue;
            }
            Piece::Literal(text) if in_text && skip == 0 => {
                paragraph.push_str(text);
                continue;
            }
            Piece::Text(_) | Piece::Literal(_) => continue,
        };
        if !closing {
            match element {
                Element::RunProperties if !self_closing => scanner.skip_properties(false),
                Element::ParagraphProperties if !self_closing => scanner.skip_properties(true),
                Element::Hidden if !self_closing => skip += 1,
                _ if skip > 0 => {}
                Element::Text => in_text = !self_closing,
                Element::Tab => paragraph.push('\t'),
                Element::Break => paragraph.push('\n'),
                Element::Table if tables.len() < 8 => tables.push(TableState::default()),
                Element::Row => {
                    if let Some(t) = tables.last_mut() {
                        t.row.clear();
                    }
                }
                Element::Cell => {
                    if let Some(t) = tables.last_mut() {
                        t.cell.clear();
                        t.merged_over = false;
                    }
                }
                Element::VMerge => {
                    if let Some(t) = tables.last_mut() {
                        t.merged_over = attrs.get("w:val").as_deref() != Some("restart");
                    }
                }
                _ => {}
            }
            continue;
        }
        match element {
            Element::Hidden => skip = skip.saturating_sub(1),
            _ if skip > 0 => {}
            Element::Text => in_text = false,
            // A paragraph's text and a cell's are copied out, each buffer kept for the next one: a
            // paragraph of several runs is not grown again from nothing.
            Element::Paragraph => match tables.last_mut() {
                Some(t) => {
                    if !t.cell.is_empty() && !paragraph.is_empty() {
                        t.cell.push('\n');
                    }
                    t.cell.push_str(&paragraph);
                    paragraph.clear();
                }
                None => {
                    out.push(Block::Paragraph(paragraph.as_str().into()));
                    paragraph.clear();
                }
            },
            Element::Cell => {
                if let Some(t) = tables.last_mut() {
                    t.row.push((!t.merged_over).then(|| t.cell.as_str().into()));
                    t.cell.clear();
                    // A cell spanning several grid columns (`w:gridSpan`) is one cell of the row:
                    // its neighbours keep their places, so nothing is inserted after it.
                }
            }
            Element::Row => {
                if let Some(t) = tables.last_mut() {
                    // The next row starts with room for as many cells as this one.
                    let next = Vec::with_capacity(t.row.len());
                    let row = std::mem::replace(&mut t.row, next);
                    t.rows.push(row);
                }
            }
            Element::Table => {
                if let Some(t) = tables.pop() {
                    match tables.last_mut() {
                        // A nested table: its text joins the outer cell.
                        Some(outer) => {
                            for row in t.rows {
                                let line: Vec<String> = row.into_iter().flatten().collect();
                                outer.cell.push_str(&line.join(" "));
                                outer.cell.push('\n');
                            }
                        }
                        None => out.push(Block::Table(t.rows)),
                    }
                }
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skipped_properties_end_at_their_end_tag() {
        let tag = |element, closing| Piece::Tag { element, closing, self_closing: false, attrs: Attrs::default() };
        let mut scanner = Scanner::new("<w:rPr><w:t>x</w:t></w:rPr><w:t>y</w:t>");
        assert_eq!(scanner.next(), Some(tag(Element::RunProperties, false)));
        scanner.skip_properties(false);
        let rest: Vec<_> = std::iter::from_fn(|| scanner.next()).collect();
        assert_eq!(rest, vec![tag(Element::Text, false), Piece::Text("y"), tag(Element::Text, true)]);
        // Never closed: read as usual.
        let mut scanner = Scanner::new("<w:rPr><w:t>z");
        scanner.next();
        scanner.skip_properties(false);
        assert_eq!((scanner.next(), scanner.next()), (Some(tag(Element::Text, false)), Some(Piece::Text("z"))));
    }

    #[test]
    fn paragraphs_tables_and_merges() {
        let xml = r#"<w:document><w:body>
            <w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p>
            <w:p><w:r><w:t xml:space="preserve">本年度</w:t></w:r><w:r><w:t>受理申请</w:t></w:r></w:p>
            <w:tbl>
              <w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>申请人情况</w:t></w:r></w:p></w:tc></w:tr>
              <w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>三、本年度</w:t></w:r></w:p><w:p><w:r><w:t>办理结果</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>0</w:t></w:r></w:p></w:tc></w:tr>
              <w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc></w:tr>
            </w:tbl>
            <w:p><w:r><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></w:r><w:del><w:r><w:delText>删除</w:delText></w:r></w:del></w:p>
        </w:body></w:document>"#;
        assert_eq!(
            blocks(xml),
            vec![
                Block::Paragraph("一、总体情况".into()),
                Block::Paragraph("本年度受理申请".into()),
                Block::Table(vec![
                    vec![Some("申请人情况".into())],
                    vec![Some("三、本年度\n办理结果".into()), Some("0".into())],
                    vec![None, Some("1".into())],
                ]),
                Block::Paragraph("".into()),
            ]
        );
    }

    #[test]
    fn elements_told_by_their_names_first_bytes() {
        // Each tag, its element and where its name ends (0 for an element the reader does not act on).
        let short = [
            ("<w:p>", Element::Paragraph, 4),
            ("<w:pPr>", Element::ParagraphProperties, 6),
            ("<w:pPrChange>", Element::Other, 0),
            ("<w:pStyle/>", Element::Other, 0),
            ("<w:r>", Element::Other, 0),
            ("<w:rPr>", Element::RunProperties, 6),
            ("<w:rFonts/>", Element::Other, 0),
            ("<w:t>", Element::Text, 4),
            ("<w:tr>", Element::Row, 5),
            ("<w:trPr>", Element::Other, 0),
            ("<w:tc>", Element::Cell, 5),
            ("<w:tcPr>", Element::Other, 0),
            ("<w:tab/>", Element::Tab, 6),
            ("<w:tabs>", Element::Other, 0),
            ("<w:tbl>", Element::Table, 6),
            ("<w:tblPr>", Element::Other, 0),
            ("<w:br/>", Element::Break, 5),
            ("<w:cr/>", Element::Break, 5),
            ("<w:b/>", Element::Other, 0),
            ("<w:t1>", Element::Other, 0),
            ("<w:t.x>", Element::Other, 0),
            ("<w:t-x>", Element::Other, 0),
        ];
        // Longer names, and names at the end of the text, are spelled out.
        let spelled_out = [
            ("<w:vMerge/>", Element::VMerge, 9),
            ("<w:vMergeX/>", Element::Other, 0),
            ("<w:txbxContent>", Element::Hidden, 14),
            ("<w:del>", Element::Hidden, 6),
            ("<w:delText>", Element::Hidden, 10),
            ("<w:instrText>", Element::Hidden, 12),
            ("<mc:Fallback>", Element::Hidden, 12),
            ("<script>", Element::Script, 7),
            ("<w:p", Element::Paragraph, 4),
            ("<w:tc", Element::Cell, 5),
        ];
        for (tag, element, end) in short.into_iter().chain(spelled_out) {
            assert_eq!(Element::at(tag.as_bytes(), 1), (element, end), "{tag}");
        }
    }

    #[test]
    fn short_tags_told_as_plain_tags_are() {
        let short = |tag: &str| Element::short(spelled(tag.as_bytes()));
        for (spelling, ..) in SHORT_TAGS {
            let tag = std::str::from_utf8(spelling).unwrap();
            let plain = Plain::at(tag, 0).unwrap();
            let element = Element::named(&spelling[plain.name_start..plain.name_end]);
            assert_eq!(short(tag), Some((element, plain.closing, plain.self_closing)), "{tag}");
        }
        assert_eq!(["<w:r>", "</w:r>", "<w:tcPr>", "<w:trPr>"].map(short).map(|s| s.map(|s| s.0)), [Some(Element::Other); 4]);
        assert_eq!(["<w:p >", "<w:pP>", "<w:t/ >", "<w:tbl/", "<w:b/>", "w:p>", "</w:tcPr", "<w:tr/>"].map(short), [None; 8]);
    }

    #[test]
    fn passed_over_tags_end_where_the_tokenizer_ends_them() {
        let tag = |element, closing, self_closing| Piece::Tag { element, closing, self_closing, attrs: Attrs::default() };
        let pieces = |xml| {
            let mut scanner = Scanner::new(xml);
            std::iter::from_fn(move || scanner.next()).collect::<Vec<_>>()
        };
        // A `>` in a quoted value does not end the tag; a `<` before the end is text; so is a tag
        // that never ends.
        assert_eq!(
            pieces(r#"<w:r a="x>y"><w:t>1</w:t>"#),
            vec![tag(Element::Text, false, false), Piece::Text("1"), tag(Element::Text, true, false)]
        );
        assert_eq!(
            pieces("<w:r a=1 <w:t>2"),
            vec![Piece::Literal("<"), Piece::Text("w:r a=1 "), tag(Element::Text, false, false), Piece::Text("2")]
        );
        assert_eq!(pieces(r#"<w:t>3<w:r a="x"#), vec![tag(Element::Text, false, false), Piece::Text("3"), Piece::Text(r#"<w:r a="x"#)]);
        // A name the reader acts on, ended oddly, is read by the general tokenizer.
        assert_eq!(
            pieces("<w:p\x0c><w:tc/ ><w:pPr"),
            vec![tag(Element::Paragraph, false, false), tag(Element::Cell, false, true), Piece::Text("<w:pPr")]
        );
    }

    #[test]
    fn tab_stops_are_not_tabs() {
        let xml = r#"<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="2100"/></w:tabs></w:pPr><w:r><w:t>政府信息</w:t><w:tab/><w:t>公开</w:t></w:r></w:p>"#;
        assert_eq!(blocks(xml), vec![Block::Paragraph("政府信息\t公开".into())]);
    }
}
