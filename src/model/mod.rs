//! Model stage: the roadmap with every reference resolved to an index and
//! every value parsed. Built by the validate stage, read by compute/render.

mod cites;
pub mod evaluation;
pub mod names;
pub mod sous_feuilles;
pub mod values;

pub use crate::format::{
    Approximation, Categorie, Frequence, GenreAnnexe, MotAxe, Nature, Partie, Perimetre, Priorite,
    Role, Secteur, SectionBudgetaire, Sens, Statut, StatutFinancement, StatutInstance,
    TypeInstance, TypeReunion,
};
pub use evaluation::{CibleIndicateur, Etape, Indicateur, NoteSuivi, Releve, Suivi};
use serde::Serialize;
pub use sous_feuilles::{AxeRepris, Departementale, SousFeuille};
pub use values::{DateFlou, Decimal, Money, Precision};

/// Index into [`Roadmap::acteurs`].
pub type ActeurIx = usize;
/// Index into [`Roadmap::axes`].
pub type AxeIx = usize;
/// Index into [`Roadmap::actions`].
pub type ActionIx = usize;

#[derive(Debug, Serialize)]
pub struct Roadmap {
    pub feuille: Feuille,
    pub acteurs: Vec<Acteur>,
    pub gouvernance: Gouvernance,
    /// Sorted by number.
    pub axes: Vec<Axe>,
    /// Sorted by axe, then number.
    pub actions: Vec<Action>,
    /// Indicators of the whole roadmap (`evaluation`), in source order.
    pub indicateurs: Vec<Indicateur>,
    pub enveloppes: Vec<Enveloppe>,
    pub cercles: Vec<Cercle>,
    pub lignes: Vec<Ligne>,
    pub fonds: Vec<Fonds>,
    pub postes: Vec<Poste>,
    pub jalons: Vec<Jalon>,
    pub taches: Vec<Tache>,
    pub territoire: Territoire,
    pub concertation: Concertation,
    pub sections: Vec<Section>,
    pub annexes: Vec<Annexe>,
    /// Sub-territorial roadmaps, in the order of their declaration.
    pub sous_feuilles: Vec<SousFeuille>,
}

/// Longest period a roadmap may cover, in years: the chronogramme's grid
/// spans the period, so its size must stay bounded by the input's.
pub const MAX_PERIOD_YEARS: u16 = 30;

#[derive(Debug, Serialize)]
pub struct Feuille {
    /// What the roadmap calls its axes.
    pub mot_axe: MotAxe,
    pub titre: String,
    pub sous_titre: Option<String>,
    pub territoire: String,
    pub code_departement: Option<String>,
    pub perimetre: Perimetre,
    pub debut: u16,
    pub fin: u16,
    pub version: Option<String>,
    pub date: DateFlou,
    pub co_porteurs: Vec<ActeurIx>,
    pub introduction: Option<String>,
    pub methodologie: Option<String>,
    pub etat_des_lieux: Option<String>,
    pub axes_introduction: Option<String>,
    pub conclusion: Option<String>,
    /// Perimeter: EPCI and communes by name, inhabitants when given.
    pub epci: Vec<String>,
    pub communes: Vec<String>,
    pub population: Option<u64>,
    /// Departmental axes each sub-roadmap must take up at least.
    pub axes_repris_minimum: Option<u32>,
    /// For a sub-roadmap: the roadmap it declines.
    pub departementale: Option<Departementale>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Acteur {
    pub id: String,
    pub nom: String,
    pub sigle: Option<String>,
    pub categorie: Categorie,
    /// Written, else implied by the category; `None`: neither says.
    pub secteur: Option<Secteur>,
    pub commune: Option<String>,
    pub email: Option<String>,
    pub site: Option<String>,
    /// In a sub-roadmap, an acteur of the departmental roadmap's annuaire.
    pub herite: bool,
}

#[derive(Debug, Default, Serialize)]
pub struct Gouvernance {
    pub membres: Vec<Membre>,
    pub instances: Vec<Instance>,
}

#[derive(Debug, Serialize)]
pub struct Membre {
    pub acteur: ActeurIx,
    pub roles: Vec<Role>,
}

#[derive(Debug, Serialize)]
pub struct Instance {
    pub id: String,
    pub nom: String,
    pub sigle: Option<String>,
    pub genre: TypeInstance,
    pub frequence: Option<Frequence>,
    /// Meetings a year: (at least, at most).
    pub reunions_par_an: Option<(u32, Option<u32>)>,
    pub statut: Option<StatutInstance>,
    /// Reserved to funders, when the sources say so.
    pub reservee_aux_financeurs: bool,
    pub colleges: Vec<College>,
    pub role: Option<String>,
    pub membres: Vec<ActeurIx>,
    pub reunions: Vec<ReunionInstance>,
}

#[derive(Debug, Serialize)]
pub struct College {
    pub nom: String,
    pub sieges: Option<u32>,
    pub membres: Vec<ActeurIx>,
    pub note: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct ReunionInstance {
    pub date: DateFlou,
    pub objet: Option<String>,
    pub lieu: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct Axe {
    pub id: String,
    pub numero: u32,
    pub titre: String,
    pub enjeux: Option<String>,
    pub vigilance: Vec<String>,
    /// In a sub-roadmap: the departmental axes it takes up.
    pub reprend: Vec<AxeRepris>,
    /// Its actions, in number order.
    pub actions: Vec<ActionIx>,
}

#[derive(Debug, Serialize)]
pub struct Action {
    pub id: String,
    pub axe: AxeIx,
    /// "N.M".
    pub numero: String,
    pub titre: String,
    pub description: Option<String>,
    pub statut: Statut,
    pub referents: Vec<Referent>,
    /// Own partners, plus those of `partenaires_comme`, without duplicates.
    pub partenaires: Vec<ActeurIx>,
    pub partenaires_note: Option<String>,
    pub debut: Option<DateFlou>,
    pub fin: Option<DateFlou>,
    pub besoins: Vec<String>,
    pub indicateurs: Vec<Indicateur>,
    pub budget: Option<Money>,
    /// Priority, journal and sub-steps.
    pub suivi: Suivi,
}

#[derive(Debug, Serialize)]
pub struct Referent {
    pub acteur: ActeurIx,
    pub contact: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct Enveloppe {
    pub id: String,
    pub libelle: String,
    /// As written; see [`Enveloppe::montant_effectif`].
    pub montant: Option<Money>,
    pub financeur: Option<ActeurIx>,
    pub contributions: Vec<Contribution>,
    pub plafond_annuel: Option<Money>,
    pub debut: Option<DateFlou>,
    pub fin: Option<DateFlou>,
    pub regles: Option<String>,
}

impl Enveloppe {
    /// The amount written, else the sum of the contributions with an amount
    /// (checked to fit when lowered), else unknown.
    pub fn montant_effectif(&self) -> Option<Money> {
        self.montant.or_else(|| {
            let known: Vec<Money> = self
                .contributions
                .iter()
                .filter_map(|c| c.montant)
                .collect();
            (!known.is_empty()).then(|| known.into_iter().sum())
        })
    }
}

#[derive(Debug, Serialize)]
pub struct Contribution {
    pub financeur: ActeurIx,
    pub annee: Option<u16>,
    pub montant: Option<Money>,
}

/// Index into [`Roadmap::cercles`].
pub type CercleIx = usize;
/// Index into [`Roadmap::enveloppes`].
pub type EnveloppeIx = usize;

#[derive(Debug, Serialize)]
pub struct Cercle {
    pub id: String,
    pub nom: String,
    /// Members and their share in percent, when the split is decided (then
    /// every member has one and they sum to 100).
    pub membres: Vec<(ActeurIx, Option<Decimal>)>,
    pub note: Option<String>,
}

/// Where the money of a line comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(tag = "genre", content = "index", rename_all = "snake_case")]
pub enum Source {
    Acteur(ActeurIx),
    Cercle(CercleIx),
    Enveloppe(EnveloppeIx),
}

/// How the amount of a line was written, for the document to say it back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "forme", rename_all = "snake_case")]
pub enum Forme {
    /// `montant` (with `annee` or not), or no amount at all (in kind).
    Total,
    /// `par_an`: the same amount each year from `de` to `a`.
    ParAn { montant: Money, de: u16, a: u16 },
    /// `annees`: one amount per year.
    Annees,
}

#[derive(Debug, Serialize)]
pub struct Ligne {
    pub action: ActionIx,
    /// Amounts by year (`None`: year not given), in source order. Empty for
    /// an in-kind line given in days or ETP only.
    pub montants: Vec<(Option<u16>, Money)>,
    pub forme: Forme,
    pub source: Source,
    pub recipiendaire: Option<ActeurIx>,
    pub enveloppe: Option<EnveloppeIx>,
    pub nature: Option<Nature>,
    pub section: Option<SectionBudgetaire>,
    pub statut: Option<StatutFinancement>,
    pub accorde: Option<Money>,
    pub verse: Option<Money>,
    pub jours: Option<Decimal>,
    pub etp: Option<Decimal>,
    pub libelle: Option<String>,
}

impl Ligne {
    /// Total of the line (the lowering checked every sum of amounts fits).
    pub fn total(&self) -> Money {
        self.montants.iter().map(|(_, m)| *m).sum()
    }

    /// In kind: never added to cash.
    pub fn en_nature(&self) -> bool {
        self.nature == Some(Nature::Valorisation)
    }

    /// Refused lines are shown but left out of every total.
    pub fn compte(&self) -> bool {
        self.statut != Some(StatutFinancement::Refuse)
    }
}

#[derive(Debug, Serialize)]
pub struct Fonds {
    pub id: String,
    pub nom: String,
    pub description: Option<String>,
    pub objectifs: Vec<String>,
    pub beneficiaires: Option<String>,
    pub cible: Option<Cible>,
    pub recipiendaire: Option<ActeurIx>,
    pub enveloppe: Option<usize>,
    pub montant: Option<Money>,
    pub regles: Option<String>,
    pub eligibilite: Option<String>,
    pub appels: Vec<Appel>,
}

#[derive(Debug, Serialize)]
pub struct Appel {
    pub libelle: String,
    pub ouverture: Option<DateFlou>,
    pub cloture: Option<DateFlou>,
    pub budget: Option<Money>,
    pub projets: Vec<Projet>,
}

#[derive(Debug, Serialize)]
pub struct Projet {
    pub titre: String,
    pub porteur: Option<ActeurIx>,
    pub montant: Money,
    pub cout_total: Option<Money>,
    pub beneficiaires: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct Poste {
    pub structure: ActeurIx,
    pub role: String,
    pub etp: Option<Decimal>,
    pub nombre: Option<u32>,
    pub action: Option<ActionIx>,
    pub debut: Option<u16>,
    pub fin: Option<u16>,
}

#[derive(Debug, Serialize)]
pub struct Cible {
    pub valeur: Decimal,
    pub unite: String,
    pub minimum: bool,
    pub echeance: Option<DateFlou>,
}

#[derive(Debug, Serialize)]
pub struct Jalon {
    pub libelle: String,
    pub date: DateFlou,
    pub fin: Option<DateFlou>,
    pub axe: Option<AxeIx>,
    pub action: Option<ActionIx>,
}

#[derive(Debug, Serialize)]
pub struct Tache {
    pub action: ActionIx,
    pub libelle: String,
    pub debut: DateFlou,
    pub fin: DateFlou,
}

#[derive(Debug, Default, Serialize)]
pub struct Territoire {
    pub populations: Option<Populations>,
    pub chiffres_cles: Vec<ChiffreCle>,
    pub taux: Vec<SerieTaux>,
    pub communes: Option<Communes>,
    pub tableaux: Vec<Tableau>,
}

#[derive(Debug, Serialize)]
pub struct Populations {
    pub annee: u16,
    pub source: String,
    pub epci: Vec<PopulationEpci>,
}

#[derive(Debug, Serialize)]
pub struct PopulationEpci {
    pub acteur: Option<ActeurIx>,
    pub nom: String,
    pub population: u64,
}

#[derive(Debug, Serialize)]
pub struct ChiffreCle {
    pub valeur: Decimal,
    pub libelle: String,
    pub description: Option<String>,
    pub source: Option<String>,
    pub annee: Option<u16>,
}

#[derive(Debug, Serialize)]
pub struct SerieTaux {
    pub titre: String,
    pub source: Option<String>,
    pub annee: Option<u16>,
    pub valeurs: Vec<(String, Decimal)>,
}

#[derive(Debug, Serialize)]
pub struct Communes {
    pub titre: String,
    pub source: Option<String>,
    pub ifn_moyen: Option<Decimal>,
    pub lignes: Vec<Commune>,
}

#[derive(Debug, Serialize)]
pub struct Commune {
    pub code_postal: String,
    pub commune: String,
    pub population: u64,
    pub ifn: Option<Decimal>,
    pub population_fragile: Option<u64>,
}

#[derive(Debug, Serialize)]
pub struct Tableau {
    pub id: String,
    pub titre: String,
    pub source: Option<String>,
    pub colonnes: Vec<String>,
    pub lignes: Vec<Vec<Cellule>>,
    pub colonne_total: Option<String>,
    pub ligne_total: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum Cellule {
    Nombre(i64),
    Texte(String),
    Vide,
}

#[derive(Debug, Default, Serialize)]
pub struct Concertation {
    pub reunions: Vec<Reunion>,
    pub participants: Vec<ActeurIx>,
    pub personnes: Option<u32>,
    pub personnes_precision: Option<Approximation>,
    pub effectifs: Vec<Effectif>,
    pub acteurs_informes: Option<u32>,
}

#[derive(Debug, Serialize)]
pub struct Effectif {
    /// A category, or a free plural label (« structures »).
    pub categorie: Option<Categorie>,
    pub libelle: Option<String>,
    pub nombre: u32,
    pub precision: Option<Approximation>,
}

#[derive(Debug, Serialize)]
pub struct Reunion {
    pub id: Option<String>,
    pub date: DateFlou,
    pub genre: TypeReunion,
    pub lieu: Option<String>,
    pub objet: String,
    pub participants: Vec<ActeurIx>,
}

#[derive(Debug, Serialize)]
pub struct Section {
    pub id: String,
    pub titre: String,
    pub partie: Partie,
    pub texte: String,
}

#[derive(Debug, Serialize)]
pub struct Annexe {
    pub id: String,
    pub numero: u32,
    pub titre: String,
    pub contenu: GenreAnnexe,
    pub texte: Option<String>,
}

impl Roadmap {
    pub fn acteur(&self, ix: ActeurIx) -> &Acteur {
        &self.acteurs[ix]
    }
}
