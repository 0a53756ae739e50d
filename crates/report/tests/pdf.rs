//! `print_pdf` hands Chromium a properly escaped `file://` URL: a path with spaces, `#`, `?` and
//! `%` reaches the right file (unescaped, `#` starts a fragment, `?` a query and `%41` reads as
//! `A`, and Chromium shows an error page instead of the brief).

use entente_report::brief::{file_url, find_chromium, print_pdf};
use std::path::{Path, PathBuf};

#[test]
fn file_urls_are_percent_encoded() {
    assert_eq!(
        file_url(Path::new("/tmp/a b/#1 ?x %41/brief.html")),
        "file:///tmp/a%20b/%231%20%3Fx%20%2541/brief.html"
    );
    assert_eq!(
        file_url(Path::new("/tmp/Seoul–Brussels/é.html")),
        "file:///tmp/Seoul%E2%80%93Brussels/%C3%A9.html"
    );
    assert_eq!(
        file_url(Path::new("/plain/dir_1/x-y.z~.html")),
        "file:///plain/dir_1/x-y.z~.html"
    );
}

#[test]
fn chromium_opens_and_prints_a_page_under_a_hostile_path() {
    let Some(chromium) = find_chromium() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must install Chromium (.ci/run does)"
        );
        eprintln!("skipping: Chromium is not installed");
        return;
    };
    let dir = std::env::temp_dir()
        .join(format!("entente-pdf-{}", std::process::id()))
        .join("briefs #1 ?draft %41");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("dir");
    let page: PathBuf = dir.join("NATO–KOR brief.html");
    std::fs::write(
        &page,
        "<!doctype html><html><body><p id=\"marker\">entente brief marker</p></body></html>",
    )
    .expect("write");
    let profile = dir.join("profile");
    let dom = std::process::Command::new(&chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--dump-dom",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(file_url(&page))
        .output()
        .expect("run chromium");
    let dom = String::from_utf8_lossy(&dom.stdout);
    assert!(
        dom.contains("entente brief marker"),
        "Chromium did not open {}: {dom}",
        page.display()
    );
    let pdf = dir.join("out #2.pdf");
    print_pdf(&page, &pdf).expect("printed");
    let bytes = std::fs::read(&pdf).expect("PDF written");
    assert!(bytes.starts_with(b"%PDF"));
    let _ = std::fs::remove_dir_all(dir.parent().unwrap_or(&dir));
}
