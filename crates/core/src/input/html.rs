//! HTML (saved portal pages, clipboard HTML from Word or a browser): the part of the page that is
//! the report — not menus and footers — as paragraphs and tables, `rowspan`/`colspan` laid out on
//! the grid, `<br>` and Word's `mso-` markup handled.

use crate::input::document::Block;
use crate::input::markup::{tokenize, Token};
use crate::text::collapse_whitespace;

/// Whether text is HTML rather than a plain report.
pub fn looks_like_html(text: &str) -> bool {
    let head: String =
        text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}').chars().take(2048).collect::<String>().to_ascii_lowercase();
    head.starts_with('<') && ["<html", "<body", "<table", "<!doctype html", "<meta", "<div", "<p"].iter().any(|t| head.contains(t))
}

struct Node {
    tag: String,
    attrs: Vec<(String, String)>,
    children: Vec<Child>,
}

enum Child {
    Node(usize),
    Text(String),
}

const VOID: &[&str] = &["br", "hr", "img", "input", "meta", "link", "col", "area", "base", "wbr", "source"];
const BLOCK: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "section",
    "article",
    "main",
    "blockquote",
    "center",
    "dl",
    "dt",
    "dd",
    "pre",
    "hr",
    "br",
    "table",
    "tr",
    "form",
    "body",
    "html",
    "header",
    "footer",
    "nav",
    "aside",
];
/// Page chrome that is never the report.
const CHROME: &[&str] = &["nav", "header", "footer", "aside", "select", "button", "form", "noscript", "iframe", "title", "head"];

/// Parses tolerant HTML into an arena of nodes; node 0 is the root.
fn tree(html: &str) -> Vec<Node> {
    let mut nodes = vec![Node { tag: "#root".into(), attrs: Vec::new(), children: Vec::new() }];
    let mut stack = vec![0usize];
    for token in tokenize(html) {
        match token {
            Token::Start { name, attrs, self_closing } => {
                // Implied end tags: a new cell closes the open cell, a new row the open row, … but
                // only up to the element that contains them (a cell of a nested table closes nothing outside).
                let (closes, within): (&[&str], &[&str]) = match name.as_str() {
                    "td" | "th" => (&["td", "th"], &["tr", "table", "tbody", "thead", "tfoot"]),
                    "tr" => (&["td", "th", "tr"], &["table", "tbody", "thead", "tfoot"]),
                    "p" => (&["p"], &["td", "th", "tr", "table", "li", "div", "body"]),
                    "li" => (&["li"], &["ul", "ol"]),
                    _ => (&[], &[]),
                };
                if !closes.is_empty() {
                    let boundary = stack.iter().rposition(|&n| within.contains(&nodes[n].tag.as_str())).map_or(1, |b| b + 1);
                    if let Some(pos) = stack.iter().skip(boundary).position(|&n| closes.contains(&nodes[n].tag.as_str())) {
                        stack.truncate(boundary + pos);
                    }
                }
                let id = nodes.len();
                let parent = *stack.last().unwrap_or(&0);
                nodes.push(Node { tag: name.clone(), attrs, children: Vec::new() });
                nodes[parent].children.push(Child::Node(id));
                if !self_closing && !VOID.contains(&name.as_str()) && stack.len() < 256 {
                    stack.push(id);
                }
            }
            Token::End { name } => {
                if let Some(pos) = stack.iter().rposition(|&n| nodes[n].tag == name) {
                    if pos > 0 {
                        stack.truncate(pos);
                    }
                }
            }
            Token::Text(text) => {
                let parent = *stack.last().unwrap_or(&0);
                nodes[parent].children.push(Child::Text(text));
            }
        }
    }
    nodes
}

/// The blocks of the report in an HTML page.
pub fn read(html: &str) -> Vec<Block> {
    let nodes = tree(html);
    let root = content_root(&nodes);
    let mut out = Vec::new();
    let mut paragraph = String::new();
    walk(&nodes, root, &mut out, &mut paragraph);
    flush(&mut out, &mut paragraph);
    out
}

/// The deepest element holding all of the page's tables and the report's first section heading:
/// the report without the portal's menus, sidebars and footers.
fn content_root(nodes: &[Node]) -> usize {
    let mut texts = vec![String::new(); nodes.len()];
    let mut tables = vec![0usize; nodes.len()];
    for id in (0..nodes.len()).rev() {
        let mut text = String::new();
        let mut count = usize::from(nodes[id].tag == "table");
        for child in &nodes[id].children {
            match child {
                Child::Text(t) => text.push_str(t),
                Child::Node(c) if !CHROME.contains(&nodes[*c].tag.as_str()) => {
                    text.push_str(&texts[*c]);
                    count += tables[*c];
                }
                Child::Node(_) => {}
            }
        }
        let skeleton = crate::text::skeleton(&text);
        texts[id] = skeleton;
        tables[id] = count;
    }
    let all = tables[0];
    let is_report =
        |id: usize| tables[id] == all && (texts[id].contains("总体情况") || texts[id].contains("收到和处理政府信息公开申请情况"));
    // Children have higher ids than their parents: the last match is the deepest.
    nodes.iter().enumerate().rev().find(|(id, node)| is_report(*id) && !CHROME.contains(&node.tag.as_str())).map_or(0, |(id, _)| id)
}

fn flush(out: &mut Vec<Block>, paragraph: &mut String) {
    let text = std::mem::take(paragraph);
    if !text.trim().is_empty() {
        out.push(Block::Paragraph(text.trim().to_owned()));
    }
}

fn walk(nodes: &[Node], id: usize, out: &mut Vec<Block>, paragraph: &mut String) {
    let node = &nodes[id];
    let tag = node.tag.as_str();
    if CHROME.contains(&tag) {
        return;
    }
    if tag == "table" {
        flush(out, paragraph);
        out.push(Block::Table(grid(nodes, id)));
        return;
    }
    let block = BLOCK.contains(&tag);
    if block {
        flush(out, paragraph);
    }
    for child in &node.children {
        match child {
            Child::Text(t) => paragraph.push_str(&collapse_whitespace(t)),
            Child::Node(c) => walk(nodes, *c, out, paragraph),
        }
    }
    if block {
        flush(out, paragraph);
    }
}

/// The text of a cell: `<br>` and block boundaries become line breaks.
fn cell_text(nodes: &[Node], id: usize, out: &mut String) {
    for child in &nodes[id].children {
        match child {
            Child::Text(t) => out.push_str(&collapse_whitespace(t)),
            Child::Node(c) => {
                let tag = nodes[*c].tag.as_str();
                let block = BLOCK.contains(&tag) || tag == "td" || tag == "th";
                if block && !out.is_empty() && !out.ends_with('\n') {
                    out.push('\n');
                }
                cell_text(nodes, *c, out);
            }
        }
    }
}

/// The rows of a table: one entry per cell, `None` where a cell from a row above (rowspan) covers it.
fn grid(nodes: &[Node], table: usize) -> Vec<Vec<Option<String>>> {
    let mut rows_nodes = Vec::new();
    collect_rows(nodes, table, &mut rows_nodes);
    // Cells from rows above that still cover grid columns: (first column, columns, rows left).
    let mut covering: Vec<(usize, usize, usize)> = Vec::new();
    let mut rows = Vec::new();
    for tr in rows_nodes {
        let cells: Vec<usize> = nodes[tr]
            .children
            .iter()
            .filter_map(|c| match c {
                Child::Node(n) if matches!(nodes[*n].tag.as_str(), "td" | "th") => Some(*n),
                _ => None,
            })
            .collect();
        let mut row = Vec::new();
        let mut col = 0;
        let mut next = cells.into_iter().peekable();
        let mut new_covering = Vec::new();
        loop {
            if let Some(&(start, span, _)) = covering.iter().find(|(start, _, _)| *start == col) {
                row.push(None);
                col = start + span;
                continue;
            }
            let Some(cell) = next.next() else { break };
            let attr = |k: &str| {
                nodes[cell].attrs.iter().find(|(a, _)| a == k).and_then(|(_, v)| v.trim().parse::<usize>().ok()).unwrap_or(1).clamp(1, 200)
            };
            let (rowspan, colspan) = (attr("rowspan"), attr("colspan"));
            let mut text = String::new();
            cell_text(nodes, cell, &mut text);
            row.push(Some(text.trim().to_owned()));
            if rowspan > 1 {
                new_covering.push((col, colspan, rowspan - 1));
            }
            col += colspan;
        }
        covering.retain_mut(|c| {
            c.2 -= 1;
            c.2 > 0
        });
        covering.extend(new_covering);
        rows.push(row);
    }
    rows
}

fn collect_rows(nodes: &[Node], id: usize, out: &mut Vec<usize>) {
    for child in &nodes[id].children {
        if let Child::Node(c) = child {
            match nodes[*c].tag.as_str() {
                "tr" => out.push(*c),
                "thead" | "tbody" | "tfoot" => collect_rows(nodes, *c, out),
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
