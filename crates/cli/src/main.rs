//! `nianbao`: checks 政府信息公开工作年度报告 files from the command line (text or JSON output).

mod summary;

use nianbao_core::{rules, ReadError, Report};
use std::io::Read;
use std::process::ExitCode;

const USAGE: &str = "\
nianbao — 政府信息公开工作年度报告检查工具

用法 / Usage:
  nianbao check [--format text|json] FILE...   检查报告（FILE 为 - 时读标准输入）
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
            print!("{}", rules::catalogue_markdown());
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

fn check(args: &[String]) -> ExitCode {
    let mut output = Output::Text;
    let mut files = Vec::new();
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--format" => match iter.next().map(String::as_str) {
                Some("json") => output = Output::Json,
                Some("text") => output = Output::Text,
                _ => return usage_error("--format 只能是 text 或 json"),
            },
            "--json" => output = Output::Json,
            _ if arg.starts_with("--format=") => match &arg["--format=".len()..] {
                "json" => output = Output::Json,
                "text" => output = Output::Text,
                _ => return usage_error("--format 只能是 text 或 json"),
            },
            _ if arg.starts_with("--") => return usage_error(&format!("未知选项 {arg}")),
            _ => files.push(arg.clone()),
        }
    }
    if files.is_empty() {
        return usage_error("请给出要检查的文件（或用 - 表示标准输入）");
    }
    let mut status = 0u8;
    for file in &files {
        match read(file).and_then(|bytes| nianbao_core::check_bytes(&bytes).map_err(|e| e.to_string())) {
            Ok(report) => {
                print(file, &report, output, files.len() > 1);
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

fn read(file: &str) -> Result<Vec<u8>, String> {
    let limit = nianbao_core::decode::MAX_INPUT_BYTES as u64 + 1;
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
