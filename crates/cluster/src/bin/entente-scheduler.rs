//! entente-scheduler: see [`entente_cluster::scheduler`].

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    entente_cluster::scheduler::main("entente-scheduler", &args)
}
