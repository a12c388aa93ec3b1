//! `nianbao check DIR…`: the batch fixture folder, automatic year pairing, the batch formats, and
//! one exit status for the whole batch.

mod common;

use common::{fixture, ndjson, nianbao, parse_csv, scratch, stdout};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// A fresh copy of `tests/fixtures/batch` in the test's own folder.
fn batch_copy(name: &str) -> PathBuf {
    let dir = scratch(name);
    copy_dir(&fixture("batch"), &dir);
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}

/// The file names of the entries, relative to the folder checked.
fn files(entries: &[serde_json::Value], dir: &Path) -> Vec<String> {
    let prefix = format!("{}/", dir.display());
    entries.iter().map(|e| e["file"].as_str().unwrap().strip_prefix(&prefix).unwrap().to_owned()).collect()
}

fn previous(entries: &[serde_json::Value], dir: &Path) -> Vec<Option<String>> {
    let prefix = format!("{}/", dir.display());
    entries.iter().map(|e| e["previous"].as_str().map(|p| p.strip_prefix(&prefix).unwrap().to_owned())).collect()
}

fn year_findings(entry: &serde_json::Value) -> Vec<serde_json::Value> {
    let findings = entry["report"]["findings"].as_array().cloned().unwrap_or_default();
    findings.into_iter().filter(|f| f["rule"].as_str().unwrap().starts_with("YEAR-")).collect()
}

const FILES: [&str; 7] = [
    "hongze/hongze-district-2022.txt",
    "hongze/hongze-district-2023.txt",
    "hongze/hongze-district-2024.txt",
    "others/damaged.docx",
    "others/huaian-city-2024.txt",
    "others/maoba-2020.txt",
    "others/youchegang-2020.docx",
];

#[test]
fn a_folder_is_checked_with_each_year_paired_to_the_one_before() {
    let dir = batch_copy("paired");
    let hongze_2023 = dir.join("hongze/hongze-district-2023.txt");
    let text = std::fs::read_to_string(&hongze_2023).unwrap();
    let broken = text.replacen("四、结转下年度继续办理 0 0 0 0 0 0 0", "四、结转下年度继续办理 1 0 0 0 0 0 1", 1);
    assert_ne!(broken, text);
    std::fs::write(&hongze_2023, broken).unwrap();

    let o = nianbao(&["check", "--pair", "--format", "ndjson", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "damaged.docx could not be read");
    let entries = ndjson(&o);
    assert_eq!(files(&entries, &dir), FILES);
    let organs: Vec<&str> = entries.iter().map(|e| e["report"]["organ"].as_str().unwrap_or("-")).collect();
    assert_eq!(organs, ["洪泽区人民政府办公室", "洪泽区人民政府", "淮安市洪泽区人民政府", "-", "淮安市人民政府", "毛坝镇", "油车港镇"]);
    let pairs = previous(&entries, &dir);
    assert_eq!(pairs, [None, Some(FILES[0].into()), Some(FILES[1].into()), None, None, None, None]);

    // The broken 结转 of 2023 shows on 2024, the report that carries it in.
    let carry = year_findings(&entries[2]);
    let cells: Vec<&str> = carry.iter().map(|f| f["cells"][0].as_str().unwrap()).collect();
    assert_eq!(cells, ["applications.carried_in.natural", "applications.carried_in.total"]);
    assert!(carry.iter().all(|f| f["rule"] == "YEAR-CARRY" && f["expected"] == 1 && f["actual"] == 0), "{carry:?}");
    for (i, entry) in entries.iter().enumerate().filter(|(i, _)| *i != 2) {
        assert_eq!(year_findings(entry), Vec::<serde_json::Value>::new(), "{}", FILES[i]);
    }

    assert_eq!(entries[3]["error"], "这是压缩格式的文件（zip），但不是能读取的 Word 文档（.docx）。若是 .docx，文件可能已损坏，请用 Word 或 WPS 打开后另存再试；若是多份报告的压缩包，请在完整页面或命令行中批量检查，或解压后逐个检查。");
    assert!(entries[3].get("report").is_none());
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("others/damaged.docx: 这是压缩格式的文件（zip），但不是能读取的 Word 文档"), "{stderr}");
}

#[test]
fn without_pair_no_report_is_taken_as_last_year() {
    let dir = fixture("batch");
    let o = nianbao(&["check", "--format", "ndjson", dir.to_str().unwrap()]);
    let entries = ndjson(&o);
    assert_eq!(entries.len(), FILES.len());
    assert!(entries.iter().all(|e| e["previous"].is_null() && year_findings(e).is_empty()));
}

#[test]
fn the_exit_status_covers_the_whole_batch() {
    let dir = batch_copy("status");
    let arg = |sub: &str| dir.join(sub).display().to_string();
    // 毛坝镇, 油车港镇, 淮安市: readable, no errors.
    std::fs::remove_file(dir.join("others/damaged.docx")).unwrap();
    assert_eq!(nianbao(&["check", "--format", "csv", &arg("others")]).status.code(), Some(0));
    // 2023's 表四 as printed has errors: 1 for the batch, whatever the other files.
    assert_eq!(nianbao(&["check", "--format", "csv", &arg("others"), &arg("hongze")]).status.code(), Some(1));
    // A file that cannot be read: 2, and every other file is still checked.
    std::fs::write(dir.join("others/notes.txt"), b"%PDF-1.7 binary").unwrap();
    let o = nianbao(&["check", "--format", "ndjson", &arg("others"), &arg("hongze")]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(ndjson(&o).len(), 7);
}

#[test]
fn only_report_files_are_taken_from_a_folder() {
    let dir = scratch("extensions");
    std::fs::create_dir_all(dir.join("sub/.hidden")).unwrap();
    let report = std::fs::read(fixture("reports/000_675c1ca713925614.txt")).unwrap();
    for name in ["a.TXT", "sub/b.htm", "sub/.hidden/c.txt", "sub/~$d.docx", "e.xlsx", "f.md", ".g.txt"] {
        std::fs::write(dir.join(name), &report).unwrap();
    }
    let o = nianbao(&["check", "--format", "ndjson", dir.to_str().unwrap()]);
    assert_eq!(files(&ndjson(&o), &dir), ["a.TXT", "sub/b.htm"]);

    let empty = scratch("no-reports");
    std::fs::write(empty.join("f.md"), b"x").unwrap();
    let o = nianbao(&["check", empty.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr)
        .contains("没有找到报告文件（文件夹中只检查 .txt .docx .doc .wps .html .htm .pdf 文件和 .zip 压缩包）"));
}

#[test]
fn csv_summary_one_row_a_file() {
    let dir = fixture("batch");
    let o = nianbao(&["check", "--pair", "--format", "csv", dir.to_str().unwrap()]);
    let text = stdout(&o);
    assert!(text.starts_with('\u{feff}') && text.ends_with("\r\n"));
    let rows = parse_csv(&text);
    assert_eq!(rows[0], ["文件", "机关", "年度", "格式", "错误", "警告", "提示", "未能读取的行", "无法读取文件", "上一年度报告"]);
    assert_eq!(rows.len(), 1 + FILES.len());
    let prefix = format!("{}/", dir.display());
    let row = |i: usize| -> Vec<String> { rows[i + 1].iter().map(|f| f.strip_prefix(&prefix).unwrap_or(f).to_owned()).collect() };
    assert_eq!(
        row(1),
        [
            "hongze/hongze-district-2023.txt",
            "洪泽区人民政府",
            "2023",
            "新旧格式混用",
            "2",
            "1",
            "0",
            "0",
            "",
            "hongze/hongze-district-2022.txt"
        ]
    );
    assert_eq!(
        row(3),
        ["others/damaged.docx", "", "", "", "", "", "", "", "这是压缩格式的文件（zip），但不是能读取的 Word 文档（.docx）。若是 .docx，文件可能已损坏，请用 Word 或 WPS 打开后另存再试；若是多份报告的压缩包，请在完整页面或命令行中批量检查，或解压后逐个检查。", ""]
    );
}

#[test]
fn text_of_a_batch_ends_with_its_summary() {
    let dir = fixture("batch/hongze");
    let o = nianbao(&["check", "--pair", dir.to_str().unwrap()]);
    let out = stdout(&o);
    let d = dir.display();
    assert!(
        out.contains(&format!(
            "=== {d}/hongze-district-2024.txt ===\n上一年度报告：{d}/hongze-district-2023.txt\n机关：淮安市洪泽区人民政府\n"
        )),
        "{out}"
    );
    assert!(out.contains(&format!("=== 汇总（3 个文件）===\n文件 | 机关 | 年度 | 格式 | 错误 | 警告 | 提示 | 未能读取的行 | 无法读取文件 | 上一年度报告\n{d}/hongze-district-2022.txt | 洪泽区人民政府办公室 | 2022 | 新旧格式混用 | 0 | 2 | 0 | 0 | - | -\n")), "{out}");
}

#[test]
fn jobs_do_not_change_the_result() {
    let dir = fixture("batch");
    let one = nianbao(&["check", "--pair", "--jobs", "1", "--format", "json", dir.to_str().unwrap()]);
    let all = nianbao(&["check", "--pair", "--format", "json", dir.to_str().unwrap()]);
    assert_eq!(stdout(&one), stdout(&all));
    assert_eq!(nianbao(&["check", "--jobs", "0", dir.to_str().unwrap()]).status.code(), Some(2));
    let o = nianbao(&["check", "--pair", "--previous", "x.txt", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--pair 与 --previous 不能同时使用"));
}

/// The entries of tests/fixtures/archive/hongze.zip that are reports (see its README), in order.
const ZIPPED: [&str; 4] = [
    "hongze.zip/洪泽区政务公开/2023年度/洪泽区人民政府2023年报告.txt",
    "hongze.zip/洪泽区政务公开/其他/损坏的报告.txt",
    "hongze.zip/洪泽区政务公开/其他/油车港镇2020年报告.docx",
    "hongze.zip/洪泽区政务公开/往年/2022年度.zip/洪泽区人民政府办公室2022年报告.txt",
];

#[test]
fn a_zip_of_reports_is_checked_entry_by_entry_and_paired_with_loose_files() {
    // The .zip and the next year's loose report, in a folder: the walk takes the .zip too.
    let dir = scratch("zip");
    std::fs::copy(fixture("archive/hongze.zip"), dir.join("hongze.zip")).unwrap();
    std::fs::copy(fixture("batch/hongze/hongze-district-2024.txt"), dir.join("hongze-district-2024.txt")).unwrap();
    let o = nianbao(&["check", "--pair", "--format", "ndjson", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "the damaged entry");
    let entries = ndjson(&o);
    let mut expected = vec!["hongze-district-2024.txt"];
    expected.extend(ZIPPED);
    assert_eq!(files(&entries, &dir), expected, "in name order, each .zip's entries in its place");
    let organs: Vec<&str> = entries.iter().map(|e| e["report"]["organ"].as_str().unwrap_or("-")).collect();
    assert_eq!(organs, ["淮安市洪泽区人民政府", "洪泽区人民政府", "-", "油车港镇", "洪泽区人民政府办公室"]);
    let years: Vec<i64> = entries.iter().map(|e| e["report"]["year"].as_i64().unwrap_or(0)).collect();
    assert_eq!(years, [2024, 2023, 0, 2020, 2022]);
    assert_eq!(entries[2]["error"], "压缩文件中的这个文件已损坏，无法解压。");
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("hongze.zip/洪泽区政务公开/其他/损坏的报告.txt: 压缩文件中的这个文件已损坏，无法解压。"), "{stderr}");

    // 2023 (in the .zip) ← 2022 (in the .zip inside it); the loose 2024 ← 2023 (in the .zip).
    let pairs = previous(&entries, &dir);
    assert_eq!(pairs, [Some(ZIPPED[0].into()), Some(ZIPPED[3].into()), None, None, None]);
    // The broken 结转 of the zipped 2023 shows on the loose 2024.
    let carry = year_findings(&entries[0]);
    let cells: Vec<&str> = carry.iter().map(|f| f["cells"][0].as_str().unwrap()).collect();
    assert_eq!(cells, ["applications.carried_in.natural", "applications.carried_in.total"]);
    assert!(carry.iter().all(|f| f["rule"] == "YEAR-CARRY" && f["expected"] == 1 && f["actual"] == 0), "{carry:?}");
    assert!(entries[1..].iter().all(|e| year_findings(e).is_empty()));

    // Named on the command line, the .zip gives the same rows (not the single report's output).
    let zip = dir.join("hongze.zip");
    let o = nianbao(&["check", "--pair", "--format", "csv", zip.to_str().unwrap()]);
    let rows = parse_csv(&stdout(&o));
    let names: Vec<&str> = rows[1..].iter().map(|r| r[0].strip_prefix(&format!("{}/", dir.display())).unwrap()).collect();
    assert_eq!(names, ZIPPED);
    assert_eq!(rows[1][9], format!("{}/{}", dir.display(), ZIPPED[3]), "paired inside the .zip");
}

#[test]
fn an_archive_that_cannot_be_opened_is_one_row() {
    let dir = scratch("bad-zip");
    let zip = std::fs::read(fixture("archive/hongze.zip")).unwrap();
    std::fs::write(dir.join("cut.zip"), &zip[..zip.len() / 2]).unwrap();
    std::fs::write(dir.join("empty.zip"), [b"PK\x05\x06".as_slice(), &[0; 18]].concat()).unwrap();
    let o = nianbao(&["check", "--format", "ndjson", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let entries = ndjson(&o);
    assert_eq!(files(&entries, &dir), ["cut.zip", "empty.zip"]);
    assert_eq!(entries[0]["error"], "压缩文件已损坏或不完整，无法打开。请重新压缩或解压后选择报告文件。");
    assert_eq!(entries[1]["error"], "压缩文件中没有年度报告文件（.txt .docx .doc .wps .html .htm .pdf 或 .zip）。");
}

/// A batch larger than the entries written in one go: its JSON array and NDJSON hold every entry
/// once, in name order, and `--output` writes the same bytes as standard output.
#[test]
fn a_large_batch_is_written_whole_and_in_order() {
    let dir = scratch("large-batch");
    let report = std::fs::read(fixture("reports/hongze-district-2024.txt")).unwrap();
    let names: Vec<String> = (0..150).map(|i| format!("{i:03}.txt")).collect();
    for name in &names {
        std::fs::write(dir.join(name), &report).unwrap();
    }
    std::fs::write(dir.join("150.txt"), "").unwrap();
    let folder = dir.to_str().unwrap();

    let lines = nianbao(&["check", "--format", "ndjson", folder]);
    let entries = ndjson(&lines);
    assert_eq!(files(&entries[..150], &dir), names);
    assert!(entries[..150].iter().all(|e| e["report"]["organ"] == "淮安市洪泽区人民政府" && e["report"]["year"] == 2024));
    assert_eq!(files(&entries[150..], &dir), ["150.txt"]);
    assert!(entries[150]["error"].is_string());

    let array = nianbao(&["check", "--format", "json", folder]);
    let array: Vec<serde_json::Value> = serde_json::from_slice(&array.stdout).unwrap();
    assert_eq!(array, entries);

    let written = dir.join("out").join("batch.ndjson");
    std::fs::create_dir_all(written.parent().unwrap()).unwrap();
    let o = nianbao(&["check", "--format", "ndjson", "--output", written.to_str().unwrap(), folder]);
    assert_eq!(o.status.code(), lines.status.code());
    assert_eq!(std::fs::read(&written).unwrap(), lines.stdout);

    // A write that fails part-way ends the batch with its reason; a reader that goes away after the
    // first line (`| head -1`) ends it quietly. Neither waits for entries nobody will take.
    let failed_write = "nianbao: 无法写出结果：";
    if let Ok(full) = std::fs::File::create("/dev/full") {
        let o = Command::new(env!("CARGO_BIN_EXE_nianbao")).args(["check", "--format", "ndjson", folder]).stdout(full).output().unwrap();
        assert_eq!(o.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&o.stderr).lines().last().unwrap().starts_with(failed_write));
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args(["check", "--format", "ndjson", folder])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut first).unwrap();
    assert_eq!(first.as_bytes(), &lines.stdout[..first.len()]);
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), lines.status.code());
    assert!(!String::from_utf8_lossy(&o.stderr).contains(failed_write));
}
