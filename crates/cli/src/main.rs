//! `nianbao`: checks 政府信息公开工作年度报告 files and folders from the command line.

mod args;
mod batch;
mod export;
mod memory;
mod summary;

use args::Format;
use export::Failure;
use nianbao_core::batch::Entry;
use nianbao_core::{catalogue_markdown, Report};
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

const USAGE: &str = "\
nianbao — 政府信息公开工作年度报告检查工具

用法 / Usage:
  nianbao check [选项] FILE|DIR...              检查报告（文件夹逐层查找 {extensions} 文件和 .zip 压缩包，
                                               压缩包中的每份报告各算一个文件；- 为标准输入）
      --format text|json|ndjson|csv|xlsx       输出格式：text 可读摘要（多个文件时末尾附汇总表）；
                                               json 单个文件为 JSON 文档，多个文件为一个 JSON 数组；
                                               ndjson 每个文件一行 JSON：file、previous、report 或 error；
                                               csv 汇总表（UTF-8 BOM，Excel 可直接打开）；
                                               xlsx 工作簿（汇总、问题、单元格三张表，需 --output 或重定向）
  -o, --output FILE                            结果写入文件（默认标准输出）
      --pair                                   自动配对同一机关相邻年度的报告，后一年与前一年核对（YEAR-*）
      --previous LAST_YEAR_FILE                所有报告都与这份上一年度报告核对（不能与 --pair 同用）
      --published YYYY-MM-DD                   报告的实际发布日期（用于 DATE-DEADLINE）
  -j, --jobs N                                 并行线程数（默认使用全部 CPU 核心）
  nianbao rules                                 输出检查规则目录（Markdown）
  nianbao --help | --version

退出码 / Exit status（针对整批文件）: 0 全部读取且无错误 · 1 有报告发现错误 · 2 有文件无法读取
（其余文件照常检查，原因写到标准错误）或参数有误";

/// The usage text, naming the report files a folder is searched for.
fn usage() -> String {
    let extensions: Vec<String> = nianbao_core::batch::REPORT_EXTENSIONS.iter().map(|e| format!(".{e}")).collect();
    USAGE.replace("{extensions}", &extensions.join(" "))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "--help" || a == "-h") {
        return written(emit(format!("{}\n", usage()).as_bytes()), ExitCode::SUCCESS);
    }
    match args.first().map(String::as_str) {
        Some("check") => check(&args[1..]),
        Some("rules") => written(emit(catalogue_markdown().as_bytes()), ExitCode::SUCCESS),
        Some("--version" | "-V") => written(emit(format!("nianbao {}\n", env!("CARGO_PKG_VERSION")).as_bytes()), ExitCode::SUCCESS),
        _ => usage_error("请给出子命令 check 或 rules"),
    }
}

/// Writes to standard output and flushes, so that a failed write is seen here.
fn emit(bytes: &[u8]) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(bytes).and_then(|()| out.flush())
}

/// The exit status after writing: a reader that has gone away (`nianbao check a.txt | head`) is
/// not an error, as with other Unix tools; any other failed write is (status 2).
fn written(result: std::io::Result<()>, status: ExitCode) -> ExitCode {
    match result {
        Ok(()) => status,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => status,
        Err(e) => {
            eprintln!("nianbao: 无法写出结果：{e}");
            ExitCode::from(2)
        }
    }
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("nianbao: {message}\n\n{}", usage());
    ExitCode::from(2)
}

fn check(args: &[String]) -> ExitCode {
    let o = match args::parse(args) {
        Ok(o) => o,
        Err(message) => return usage_error(&message),
    };
    if o.format == Format::Xlsx && o.output.is_none() && std::io::stdout().is_terminal() {
        return usage_error("xlsx 是二进制文件：请用 --output 文件名.xlsx，或把输出重定向到文件");
    }
    let previous = match &o.previous {
        Some(file) => match batch::parse(file) {
            Ok(p) => Some((file.as_str(), p)),
            Err(message) => {
                eprintln!("nianbao: {file}: {message}");
                return ExitCode::from(2);
            }
        },
        None => None,
    };
    let found = batch::find(&o.paths);
    if found.is_empty() {
        let extensions = nianbao_core::batch::REPORT_EXTENSIONS.join(" .");
        eprintln!("nianbao: 没有找到报告文件（文件夹中只检查 .{extensions} 文件和 .zip 压缩包）");
        return ExitCode::from(2);
    }
    let single_path = o.paths.len() == 1 && found.len() == 1 && !std::path::Path::new(&o.paths[0]).is_dir();
    let pool = match rayon::ThreadPoolBuilder::new().num_threads(o.jobs.unwrap_or(0)).build() {
        Ok(pool) => pool,
        Err(e) => return usage_error(&format!("无法启动 --jobs 线程：{e}")),
    };
    let entries = pool.install(|| batch::check(found, &o, previous.as_ref().map(|(file, p)| (*file, p))));
    for e in &entries {
        if let Err(reason) = &e.outcome {
            eprintln!("nianbao: {}: {reason}", e.file);
        }
    }
    // One file given on its own, and not a .zip of reports.
    let single = single_path && entries.len() == 1 && entries[0].file == o.paths[0];
    let status = ExitCode::from(status(&entries));
    let result = match &o.output {
        Some(path) => {
            let mut file = OutputFile { path, file: None };
            export::write(&entries, o.format, single, &pool, &mut file).and_then(|()| file.flush().map_err(Failure::Write))
        }
        None => {
            let mut out = std::io::stdout().lock();
            export::write(&entries, o.format, single, &pool, &mut out).and_then(|()| out.flush().map_err(Failure::Write))
        }
    };
    // The process ends here: freeing every report one by one would only delay its exit.
    std::mem::forget(entries);
    match (result, &o.output) {
        (Ok(()), _) => status,
        (Err(Failure::Render(message)), _) => {
            eprintln!("nianbao: {message}");
            ExitCode::from(2)
        }
        (Err(Failure::Write(e)), Some(path)) => {
            eprintln!("nianbao: 无法写入 {path}：{e}");
            ExitCode::from(2)
        }
        (Err(Failure::Write(e)), None) => written(Err(e), status),
    }
}

/// The `--output` file, created at the first write or flush: a batch whose output cannot be made
/// leaves no file behind.
struct OutputFile<'a> {
    path: &'a str,
    file: Option<std::io::BufWriter<std::fs::File>>,
}

impl OutputFile<'_> {
    fn file(&mut self) -> std::io::Result<&mut std::io::BufWriter<std::fs::File>> {
        if self.file.is_none() {
            self.file = Some(std::io::BufWriter::new(std::fs::File::create(self.path)?));
        }
        Ok(self.file.as_mut().expect("just created"))
    }
}

impl Write for OutputFile<'_> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.file()?.write(bytes)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.file()?.flush()
    }
}

/// The batch's exit status: 2 when any file could not be read, else 1 when any report has errors,
/// else 0.
fn status(entries: &[Entry]) -> u8 {
    let unreadable = entries.iter().any(|e| e.outcome.is_err());
    let errors = entries.iter().any(|e| e.outcome.as_ref().is_ok_and(Report::has_errors));
    if unreadable {
        2
    } else {
        u8::from(errors)
    }
}
