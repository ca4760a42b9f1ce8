//! Render stage: a view model built once from the model and its computed
//! figures, then one renderer per output format.

pub mod fmt;
