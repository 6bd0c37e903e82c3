import { useMemo } from "react";
import { useLanguage } from "./language.tsx";
import { type Language, localeFor } from "./messages.ts";

/** Interface texts of the yearly rolling: the årshjul, the permanent action plan page and the comparison. */
const nb = {
  "cycle.heading": "Årshjul",
  "cycle.intro":
    "Den årlige rulleringen av handlings- og økonomiplanen: fasene med planlagte datoer, hva som gjelder nå, og versjonene av handlingsplanen.",
  "cycle.none": "Planen har ingen rullering ennå.",
  "cycle.select": "Rullering",
  "cycle.option": "Budsjettår {year} (HØP {start}–{end})",
  "cycle.title": "Handlingsplan {year}, HØP {start}–{end}",
  "cycle.rolledFrom": "Rullert fra handlingsplanen for {year}.",
  "cycle.timeline": "Fasene på kalenderen",
  "cycle.timelineLabel": "Tidslinje for rulleringen {year}",
  "cycle.timelineNote":
    "Hver fase vises fra planlagt start til planlagt slutt. Den markerte fasen er den rulleringen er i nå.",
  "cycle.today": "I dag",
  "cycle.todayNote": "I dag ({date}) er markert med en rød strek.",
  "cycle.current": "Nå",
  "cycle.phaseDone": "ferdig",
  "cycle.phaseCurrent": "nåværende fase",
  "cycle.phaseComing": "kommer",
  "cycle.dateRange": "{start}–{end}",
  "cycle.now": "Hva gjelder nå",
  "cycle.nowPhase": "Rulleringen er i fasen «{phase}», planlagt ferdig {date}.",
  "cycle.nowPhaseOpen": "Rulleringen er i fasen «{phase}».",
  "cycle.overdue": "Den planlagte slutten er passert.",
  "cycle.calendarPhase": "Etter de planlagte datoene skulle rulleringen nå vært i fasen «{phase}».",
  "cycle.finished": "Rulleringen er avsluttet.",
  "cycle.blockersHeading": "Dette hindrer neste steg («{phase}»)",
  "cycle.noBlockers": "Ingenting hindrer neste steg («{phase}»).",
  "cycle.advance": "Gå videre til «{phase}»",
  "cycle.advanced": "Rulleringen er nå i fasen «{phase}».",
  "cycle.advanceRefused": "Kunne ikke gå videre",
  "cycle.actions": "Handlinger",
  "cycle.adopt": "Registrer vedtak",
  "cycle.adoptIntro":
    "Når vedtaket er registrert, er denne versjonen av handlingsplanen låst. Senere endringer gjøres som en revisjon.",
  "cycle.adoptedOn": "Vedtaksdato",
  "cycle.decisionBody": "Vedtatt av",
  "cycle.decisionBodyHint": "For eksempel Bystyret",
  "cycle.caseReference": "Saksnummer",
  "cycle.caseReferenceHint": "For eksempel sak 123/26",
  "cycle.adoptRefused": "Vedtaket ble ikke registrert",
  "cycle.adopted": "Vedtaket er registrert. Handlingsplanen for {year} er vedtatt.",
  "cycle.revise": "Start revisjon",
  "cycle.reviseIntro":
    "En revisjon er en ny, nummerert versjon av den vedtatte handlingsplanen, for eksempel budsjettrevisjonen ved 1. tertial. Den vedtatte versjonen står uendret.",
  "cycle.reason": "Hvorfor planen revideres",
  "cycle.reviseRefused": "Revisjonen ble ikke startet",
  "cycle.revised": "Revisjon {revision} er startet som utkast.",
  "cycle.roll": "Rull til {year}",
  "cycle.rollIntro":
    "Lager utkastet til handlingsplan {year} fra den vedtatte planen. Tiltak som løper videre, føres over og merkes «må vurderes»; fullførte og stoppede tiltak blir stående i historikken.",
  "cycle.rollRefused": "Rulleringen ble ikke opprettet",
  "cycle.rolled": "Rulleringen for {year} er opprettet. {carried} tiltak er ført videre.",
  "cycle.left": "Ikke ført videre:",
  "cycle.versions": "Versjoner av handlingsplanen",
  "cycle.versionsCaption": "Versjonene av handlingsplanen for {year} med status og vedtak",
  "cycle.version": "Versjon",
  "cycle.status": "Status",
  "cycle.decision": "Vedtak",
  "cycle.measures": "Tiltak",
  "cycle.needsReviewColumn": "Må vurderes",
  "cycle.versionLink": "Handlingsplan {year}",
  "cycle.versionLinkRevision": "Handlingsplan {year}, revisjon {revision}",
  "cycle.noVersions": "Ingen versjoner av handlingsplanen ennå.",
  "cycle.compare": "Sammenlign",
  "cycle.compareRevision": "Hva er endret fra revisjon {before} til revisjon {after}",
  "cycle.compareLastYear": "Hva er endret fra vedtatt plan for {before} til {after}",
  "cycle.compareChoose": "Velg versjoner å sammenligne",
  "cycle.needsReview": "{count} tiltak er merket «må vurderes»",
  "cycle.needsReviewOne": "1 tiltak er merket «må vurderes»",
  "cycle.needsReviewHint":
    "Tiltak som er ført over fra forrige år, må gås gjennom: se over innholdet og legg inn kostnader for det nye året. Merket forsvinner når en planlegger lagrer tiltaket. Handlingsplanen kan ikke gå til vedtak før alle er gått gjennom.",
  "cycle.toMeasures": "Gå til tiltakene",
  "status.draft": "Utkast",
  "status.adopted": "Vedtatt",
  decision: "Vedtatt av {body} {date}, {caseReference}",
  "ap.heading": "Handlingsplan {year} (HØP {start}–{end})",
  "ap.revision": "Revisjon {revision}",
  "ap.original": "Opprinnelig versjon",
  "ap.reason": "Begrunnelse: {reason}",
  "ap.draft": "Utkast. Ikke vedtatt ennå; innholdet kan fortsatt endres.",
  "ap.permanent":
    "Dette er den faste adressen til denne versjonen av handlingsplanen. Den kan siteres og endres ikke når planen er vedtatt.",
  "ap.measures": "Tiltak",
  "ap.caption": "Tiltakene i handlingsplan {year} med kommunal kostnad per år i hele kroner",
  "ap.amounts": "Kommunal kostnad per år i hele kroner.",
  "ap.count": "{count} tiltak",
  "ap.empty": "Handlingsplanen har ingen tiltak.",
  "ap.total": "Sum",
  "ap.notFoundHeading": "Fant ikke handlingsplanen",
  "ap.notFound":
    "Fant ikke handlingsplanen. Versjonen finnes ikke, eller den er ikke vedtatt og publisert ennå.",
  "ap.toCycle": "Til årshjulet",
  "ap.compare": "Sammenlign med en annen versjon",
  "cmp.heading": "Hva er endret",
  "cmp.intro":
    "Sammenlign to versjoner av handlingsplanen: nye, fjernede og endrede tiltak, felt for felt, og kommunal kostnad per år.",
  "cmp.before": "Fra (før)",
  "cmp.after": "Til (etter)",
  "cmp.choose": "Velg versjon",
  "cmp.option": "{year} rev. {revision} ({status})",
  "cmp.optionDraft": "utkast",
  "cmp.optionAdopted": "vedtatt",
  "cmp.chooseBoth": "Velg to versjoner for å se hva som er endret.",
  "cmp.title": "Fra {before} til {after}",
  "cmp.summary": "Nye tiltak: {added}. Fjernede: {removed}. Endrede: {changed}. Uendrede: {unchanged}.",
  "cmp.outside": "utenfor perioden",
  "cmp.periodNote":
    "Perioden flytter seg ett år per rullering: et år som ikke er med i en versjons HØP-periode, vises som «utenfor perioden».",
  "cmp.added": "Nye tiltak",
  "cmp.removed": "Fjernede tiltak",
  "cmp.changed": "Endrede tiltak",
  "cmp.shiftOnly": "Bare endret fordi perioden flyttet seg ({count})",
  "cmp.shiftOnlyHint":
    "Disse tiltakene har ingen andre endringer enn at kostnadene for et år utenfor den nye perioden faller bort.",
  "cmp.none": "Ingen.",
  "cmp.field": "Felt",
  "cmp.beforeValue": "Før",
  "cmp.afterValue": "Etter",
  "cmp.changesCaption": "Endringer i {reference} {title}",
  "cmp.totals": "Kommunal kostnad per år",
  "cmp.totalsCaption": "Sum kommunal kostnad per år, før og etter",
  "cmp.year": "År",
  "cmp.difference": "Differanse",
  "cmp.csv": "Last ned (CSV)",
  "cmp.failed": "Kunne ikke sammenligne",
  "field.title": "Tittel",
  "field.description": "Beskrivelse",
  "field.focusArea": "Satsingsområde",
  "field.goals": "Mål",
  "field.objectives": "Delmål",
  "field.responsibleUnit": "Ansvarlig",
  "field.contactPerson": "Kontaktperson",
  "field.owner": "Tiltakseier",
  "field.partners": "Partnere",
  "field.period": "Periode",
  "field.tags": "Stikkord",
  "field.links": "Lenker",
  "field.cost": "Kommunal kostnad {year}",
};

export type CycleMessageKey = keyof typeof nb;

export const isCycleMessageKey = (key: string): key is CycleMessageKey => Object.hasOwn(nb, key);

const nn: Record<CycleMessageKey, string> = {
  "cycle.heading": "Årshjul",
  "cycle.intro":
    "Den årlege rulleringa av handlings- og økonomiplanen: fasane med planlagde datoar, kva som gjeld no, og versjonane av handlingsplanen.",
  "cycle.none": "Planen har inga rullering enno.",
  "cycle.select": "Rullering",
  "cycle.option": "Budsjettår {year} (HØP {start}–{end})",
  "cycle.title": "Handlingsplan {year}, HØP {start}–{end}",
  "cycle.rolledFrom": "Rullert frå handlingsplanen for {year}.",
  "cycle.timeline": "Fasane på kalenderen",
  "cycle.timelineLabel": "Tidslinje for rulleringa {year}",
  "cycle.timelineNote":
    "Kvar fase er vist frå planlagd start til planlagd slutt. Den markerte fasen er den rulleringa er i no.",
  "cycle.today": "I dag",
  "cycle.todayNote": "I dag ({date}) er markert med ein raud strek.",
  "cycle.current": "No",
  "cycle.phaseDone": "ferdig",
  "cycle.phaseCurrent": "noverande fase",
  "cycle.phaseComing": "kjem",
  "cycle.dateRange": "{start}–{end}",
  "cycle.now": "Kva gjeld no",
  "cycle.nowPhase": "Rulleringa er i fasen «{phase}», planlagd ferdig {date}.",
  "cycle.nowPhaseOpen": "Rulleringa er i fasen «{phase}».",
  "cycle.overdue": "Den planlagde slutten er passert.",
  "cycle.calendarPhase": "Etter dei planlagde datoane skulle rulleringa no ha vore i fasen «{phase}».",
  "cycle.finished": "Rulleringa er avslutta.",
  "cycle.blockersHeading": "Dette hindrar neste steg («{phase}»)",
  "cycle.noBlockers": "Ingenting hindrar neste steg («{phase}»).",
  "cycle.advance": "Gå vidare til «{phase}»",
  "cycle.advanced": "Rulleringa er no i fasen «{phase}».",
  "cycle.advanceRefused": "Kunne ikkje gå vidare",
  "cycle.actions": "Handlingar",
  "cycle.adopt": "Registrer vedtak",
  "cycle.adoptIntro":
    "Når vedtaket er registrert, er denne versjonen av handlingsplanen låst. Seinare endringar blir gjorde som ein revisjon.",
  "cycle.adoptedOn": "Vedtaksdato",
  "cycle.decisionBody": "Vedteke av",
  "cycle.decisionBodyHint": "Til dømes Bystyret",
  "cycle.caseReference": "Saksnummer",
  "cycle.caseReferenceHint": "Til dømes sak 123/26",
  "cycle.adoptRefused": "Vedtaket vart ikkje registrert",
  "cycle.adopted": "Vedtaket er registrert. Handlingsplanen for {year} er vedteken.",
  "cycle.revise": "Start revisjon",
  "cycle.reviseIntro":
    "Ein revisjon er ein ny, nummerert versjon av den vedtekne handlingsplanen, til dømes budsjettrevisjonen ved 1. tertial. Den vedtekne versjonen står uendra.",
  "cycle.reason": "Kvifor planen blir revidert",
  "cycle.reviseRefused": "Revisjonen vart ikkje starta",
  "cycle.revised": "Revisjon {revision} er starta som utkast.",
  "cycle.roll": "Rull til {year}",
  "cycle.rollIntro":
    "Lagar utkastet til handlingsplan {year} frå den vedtekne planen. Tiltak som held fram, blir førte over og merkte «må vurderast»; fullførte og stoppa tiltak blir ståande i historikken.",
  "cycle.rollRefused": "Rulleringa vart ikkje oppretta",
  "cycle.rolled": "Rulleringa for {year} er oppretta. {carried} tiltak er førte vidare.",
  "cycle.left": "Ikkje førte vidare:",
  "cycle.versions": "Versjonar av handlingsplanen",
  "cycle.versionsCaption": "Versjonane av handlingsplanen for {year} med status og vedtak",
  "cycle.version": "Versjon",
  "cycle.status": "Status",
  "cycle.decision": "Vedtak",
  "cycle.measures": "Tiltak",
  "cycle.needsReviewColumn": "Må vurderast",
  "cycle.versionLink": "Handlingsplan {year}",
  "cycle.versionLinkRevision": "Handlingsplan {year}, revisjon {revision}",
  "cycle.noVersions": "Ingen versjonar av handlingsplanen enno.",
  "cycle.compare": "Samanlikn",
  "cycle.compareRevision": "Kva er endra frå revisjon {before} til revisjon {after}",
  "cycle.compareLastYear": "Kva er endra frå vedteken plan for {before} til {after}",
  "cycle.compareChoose": "Vel versjonar å samanlikne",
  "cycle.needsReview": "{count} tiltak er merkte «må vurderast»",
  "cycle.needsReviewOne": "1 tiltak er merkt «må vurderast»",
  "cycle.needsReviewHint":
    "Tiltak som er førte over frå førre år, må gåast gjennom: sjå over innhaldet og legg inn kostnader for det nye året. Merket forsvinn når ein planleggjar lagrar tiltaket. Handlingsplanen kan ikkje gå til vedtak før alle er gjennomgått.",
  "cycle.toMeasures": "Gå til tiltaka",
  "status.draft": "Utkast",
  "status.adopted": "Vedteken",
  decision: "Vedteken av {body} {date}, {caseReference}",
  "ap.heading": "Handlingsplan {year} (HØP {start}–{end})",
  "ap.revision": "Revisjon {revision}",
  "ap.original": "Opphavleg versjon",
  "ap.reason": "Grunngiving: {reason}",
  "ap.draft": "Utkast. Ikkje vedteken enno; innhaldet kan framleis endrast.",
  "ap.permanent":
    "Dette er den faste adressa til denne versjonen av handlingsplanen. Ho kan siterast og blir ikkje endra når planen er vedteken.",
  "ap.measures": "Tiltak",
  "ap.caption": "Tiltaka i handlingsplan {year} med kommunal kostnad per år i heile kroner",
  "ap.amounts": "Kommunal kostnad per år i heile kroner.",
  "ap.count": "{count} tiltak",
  "ap.empty": "Handlingsplanen har ingen tiltak.",
  "ap.total": "Sum",
  "ap.notFoundHeading": "Fann ikkje handlingsplanen",
  "ap.notFound":
    "Fann ikkje handlingsplanen. Versjonen finst ikkje, eller han er ikkje vedteken og publisert enno.",
  "ap.toCycle": "Til årshjulet",
  "ap.compare": "Samanlikn med ein annan versjon",
  "cmp.heading": "Kva er endra",
  "cmp.intro":
    "Samanlikn to versjonar av handlingsplanen: nye, fjerna og endra tiltak, felt for felt, og kommunal kostnad per år.",
  "cmp.before": "Frå (før)",
  "cmp.after": "Til (etter)",
  "cmp.choose": "Vel versjon",
  "cmp.option": "{year} rev. {revision} ({status})",
  "cmp.optionDraft": "utkast",
  "cmp.optionAdopted": "vedteken",
  "cmp.chooseBoth": "Vel to versjonar for å sjå kva som er endra.",
  "cmp.title": "Frå {before} til {after}",
  "cmp.summary": "Nye tiltak: {added}. Fjerna: {removed}. Endra: {changed}. Uendra: {unchanged}.",
  "cmp.outside": "utanfor perioden",
  "cmp.periodNote":
    "Perioden flyttar seg eitt år per rullering: eit år som ikkje er med i HØP-perioden til ein versjon, blir vist som «utanfor perioden».",
  "cmp.added": "Nye tiltak",
  "cmp.removed": "Fjerna tiltak",
  "cmp.changed": "Endra tiltak",
  "cmp.shiftOnly": "Berre endra fordi perioden flytte seg ({count})",
  "cmp.shiftOnlyHint":
    "Desse tiltaka har ingen andre endringar enn at kostnadene for eit år utanfor den nye perioden fell bort.",
  "cmp.none": "Ingen.",
  "cmp.field": "Felt",
  "cmp.beforeValue": "Før",
  "cmp.afterValue": "Etter",
  "cmp.changesCaption": "Endringar i {reference} {title}",
  "cmp.totals": "Kommunal kostnad per år",
  "cmp.totalsCaption": "Sum kommunal kostnad per år, før og etter",
  "cmp.year": "År",
  "cmp.difference": "Skilnad",
  "cmp.csv": "Last ned (CSV)",
  "cmp.failed": "Kunne ikkje samanlikne",
  "field.title": "Tittel",
  "field.description": "Skildring",
  "field.focusArea": "Satsingsområde",
  "field.goals": "Mål",
  "field.objectives": "Delmål",
  "field.responsibleUnit": "Ansvarleg",
  "field.contactPerson": "Kontaktperson",
  "field.owner": "Tiltakseigar",
  "field.partners": "Partnarar",
  "field.period": "Periode",
  "field.tags": "Stikkord",
  "field.links": "Lenker",
  "field.cost": "Kommunal kostnad {year}",
};

const en: Record<CycleMessageKey, string> = {
  "cycle.heading": "Annual cycle",
  "cycle.intro":
    "The yearly rolling of the action and economic plan: the phases with their planned dates, what applies now, and the versions of the action plan.",
  "cycle.none": "The plan has no rolling yet.",
  "cycle.select": "Rolling",
  "cycle.option": "Budget year {year} (plan period {start}–{end})",
  "cycle.title": "Action plan {year}, plan period {start}–{end}",
  "cycle.rolledFrom": "Rolled from the action plan for {year}.",
  "cycle.timeline": "The phases on the calendar",
  "cycle.timelineLabel": "Timeline of the {year} rolling",
  "cycle.timelineNote":
    "Each phase is shown from its planned start to its planned end. The highlighted phase is the one the rolling is in now.",
  "cycle.today": "Today",
  "cycle.todayNote": "Today ({date}) is marked with a red line.",
  "cycle.current": "Now",
  "cycle.phaseDone": "done",
  "cycle.phaseCurrent": "current phase",
  "cycle.phaseComing": "to come",
  "cycle.dateRange": "{start}–{end}",
  "cycle.now": "What applies now",
  "cycle.nowPhase": "The rolling is in the phase «{phase}», planned to end {date}.",
  "cycle.nowPhaseOpen": "The rolling is in the phase «{phase}».",
  "cycle.overdue": "The planned end has passed.",
  "cycle.calendarPhase": "By the planned dates the rolling should now be in the phase «{phase}».",
  "cycle.finished": "The rolling is closed.",
  "cycle.blockersHeading": "What blocks the next step («{phase}»)",
  "cycle.noBlockers": "Nothing blocks the next step («{phase}»).",
  "cycle.advance": "Move on to «{phase}»",
  "cycle.advanced": "The rolling is now in the phase «{phase}».",
  "cycle.advanceRefused": "Could not move on",
  "cycle.actions": "Actions",
  "cycle.adopt": "Record the decision",
  "cycle.adoptIntro":
    "Once the decision is recorded, this version of the action plan is frozen. Later changes are made as a revision.",
  "cycle.adoptedOn": "Date of decision",
  "cycle.decisionBody": "Adopted by",
  "cycle.decisionBodyHint": "For example Bystyret (the city council)",
  "cycle.caseReference": "Case reference",
  "cycle.caseReferenceHint": "For example sak 123/26",
  "cycle.adoptRefused": "The decision was not recorded",
  "cycle.adopted": "The decision is recorded. The action plan for {year} is adopted.",
  "cycle.revise": "Start a revision",
  "cycle.reviseIntro":
    "A revision is a new, numbered version of the adopted action plan, such as the budget revision at the first four-month report. The adopted version stays as it is.",
  "cycle.reason": "Why the plan is revised",
  "cycle.reviseRefused": "The revision was not started",
  "cycle.revised": "Revision {revision} has been started as a draft.",
  "cycle.roll": "Roll to {year}",
  "cycle.rollIntro":
    "Creates the draft action plan for {year} from the adopted plan. Running measures carry over and are flagged «må vurderes» (needs review); completed and stopped measures stay in history.",
  "cycle.rollRefused": "The rolling was not created",
  "cycle.rolled": "The rolling for {year} has been created. {carried} measures were carried over.",
  "cycle.left": "Not carried over:",
  "cycle.versions": "Versions of the action plan",
  "cycle.versionsCaption": "The versions of the action plan for {year} with status and decision",
  "cycle.version": "Version",
  "cycle.status": "Status",
  "cycle.decision": "Decision",
  "cycle.measures": "Measures",
  "cycle.needsReviewColumn": "Needs review",
  "cycle.versionLink": "Action plan {year}",
  "cycle.versionLinkRevision": "Action plan {year}, revision {revision}",
  "cycle.noVersions": "No versions of the action plan yet.",
  "cycle.compare": "Compare",
  "cycle.compareRevision": "What changed from revision {before} to revision {after}",
  "cycle.compareLastYear": "What changed from the adopted plan for {before} to {after}",
  "cycle.compareChoose": "Choose versions to compare",
  "cycle.needsReview": "{count} measures are flagged «må vurderes» (needs review)",
  "cycle.needsReviewOne": "1 measure is flagged «må vurderes» (needs review)",
  "cycle.needsReviewHint":
    "Measures carried over from last year must be looked at: check their content and enter the costs of the new year. The flag goes away when a planner saves the measure. The action plan cannot go to adoption until all have been looked at.",
  "cycle.toMeasures": "Go to the measures",
  "status.draft": "Draft",
  "status.adopted": "Adopted",
  decision: "Adopted by {body} {date}, {caseReference}",
  "ap.heading": "Action plan {year} (plan period {start}–{end})",
  "ap.revision": "Revision {revision}",
  "ap.original": "Original version",
  "ap.reason": "Reason: {reason}",
  "ap.draft": "Draft. Not adopted yet; the content may still change.",
  "ap.permanent":
    "This is the permanent address of this version of the action plan. It can be cited and does not change once the plan is adopted.",
  "ap.measures": "Measures",
  "ap.caption": "The measures of action plan {year} with municipal cost per year in whole kroner",
  "ap.amounts": "Municipal cost per year in whole kroner.",
  "ap.count": "{count} measures",
  "ap.empty": "The action plan has no measures.",
  "ap.total": "Total",
  "ap.notFoundHeading": "Action plan not found",
  "ap.notFound":
    "The action plan was not found. The version does not exist, or it is not adopted and published yet.",
  "ap.toCycle": "To the annual cycle",
  "ap.compare": "Compare with another version",
  "cmp.heading": "What changed",
  "cmp.intro":
    "Compare two versions of the action plan: new, removed and changed measures, field by field, and municipal cost per year.",
  "cmp.before": "From (before)",
  "cmp.after": "To (after)",
  "cmp.choose": "Choose a version",
  "cmp.option": "{year} rev. {revision} ({status})",
  "cmp.optionDraft": "draft",
  "cmp.optionAdopted": "adopted",
  "cmp.chooseBoth": "Choose two versions to see what changed.",
  "cmp.title": "From {before} to {after}",
  "cmp.summary": "New measures: {added}. Removed: {removed}. Changed: {changed}. Unchanged: {unchanged}.",
  "cmp.outside": "outside the period",
  "cmp.periodNote":
    "The plan period moves one year with each rolling: a year outside a version's plan period is shown as «outside the period».",
  "cmp.added": "New measures",
  "cmp.removed": "Removed measures",
  "cmp.changed": "Changed measures",
  "cmp.shiftOnly": "Changed only because the period moved ({count})",
  "cmp.shiftOnlyHint":
    "These measures have no other change than the costs of a year outside the new period dropping out.",
  "cmp.none": "None.",
  "cmp.field": "Field",
  "cmp.beforeValue": "Before",
  "cmp.afterValue": "After",
  "cmp.changesCaption": "Changes to {reference} {title}",
  "cmp.totals": "Municipal cost per year",
  "cmp.totalsCaption": "Total municipal cost per year, before and after",
  "cmp.year": "Year",
  "cmp.difference": "Difference",
  "cmp.csv": "Download (CSV)",
  "cmp.failed": "Could not compare",
  "field.title": "Title",
  "field.description": "Description",
  "field.focusArea": "Focus area",
  "field.goals": "Goals",
  "field.objectives": "Objectives",
  "field.responsibleUnit": "Responsible",
  "field.contactPerson": "Contact person",
  "field.owner": "Measure owner",
  "field.partners": "Partners",
  "field.period": "Period",
  "field.tags": "Tags",
  "field.links": "Links",
  "field.cost": "Municipal cost {year}",
};

export const cycleMessages: Record<Language, Record<CycleMessageKey, string>> = { nb, nn, en };

export function translateCycle(
  language: Language,
  key: CycleMessageKey,
  params: Record<string, string | number> = {},
): string {
  return cycleMessages[language][key].replace(/\{(\w+)\}/g, (_, name: string) =>
    String(params[name] ?? `{${name}}`),
  );
}

/** The yearly rolling's texts in the chosen language. */
export function useCycleMessages() {
  const { language } = useLanguage();
  return useMemo(
    () => ({
      language,
      c: (key: CycleMessageKey, params?: Record<string, string | number>) =>
        translateCycle(language, key, params),
    }),
    [language],
  );
}

/**
 * The locale numbers and dates are formatted in. Nynorsk writes numbers and month names as bokmål
 * does, and Chromium's ICU has no "nn" data (it falls back to en-US: "450,000", "December 15"),
 * so nynorsk formats as nb-NO, the same on the server and in every browser.
 */
export function formatLocale(language: Language): string {
  return language === "nn" ? localeFor.nb : localeFor[language];
}

const dayFormats = {
  long: { day: "numeric", month: "long", year: "numeric" },
  numeric: { day: "2-digit", month: "2-digit", year: "numeric" },
  short: { day: "numeric", month: "short", year: "numeric" },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

/** A calendar day ("2026-12-15") as a Date at UTC midnight, so no time zone moves it. */
export function dayToDate(iso: string): Date {
  const [y = 1970, m = 1, d = 1] = iso.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

/** Today as a calendar day in the browser's (or server's) own time zone. */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** "15. desember 2026", "15.12.2026" or "15. des. 2026", in the interface language. */
export function formatDay(iso: string, language: Language, style: keyof typeof dayFormats = "long"): string {
  return new Intl.DateTimeFormat(formatLocale(language), { ...dayFormats[style], timeZone: "UTC" }).format(
    dayToDate(iso),
  );
}

/** "1. jan.–15. mar. 2026": a span of days, the shared parts said once. */
export function formatDayRange(start: string, end: string, language: Language): string {
  return new Intl.DateTimeFormat(formatLocale(language), {
    ...dayFormats.short,
    timeZone: "UTC",
  }).formatRange(dayToDate(start), dayToDate(end));
}
