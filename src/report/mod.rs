//! Report stage: diagnostics shown against the sources they point into —
//! for people (miette, French), for machines (JSON) and for CI (GitHub
//! workflow commands, GitLab code quality). It comes last, like `render`:
//! `diagnostic` itself knows nothing of the files.

mod ci;
mod human;
mod lines;

pub use ci::{render_github, render_gitlab};
pub use human::{render_human, render_json, summary_line};
