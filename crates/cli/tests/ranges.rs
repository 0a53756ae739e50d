//! `--from` after `--to` is the same error in every command that takes a range (the rule is
//! `entente_model::check_range`, shared with the API), never a silently empty answer.

use std::process::Command;

#[test]
fn reversed_ranges_are_one_error_in_every_command() {
    let dir = std::env::temp_dir().join(format!("entente-cli-ranges-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    let data = dir.to_string_lossy().into_owned();
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            vec!["timeline", "NATO", "KOR", "--from", "2021", "--to", "2020"],
            "--from 2021 is after --to 2020",
        ),
        (
            vec!["transfers", "--supplier", "KOR", "--from", "2023", "--to", "2022-12"],
            "--from 2023 is after --to 2022-12",
        ),
        (
            vec![
                "align",
                "KOR",
                "USA",
                "--from",
                "2020",
                "--to",
                "2010",
                "--data-dir",
                &data,
            ],
            "--from 2020 is after --to 2010",
        ),
        (
            vec![
                "flows",
                "--supplier",
                "KOR",
                "--from",
                "2020",
                "--to",
                "2010",
                "--data-dir",
                &data,
            ],
            "--from 2020 is after --to 2010",
        ),
        (
            vec![
                "dependence",
                "POL",
                "--from",
                "2020",
                "--to",
                "2010",
                "--data-dir",
                &data,
            ],
            "--from 2020 is after --to 2010",
        ),
        (
            vec!["depth", "NATO", "KOR", "--from", "2020", "--to", "2010"],
            "--from 2020 is after --to 2010",
        ),
        (
            vec![
                "events",
                "NATO",
                "KOR",
                "--from",
                "2020-02",
                "--to",
                "2020-01",
                "--data-dir",
                &data,
            ],
            "--from 2020-02 is after --to 2020-01",
        ),
    ];
    for (args, says) in cases {
        let out = Command::new(env!("CARGO_BIN_EXE_entente"))
            .args(&args)
            .output()
            .expect("runs");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            !out.status.success(),
            "{args:?} succeeded: {}",
            String::from_utf8_lossy(&out.stdout)
        );
        assert!(
            err.contains(says) && err.contains("the range is empty"),
            "{args:?}: {err}"
        );
    }
    // A range outside the years the index can cover is refused before any work.
    let out = Command::new(env!("CARGO_BIN_EXE_entente"))
        .args(["changes", "NATO", "KOR", "--from", "1000", "--to", "2999"])
        .output()
        .expect("runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success() && err.contains("outside the years the index can cover, 1815–"),
        "{err}"
    );
    // A range of one period is not reversed.
    let out = Command::new(env!("CARGO_BIN_EXE_entente"))
        .args(["timeline", "NATO", "KOR", "--from", "2012-09", "--to", "2012"])
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let _ = std::fs::remove_dir_all(&dir);
}
