import { useMemo } from "react";
import { useLanguage } from "./language.tsx";
import type { Language } from "./messages.ts";

/** Interface texts of background work: reminders before deadlines, indicator refresh, the job queue. */
const nb = {
  "reminder.planned": "Påminnelse sendes 3 dager før fristen",
  "reminder.sent": "Påminnelse sendt {date}",
  "reminder.proposals": "Påminnelse sendes 3 dager før fristen til partnere som ikke har sendt innspill",
  "reminder.panel": "Påminnelse sendes 3 dager før fristen til dem i panelet som ikke er ferdige",
  "refresh.heading": "Automatisk oppdatering",
  "refresh.label": "Hent tallene på nytt fra adressen",
  "refresh.never": "Aldri",
  "refresh.daily": "Hver dag",
  "refresh.weekly": "Hver uke",
  "refresh.monthly": "Hver måned",
  "refresh.save": "Lagre",
  "refresh.saved": "Lagret.",
  "refresh.onlyAddress":
    "Indikatorer importert fra en adresse (PxWebApi, JSON-stat) kan hentes på nytt automatisk.",
  "refresh.notYet": "Ikke hentet automatisk ennå.",
  "refresh.lastOk": "Sist hentet {when}: {added} nye, {changed} endret, {removed} fjernet.",
  "refresh.lastFailed": "Hentingen {when} feilet: {error} Tallene fra forrige import vises fortsatt.",
  "jobs.heading": "Bakgrunnsjobber",
  "jobs.intro":
    "Jobbene som venter, kjører eller har feilet, i alle kommuner på installasjonen. En feilet jobb kan prøves igjen.",
  "jobs.notRunning": "Bakgrunnsjobbene kjører ikke på denne instansen.",
  "jobs.none": "Ingen jobber venter, kjører eller har feilet.",
  "jobs.caption": "Jobber som ikke er ferdige",
  "jobs.queue": "Kø",
  "jobs.state": "Tilstand",
  "jobs.created": "Opprettet",
  "jobs.tries": "Forsøk",
  "jobs.error": "Feil",
  "jobs.retry": "Prøv igjen",
  "jobs.retried": "Jobben er lagt tilbake i køen.",
  "jobs.triesOf": "{count} av {limit}",
  "jobs.nextTry": "neste forsøk {when}",
  "jobs.summary": "{waiting} venter, {active} kjører, {failed} feilet",
  "queue.mail": "E-post",
  "queue.deadline-reminders": "Påminnelser",
  "queue.indicator-refresh": "Oppdatering av indikatorer",
  "state.created": "Venter",
  "state.retry": "Venter på nytt forsøk",
  "state.active": "Kjører",
  "state.failed": "Feilet",
  "nav.jobs": "Bakgrunnsjobber",
  "nav.municipalities": "Kommuner",
};
export type JobMessageKey = keyof typeof nb;

const nn: Record<JobMessageKey, string> = {
  "reminder.planned": "Påminning blir send 3 dagar før fristen",
  "reminder.sent": "Påminning send {date}",
  "reminder.proposals": "Påminning blir send 3 dagar før fristen til partnarar som ikkje har sendt innspel",
  "reminder.panel": "Påminning blir send 3 dagar før fristen til dei i panelet som ikkje er ferdige",
  "refresh.heading": "Automatisk oppdatering",
  "refresh.label": "Hent tala på nytt frå adressa",
  "refresh.never": "Aldri",
  "refresh.daily": "Kvar dag",
  "refresh.weekly": "Kvar veke",
  "refresh.monthly": "Kvar månad",
  "refresh.save": "Lagre",
  "refresh.saved": "Lagra.",
  "refresh.onlyAddress":
    "Indikatorar importerte frå ei adresse (PxWebApi, JSON-stat) kan hentast på nytt automatisk.",
  "refresh.notYet": "Ikkje henta automatisk enno.",
  "refresh.lastOk": "Sist henta {when}: {added} nye, {changed} endra, {removed} fjerna.",
  "refresh.lastFailed": "Hentinga {when} feila: {error} Tala frå førre import blir framleis viste.",
  "jobs.heading": "Bakgrunnsjobbar",
  "jobs.intro":
    "Jobbane som ventar, køyrer eller har feila, i alle kommunane på installasjonen. Ein jobb som har feila, kan prøvast igjen.",
  "jobs.notRunning": "Bakgrunnsjobbane køyrer ikkje på denne instansen.",
  "jobs.none": "Ingen jobbar ventar, køyrer eller har feila.",
  "jobs.caption": "Jobbar som ikkje er ferdige",
  "jobs.queue": "Kø",
  "jobs.state": "Tilstand",
  "jobs.created": "Oppretta",
  "jobs.tries": "Forsøk",
  "jobs.error": "Feil",
  "jobs.retry": "Prøv igjen",
  "jobs.retried": "Jobben er lagd tilbake i køen.",
  "jobs.triesOf": "{count} av {limit}",
  "jobs.nextTry": "neste forsøk {when}",
  "jobs.summary": "{waiting} ventar, {active} køyrer, {failed} feila",
  "queue.mail": "E-post",
  "queue.deadline-reminders": "Påminningar",
  "queue.indicator-refresh": "Oppdatering av indikatorar",
  "state.created": "Ventar",
  "state.retry": "Ventar på nytt forsøk",
  "state.active": "Køyrer",
  "state.failed": "Feila",
  "nav.jobs": "Bakgrunnsjobbar",
  "nav.municipalities": "Kommunar",
};

const en: Record<JobMessageKey, string> = {
  "reminder.planned": "A reminder is sent 3 days before the deadline",
  "reminder.sent": "Reminder sent {date}",
  "reminder.proposals":
    "A reminder is sent 3 days before the deadline to partners who have not sent a proposal",
  "reminder.panel": "A reminder is sent 3 days before the deadline to panelists who have not finished",
  "refresh.heading": "Automatic refresh",
  "refresh.label": "Fetch the figures again from the address",
  "refresh.never": "Never",
  "refresh.daily": "Every day",
  "refresh.weekly": "Every week",
  "refresh.monthly": "Every month",
  "refresh.save": "Save",
  "refresh.saved": "Saved.",
  "refresh.onlyAddress":
    "Indicators imported from an address (PxWebApi, JSON-stat) can be fetched again automatically.",
  "refresh.notYet": "Not fetched automatically yet.",
  "refresh.lastOk": "Last fetched {when}: {added} new, {changed} changed, {removed} removed.",
  "refresh.lastFailed":
    "The fetch {when} failed: {error} The figures of the previous import are still shown.",
  "jobs.heading": "Background jobs",
  "jobs.intro":
    "The jobs waiting, running or failed, in every municipality of the installation. A failed job can be tried again.",
  "jobs.notRunning": "Background jobs are not running on this instance.",
  "jobs.none": "No jobs are waiting, running or failed.",
  "jobs.caption": "Jobs not finished",
  "jobs.queue": "Queue",
  "jobs.state": "State",
  "jobs.created": "Created",
  "jobs.tries": "Tries",
  "jobs.error": "Error",
  "jobs.retry": "Try again",
  "jobs.retried": "The job is back in the queue.",
  "jobs.triesOf": "{count} of {limit}",
  "jobs.nextTry": "next try {when}",
  "jobs.summary": "{waiting} waiting, {active} running, {failed} failed",
  "queue.mail": "E-mail",
  "queue.deadline-reminders": "Reminders",
  "queue.indicator-refresh": "Indicator refresh",
  "state.created": "Waiting",
  "state.retry": "Waiting to try again",
  "state.active": "Running",
  "state.failed": "Failed",
  "nav.jobs": "Background jobs",
  "nav.municipalities": "Municipalities",
};

const jobMessages: Record<Language, Record<JobMessageKey, string>> = { nb, nn, en };
const locales: Record<Language, string> = { nb: "nb-NO", nn: "nn-NO", en: "en-GB" };

/**
 * The texts of background work in the chosen language, with `day` (4. des.) for a reminder's date and
 * `moment` (04.12.2026 kl. 05.40) for a fetch or a job, both in Norwegian time.
 */
export function useJobMessages() {
  const { language } = useLanguage();
  return useMemo(() => {
    const day = new Intl.DateTimeFormat(locales[language], {
      day: "numeric",
      month: "short",
      timeZone: "Europe/Oslo",
    });
    const moment = new Intl.DateTimeFormat(locales[language], {
      dateStyle: "short",
      timeStyle: "short",
      timeZone: "Europe/Oslo",
    });
    return {
      j: (key: JobMessageKey, params: Record<string, string | number> = {}) =>
        jobMessages[language][key].replace(/\{(\w+)\}/g, (_, name: string) =>
          String(params[name] ?? `{${name}}`),
        ),
      /** A queue's name in the language, or the queue's own name when it is not one of ours. */
      queueName: (queue: string) =>
        `queue.${queue}` in jobMessages[language]
          ? jobMessages[language][`queue.${queue}` as JobMessageKey]
          : queue,
      day: (iso: string) => day.format(new Date(iso)),
      moment: (iso: string) => moment.format(new Date(iso)),
    };
  }, [language]);
}
