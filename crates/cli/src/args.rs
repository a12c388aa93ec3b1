//! The `check` command's options: output format and file, last year's report, pairing, date, jobs.

use nianbao_core::batch::REPORT_EXTENSIONS;

/// How the results are written.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Format {
    Text,
    Json,
    Ndjson,
    Csv,
    Xlsx,
}

pub struct Options {
    pub format: Format,
    /// Where to write the results (`--output`); stdout when None.
    pub output: Option<String>,
    pub previous: Option<String>,
    pub pair: bool,
    pub published: Option<String>,
    /// Threads for reading and checking (`--jobs`); all cores when None.
    pub jobs: Option<usize>,
    /// Files and folders as given (`-` is stdin).
    pub paths: Vec<String>,
}

pub fn parse(args: &[String]) -> Result<Options, String> {
    let mut o = Options { format: Format::Text, output: None, previous: None, pair: false, published: None, jobs: None, paths: Vec::new() };
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n, Some(v.to_owned())),
            _ => (arg.as_str(), None),
        };
        let mut value = || inline.clone().or_else(|| iter.next().cloned()).ok_or(format!("{name} 需要一个值"));
        match name {
            "--format" => {
                o.format = match value()?.as_str() {
                    "text" => Format::Text,
                    "json" => Format::Json,
                    "ndjson" => Format::Ndjson,
                    "csv" => Format::Csv,
                    "xlsx" => Format::Xlsx,
                    _ => return Err("--format 只能是 text、json、ndjson、csv 或 xlsx".into()),
                }
            }
            "--json" => o.format = Format::Json,
            "--output" | "-o" => o.output = Some(value()?),
            "--previous" => o.previous = Some(value()?),
            "--pair" => o.pair = true,
            "--jobs" | "-j" => {
                let jobs = value()?;
                o.jobs = Some(jobs.parse().ok().filter(|&n: &usize| n > 0).ok_or(format!("--jobs 应为正整数，收到“{jobs}”"))?);
            }
            "--published" => {
                let date = value()?;
                let ok = date.len() == 10
                    && date.as_bytes()[4] == b'-'
                    && date.as_bytes()[7] == b'-'
                    && date.replace('-', "").bytes().all(|b| b.is_ascii_digit());
                if !ok {
                    return Err(format!("--published 的日期格式应为 YYYY-MM-DD，收到“{date}”"));
                }
                o.published = Some(date);
            }
            _ if name.starts_with("--") => return Err(format!("未知选项 {arg}")),
            _ => o.paths.push(arg.clone()),
        }
    }
    if o.paths.is_empty() {
        return Err(format!("请给出要检查的文件或文件夹（文件夹中的 .{} 文件；- 表示标准输入）", REPORT_EXTENSIONS.join(" .")));
    }
    if o.pair && o.previous.is_some() {
        return Err("--pair 与 --previous 不能同时使用".into());
    }
    Ok(o)
}
