//! The calendar: milestones and the chronogramme's tasks.

use super::*;

pub fn build_calendrier(
    ctx: &mut Ctx,
    merged: &Merged,
    t: &Tables,
    actions: &[m::Action],
) -> (Vec<m::Jalon>, Vec<m::Tache>) {
    let mut jalons = Vec::new();
    for (file, j) in &merged.jalons {
        let file = *file;
        let date = ctx.date(file, &j.date);
        let fin = ctx.opt_date(file, &j.fin);
        let action = j
            .action
            .as_ref()
            .and_then(|a| ctx.resolve(&t.actions, file, a));
        let mut axe = j.axe.as_ref().and_then(|a| ctx.resolve(&t.axes, file, a));
        if let Some(a) = action {
            let of_action = actions[a].axe;
            if axe.is_some_and(|x| x != of_action)
                && let Some(ax) = &j.axe
            {
                ctx.push(
                    Diagnostic::error(
                        crate::diagnostic::codes::CALENDRIER_AXE_INCOHERENT,
                        "ce jalon cite une action d'un autre axe",
                    )
                    .at(file, ax.span)
                    .label("axe différent de celui de l'action")
                    .help("retirez `axe:` : il se déduit de l'action"),
                );
            }
            axe = Some(of_action);
        }
        if let Some(date) = date {
            jalons.push(m::Jalon {
                libelle: j.libelle.value.clone(),
                date,
                fin,
                axe,
                action,
            });
        }
    }
    jalons.sort_by_key(|j| j.date.start());
    let mut taches = Vec::new();
    for (file, ta) in &merged.taches {
        let file = *file;
        let action = ctx.resolve(&t.actions, file, &ta.action);
        let debut = ctx.date(file, &ta.debut);
        let fin = ctx.date(file, &ta.fin);
        if let (Some(action), Some(debut), Some(fin)) = (action, debut, fin) {
            taches.push(m::Tache {
                action,
                libelle: ta.libelle.value.clone(),
                debut,
                fin,
            });
        }
    }
    (jalons, taches)
}
