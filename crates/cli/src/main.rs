//! `nianbao`: checks 政府信息公开工作年度报告 files from the command line (text or JSON output).

mod summary;

use nianbao_core::read::meta::Published;
use nianbao_core::{catalogue_markdown, Parsed, ReadError, Report};
use std::io::Read;
use std::process::ExitCode;

const USAGE: &str = "\
nianbao — 政府信息公开工作年度报告检查工具

用法 / Usage:
  nianbao check [选项] FILE...                  检查报告（FILE 为 - 时读标准输入）
      --format text|json                       输出格式（json 为每个文件一行的 JSON 文档）
      --previous LAST_YEAR_FILE                同时与上一年度报告核对（YEAR-CARRY 等）
      --published YYYY-MM-DD                   报告的实际发布日期（用于 DATE-DEADLINE）
  nianbao rules                                 输出检查规则目录（Markdown）
  nianbao --help | --version

退出码 / Exit status: 0 无错误 · 1 发现错误 · 2 无法读取输入";

#[derive(Clone, Copy, PartialEq)]
enum Output {
    Text,
    Json,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("check") => check(&args[1..]),
        Some("rules") => {
            print!("{}", catalogue_markdown());
            ExitCode::SUCCESS
        }
        Some("--version" | "-V") => {
            println!("nianbao {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        Some("--help" | "-h") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => usage_error("请给出子命令 check 或 rules"),
    }
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("nianbao: {message}\n\n{USAGE}");
    ExitCode::from(2)
}

struct Options {
    output: Output,
    previous: Option<String>,
    published: Option<String>,
    files: Vec<String>,
}

fn options(args: &[String]) -> Result<Options, String> {
    let mut o = Options { output: Output::Text, previous: None, published: None, files: Vec::new() };
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n, Some(v.to_owned())),
            _ => (arg.as_str(), None),
        };
        let mut value = || inline.clone().or_else(|| iter.next().cloned()).ok_or(format!("{name} 需要一个值"));
        match name {
            "--format" => {
                o.output = match value()?.as_str() {
                    "json" => Output::Json,
                    "text" => Output::Text,
                    _ => return Err("--format 只能是 text 或 json".into()),
                }
            }
            "--json" => o.output = Output::Json,
            "--previous" => o.previous = Some(value()?),
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
            _ => o.files.push(arg.clone()),
        }
    }
    if o.files.is_empty() {
        return Err("请给出要检查的文件（或用 - 表示标准输入）".into());
    }
    Ok(o)
}

fn check(args: &[String]) -> ExitCode {
    let o = match options(args) {
        Ok(o) => o,
        Err(message) => return usage_error(&message),
    };
    let previous = match &o.previous {
        Some(file) => match parse(file) {
            Ok(p) => Some(p),
            Err(message) => {
                eprintln!("nianbao: {file}: {message}");
                return ExitCode::from(2);
            }
        },
        None => None,
    };
    let mut status = 0u8;
    for file in &o.files {
        match parse(file) {
            Ok(mut parsed) => {
                if let Some(date) = &o.published {
                    parsed.published = Some(Published { date: date.clone(), line: None, source: "用户输入" });
                }
                let report = match &previous {
                    Some(prev) => nianbao_core::check_with_previous(parsed, prev),
                    None => nianbao_core::check_parsed(parsed),
                };
                print(file, &report, o.output, o.files.len() > 1);
                if report.has_errors() {
                    status = status.max(1);
                }
            }
            Err(message) => {
                eprintln!("nianbao: {file}: {message}");
                status = 2;
            }
        }
    }
    ExitCode::from(status)
}

fn parse(file: &str) -> Result<Parsed, String> {
    read(file).and_then(|bytes| nianbao_core::parse_bytes(&bytes).map_err(|e| e.to_string()))
}

fn read(file: &str) -> Result<Vec<u8>, String> {
    let limit = nianbao_core::input::decode::MAX_INPUT_BYTES as u64 + 1;
    let mut bytes = Vec::new();
    let result = if file == "-" {
        std::io::stdin().take(limit).read_to_end(&mut bytes)
    } else {
        std::fs::File::open(file).and_then(|f| f.take(limit).read_to_end(&mut bytes))
    };
    match result {
        Ok(_) if bytes.len() as u64 >= limit => Err(ReadError::TooLarge { bytes: bytes.len() }.to_string()),
        Ok(_) => Ok(bytes),
        Err(e) => Err(format!("无法打开文件：{e}")),
    }
}

fn print(file: &str, report: &Report, output: Output, several: bool) {
    match output {
        Output::Json => println!("{}", report.to_json()),
        Output::Text => {
            if several {
                println!("=== {file} ===");
            }
            print!("{}", summary::render(report));
        }
    }
}
