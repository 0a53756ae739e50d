//! What the scheduler and executor programs share: their `--flag value` arguments and the runtime
//! they run on.

use std::str::FromStr;

/// `--flag value` and `--flag=value` arguments as (flag, value) pairs, every flag one of `known`.
/// `Err("")` asks for the usage (`-h`, `--help`); other errors name the argument.
pub(crate) fn flag_values(args: &[String], known: &[&str]) -> Result<Vec<(String, String)>, String> {
    let mut out = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "-h" || a == "--help" {
            return Err(String::new());
        }
        let (flag, inline) = match a.split_once('=') {
            Some((f, v)) => (f.to_string(), Some(v.to_string())),
            None => (a.clone(), None),
        };
        if !known.contains(&flag.as_str()) {
            return Err(format!("unknown option '{a}'"));
        }
        let value = match inline {
            Some(v) => v,
            None => it.next().cloned().ok_or_else(|| format!("{flag} needs a value"))?,
        };
        out.push((flag, value));
    }
    Ok(out)
}

/// A flag's value as a number (`what`: "number", "port").
pub(crate) fn number<T: FromStr>(flag: &str, v: &str, what: &str) -> Result<T, String> {
    v.parse().map_err(|_| format!("{flag}: '{v}' is not a {what}"))
}

/// The multi-threaded runtime both programs run on, with Ballista's own 32 MiB stacks (deep plans
/// recurse).
fn runtime() -> Result<tokio::runtime::Runtime, String> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_stack_size(32 * 1024 * 1024)
        .build()
        .map_err(|e| format!("cannot start a runtime: {e}"))
}

/// Parses `args`, sets up logging at the level the options name and a runtime; or, after printing
/// the usage (asked for, or after an argument error) or the error, the exit code to return.
pub(crate) fn start<O>(
    program: &str,
    usage: &str,
    args: &[String],
    parse: impl FnOnce(&[String]) -> Result<O, String>,
    log_level: impl FnOnce(&O) -> &str,
) -> Result<(O, tokio::runtime::Runtime), std::process::ExitCode> {
    use std::process::ExitCode;
    let usage = usage.replacen("PROGRAM", program, 1);
    let o = match parse(args) {
        Ok(o) => o,
        Err(m) if m.is_empty() => {
            println!("{usage}");
            return Err(ExitCode::SUCCESS);
        }
        Err(m) => {
            eprintln!("{program}: {m}\n\n{usage}");
            return Err(ExitCode::from(2));
        }
    };
    if let Err(m) = crate::logging::init(log_level(&o)) {
        eprintln!("{program}: --log-level: {m}");
        return Err(ExitCode::from(2));
    }
    match runtime() {
        Ok(rt) => Ok((o, rt)),
        Err(m) => {
            eprintln!("{program}: {m}");
            Err(ExitCode::FAILURE)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_and_values() {
        let args = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let known = ["--port", "--id"];
        let v = flag_values(&args(&["--port", "7", "--id=x=y"]), &known).unwrap();
        assert_eq!(v, [("--port".into(), "7".into()), ("--id".into(), "x=y".into())]);
        assert_eq!(
            flag_values(&args(&["--prot", "7"]), &known).unwrap_err(),
            "unknown option '--prot'"
        );
        assert_eq!(
            flag_values(&args(&["--port"]), &known).unwrap_err(),
            "--port needs a value"
        );
        assert_eq!(flag_values(&args(&["--port", "1", "-h"]), &known).unwrap_err(), "");
        assert_eq!(
            number::<u16>("--port", "70000", "port").unwrap_err(),
            "--port: '70000' is not a port"
        );
    }
}
