//! Sub-territorial roadmaps: a departmental roadmap declined per group of
//! communes, each a whole roadmap of its own that takes up some of the
//! departmental axes.

use super::{AxeIx, MotAxe, Roadmap};
use serde::Serialize;

/// A sub-roadmap declared by the roadmap (`feuille_de_route.sous_feuilles`).
#[derive(Debug, Serialize)]
pub struct SousFeuille {
    pub id: String,
    /// Its folder, relative to the roadmap's, as written.
    pub dossier: String,
    pub feuille: Box<Roadmap>,
    /// Departmental axes its axes take up, in the departmental order.
    pub axes_repris: Vec<AxeIx>,
}

/// What a sub-roadmap shows of the roadmap it declines.
#[derive(Debug, Clone, Serialize)]
pub struct Departementale {
    pub titre: String,
    pub territoire: String,
    pub mot_axe: MotAxe,
}

/// A departmental axe taken up by an axe of a sub-roadmap.
#[derive(Debug, Clone, Serialize)]
pub struct AxeRepris {
    /// Index into the departmental roadmap's axes.
    pub ix: AxeIx,
    pub numero: u32,
    pub titre: String,
}
