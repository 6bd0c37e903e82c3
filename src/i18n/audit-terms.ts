/**
 * The audit trail in people's words: every action code and object type the services record, and the
 * field names of the changes, in bokmål, nynorsk and English (in that order). The trail stores codes
 * (`update`, `measure`, `ownerUserId`); the screen shows these names, the filter finds events by
 * them, and the CSV export keeps the codes beside them. A test checks that every code the services
 * write is named here.
 */
type Names = readonly [nb: string, nn: string, en: string];
export type AuditLanguage = "nb" | "nn" | "en";
const index: Record<AuditLanguage, 0 | 1 | 2> = { nb: 0, nn: 1, en: 2 };

export const auditActions = {
  create: ["opprettet", "oppretta", "created"],
  update: ["endret", "endra", "changed"],
  delete: ["slettet", "sletta", "deleted"],
  remove: ["fjernet", "fjerna", "removed"],
  import: ["importert", "importert", "imported"],
  restore_import: ["satt inn igjen ved import", "sett inn att ved import", "put back by an import"],
  sign_in: ["logget inn", "logga inn", "signed in"],
  sign_in_oidc: [
    "logget inn (kommunens innlogging)",
    "logga inn (kommunen si innlogging)",
    "signed in (municipal sign-in)",
  ],
  sign_in_failed: ["mislykket innlogging", "mislukka innlogging", "failed sign-in"],
  sign_out: ["logget ut", "logga ut", "signed out"],
  end_session: ["avsluttet en økt", "avslutta ei økt", "ended a session"],
  change_password: ["byttet passord", "bytte passord", "changed password"],
  enable_second_factor: [
    "slo på totrinnsinnlogging",
    "slo på totrinnsinnlogging",
    "turned on two-step sign-in",
  ],
  disable_second_factor: [
    "slo av totrinnsinnlogging",
    "slo av totrinnsinnlogging",
    "turned off two-step sign-in",
  ],
  use_recovery_code: [
    "brukte en gjenopprettingskode",
    "brukte ein gjenopprettingskode",
    "used a recovery code",
  ],
  reset_password: ["fikk nytt passord", "fekk nytt passord", "got a new password"],
  invite: ["invitert", "invitert", "invited"],
  withdraw_invitation: ["invitasjon trukket tilbake", "invitasjon trekt tilbake", "invitation withdrawn"],
  accept_invitation: ["godtok invitasjon", "godtok invitasjon", "accepted invitation"],
  create_via_invitation: [
    "konto opprettet via invitasjon",
    "konto oppretta via invitasjon",
    "account created from invitation",
  ],
  update_member: ["endret rolle", "endra rolle", "changed role"],
  activate: ["aktivert", "aktivert", "activated"],
  deactivate: ["deaktivert", "deaktivert", "deactivated"],
  load_demo_data: ["demodata lastet inn", "demodata lasta inn", "demo data loaded"],
  create_admin: ["gjort til administrator", "gjord til administrator", "made administrator"],
  grant_admin: ["fikk administratorrolle", "fekk administratorrolle", "given the admin role"],
  deprioritise: [
    "tatt ut av utkastet (prioritering)",
    "teke ut av utkastet (prioritering)",
    "taken out of the draft (prioritisation)",
  ],
  undo_prioritisation: ["prioriteringen angret", "prioriteringa angra", "prioritisation undone"],
  take_out: ["tatt ut av forslaget", "teke ut av forslaget", "taken out of the draft"],
  put_back: ["satt inn igjen i forslaget", "sett inn att i forslaget", "put back into the draft"],
  set_spending: ["registrerte forbruk", "registrerte forbruk", "recorded spending"],
  set_financing: ["endret finansiering", "endra finansiering", "changed financing"],
  set_priority: ["endret prioritet", "endra prioritet", "changed priority"],
  reviewed: ["vurdert", "vurdert", "reviewed"],
  update_status: ["oppdaterte status", "oppdaterte status", "updated status"],
  retry: ["prøvd på nytt", "prøvd på nytt", "retried"],
  set_refresh_schedule: ["endret oppdateringsplan", "endra oppdateringsplan", "changed the refresh schedule"],
  send_phase_end_reminders: [
    "sendte påminnelser før fasen slutter",
    "sende påminningar før fasen sluttar",
    "sent reminders before the phase ends",
  ],
  save_status_report_draft: [
    "lagret utkast til statusrapport",
    "lagra utkast til statusrapport",
    "saved a status report draft",
  ],
  add_milestone: ["la til milepæl", "la til milepæl", "added a milestone"],
  update_milestone: ["endret milepæl", "endra milepæl", "changed a milestone"],
  delete_milestone: ["fjernet milepæl", "fjerna milepæl", "removed a milestone"],
  adopt: ["vedtatt", "vedteken", "adopted"],
  roll: ["rullert til neste år", "rullert til neste år", "rolled to next year"],
  start_revision: ["revisjon startet", "revisjon starta", "revision started"],
  advance: ["gikk videre til neste fase", "gjekk vidare til neste fase", "moved to the next phase"],
  advance_phase: ["gikk videre til neste fase", "gjekk vidare til neste fase", "moved to the next phase"],
  step_back_phase: ["gikk tilbake en fase", "gjekk tilbake ein fase", "moved back a phase"],
  correct_decision: ["rettet vedtaket", "retta vedtaket", "corrected the decision"],
  set_phase_dates: ["endret planlagte datoer", "endra planlagde datoar", "changed planned dates"],
  reorder_goal: [
    "endret rekkefølgen på samfunnsmålene",
    "endra rekkjefølgja på samfunnsmåla",
    "reordered the societal goals",
  ],
  reorder_focus_area: [
    "endret rekkefølgen på satsingsområdene",
    "endra rekkjefølgja på satsingsområda",
    "reordered the focus areas",
  ],
  reorder_objective: [
    "endret rekkefølgen på delmålene",
    "endra rekkjefølgja på delmåla",
    "reordered the objectives",
  ],
  create_target: ["satte målverdi", "sette målverdi", "set a target"],
  update_target: ["endret målverdi", "endra målverdi", "changed a target"],
  delete_target: ["fjernet målverdi", "fjerna målverdi", "removed a target"],
  submit: ["sendt inn", "send inn", "submitted"],
  submitted: ["sendt inn", "send inn", "submitted"],
  submit_status_report: ["statusrapport sendt inn", "statusrapport send inn", "status report submitted"],
  approve_status_report: ["statusrapport godkjent", "statusrapport godkjend", "status report approved"],
  return_status_report: [
    "statusrapport sendt tilbake",
    "statusrapport send tilbake",
    "status report returned",
  ],
  apply_status_report: [
    "status fra rapporten tatt i bruk",
    "status frå rapporten teken i bruk",
    "status from the report applied",
  ],
  create_reporting_periods: [
    "rapporteringsfrister opprettet",
    "rapporteringsfristar oppretta",
    "reporting periods created",
  ],
  update_reporting_period: [
    "endret rapporteringsfrist",
    "endra rapporteringsfrist",
    "changed a reporting period",
  ],
  send_status_reminders: [
    "påminnelser om statusrapport sendt",
    "påminningar om statusrapport sende",
    "status report reminders sent",
  ],
  send_deadline_reminders: [
    "påminnelser om frist sendt",
    "påminningar om frist sende",
    "deadline reminders sent",
  ],
  decide: ["behandlet", "handsama", "decided"],
  publish_proposals: ["innspill publisert", "innspel publiserte", "proposals published"],
  close: ["lukket", "lukka", "closed"],
  reopen: ["åpnet igjen", "opna att", "reopened"],
  publish: ["publisert", "publisert", "published"],
  unpublish: ["avpublisert", "avpublisert", "unpublished"],
  share_invite: ["invitert til felles tiltak", "invitert til felles tiltak", "invited to a shared measure"],
  share_withdraw: [
    "invitasjon til felles tiltak trukket",
    "invitasjon til felles tiltak trekt",
    "shared measure invitation withdrawn",
  ],
  join: ["ble med i felles tiltak", "vart med i felles tiltak", "joined a shared measure"],
  leave: ["gikk ut av felles tiltak", "gjekk ut av felles tiltak", "left a shared measure"],
  decline: ["takket nei til felles tiltak", "takka nei til felles tiltak", "declined a shared measure"],
  update_share: ["endret andel", "endra del", "changed share"],
  appoint_coordinator: [
    "utnevnt til regionkoordinator",
    "utnemnd til regionkoordinator",
    "appointed region coordinator",
  ],
  remove_coordinator: [
    "fjernet som regionkoordinator",
    "fjerna som regionkoordinator",
    "removed as region coordinator",
  ],
} as const satisfies Record<string, Names>;

export const auditObjects = {
  plan: ["plan", "plan", "plan"],
  goal: ["samfunnsmål", "samfunnsmål", "societal goal"],
  focus_area: ["satsingsområde", "satsingsområde", "focus area"],
  objective: ["delmål", "delmål", "objective"],
  measure: ["tiltak", "tiltak", "measure"],
  job: ["bakgrunnsjobb", "bakgrunnsjobb", "background job"],
  shared_measure: ["felles tiltak", "felles tiltak", "shared measure"],
  cycle: ["rullering", "rullering", "cycle"],
  action_plan: ["handlingsplan", "handlingsplan", "action plan"],
  budget_frame: ["budsjettramme", "budsjettramme", "budget frame"],
  frame_area: ["rammeområde", "rammeområde", "frame area"],
  funding_source: ["finansieringskilde", "finansieringskjelde", "funding source"],
  status_report: ["statusrapport", "statusrapport", "status report"],
  reporting_period: ["rapporteringsfrist", "rapporteringsfrist", "reporting period"],
  indicator: ["indikator", "indikator", "indicator"],
  proposal: ["innspill", "innspel", "proposal"],
  comment: ["kommentar", "kommentar", "comment"],
  organisation: ["samarbeidspartner", "samarbeidspartnar", "partner organisation"],
  evaluation_round: ["evalueringsrunde", "evalueringsrunde", "evaluation round"],
  evaluation_answer: ["evalueringssvar", "evalueringssvar", "evaluation answer"],
  evaluation_self_assessment: ["egenvurdering", "eigenvurdering", "self-assessment"],
  region: ["region", "region", "region"],
  membership: ["rolle", "rolle", "role"],
  invitation: ["invitasjon", "invitasjon", "invitation"],
  user: ["bruker", "brukar", "user"],
  municipality: ["kommune", "kommune", "municipality"],
} as const satisfies Record<string, Names>;

export const auditFields = {
  title: ["tittel", "tittel", "title"],
  name: ["navn", "namn", "name"],
  description: ["beskrivelse", "skildring", "description"],
  vision: ["visjon", "visjon", "vision"],
  basis: ["forankret i", "forankra i", "based on"],
  period: ["periode", "periode", "period"],
  startYear: ["startår", "startår", "start year"],
  endYear: ["sluttår", "sluttår", "end year"],
  published: ["publisert", "publisert", "published"],
  adoptedOn: ["vedtatt dato", "vedteken dato", "adopted on"],
  caseReference: ["saksnummer", "saksnummer", "case reference"],
  status: ["status", "status", "status"],
  statusReason: ["begrunnelse for status", "grunngjeving for status", "reason for status"],
  statusAsOf: ["status per", "status per", "status as of"],
  progress: ["framdrift", "framdrift", "progress"],
  focusAreaId: ["satsingsområde", "satsingsområde", "focus area"],
  focusAreaIds: ["satsingsområder", "satsingsområde", "focus areas"],
  goalIds: ["samfunnsmål", "samfunnsmål", "societal goals"],
  objectiveIds: ["delmål", "delmål", "objectives"],
  responsibleUnit: ["ansvarlig enhet", "ansvarleg eining", "responsible unit"],
  contactPerson: ["kontaktperson", "kontaktperson", "contact person"],
  ownerUserId: ["tiltakseier", "tiltakseigar", "measure owner"],
  partners: ["partnere", "partnarar", "partners"],
  tags: ["stikkord", "stikkord", "tags"],
  links: ["lenker", "lenkjer", "links"],
  costs: ["kostnader", "kostnader", "costs"],
  priority: ["prioritet", "prioritet", "priority"],
  mandatory: ["låst inn", "låst inn", "locked in"],
  needsReview: ["må vurderes", "må vurderast", "needs review"],
  reason: ["begrunnelse", "grunngjeving", "reason"],
  removalReason: ["begrunnelse for uttak", "grunngjeving for uttak", "reason for taking out"],
  role: ["rolle", "rolle", "role"],
  email: ["e-post", "e-post", "e-mail"],
  active: ["aktiv", "aktiv", "active"],
  organisationId: ["samarbeidspartner", "samarbeidspartnar", "partner organisation"],
  phase: ["fase", "fase", "phase"],
  dueDate: ["frist", "frist", "due date"],
  done: ["nådd", "nådd", "reached"],
  milestone: ["milepæl", "milepæl", "milestone"],
  password: ["passord", "passord", "password"],
  session: ["økt", "økt", "session"],
  text: ["tekst", "tekst", "text"],
  body: ["tekst", "tekst", "text"],
  comment: ["kommentar", "kommentar", "comment"],
  visibility: ["synlighet", "synlegheit", "visibility"],
  recommendation: ["anbefaling", "tilråding", "recommendation"],
  decisionReason: ["begrunnelse for beslutningen", "grunngjeving for avgjerda", "reason for the decision"],
  sharePercent: ["andel (prosent)", "del (prosent)", "share (per cent)"],
  participant: ["deltaker", "deltakar", "participant"],
  unit: ["enhet", "eining", "unit"],
  direction: ["retning", "retning", "direction"],
  trafficLight: ["trafikklys", "trafikklys", "traffic light"],
  explanation: ["forklaring", "forklaring", "explanation"],
  spending: ["forbruk", "forbruk", "spending"],
  nextSteps: ["neste steg", "neste steg", "next steps"],
  risks: ["risiko", "risiko", "risks"],
  deadline: ["frist", "frist", "deadline"],
  kind: ["type", "type", "kind"],
  website: ["nettsted", "nettstad", "website"],
  contacts: ["kontaktpersoner", "kontaktpersonar", "contacts"],
  organisationNumber: ["organisasjonsnummer", "organisasjonsnummer", "organisation number"],
} as const satisfies Record<string, Names>;

const pick = (table: Record<string, Names>, language: AuditLanguage, code: string): string =>
  table[code]?.[index[language]] ?? code;

/** The action's name in the language (the code itself when it has none). */
export const auditActionName = (language: AuditLanguage, code: string) => pick(auditActions, language, code);
export const auditObjectName = (language: AuditLanguage, code: string) => pick(auditObjects, language, code);
export const auditFieldName = (language: AuditLanguage, code: string) => pick(auditFields, language, code);

const normalise = (text: string) => text.trim().toLocaleLowerCase("nb").replace(/[_-]/g, " ");

/**
 * What a person typed in the filter, as the codes it names: the object types and actions whose name
 * (in any of the languages) or code contains the text. «tiltak» finds `measure` (and `shared_measure`),
 * «trukket tilbake» finds `withdraw_invitation`.
 */
export function auditCodesMatching(text: string): { objectTypes: string[]; actions: string[] } {
  const wanted = normalise(text);
  if (!wanted) return { objectTypes: [], actions: [] };
  const matches = (table: Record<string, Names>) =>
    Object.entries(table)
      .filter(([code, names]) => [code, ...names].some((name) => normalise(name).includes(wanted)))
      .map(([code]) => code);
  return { objectTypes: matches(auditObjects), actions: matches(auditActions) };
}
