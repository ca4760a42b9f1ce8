//! The roadmap's identity: title, territory, period, co-porteurs, texts.

use super::*;

pub fn build_feuille(ctx: &mut Ctx, merged: &Merged, t: &Tables) -> Option<m::Feuille> {
    let Some((file, fr)) = &merged.feuille else {
        ctx.push(
            Diagnostic::error(crate::diagnostic::codes::FEUILLE_MANQUANTE, "aucun fichier ne définit `feuille_de_route`")
                .help("ajoutez une rubrique `feuille_de_route:` (titre, territoire, période, date, co-porteurs) dans l'un des fichiers YAML ; `fdr init` en crée une"),
        );
        return None;
    };
    let file = *file;
    let fr = &fr.value;
    let date = ctx.date(file, &fr.date);
    let co_porteurs = resolve_list(ctx, &t.acteurs, file, &fr.co_porteurs);
    if fr.periode.fin.value < fr.periode.debut.value {
        ctx.push(
            Diagnostic::error(
                crate::diagnostic::codes::DATE_FIN_AVANT_DEBUT,
                "la période se termine avant de commencer",
            )
            .at(file, fr.periode.fin.span)
            .label(format!(
                "fin {} avant le début {}",
                fr.periode.fin.value, fr.periode.debut.value
            ))
            .help("échangez `debut` et `fin`"),
        );
    } else if fr.periode.fin.value - fr.periode.debut.value >= m::MAX_PERIOD_YEARS {
        // The chronogramme's grid spans the period: bound it by the input.
        ctx.push(
            Diagnostic::error(
                crate::diagnostic::codes::DATE_PERIODE_TROP_LONGUE,
                format!(
                    "la période {}–{} couvre plus de {} ans",
                    fr.periode.debut.value,
                    fr.periode.fin.value,
                    m::MAX_PERIOD_YEARS
                ),
            )
            .at(file, fr.periode.fin.span)
            .label("fin trop lointaine")
            .help("une feuille de route couvre quelques années (2024–2027 pour France Numérique Ensemble) : vérifiez l'année"),
        );
    }
    Some(m::Feuille {
        mot_axe: mot_axe(merged),
        titre: fr.titre.value.clone(),
        sous_titre: fr.sous_titre.as_ref().map(|s| s.value.clone()),
        territoire: fr.territoire.nom.value.clone(),
        code_departement: fr
            .territoire
            .code_departement
            .as_ref()
            .map(|c| c.value.clone()),
        perimetre: fr.territoire.perimetre,
        debut: fr.periode.debut.value,
        fin: fr.periode.fin.value,
        version: fr.version.as_ref().map(|v| v.value.clone()),
        date: date?,
        co_porteurs,
        introduction: ctx.opt_text(file, &fr.introduction),
        methodologie: ctx.opt_text(file, &fr.methodologie),
        etat_des_lieux: ctx.opt_text(file, &fr.etat_des_lieux),
        axes_introduction: ctx.opt_text(file, &fr.axes_introduction),
        conclusion: ctx.opt_text(file, &fr.conclusion),
        epci: texts(&fr.territoire.epci),
        communes: texts(&fr.territoire.communes),
        population: fr.territoire.population.as_ref().map(|p| p.value),
        axes_repris_minimum: fr
            .sous_feuilles
            .as_ref()
            .and_then(|s| s.value.axes_repris_minimum.as_ref())
            .map(|n| n.value),
        departementale: None,
    })
}

fn texts(items: &[Sp<String>]) -> Vec<String> {
    items.iter().map(|s| s.value.clone()).collect()
}

/// What the roadmap calls its axes (read before the axes are lowered, for
/// the words of their diagnostics).
pub fn mot_axe(merged: &Merged) -> m::MotAxe {
    merged
        .feuille
        .as_ref()
        .and_then(|(_, fr)| fr.value.vocabulaire.as_ref())
        .and_then(|v| v.axe.as_ref())
        .map(|a| a.value)
        .unwrap_or_default()
}
