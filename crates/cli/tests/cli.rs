//! The `nianbao` command: summaries, the JSON document, stdin, exit status 0/1/2.

use std::io::Write;
use std::process::{Child, Command, Output, Stdio};

fn fixture(path: &str) -> String {
    format!("{}/../../tests/fixtures/{path}", env!("CARGO_MANIFEST_DIR"))
}

/// The command with all three streams piped.
fn spawn(args: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

fn nianbao(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = spawn(args);
    let mut input = child.stdin.take().unwrap();
    // The command may exit before reading (bad arguments): a broken pipe here is not a failure.
    let _ = input.write_all(stdin.unwrap_or_default());
    drop(input);
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn summary_of_a_sample() {
    let o = nianbao(&["check", &fixture("reports/huaian-city-2024.txt")], None);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(out.contains("机关：淮安市人民政府"), "{out}");
    assert!(out.contains("年度：2024"));
    assert!(out.contains("格式：2021年版格式"));
    assert!(out.contains("一、本年新收政府信息公开申请数量        3001 | 53 | 0 | 0 | 61 | 4 | 3119"), "{out}");
    assert!(out.contains("检查结果：0 个错误，0 个警告，0 个提示"));
}

#[test]
fn json_document_follows_the_contract() {
    let o = nianbao(&["check", "--format", "json", &fixture("reports/000_675c1ca713925614.txt")], None);
    assert_eq!(o.status.code(), Some(0));
    let doc: serde_json::Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(doc["organ"], "毛坝镇");
    assert_eq!(doc["year"], 2020);
    assert_eq!(doc["format"], "2019");
    assert_eq!(doc["sections"][0], serde_json::json!({"no": 1, "title": "总体情况", "line": 2}));
    assert_eq!(doc["cells"]["applications.new.natural"], serde_json::json!({"value": 0, "raw": "0", "line": 107, "col": 2}));
    assert_eq!(
        doc["cells"]["active.procurement.amount"],
        serde_json::json!({"value": 1187.0427, "raw": "1187.0427\u{a0}万元", "unit": "万元", "line": 79, "col": 2})
    );
    assert_eq!(doc["findings"], serde_json::json!([]));
}

#[test]
fn findings_in_json_and_exit_status_1_on_errors() {
    let text = std::fs::read_to_string(fixture("synthetic/tab-rows-2021.txt")).unwrap();
    let broken = text.replacen("2.重复申请\t1\t0\t0\t0\t0\t1\t2", "2.重复申请\t1\t0\t0\t0\t0\t1\t3", 1);
    let o = nianbao(&["check", "--format=json", "-"], Some(broken.as_bytes()));
    assert_eq!(o.status.code(), Some(1));
    let doc: serde_json::Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    let finding = &doc["findings"][0];
    assert_eq!(finding["rule"], "T3-ROW-TOTAL");
    assert_eq!(finding["severity"], "error");
    assert_eq!(finding["table"], "applications");
    assert_eq!(finding["suggestion"], serde_json::json!({"cell": "applications.ignored_repeat.total", "value": 2}));
}

#[test]
fn rows_that_could_not_be_read_are_unread_and_not_errors() {
    let text = std::fs::read_to_string(fixture("synthetic/tab-rows-2021.txt")).unwrap();
    let broken = text.replacen("（一）予以公开\t8\t1\t0\t0\t1\t0\t10", "（一）予以公开\t8\t1\t0\t1\t0\t10", 1);
    let o = nianbao(&["check", "--format=json", "-"], Some(broken.as_bytes()));
    assert_eq!(o.status.code(), Some(0), "unread rows do not make the exit status 1");
    let doc: serde_json::Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    let finding = &doc["findings"][0];
    assert_eq!(finding["rule"], "STRUCT-UNREAD");
    assert_eq!(finding["severity"], "unread");
    assert_eq!(finding["cells"][0], "applications.granted.natural");
    assert_eq!(finding["line"], 27);
}

#[test]
fn unreadable_input_exits_2_with_a_message() {
    let o = nianbao(&["check", "-"], Some(b"%PDF-1.7 binary"));
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("这份 PDF 已损坏或不完整"));
    let o = nianbao(&["check", &fixture("pdf/bad/encrypted-password.pdf")], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("这份 PDF 已加密"));
    let o = nianbao(&["check", "/nonexistent/report.txt"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("无法打开文件"));
    let o = nianbao(&["check"], None);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn old_word_files_are_read_and_refusals_exit_2() {
    let json = |path: &str| -> serde_json::Value {
        let o = nianbao(&["check", "--format", "json", &fixture(path)], None);
        assert_eq!(o.status.code(), Some(0), "{path}");
        serde_json::from_str(stdout(&o).trim()).unwrap()
    };
    let doc = json("doc/huaian-city-2024.doc");
    let docx = json("structured/huaian-city-2024.docx");
    assert_eq!(doc["input"], "doc");
    assert_eq!(doc["cells"], docx["cells"]);
    assert_eq!(doc["cells"]["applications.new.total"]["value"], 3119.0);
    let o = nianbao(&["check", &fixture("doc/youchegang-2020.encrypted.doc")], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("设置了密码保护"));
}

#[test]
fn several_files_one_ndjson_line_each_or_one_json_array() {
    let files = [fixture("reports/hongze-district-2023.txt"), fixture("reports/hongze-district-2024.txt")];
    let o = nianbao(&["check", "--format", "ndjson", &files[0], &files[1]], None);
    let lines: Vec<serde_json::Value> = stdout(&o).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    assert_eq!((lines[0]["file"].as_str(), lines[0]["previous"].clone()), (Some(files[0].as_str()), serde_json::Value::Null));
    assert_eq!((lines[0]["report"]["year"].clone(), lines[1]["report"]["year"].clone()), (2023.into(), 2024.into()));
    let o = nianbao(&["check", "--format", "json", &files[0], &files[1]], None);
    let array: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(array.as_array().unwrap().as_slice(), lines.as_slice());
}

#[test]
fn the_rule_catalogue_in_docs_is_generated() {
    let o = nianbao(&["rules"], None);
    let docs = std::fs::read_to_string(format!("{}/../../docs/rules.md", env!("CARGO_MANIFEST_DIR"))).unwrap();
    assert_eq!(stdout(&o), docs, "docs/rules.md is stale: run `cargo run -p nianbao-cli -- rules > docs/rules.md`");
}

#[test]
fn previous_year_and_publication_date() {
    let o = nianbao(
        &[
            "check",
            "--format",
            "json",
            "--previous",
            &fixture("reports/hongze-district-2023.txt"),
            "--published",
            "2025-04-02",
            &fixture("reports/hongze-district-2024.txt"),
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(0));
    let doc: serde_json::Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    let rules: Vec<&str> = doc["findings"].as_array().unwrap().iter().map(|f| f["rule"].as_str().unwrap()).collect();
    assert!(!rules.iter().any(|r| r.starts_with("YEAR-")), "{rules:?}");
    assert_eq!(doc["published"], serde_json::json!({"date": "2025-04-02", "line": null, "source": "用户输入"}));
    let late = doc["findings"].as_array().unwrap().iter().find(|f| f["rule"] == "DATE-DEADLINE").expect("DATE-DEADLINE");
    assert_eq!(late["message"], "报告的发布日期是 2025-04-02（用户输入），晚于本级人民政府的年度报告的公布期限 2025-03-31。");

    let o = nianbao(&["check", "--published", "2025/04/02", "-"], Some(b"x"));
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("YYYY-MM-DD"));
}

#[test]
fn a_pdf_report_is_read() {
    let o = nianbao(&["check", "--format=json", &fixture("pdf/hongze-district-2023.pdf")], None);
    let doc: serde_json::Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(doc["input"], "pdf");
    assert_eq!(doc["cells"]["applications.new.total"]["value"], 21.0);
    assert_eq!(doc["cells"]["applications.new.total"]["origin"]["page"], 3);
}

/// `nianbao check - | head -0`: the reader is gone before anything is written.
fn with_closed_stdout(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = spawn(args);
    drop(child.stdout.take()); // closed before the command has read its input, so before it writes
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin).unwrap();
    drop(input);
    child.wait_with_output().unwrap()
}

#[test]
fn a_closed_pipe_stops_it_quietly() {
    let report = std::fs::read(fixture("reports/huaian-city-2024.txt")).unwrap();
    let other = fixture("reports/hongze-district-2023.txt");
    for args in
        [&["check", "-"][..], &["check", "--format", "json", "-"], &["check", "-", &other], &["check", "--format", "csv", "-", &other]]
    {
        let o = with_closed_stdout(args, &report);
        assert_eq!(String::from_utf8_lossy(&o.stderr), "", "{args:?}");
        // The status says what was found (hongze-district-2023 has errors), as with a reader.
        assert_eq!(o.status.code(), nianbao(args, Some(&report)).status.code(), "{args:?}");
    }
    let o = with_closed_stdout(&["rules"], b"");
    assert_eq!((String::from_utf8_lossy(&o.stderr).as_ref(), o.status.code()), ("", Some(0)));
}

#[test]
fn a_failed_write_is_an_error_on_stderr() {
    let Ok(full) = std::fs::File::create("/dev/full") else { return };
    let o = Command::new(env!("CARGO_BIN_EXE_nianbao")).args(["rules"]).stdout(full).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).starts_with("nianbao: 无法写出结果："), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn help_and_version_on_stdout_errors_on_stderr() {
    for args in [&["--help"][..], &["-h"], &["check", "--help"], &["rules", "-h"]] {
        let o = nianbao(args, None);
        assert_eq!(o.status.code(), Some(0), "{args:?}");
        assert!(stdout(&o).starts_with("nianbao — 政府信息公开工作年度报告检查工具\n"), "{args:?}");
        assert!(stdout(&o).contains("nianbao check [选项] FILE|DIR..."));
        assert_eq!(o.stderr, b"");
    }
    let o = nianbao(&["--version"], None);
    assert_eq!((stdout(&o), o.status.code()), (format!("nianbao {}\n", env!("CARGO_PKG_VERSION")), Some(0)));
    let o = nianbao(&["check", "--frobnicate", "-"], Some(b"x"));
    assert_eq!((o.status.code(), o.stdout.as_slice()), (Some(2), &b""[..]));
    assert!(String::from_utf8_lossy(&o.stderr).starts_with("nianbao: 未知选项 --frobnicate\n"));
    let o = nianbao(&[], None);
    assert_eq!((o.status.code(), o.stdout.as_slice()), (Some(2), &b""[..]));
    assert!(String::from_utf8_lossy(&o.stderr).starts_with("nianbao: 请给出子命令 check 或 rules\n"));
}

/// The output has no colour at all, so `NO_COLOR` has nothing to turn off: no escape sequences,
/// whether or not it is set.
#[test]
fn no_colour_escapes_in_any_output() {
    let text = std::fs::read_to_string(fixture("synthetic/tab-rows-2021.txt")).unwrap();
    let broken = text.replacen("（一）予以公开\t8\t1\t0\t0\t1\t0\t10", "（一）予以公开\t8\t1\t0\t1\t0\t10", 1);
    for args in [&["check", "-"][..], &["check", "--format", "json", "-"], &["rules"], &["--help"], &["check", "--bad"]] {
        let o = nianbao(args, Some(broken.as_bytes()));
        assert!(!o.stdout.contains(&0x1b) && !o.stderr.contains(&0x1b), "{args:?}");
    }
}
