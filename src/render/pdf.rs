//! PDF renderer (typst). Written in the next step.
