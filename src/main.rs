use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = fdr::cmd::shell::parse();
    match fdr::run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(failure) => {
            eprintln!("erreur : {failure}");
            ExitCode::from(failure.exit_code())
        }
    }
}
