import type { Language } from "./messages.ts";

/** Names of audit actions and object types, per language; unknown codes are shown as they are. */
const actions: Record<Language, Record<string, string>> = {
  nb: {
    update: "endret",
    create: "opprettet",
    sign_in: "logget inn",
    sign_in_oidc: "logget inn (kommunens innlogging)",
    sign_out: "logget ut",
    change_password: "byttet passord",
    reset_password: "fikk nytt passord",
    invite: "invitert",
    accept_invitation: "godtok invitasjon",
    create_via_invitation: "konto opprettet via invitasjon",
    activate: "aktivert",
    deactivate: "deaktivert",
    load_demo_data: "demodata lastet inn",
    create_admin: "gjort til administrator",
    grant_admin: "fikk administratorrolle",
  },
  nn: {
    update: "endra",
    create: "oppretta",
    sign_in: "logga inn",
    sign_out: "logga ut",
    change_password: "bytte passord",
    invite: "invitert",
    accept_invitation: "godtok invitasjon",
    activate: "aktivert",
    deactivate: "deaktivert",
    load_demo_data: "demodata lasta inn",
  },
  en: {
    update: "changed",
    create: "created",
    sign_in: "signed in",
    sign_in_oidc: "signed in (municipal sign-in)",
    sign_out: "signed out",
    change_password: "changed password",
    reset_password: "got a new password",
    invite: "invited",
    accept_invitation: "accepted invitation",
    create_via_invitation: "account created from invitation",
    activate: "activated",
    deactivate: "deactivated",
    load_demo_data: "demo data loaded",
    create_admin: "made administrator",
    grant_admin: "given the admin role",
  },
};

const objects: Record<Language, Record<string, string>> = {
  nb: {
    plan: "plan",
    membership: "rolle",
    invitation: "invitasjon",
    user: "bruker",
    municipality: "kommune",
  },
  nn: {
    plan: "plan",
    membership: "rolle",
    invitation: "invitasjon",
    user: "brukar",
    municipality: "kommune",
  },
  en: {
    plan: "plan",
    membership: "role",
    invitation: "invitation",
    user: "user",
    municipality: "municipality",
  },
};

export const auditActionName = (language: Language, code: string) =>
  actions[language][code] ?? actions.nb[code] ?? code;
export const auditObjectName = (language: Language, code: string) => objects[language][code] ?? code;
