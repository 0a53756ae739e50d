//! `entente propose` over a folder of saved articles: drafts written per article that pass
//! `entente check --with DIR` as they stand, a second run that changes nothing, rejections
//! remembered, and articles without an address named without stopping the batch.

mod support;

use std::process::Command;
use support::{failed, ok, temp_dir};

fn entente(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_entente"))
        .args(args)
        .output()
        .expect("run entente")
}

const ONE: &str = "url: https://www.example.org/news/ph-kor\ntitle: Manila adds light fighters\ndate: 2026-03-14\n\n\
The Philippines signed a contract with South Korea on 12 March 2026 for 12 FA-50 light combat aircraft. \
Canada's defence minister visited Seoul on 13 March 2026.\n";

const TWO: &str = r#"<!doctype html><html><head><title>Tallinn notes</title>
<link rel="canonical" href="https://news.example.com/est-k9">
<meta property="og:site_name" content="Example Daily">
<meta property="article:published_time" content="2026-03-20">
</head><body><p>Estonia ordered 12 K9 howitzers from South Korea in June 2019.</p>
<p>Canada's defence minister visited Seoul on 13 March 2026.</p></body></html>"#;

fn summary(out: &str) -> serde_json::Value {
    serde_json::from_str::<serde_json::Value>(out).expect("JSON")["summary"].clone()
}

#[test]
fn a_folder_proposed_twice_changes_nothing_and_validates() {
    let dir = temp_dir("propose");
    let articles = dir.join("articles");
    let out = dir.join("proposals");
    std::fs::create_dir_all(&articles).unwrap();
    std::fs::write(articles.join("one.txt"), ONE).unwrap();
    std::fs::write(articles.join("two.html"), TWO).unwrap();
    std::fs::write(
        articles.join("three.txt"),
        "Canada's defence minister visited Seoul on 14 March 2026.",
    )
    .unwrap();
    let (a, o) = (articles.to_str().unwrap(), out.to_str().unwrap());

    // The article without an address is named; the others are proposed all the same.
    let run = entente(&["propose", a, "--out", o, "--format", "json"]);
    let err = failed(&run);
    assert!(err.contains("three.txt") && err.contains("--source-url"), "{err}");
    let s = summary(&String::from_utf8_lossy(&run.stdout));
    assert_eq!(s["articles"], 3);
    assert_eq!(s["corrections"], 1, "{s}");
    assert!(s["new"].as_u64().unwrap() >= 3, "{s}");
    // The visit is told by both articles: one draft, the other a duplicate.
    assert!(s["duplicates"].as_u64().unwrap() >= 1, "{s}");
    let files: Vec<_> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        files.iter().filter(|f| f.to_string_lossy().ends_with(".toml")).count(),
        2,
        "{files:?}"
    );
    assert!(out.join("ledger.json").exists());
    let check = ok(&entente(&["check", "--with", o]));
    assert!(check.contains("0 error(s)"), "{check}");

    // Again: nothing new, nothing rewritten.
    let before: Vec<_> = std::fs::read_dir(&out).unwrap().map(|e| e.unwrap().path()).collect();
    let texts: Vec<String> = before.iter().map(|p| std::fs::read_to_string(p).unwrap()).collect();
    let again = entente(&["propose", a, "--out", o, "--format", "json"]);
    let s = summary(&String::from_utf8_lossy(&again.stdout));
    assert_eq!(s["new"], 0, "{s}");
    assert!(s["pending"].as_u64().unwrap() >= 3, "{s}");
    let after: Vec<String> = before.iter().map(|p| std::fs::read_to_string(p).unwrap()).collect();
    assert_eq!(texts, after);
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), before.len());

    // Accepted (the drafts used as data), the claims are in the data: nothing to propose.
    let accepted = entente(&["--with", o, "propose", a, "--out", o, "--format", "json"]);
    let s = summary(&String::from_utf8_lossy(&accepted.stdout));
    assert_eq!(s["new"], 0, "{s}");
    assert!(s["known"].as_u64().unwrap() >= 3, "{s}");

    // Used as data, the drafts show in the chronology as proposed from an article, cited.
    let t = ok(&entente(&["--with", o, "timeline", "CAN", "KOR"]));
    assert!(
        t.contains("visit [proposed]") && t.contains("https://www.example.org/news/ph-kor"),
        "{t}"
    );

    // A damaged ledger stops the batch before anything is written, naming the file.
    std::fs::write(out.join("ledger.json"), "{ not json").unwrap();
    let err = failed(&entente(&["propose", a, "--out", o]));
    assert!(err.contains("ledger.json"), "{err}");
}

#[test]
fn a_dry_run_writes_nothing_and_one_article_takes_its_address_from_the_command() {
    let dir = temp_dir("propose-dry");
    let article = dir.join("a.txt");
    std::fs::write(&article, "Canada's defence minister visited Seoul on 14 March 2026.").unwrap();
    let out = dir.join("proposals");
    let (a, o) = (article.to_str().unwrap(), out.to_str().unwrap());
    let table = ok(&entente(&[
        "propose",
        a,
        "--out",
        o,
        "--dry-run",
        "--source-url",
        "https://example.org/a",
        "--date",
        "2026-03-15",
    ]));
    assert!(
        table.contains("1 new proposal(s)") && table.contains("visit"),
        "{table}"
    );
    assert!(!out.exists(), "a dry run writes nothing");
    let err = failed(&entente(&[
        "propose",
        a,
        a,
        "--source-url",
        "https://example.org/a",
        "--out",
        o,
    ]));
    assert!(err.contains("one article"), "{err}");
    let err = failed(&entente(&[
        "propose",
        a,
        "--source-url",
        "ftp://example.org/a",
        "--out",
        o,
    ]));
    assert!(err.contains("not a web address"), "{err}");
}

#[test]
fn odd_names_lost_ledgers_deleted_drafts_and_endless_inputs() {
    let dir = temp_dir("propose-odd");
    let articles = dir.join("articles");
    let out = dir.join("proposals");
    std::fs::create_dir_all(&articles).unwrap();
    // A file name that would end a TOML comment and start records.
    let evil = articles.join("x\n[[driver]]\nid = \"evil\"\nreplaces = [\"fact:kor-est-k9-2018\"]\n#.txt");
    std::fs::write(&evil, ONE).unwrap();
    let (a, o) = (articles.to_str().unwrap(), out.to_str().unwrap());
    ok(&entente(&["propose", a, "--out", o]));
    let check = ok(&entente(&["check", "--with", o]));
    assert!(check.contains("0 error(s)"), "{check}");
    let t = ok(&entente(&["--with", o, "transfers", "--recipient", "EST"]));
    assert!(t.contains("K-9"), "no record retracted by a file name: {t}");

    // The ledger lost: the drafts in the directory still count, nothing is written twice.
    std::fs::remove_file(out.join("ledger.json")).unwrap();
    let s = summary(&String::from_utf8_lossy(
        &entente(&["propose", a, "--out", o, "--format", "json"]).stdout,
    ));
    assert_eq!(s["new"], 0, "{s}");
    assert_eq!(
        std::fs::read_dir(&out)
            .unwrap()
            .filter(|e| e.as_ref().unwrap().path().extension().is_some_and(|x| x == "toml"))
            .count(),
        1
    );

    // The reviewer deletes the draft file (dismissing its drafts); a later claim of the same
    // article gets a file that declares the article's source again, and the dismissed drafts stay out.
    for e in std::fs::read_dir(&out).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "toml") {
            std::fs::remove_file(p).unwrap();
        }
    }
    std::fs::write(
        &evil,
        format!("{ONE}Norway's defence minister visited Seoul on 2 February 2026.\n"),
    )
    .unwrap();
    let s = summary(&String::from_utf8_lossy(
        &entente(&["propose", a, "--out", o, "--format", "json"]).stdout,
    ));
    assert_eq!(s["new"], 1, "{s}");
    assert!(s["dismissed"].as_u64().unwrap() >= 2, "{s}");
    let check = ok(&entente(&["check", "--with", o]));
    assert!(check.contains("0 error(s)"), "{check}");

    // Another batch holds the directory: refused, naming it.
    let held = entente_store::ledger::lock_run(&out).unwrap();
    let err = failed(&entente(&["propose", a, "--out", o]));
    assert!(err.contains("another `entente propose`"), "{err}");
    drop(held);

    // A device that never ends is refused once past the limit, not read into memory.
    let err = failed(&entente(&["propose", "/dev/zero", "--out", o]));
    assert!(err.contains("longer than 64 MiB"), "{err}");
}

#[test]
fn a_watch_proposes_from_files_as_they_arrive() {
    let dir = temp_dir("propose-watch");
    let articles = dir.join("articles");
    let out = dir.join("proposals");
    std::fs::create_dir_all(&articles).unwrap();
    std::fs::write(articles.join("one.txt"), ONE).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_entente"))
        .args([
            "propose",
            articles.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
            "--watch",
            "1",
        ])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("start the watch");
    let drafts = || {
        std::fs::read_dir(&out)
            .map(|d| {
                d.filter(|e| e.as_ref().unwrap().path().extension().is_some_and(|x| x == "toml"))
                    .count()
            })
            .unwrap_or(0)
    };
    let wait = |n: usize| {
        let t = std::time::Instant::now();
        while drafts() < n && t.elapsed() < std::time::Duration::from_secs(30) {
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        drafts()
    };
    assert_eq!(wait(1), 1, "the first article is proposed at once");
    // While it watches, the directory is held: another batch is refused.
    let err = failed(&entente(&[
        "propose",
        articles.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]));
    assert!(err.contains("another `entente propose`"), "{err}");
    std::fs::write(articles.join("two.html"), TWO).unwrap();
    let n = wait(2);
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(n, 2, "the new article is proposed from while watching");
    let check = ok(&entente(&["check", "--with", out.to_str().unwrap()]));
    assert!(check.contains("0 error(s)"), "{check}");
    let err = failed(&entente(&[
        "propose",
        "-",
        "--watch",
        "1",
        "--out",
        out.to_str().unwrap(),
    ]));
    assert!(err.contains("not standard input"), "{err}");
}
