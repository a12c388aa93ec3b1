//! HTML (saved portal pages, clipboard HTML from Word or a browser): the part of the page that is
//! the report — not menus and footers — as paragraphs and tables, `rowspan`/`colspan` laid out on
//! the grid, `<br>` and Word's `mso-` markup handled.

use crate::input::document::Block;
use crate::input::markup::{Attrs, Token, Tokens};
use crate::text::push_collapsed;
use std::borrow::Cow;

/// Whether text is HTML rather than a plain report.
pub fn looks_like_html(text: &str) -> bool {
    let text = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    if !text.starts_with('<') {
        return false;
    }
    let head: String = text.chars().take(2048).collect::<String>().to_ascii_lowercase();
    ["<html", "<body", "<table", "<!doctype html", "<meta", "<div", "<p"].iter().any(|t| head.contains(t))
}

struct Node<'a> {
    tag: Cow<'a, str>,
    attrs: Attrs<'a>,
    /// Its first and last child in [`Tree::children`] ([`NONE`] when it has none).
    first: usize,
    last: usize,
}

/// No child.
const NONE: usize = usize::MAX;

/// The elements of a page, node 0 the root, and their children in one list, each child linked to
/// its next sibling: no vector per element.
struct Tree<'a> {
    nodes: Vec<Node<'a>>,
    children: Vec<(Child<'a>, usize)>,
}

impl<'a> Tree<'a> {
    fn push_child(&mut self, parent: usize, child: Child<'a>) {
        let link = self.children.len();
        self.children.push((child, NONE));
        match self.nodes[parent].last {
            NONE => self.nodes[parent].first = link,
            last => self.children[last].1 = link,
        }
        self.nodes[parent].last = link;
    }

    /// The children of node `id`, in order.
    fn children(&self, id: usize) -> impl Iterator<Item = &Child<'a>> + '_ {
        let mut at = self.nodes[id].first;
        std::iter::from_fn(move || {
            let (child, next) = self.children.get(at)?;
            at = *next;
            Some(child)
        })
    }
}

enum Child<'a> {
    Node(usize),
    Text(Cow<'a, str>),
}

/// Elements without content or end tag.
fn is_void(tag: &str) -> bool {
    matches!(tag, "br" | "hr" | "img" | "input" | "meta" | "link" | "col" | "area" | "base" | "wbr" | "source")
}

/// Elements that start and end a paragraph (or a line of a cell).
fn is_block(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "div"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "ul"
            | "ol"
            | "section"
            | "article"
            | "main"
            | "blockquote"
            | "center"
            | "dl"
            | "dt"
            | "dd"
            | "pre"
            | "hr"
            | "br"
            | "table"
            | "tr"
            | "form"
            | "body"
            | "html"
            | "header"
            | "footer"
            | "nav"
            | "aside"
    )
}

/// Page chrome that is never the report.
fn is_chrome(tag: &str) -> bool {
    matches!(tag, "nav" | "header" | "footer" | "aside" | "select" | "button" | "form" | "noscript" | "iframe" | "title" | "head")
}

/// Parses tolerant HTML into an arena of nodes; node 0 is the root.
fn tree(html: &str) -> Tree<'_> {
    let root = Node { tag: "#root".into(), attrs: Attrs::default(), first: NONE, last: NONE };
    let mut tree = Tree { nodes: vec![root], children: Vec::new() };
    let mut stack = vec![0usize];
    for token in Tokens::html(html) {
        match token {
            Token::Start { name, attrs, self_closing } => {
                // Implied end tags: a new cell closes the open cell, a new row the open row, … but
                // only up to the element that contains them (a cell of a nested table closes nothing outside).
                let (closes, within): (&[&str], &[&str]) = match &*name {
                    "td" | "th" => (&["td", "th"], &["tr", "table", "tbody", "thead", "tfoot"]),
                    "tr" => (&["td", "th", "tr"], &["table", "tbody", "thead", "tfoot"]),
                    "p" => (&["p"], &["td", "th", "tr", "table", "li", "div", "body"]),
                    "li" => (&["li"], &["ul", "ol"]),
                    _ => (&[], &[]),
                };
                let nodes = &tree.nodes;
                if !closes.is_empty() {
                    let boundary = stack.iter().rposition(|&n| within.contains(&nodes[n].tag.as_ref())).map_or(1, |b| b + 1);
                    if let Some(pos) = stack.iter().skip(boundary).position(|&n| closes.contains(&nodes[n].tag.as_ref())) {
                        stack.truncate(boundary + pos);
                    }
                }
                let id = nodes.len();
                let parent = *stack.last().unwrap_or(&0);
                let void = self_closing || is_void(&name);
                tree.nodes.push(Node { tag: name, attrs, first: NONE, last: NONE });
                tree.push_child(parent, Child::Node(id));
                if !void && stack.len() < 256 {
                    stack.push(id);
                }
            }
            Token::End { name } => {
                if let Some(pos) = stack.iter().rposition(|&n| tree.nodes[n].tag == name) {
                    if pos > 0 {
                        stack.truncate(pos);
                    }
                }
            }
            Token::Text(text) => {
                let parent = *stack.last().unwrap_or(&0);
                tree.push_child(parent, Child::Text(text));
            }
        }
    }
    tree
}

/// The blocks of the report in an HTML page.
pub fn read(html: &str) -> Vec<Block> {
    let tree = tree(html);
    let root = content_root(&tree);
    let mut out = Vec::new();
    let mut paragraph = String::new();
    walk(&tree, root, &mut out, &mut paragraph);
    flush(&mut out, &mut paragraph);
    out
}

/// The words that mark the report's text: its first section heading, or the title of 表三.
const REPORT_MARKERS: [&str; 2] = ["总体情况", "收到和处理政府信息公开申请情况"];
/// Characters kept from each end of a long text (a marker is shorter): enough to find a marker
/// split across elements, such as `<b>总体</b>情况`.
const EDGE: usize = 16;

/// The deepest element holding all of the page's tables and the report's first section heading:
/// the report without the portal's menus, sidebars and footers. Each element's text is seen once
/// and passed up only by its ends, so deep nesting costs no more than the text itself.
fn content_root(tree: &Tree) -> usize {
    let nodes = &tree.nodes;
    // Per element: its text's skeleton, cut to its ends (joined by NUL) when long; holds a marker.
    let mut ends = vec![String::new(); nodes.len()];
    let mut marked = vec![false; nodes.len()];
    let mut tables = vec![0usize; nodes.len()];
    for id in (0..nodes.len()).rev() {
        let mut text = String::new();
        let mut count = usize::from(nodes[id].tag == "table");
        for child in tree.children(id) {
            match child {
                Child::Text(t) => text.extend(crate::text::skeleton_chars(t)),
                Child::Node(c) if !is_chrome(&nodes[*c].tag) => {
                    text.push_str(&ends[*c]);
                    marked[id] |= marked[*c];
                    count += tables[*c];
                }
                Child::Node(_) => {}
            }
        }
        marked[id] |= REPORT_MARKERS.iter().any(|m| text.len() >= m.len() && text.contains(m));
        ends[id] = cut_to_ends(text);
        tables[id] = count;
    }
    let all = tables[0];
    // Children have higher ids than their parents: the last match is the deepest.
    nodes.iter().enumerate().rev().find(|(id, node)| tables[*id] == all && marked[*id] && !is_chrome(&node.tag)).map_or(0, |(id, _)| id)
}

/// The first and last [`EDGE`] characters of a long text, with a NUL between them.
fn cut_to_ends(text: String) -> String {
    let count = text.chars().count();
    if count <= 2 * EDGE + 1 {
        return text;
    }
    let head: String = text.chars().take(EDGE).collect();
    let tail: String = text.chars().skip(count - EDGE).collect();
    format!("{head}\0{tail}")
}

fn flush(out: &mut Vec<Block>, paragraph: &mut String) {
    let text = std::mem::take(paragraph);
    if !text.trim().is_empty() {
        out.push(Block::Paragraph(text.trim().to_owned()));
    }
}

fn walk(tree: &Tree, id: usize, out: &mut Vec<Block>, paragraph: &mut String) {
    let node = &tree.nodes[id];
    let tag = node.tag.as_ref();
    if is_chrome(tag) {
        return;
    }
    if tag == "table" {
        flush(out, paragraph);
        out.push(Block::Table(grid(tree, id)));
        return;
    }
    let block = is_block(tag);
    if block {
        flush(out, paragraph);
    }
    for child in tree.children(id) {
        match child {
            Child::Text(t) => push_collapsed(paragraph, t),
            Child::Node(c) => walk(tree, *c, out, paragraph),
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
            Child::Text(t) => push_collapsed(out, t),
            Child::Node(c) => {
                let tag = tree.nodes[*c].tag.as_ref();
                let block = is_block(tag) || tag == "td" || tag == "th";
                if block && !out.is_empty() && !out.ends_with('\n') {
                    out.push('\n');
                }
                cell_text(tree, *c, out);
            }
        }
    }
}

/// The rows of a table: one entry per cell, `None` where a cell from a row above (rowspan) covers it.
/// Covered slots are at most as many as the table's own cells (a real table has far fewer), so a
/// page of `rowspan`s cannot grow the grid beyond its own size.
fn grid(tree: &Tree, table: usize) -> Vec<Vec<Option<String>>> {
    let nodes = &tree.nodes;
    let mut rows_nodes = Vec::new();
    collect_rows(tree, table, &mut rows_nodes);
    let cells_of = |tr: usize| {
        tree.children(tr).filter_map(|c| match c {
            Child::Node(n) if matches!(nodes[*n].tag.as_ref(), "td" | "th") => Some(*n),
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
            let [rowspan, colspan] = nodes[cell]
                .attrs
                .get_each(["rowspan", "colspan"])
                .map(|v| v.and_then(|v| v.trim().parse::<usize>().ok()).unwrap_or(1).clamp(1, 200));
            let mut text = String::new();
            cell_text(tree, cell, &mut text);
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
        if let Child::Node(c) = child {
            match tree.nodes[*c].tag.as_ref() {
                "tr" => out.push(*c),
                "thead" | "tbody" | "tfoot" => collect_rows(tree, *c, out),
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
}
