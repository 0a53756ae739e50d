//! entente-executor: see [`entente_cluster::executor`].

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    entente_cluster::executor::main("entente-executor", &args)
}
