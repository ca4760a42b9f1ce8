//! `fdr completions SHELL` and `fdr man`: generated from the clap definitions.

use super::Failure;
use crate::cli::{Cli, CompletionsArgs};
use clap::CommandFactory;

pub fn completions(args: &CompletionsArgs) -> Result<u8, Failure> {
    let mut cmd = Cli::command();
    clap_complete::generate(args.shell, &mut cmd, "fdr", &mut std::io::stdout());
    Ok(0)
}

pub fn man() -> Result<u8, Failure> {
    let man = clap_mangen::Man::new(Cli::command());
    let mut out = Vec::new();
    man.render(&mut out)
        .map_err(|e| Failure::Io(e.to_string()))?;
    print!("{}", String::from_utf8_lossy(&out));
    Ok(0)
}
