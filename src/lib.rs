//! fdr — compilateur de feuilles de route France Numérique Ensemble.
//!
//! Pipeline: [`load`] → [`parse`] → [`validate`] (schema, then semantics,
//! building the [`model`]) → [`compute`] → [`render`], and [`report`] for
//! the diagnostics. Each subcommand lives in [`cmd`].

pub mod cli;
pub mod cmd;
pub mod compute;
pub mod diagnostic;
pub mod format;
pub mod load;
pub mod model;
pub mod parse;
pub mod render;
pub mod report;
pub mod validate;

pub use cmd::{Failure, run};
