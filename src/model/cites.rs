//! Which acteurs a roadmap cites: the annuaire entries something refers to.

use super::{ActeurIx, Roadmap, Source};
use std::collections::BTreeSet;

impl Roadmap {
    /// Every acteur cited by the roadmap (co-porteur, member, référent,
    /// partner, funder, recipient, participant…).
    pub fn acteurs_cites(&self) -> BTreeSet<ActeurIx> {
        let mut used = BTreeSet::new();
        used.extend(self.feuille.co_porteurs.iter().copied());
        used.extend(self.gouvernance.membres.iter().map(|m| m.acteur));
        for i in &self.gouvernance.instances {
            used.extend(i.membres.iter().copied());
        }
        for a in &self.actions {
            used.extend(a.referents.iter().map(|r| r.acteur));
            used.extend(a.partenaires.iter().copied());
        }
        for e in &self.enveloppes {
            used.extend(e.financeur);
            used.extend(e.contributions.iter().map(|c| c.financeur));
        }
        for c in &self.cercles {
            used.extend(c.membres.iter().map(|(a, _)| *a));
        }
        for l in &self.lignes {
            if let Source::Acteur(a) = l.source {
                used.insert(a);
            }
            used.extend(l.recipiendaire);
        }
        used.extend(self.fonds.iter().filter_map(|f| f.recipiendaire));
        for f in &self.fonds {
            let projets = f.appels.iter().flat_map(|a| &a.projets);
            used.extend(projets.filter_map(|p| p.porteur));
        }
        used.extend(self.postes.iter().map(|p| p.structure));
        used.extend(self.concertation.participants.iter().copied());
        for r in &self.concertation.reunions {
            used.extend(r.participants.iter().copied());
        }
        if let Some(p) = &self.territoire.populations {
            used.extend(p.epci.iter().filter_map(|e| e.acteur));
        }
        used
    }
}
