//! HTML (saved portal pages, clipboard HTML from Word or a browser): the part of the page that is
//! the report — not menus and footers — as paragraphs and tables, `rowspan`/`colspan` laid out on
//! the grid, `<br>` and Word's `mso-` markup handled.

use crate::input::document::Block;
use crate::input::markup::{decode_entities, Attrs, Piece, Plain, Tag, Tokens};
use crate::text::push_collapsed;
use crate::words::{find_byte, find_with, repeat, zero_bytes};
use std::borrow::Cow;

/// Whether text is HTML rather than a plain report: it starts with `<`, and one of a page's usual
/// tags starts within its first 2,048 characters.
pub fn looks_like_html(text: &str) -> bool {
    const HEAD: usize = 2048;
    let text = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    if !text.starts_with('<') {
        return false;
    }
    let b = text.as_bytes();
    // Whether the first `end` bytes are within the head: no more characters than bytes.
    let in_head = |end: usize| end <= HEAD || text[..end].chars().count() <= HEAD;
    let mut at = 0;
    while let Some(lt) = find_byte(b'<', &b[at..]).map(|i| at + i) {
        if !in_head(lt + 1) {
            return false;
        }
        at = lt + 1;
        let tag = ["html", "body", "table", "!doctype html", "meta", "div", "p"]
            .into_iter()
            .find(|t| b[at..].get(..t.len()).is_some_and(|name| name.eq_ignore_ascii_case(t.as_bytes())));
        if tag.is_some_and(|t| in_head(at + t.len())) {
            return true;
        }
    }
    false
}

/// What the reader tells elements apart by: the tags it treats alike share a kind, and the ones
/// it names (the implied end tags, tables) have their own. Kinds that stand for several tags are
/// told apart by name where it matters (end tags).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Other,
    /// Without content or end tag.
    Void,
    /// Without content, and a line break (`br`, `hr`).
    VoidBlock,
    /// Starts and ends a paragraph (or a line of a cell).
    Block,
    /// Page chrome that is never the report.
    Chrome,
    /// Chrome that is also a block (`nav`, `header`, `footer`, `aside`, `form`).
    BlockChrome,
    Table,
    Tr,
    Td,
    Th,
    Tbody,
    Thead,
    Tfoot,
    P,
    Li,
    Ul,
    Ol,
    Div,
    Body,
}

/// A set of kinds, one bit each.
const fn kinds(of: &[Kind]) -> u32 {
    let mut set = 0;
    let mut i = 0;
    while i < of.len() {
        set |= 1 << of[i] as u32;
        i += 1;
    }
    set
}

const BLOCKS: u32 = kinds(&[
    Kind::VoidBlock,
    Kind::Block,
    Kind::BlockChrome,
    Kind::Table,
    Kind::Tr,
    Kind::P,
    Kind::Li,
    Kind::Ul,
    Kind::Ol,
    Kind::Div,
    Kind::Body,
]);
const SECTIONS: u32 = kinds(&[Kind::Table, Kind::Tbody, Kind::Thead, Kind::Tfoot]);
const CELLS: u32 = kinds(&[Kind::Td, Kind::Th]);

impl Kind {
    /// The kind of the element `name` (as written, any case).
    fn of(name: &str) -> Kind {
        let b = name.as_bytes();
        // Longer than the names below, or ending in a NUL byte, which packing would lose.
        if b.len() > 8 || b.last() == Some(&0) {
            return match name.eq_ignore_ascii_case("blockquote") {
                true => Kind::Block,
                false => Kind::Other,
            };
        }
        // The name's bytes in lower case, packed into one number: one integer `match`.
        let packed = b.iter().rev().fold(0u64, |n, c| n << 8 | u64::from(c.to_ascii_lowercase()));
        match packed {
            P => Kind::P,
            TD => Kind::Td,
            TR => Kind::Tr,
            TH => Kind::Th,
            TABLE => Kind::Table,
            TBODY => Kind::Tbody,
            THEAD => Kind::Thead,
            TFOOT => Kind::Tfoot,
            LI => Kind::Li,
            UL => Kind::Ul,
            OL => Kind::Ol,
            DIV => Kind::Div,
            BODY => Kind::Body,
            BR | HR => Kind::VoidBlock,
            IMG | INPUT | META | LINK | COL | AREA | BASE | WBR | SOURCE => Kind::Void,
            H1 | H2 | H3 | H4 | H5 | H6 | SECTION | ARTICLE | MAIN | CENTER | DL | DT | DD | PRE | HTML => Kind::Block,
            NAV | HEADER | FOOTER | ASIDE | FORM => Kind::BlockChrome,
            SELECT | BUTTON | NOSCRIPT | IFRAME | TITLE | HEAD => Kind::Chrome,
            _ => Kind::Other,
        }
    }

    fn is(self, set: u32) -> bool {
        set & 1 << self as u32 != 0
    }

    fn is_block(self) -> bool {
        self.is(BLOCKS)
    }

    fn is_chrome(self) -> bool {
        matches!(self, Kind::Chrome | Kind::BlockChrome)
    }

    fn is_void(self) -> bool {
        matches!(self, Kind::Void | Kind::VoidBlock)
    }

    /// The open elements a start tag of this kind closes (an implied end tag), and those that
    /// bound the search: a cell of a nested table closes nothing outside it.
    fn closes(self) -> Option<(u32, u32)> {
        match self {
            Kind::Td | Kind::Th => Some((CELLS, kinds(&[Kind::Tr]) | SECTIONS)),
            Kind::Tr => Some((CELLS | kinds(&[Kind::Tr]), SECTIONS)),
            Kind::P => Some((kinds(&[Kind::P]), CELLS | kinds(&[Kind::Tr, Kind::Table, Kind::Li, Kind::Div, Kind::Body]))),
            Kind::Li => Some((kinds(&[Kind::Li]), kinds(&[Kind::Ul, Kind::Ol]))),
            _ => None,
        }
    }
}

/// A lower-case tag name of up to 8 bytes as [`Kind::of`] packs it.
const fn packed(name: &[u8]) -> u64 {
    let mut n = 0;
    let mut i = name.len();
    while i > 0 {
        i -= 1;
        n = n << 8 | name[i] as u64;
    }
    n
}

macro_rules! names {
    ($($id:ident = $name:literal),* $(,)?) => { $(const $id: u64 = packed($name);)* };
}
names!(
    P = b"p",
    TD = b"td",
    TR = b"tr",
    TH = b"th",
    TABLE = b"table",
    TBODY = b"tbody",
    THEAD = b"thead",
    TFOOT = b"tfoot",
    LI = b"li",
    UL = b"ul",
    OL = b"ol",
    DIV = b"div",
    BODY = b"body",
    BR = b"br",
    HR = b"hr",
    IMG = b"img",
    INPUT = b"input",
    META = b"meta",
    LINK = b"link",
    COL = b"col",
    AREA = b"area",
    BASE = b"base",
    WBR = b"wbr",
    SOURCE = b"source",
    H1 = b"h1",
    H2 = b"h2",
    H3 = b"h3",
    H4 = b"h4",
    H5 = b"h5",
    H6 = b"h6",
    SECTION = b"section",
    ARTICLE = b"article",
    MAIN = b"main",
    CENTER = b"center",
    DL = b"dl",
    DT = b"dt",
    DD = b"dd",
    PRE = b"pre",
    HTML = b"html",
    NAV = b"nav",
    HEADER = b"header",
    FOOTER = b"footer",
    ASIDE = b"aside",
    FORM = b"form",
    SELECT = b"select",
    BUTTON = b"button",
    NOSCRIPT = b"noscript",
    IFRAME = b"iframe",
    TITLE = b"title",
    HEAD = b"head",
);

struct Node<'a> {
    /// The tag's name as written.
    name: &'a str,
    kind: Kind,
    attrs: Attrs<'a>,
    /// Its children are [`Tree::items`] `first..end`, each child element followed by its own.
    first: usize,
    end: usize,
    /// Its tables, its own and those of its children that are not chrome.
    tables: usize,
    /// Whether its text (without its children that are chrome) holds a [`REPORT_MARKERS`] word.
    marked: bool,
}

/// The elements of a page, node 0 the root, and their children in one list in page order: an
/// element's children follow it, so nothing is kept per element but where they end.
struct Tree<'a> {
    nodes: Vec<Node<'a>>,
    items: Vec<Item<'a>>,
}

#[derive(Clone, Copy)]
enum Item<'a> {
    Node(usize),
    /// Text with its entities still to decode.
    Text(&'a str),
    /// Text to take as it is.
    Literal(&'a str),
}

impl<'a> Item<'a> {
    fn text(self) -> Option<Cow<'a, str>> {
        match self {
            Item::Node(_) => None,
            Item::Text(t) => Some(decode_entities(t)),
            Item::Literal(t) => Some(Cow::Borrowed(t)),
        }
    }
}

impl<'a> Tree<'a> {
    /// The children of node `id`, in order.
    fn children(&self, id: usize) -> impl Iterator<Item = Item<'a>> + '_ {
        let (mut at, end) = (self.nodes[id].first, self.nodes[id].end);
        std::iter::from_fn(move || {
            let item = *self.items[..end].get(at)?;
            at = match item {
                Item::Node(c) => self.nodes[c].end,
                _ => at + 1,
            };
            Some(item)
        })
    }
}

/// The words that mark the report's text: its first section heading, or the title of 表三.
/// Both end in `况`, the character that has them looked for.
const REPORT_MARKERS: [&str; 2] = ["总体情况", "收到和处理政府信息公开申请情况"];

/// Builds the tree of a page and finds where its report is: parses tolerant HTML into nodes (node
/// 0 the root) while counting each element's tables and looking for the marker words in its text.
struct Builder<'a> {
    tree: Tree<'a>,
    /// The open elements, outermost first.
    open: Vec<usize>,
    /// The text items seen by the innermost open chrome element (or the page), in order, from
    /// `bases.last()` on: text inside chrome is not its parent's.
    visible: Vec<usize>,
    /// Where in `visible` each open chrome element's text starts.
    bases: Vec<usize>,
}

impl<'a> Builder<'a> {
    fn new(html: &'a str) -> Self {
        let root = Node { name: "#root", kind: Kind::Other, attrs: Attrs::default(), first: 0, end: 0, tables: 0, marked: false };
        let mut nodes = Vec::with_capacity(html.len() / 48);
        nodes.push(root);
        let tree = Tree { nodes, items: Vec::with_capacity(html.len() / 32) };
        Builder { tree, open: vec![0], visible: Vec::new(), bases: Vec::new() }
    }

    fn start(&mut self, name: &'a str, attrs: Attrs<'a>, self_closing: bool) {
        let kind = Kind::of(name);
        let nodes = &self.tree.nodes;
        if let Some((closes, within)) = kind.closes() {
            let boundary = self.open.iter().rposition(|&n| nodes[n].kind.is(within)).map_or(1, |b| b + 1);
            if let Some(pos) = self.open.iter().skip(boundary).position(|&n| nodes[n].kind.is(closes)) {
                self.close_to(boundary + pos);
            }
        }
        let id = self.tree.nodes.len();
        self.tree.items.push(Item::Node(id));
        let first = self.tree.items.len();
        let tables = usize::from(kind == Kind::Table);
        self.tree.nodes.push(Node { name, kind, attrs, first, end: first, tables, marked: false });
        if !self_closing && !kind.is_void() && self.open.len() < 256 {
            self.open.push(id);
            if kind.is_chrome() {
                self.bases.push(self.visible.len());
            }
        } else {
            self.ended(id, *self.open.last().unwrap_or(&0));
        }
    }

    fn end(&mut self, name: &str) {
        let nodes = &self.tree.nodes;
        // Names in any case, told quickly when written alike (as they mostly are).
        let same = |n: &str| n.len() == name.len() && n.bytes().zip(name.bytes()).all(|(a, b)| a == b || a.eq_ignore_ascii_case(&b));
        if let Some(pos) = self.open.iter().rposition(|&n| same(nodes[n].name)) {
            if pos > 0 {
                self.close_to(pos);
            }
        }
    }

    /// Closes the open elements from the `depth`th on.
    fn close_to(&mut self, depth: usize) {
        while self.open.len() > depth {
            let id = self.open.pop().unwrap_or(0);
            self.tree.nodes[id].end = self.tree.items.len();
            if self.tree.nodes[id].kind.is_chrome() {
                self.visible.truncate(self.bases.pop().unwrap_or(0));
            }
            self.ended(id, *self.open.last().unwrap_or(&0));
        }
    }

    /// Passes what node `id` has to its parent, unless it is chrome.
    fn ended(&mut self, id: usize, parent: usize) {
        let node = &self.tree.nodes[id];
        if !node.kind.is_chrome() {
            let (tables, marked) = (node.tables, node.marked);
            let parent = &mut self.tree.nodes[parent];
            parent.tables += tables;
            parent.marked |= marked;
        }
    }

    fn text(&mut self, item: Item<'a>) {
        let at = self.tree.items.len();
        self.tree.items.push(item);
        self.visible.push(at);
        let text = item.text().unwrap_or_default();
        let bytes = text.as_bytes();
        // Where a character that every marker ends with ends (`况`, or `況` that folds to it).
        let ends = |w| zero_bytes(w ^ repeat(0xb5)) | zero_bytes(w ^ repeat(0x81));
        let mut from = 0;
        while let Some(i) = find_with(&bytes[from..], ends, |b| b == 0xb5 || b == 0x81) {
            from += i + 1;
            if bytes[..from].ends_with("况".as_bytes()) || bytes[..from].ends_with("況".as_bytes()) {
                if let Some(start) = self.marker_before(&text[..from]) {
                    // The innermost open element whose text holds the word from its start.
                    let nodes = &self.tree.nodes;
                    let holder = self.open.iter().rev().find(|&&n| nodes[n].first <= start).copied().unwrap_or(0);
                    self.tree.nodes[holder].marked = true;
                }
            }
        }
    }

    /// Where the [`REPORT_MARKERS`] word that the visible text ends with, up to `last` (the end of
    /// the latest item), starts: the item holding its first character. Compared as skeletons
    /// ([`crate::text::skeleton_chars`]), so `总 体` or `總體` is `总体`.
    fn marker_before(&self, last: &str) -> Option<usize> {
        // The last skeleton characters, latest first, each with its item.
        let mut chars = [('\0', 0); 16];
        let mut n = 0;
        let base = self.bases.last().copied().unwrap_or(0);
        let items = self.visible[base..].iter().rev();
        for (k, &item) in items.enumerate() {
            let text = if k == 0 { Cow::Borrowed(last) } else { self.tree.items[item].text().unwrap_or_default() };
            // `skeleton_chars`, from the end.
            let skeleton = text.chars().rev().map(crate::text::fold_char).filter(|&c| crate::text::is_skeleton_char(c));
            for c in skeleton.map(|c| c.to_ascii_lowercase()) {
                chars[n] = (c, item);
                n += 1;
                if n == chars.len() {
                    break;
                }
            }
            if n == chars.len() {
                break;
            }
        }
        REPORT_MARKERS.iter().find_map(|m| {
            let len = m.chars().count();
            (len <= n && m.chars().rev().zip(&chars).all(|(c, &(s, _))| c == s)).then(|| chars[len - 1].1)
        })
    }

    /// The tree, and the deepest element holding all of the page's tables and the report's first
    /// section heading: the report without the portal's menus, sidebars and footers.
    fn finish(mut self) -> (Tree<'a>, usize) {
        self.close_to(1);
        let nodes = &mut self.tree.nodes;
        nodes[0].end = self.tree.items.len();
        let all = nodes[0].tables;
        // Children have higher ids than their parents: the last match is the deepest.
        let root = nodes.iter().rposition(|n| n.tables == all && n.marked && !n.kind.is_chrome()).unwrap_or(0);
        (self.tree, root)
    }
}

/// A page read straight from its bytes: text and a plain tag ([`Plain`]) are taken at once, anything
/// else (comments, declarations, script and style, a malformed tag) is read by the general
/// tokenizer, so the pieces are those of [`Tokens::html`].
struct Scanner<'a> {
    html: &'a str,
    /// Where reading goes on.
    at: usize,
    tokens: Tokens<'a>,
}

impl<'a> Scanner<'a> {
    fn next(&mut self) -> Option<Piece<'a>> {
        let (html, at) = (self.html, self.at);
        let b = html.as_bytes();
        if *b.get(at)? != b'<' {
            let lt = find_byte(b'<', &b[at..]).map_or(b.len(), |i| at + i);
            self.at = lt;
            return Some(Piece::Text(&html[at..lt]));
        }
        if let Some(plain) = Plain::at(html, at) {
            let name = &html[plain.name_start..plain.name_end];
            // Script and style are passed over by the tokenizer, content and all.
            if plain.closing || plain.self_closing || !(name.eq_ignore_ascii_case("script") || name.eq_ignore_ascii_case("style")) {
                self.at = plain.end + 1;
                // Only a cell's attributes are ever read (see `grid`).
                let cell = name.len() == 2 && (name.eq_ignore_ascii_case("td") || name.eq_ignore_ascii_case("th"));
                let attrs = if cell { plain.attrs(html) } else { Attrs::default() };
                return Some(Piece::Tag(Tag { name, attrs, closing: plain.closing, self_closing: plain.self_closing }));
            }
        }
        let (piece, next) = self.tokens.piece_at(at);
        self.at = next;
        piece
    }
}

/// Parses tolerant HTML into an arena of nodes (node 0 the root), and finds the report's element.
fn tree(html: &str) -> (Tree<'_>, usize) {
    let mut builder = Builder::new(html);
    let mut scanner = Scanner { html, at: 0, tokens: Tokens::html(html) };
    while let Some(piece) = scanner.next() {
        match piece {
            Piece::Tag(tag) if tag.closing => builder.end(tag.name),
            Piece::Tag(tag) => builder.start(tag.name, tag.attrs, tag.self_closing),
            // Text without entities is taken as it is wherever it is read.
            Piece::Text(text) if find_byte(b'&', text.as_bytes()).is_none() => builder.text(Item::Literal(text)),
            Piece::Text(text) => builder.text(Item::Text(text)),
            Piece::Literal(text) => builder.text(Item::Literal(text)),
        }
    }
    builder.finish()
}

/// The blocks of the report in an HTML page.
pub fn read(html: &str) -> Vec<Block> {
    let (tree, root) = tree(html);
    let mut out = Vec::new();
    let mut paragraph = String::new();
    let mut cell = String::new();
    walk(&tree, root, &mut out, &mut paragraph, &mut cell);
    flush(&mut out, &mut paragraph);
    out
}

fn flush(out: &mut Vec<Block>, paragraph: &mut String) {
    let text = paragraph.trim();
    if !text.is_empty() {
        out.push(Block::Paragraph(text.to_owned()));
    }
    paragraph.clear();
}

/// Adds the blocks of node `id` to `out`; `cell` is room for a table cell's text.
fn walk(tree: &Tree, id: usize, out: &mut Vec<Block>, paragraph: &mut String, cell: &mut String) {
    let kind = tree.nodes[id].kind;
    if kind.is_chrome() {
        return;
    }
    if kind == Kind::Table {
        flush(out, paragraph);
        out.push(Block::Table(grid(tree, id, cell)));
        return;
    }
    let block = kind.is_block();
    if block {
        flush(out, paragraph);
    }
    for child in tree.children(id) {
        match child {
            Item::Node(c) => walk(tree, c, out, paragraph, cell),
            text => push_collapsed(paragraph, &text.text().unwrap_or_default()),
        }
    }
    if block {
        flush(out, paragraph);
    }
}

/// The text of a cell: `<br>` and block boundaries become line breaks.
fn cell_text(tree: &Tree, id: usize, out: &mut String) {
    for child in tree.children(id) {
        match child {
            Item::Node(c) => {
                let kind = tree.nodes[c].kind;
                let block = kind.is_block() || kind.is(CELLS);
                if block && !out.is_empty() && !out.ends_with('\n') {
                    out.push('\n');
                }
                cell_text(tree, c, out);
            }
            text => push_collapsed(out, &text.text().unwrap_or_default()),
        }
    }
}

/// The rows of a table: one entry per cell, `None` where a cell from a row above (rowspan) covers it.
/// Covered slots are at most as many as the table's own cells (a real table has far fewer), so a
/// page of `rowspan`s cannot grow the grid beyond its own size. `text` is room for a cell's text.
fn grid(tree: &Tree, table: usize, text: &mut String) -> Vec<Vec<Option<String>>> {
    let nodes = &tree.nodes;
    let mut rows_nodes = Vec::new();
    collect_rows(tree, table, &mut rows_nodes);
    let cells_of = |tr: usize| {
        tree.children(tr).filter_map(|c| match c {
            Item::Node(n) if nodes[n].kind.is(CELLS) => Some(n),
            _ => None,
        })
    };
    let mut covered_left: usize = rows_nodes.iter().map(|&tr| cells_of(tr).count()).sum();
    // Cells from rows above that still cover grid columns: first column → (columns, last row covered).
    let mut covering: std::collections::BTreeMap<usize, (usize, usize)> = Default::default();
    let mut rows = Vec::new();
    for (r, tr) in rows_nodes.into_iter().enumerate() {
        let mut row = Vec::new();
        let mut col = 0;
        let mut next = cells_of(tr);
        loop {
            if let Some(&(span, last)) = covering.get(&col) {
                if last < r {
                    covering.remove(&col);
                } else if covered_left > 0 {
                    covered_left -= 1;
                    row.push(None);
                    col += span;
                    continue;
                }
            }
            let Some(cell) = next.next() else { break };
            // Most cells have neither, told by the attributes as written.
            let attrs = nodes[cell].attrs;
            let spans = if attrs.hold("span") { attrs.get_each(["rowspan", "colspan"]) } else { [None, None] };
            let [rowspan, colspan] = spans.map(|v| v.and_then(|v| v.trim().parse::<usize>().ok()).unwrap_or(1).clamp(1, 200));
            text.clear();
            cell_text(tree, cell, text);
            row.push(Some(text.trim().to_owned()));
            if rowspan > 1 {
                covering.insert(col, (colspan, r + rowspan - 1));
            }
            col += colspan;
        }
        rows.push(row);
    }
    rows
}

fn collect_rows(tree: &Tree, id: usize, out: &mut Vec<usize>) {
    for child in tree.children(id) {
        if let Item::Node(c) = child {
            match tree.nodes[c].kind {
                Kind::Tr => out.push(c),
                Kind::Thead | Kind::Tbody | Kind::Tfoot => collect_rows(tree, c, out),
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_report_without_the_portal_around_it() {
        let page = r#"<html><head><meta charset="gbk"><title>x</title></head><body>
            <div class="nav"><a href="/">首页</a> | <a>政务公开</a> 2023年 12 条</div>
            <div id="content"><h2>一、总体情况</h2><p>本年度受理申请<b>3</b>件。</p>
              <table><tr><td rowspan="2">三、本年度办理结果</td><td colspan="2">（一）予以公开</td><td>1</td></tr>
                <tr><td colspan="2">（二）部分公开<br>（区分处理的）</td><td>&nbsp;</td></tr></table></div>
            <footer>主办单位：某某 电话 12345</footer></body></html>"#;
        assert!(looks_like_html(page));
        assert_eq!(
            read(page),
            vec![
                Block::Paragraph("一、总体情况".into()),
                Block::Paragraph("本年度受理申请3件。".into()),
                Block::Table(vec![
                    vec![Some("三、本年度办理结果".into()), Some("（一）予以公开".into()), Some("1".into())],
                    vec![None, Some("（二）部分公开\n（区分处理的）".into()), Some("".into())],
                ]),
            ]
        );
    }

    #[test]
    fn unclosed_cells_and_rows() {
        let html = "<table><tr><td>规章<td>1<td>0<tr><td>行政规范性文件<td>8</table><p>五、存在的主要问题及改进情况";
        let blocks = read(html);
        assert_eq!(
            blocks[0],
            Block::Table(vec![
                vec![Some("规章".into()), Some("1".into()), Some("0".into())],
                vec![Some("行政规范性文件".into()), Some("8".into())],
            ])
        );
        assert!(!looks_like_html("一、总体情况\n<不是标签>"));
    }

    #[test]
    fn html_is_told_by_a_usual_tag_in_the_first_2048_characters() {
        assert!(looks_like_html(" \u{feff}\n<!DOCTYPE HTML><x>"));
        assert!(looks_like_html("<x><P>"));
        assert!(!looks_like_html("x<p>"));
        assert!(!looks_like_html("<x><!doctype htm"));
        let page = |filler: &str, n: usize| format!("<x>{}<Table>", filler.repeat(n));
        assert!(looks_like_html(&page("a", 2048 - 9)));
        assert!(!looks_like_html(&page("a", 2048 - 8)));
        assert!(looks_like_html(&page("中", 2048 - 9)));
        assert!(!looks_like_html(&page("中", 2048 - 8)));
    }

    #[test]
    fn kinds_of_tags_in_any_case() {
        let kinds = ["TD", "p", "Table", "br", "IMG", "h2", "Blockquote", "blockquotes", "NAV", "noscript", "span", "o:p", "p\0", "#root"]
            .map(Kind::of);
        use Kind::*;
        assert_eq!(kinds, [Td, P, Table, VoidBlock, Void, Block, Block, Other, BlockChrome, Chrome, Other, Other, Other, Other]);
        assert!(Kind::Tr.is_block() && !Kind::Td.is_block() && Kind::Th.is(CELLS));
    }

    /// The name of the element [`tree`] finds the report in.
    fn report_element(html: &str) -> &str {
        let (tree, root) = tree(html);
        tree.nodes[root].name
    }

    #[test]
    fn the_report_element_holds_a_marker_split_across_elements_but_not_across_chrome() {
        let table = "<table><tr><td>1</td></tr></table>";
        assert_eq!(report_element(&format!("<div><b>总体</b><nav>新闻</nav>情<i>況</i>{table}</div>")), "div");
        assert_eq!(report_element(&format!("<div><p>一、总体情况</p>{table}</div>")), "div");
        assert_eq!(report_element("<div><p>一、总 体 情 况</p></div>"), "p");
        // Text inside chrome is not its parent's: no marker outside the `<nav>`.
        assert_eq!(report_element(&format!("<div><b>总</b><nav>体</nav>情况{table}</div>")), "#root");
        assert_eq!(report_element("<div>收到和处理政府信息<br>公开申请情况<nav>总体情况</nav></div>"), "div");
        assert_eq!(report_element("<div>收到和处理政府信息公开申请情况<nav><p>总体情况</p></nav></div>"), "p");
    }

    #[test]
    fn the_characters_markers_are_looked_for_at() {
        assert!(REPORT_MARKERS.iter().all(|m| m.ends_with('况')));
        let folding = (0..=char::MAX as u32).filter_map(char::from_u32).filter(|&c| crate::text::fold_char(c) == '况');
        assert_eq!(folding.collect::<Vec<_>>(), ['况', '況']);
        assert_eq!(("况".as_bytes()[2], "況".as_bytes()[2]), (0xb5, 0x81));
    }
}
