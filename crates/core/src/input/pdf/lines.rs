//! Glyphs to text lines: glyphs grouped by baseline, ordered left to right, with a space where
//! the gap between two glyphs is a word gap and a tab where it is a column gap.

use super::content::Glyph;

/// A line of text on a page.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// The baseline (page space, y downwards).
    pub y: f64,
    pub left: f64,
    pub right: f64,
    pub size: f64,
    pub text: String,
}

/// Whether two glyphs sit on one baseline: within a third of the larger size (a raised
/// punctuation mark or a slightly shifted run still belongs to its line).
fn same_line(a: &Glyph, b: &Glyph) -> bool {
    (a.y - b.y).abs() <= a.size.max(b.size) * 0.35
}

/// Glyphs grouped by baseline, top to bottom, each group left to right (indices into `glyphs`).
pub fn baselines(glyphs: &[&Glyph]) -> Vec<Vec<usize>> {
    let mut sorted: Vec<usize> = (0..glyphs.len()).collect();
    sorted.sort_by(|&a, &b| glyphs[a].y.total_cmp(&glyphs[b].y).then(glyphs[a].x.total_cmp(&glyphs[b].x)));
    // A glyph joins the line whose baseline it shares.
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for g in sorted {
        match groups.last_mut() {
            Some(group) if same_line(glyphs[group[0]], glyphs[g]) => group.push(g),
            _ => groups.push(vec![g]),
        }
    }
    for group in &mut groups {
        group.sort_by(|&a, &b| glyphs[a].x.total_cmp(&glyphs[b].x));
    }
    groups
}

/// Groups glyphs into lines, top to bottom. `tabs` puts a tab at column gaps (text outside
/// tables); inside a table cell a gap is a space.
pub fn lines(glyphs: &[&Glyph], tabs: bool) -> Vec<Line> {
    baselines(glyphs)
        .into_iter()
        .filter_map(|group| {
            let group: Vec<&Glyph> = group.into_iter().map(|i| glyphs[i]).collect();
            let size = group.iter().map(|g| g.size).fold(0.0, f64::max);
            let mut text = String::new();
            let mut end: Option<f64> = None;
            for g in &group {
                if let Some(end) = end {
                    let gap = g.x - end;
                    if tabs && gap > size * 2.5 {
                        text.push('\t');
                    } else if gap > size * 0.3 && !text.ends_with(' ') {
                        text.push(' ');
                    }
                }
                text.push_str(&g.text);
                end = Some(end.map_or(g.x + g.width, |e: f64| e.max(g.x + g.width)));
            }
            let text = text.trim().to_owned();
            if text.is_empty() {
                return None;
            }
            let baseline = group.iter().map(|g| g.y).sum::<f64>() / group.len() as f64;
            Some(Line { y: baseline, left: group[0].x, right: end.unwrap_or(group[0].x), size, text })
        })
        .collect()
}

/// Whether a character is written without spaces around it (CJK ideographs and punctuation).
fn is_cjk(c: char) -> bool {
    matches!(c, '\u{2e80}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{ff00}'..='\u{ffef}' | '\u{20000}'..='\u{2ffff}')
}

/// The text of lines wrapped in one block: joined without a space between CJK text or within a
/// number wrapped in a narrow cell, with a space between words of other scripts.
pub fn join_wrapped(lines: &[Line]) -> String {
    let mut out = String::new();
    for line in lines {
        let text = line.text.replace('\t', " ");
        let (last, first) = (out.chars().last(), text.chars().next());
        let digits = last.is_some_and(|c| c.is_ascii_digit()) && first.is_some_and(|c| c.is_ascii_digit() || c == '.');
        let joins_tight = last.is_none_or(is_cjk) || first.is_some_and(is_cjk) || digits;
        if !out.is_empty() && !joins_tight {
            out.push(' ');
        }
        out.push_str(&text);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyph(x: f64, y: f64, text: &str) -> Glyph {
        Glyph { x, y, width: 10.0, size: 10.0, text: text.into() }
    }

    #[test]
    fn glyphs_to_lines_with_spaces_and_tabs() {
        let gs = [
            glyph(80.0, 100.0, "b"),
            glyph(10.0, 101.0, "行"),
            glyph(20.0, 100.0, "政"),
            glyph(34.0, 100.0, "a"),
            glyph(10.0, 120.0, "下"),
        ];
        let refs: Vec<&Glyph> = gs.iter().collect();
        let ls = lines(&refs, true);
        assert_eq!(ls.iter().map(|l| l.text.as_str()).collect::<Vec<_>>(), ["行政 a\tb", "下"]);
        assert_eq!(join_wrapped(&ls), "行政 a b下");
    }
}
