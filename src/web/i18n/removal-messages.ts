import { useMemo } from "react";
import { useLanguage } from "./language.tsx";
import type { Language } from "./messages.ts";

/**
 * Interface texts of taking measures out of the draft and putting them back («Tatt ut av
 * forslaget»), undoing a prioritisation, and the value rule of the proposal.
 */
const nb = {
  "removed.heading": "Tatt ut av forslaget",
  "removed.intro":
    "Tiltak som er tatt ut av utkastet til handlingsplan {year}. De beholder nummeret, historikken og innholdet sitt, og kan settes inn igjen til planen vedtas.",
  "removed.introAdopted": "Tiltak som ble tatt ut av handlingsplan {year} før den ble vedtatt.",
  "removed.caption": "Tiltak tatt ut av utkastet til handlingsplan {year}",
  "removed.measure": "Tiltak",
  "removed.who": "Tatt ut av",
  "removed.when": "Når",
  "removed.how": "Hvordan",
  "removed.why": "Hvorfor",
  "removed.cost": "Kommunal kostnad",
  "removed.viaManual": "For hånd",
  "removed.viaPrioritisation": "Ved prioritering",
  "removed.putBack": "Sett inn igjen",
  "removed.putBackLabel": "Sett inn igjen {reference} {title}",
  "removed.putBackRefused": "Tiltaket ble ikke satt inn igjen",
  "removed.putBackDone": "{reference} er satt inn igjen i utkastet.",
  "takeOut.button": "Ta ut av forslaget",
  "takeOut.heading": "Ta {reference} ut av forslaget?",
  "takeOut.body":
    "Tiltaket tas ut av utkastet til handlingsplan {year}. Det beholder nummeret og innholdet sitt, vises under «Tatt ut av forslaget» på tiltakssiden og kan settes inn igjen til planen vedtas.",
  "takeOut.reason": "Hvorfor tas tiltaket ut?",
  "takeOut.reasonHint": "Vises for dem som arbeider med planen. Høyst 500 tegn.",
  "takeOut.reasonMissing": "Skriv hvorfor tiltaket tas ut.",
  "takeOut.confirm": "Ta ut av forslaget",
  "takeOut.cancel": "Avbryt",
  "takeOut.close": "Lukk",
  "takeOut.refused": "Tiltaket ble ikke tatt ut",
  "undo.button": "Angre prioriteringen fra {date} ({references})",
  "undo.heading": "Angre prioriteringen?",
  "undo.body":
    "Tiltakene som prioriteringen {date} tok ut av utkastet, settes inn igjen med nummer, innhold og kostnader: {references}.",
  "undo.confirm": "Angre prioriteringen",
  "undo.cancel": "Avbryt",
  "undo.refused": "Prioriteringen ble ikke angret",
  "undo.done": "Prioriteringen er angret: {references} er satt inn igjen.",
  "value.legend": "Hva et tiltak er verdt i forslaget",
  "value.default": "Standard: prioriteten, og evalueringspoeng mellom like prioriteter",
  "value.priority": "Bare prioriteten",
  "value.evaluation": "Bare poengsummen fra evalueringen",
  "value.ruleDefault":
    "Verdien er prioriteten; der «{rounds}» har poeng, avgjør poengsummen mellom like prioriteter ({evaluated} av {count} tiltak).",
  "value.ruleDefaultNone": "Verdien er prioriteten. Ingen tiltak har poeng fra en avsluttet evaluering.",
  "value.rulePriority": "Verdien er prioriteten alene; evalueringspoeng er ikke brukt.",
  "value.ruleEvaluation":
    "Verdien er poengsummen fra «{rounds}» ({evaluated} av {count} tiltak); tiltak uten poeng teller som 3.",
};
type RemovalKey = keyof typeof nb;

const nn: Record<RemovalKey, string> = {
  "removed.heading": "Teke ut av forslaget",
  "removed.intro":
    "Tiltak som er tekne ut av utkastet til handlingsplan {year}. Dei held på nummeret, historikken og innhaldet sitt, og kan setjast inn att til planen blir vedteken.",
  "removed.introAdopted": "Tiltak som vart tekne ut av handlingsplan {year} før han vart vedteken.",
  "removed.caption": "Tiltak tekne ut av utkastet til handlingsplan {year}",
  "removed.measure": "Tiltak",
  "removed.who": "Teke ut av",
  "removed.when": "Når",
  "removed.how": "Korleis",
  "removed.why": "Kvifor",
  "removed.cost": "Kommunal kostnad",
  "removed.viaManual": "For hand",
  "removed.viaPrioritisation": "Ved prioritering",
  "removed.putBack": "Set inn att",
  "removed.putBackLabel": "Set inn att {reference} {title}",
  "removed.putBackRefused": "Tiltaket vart ikkje sett inn att",
  "removed.putBackDone": "{reference} er sett inn att i utkastet.",
  "takeOut.button": "Ta ut av forslaget",
  "takeOut.heading": "Ta {reference} ut av forslaget?",
  "takeOut.body":
    "Tiltaket blir teke ut av utkastet til handlingsplan {year}. Det held på nummeret og innhaldet sitt, blir vist under «Teke ut av forslaget» på tiltakssida og kan setjast inn att til planen blir vedteken.",
  "takeOut.reason": "Kvifor blir tiltaket teke ut?",
  "takeOut.reasonHint": "Blir vist for dei som arbeider med planen. Høgst 500 teikn.",
  "takeOut.reasonMissing": "Skriv kvifor tiltaket blir teke ut.",
  "takeOut.confirm": "Ta ut av forslaget",
  "takeOut.cancel": "Avbryt",
  "takeOut.close": "Lukk",
  "takeOut.refused": "Tiltaket vart ikkje teke ut",
  "undo.button": "Angre prioriteringa frå {date} ({references})",
  "undo.heading": "Angre prioriteringa?",
  "undo.body":
    "Tiltaka som prioriteringa {date} tok ut av utkastet, blir sette inn att med nummer, innhald og kostnader: {references}.",
  "undo.confirm": "Angre prioriteringa",
  "undo.cancel": "Avbryt",
  "undo.refused": "Prioriteringa vart ikkje angra",
  "undo.done": "Prioriteringa er angra: {references} er sette inn att.",
  "value.legend": "Kva eit tiltak er verdt i forslaget",
  "value.default": "Standard: prioriteten, og evalueringspoeng mellom like prioritetar",
  "value.priority": "Berre prioriteten",
  "value.evaluation": "Berre poengsummen frå evalueringa",
  "value.ruleDefault":
    "Verdien er prioriteten; der «{rounds}» har poeng, avgjer poengsummen mellom like prioritetar ({evaluated} av {count} tiltak).",
  "value.ruleDefaultNone": "Verdien er prioriteten. Ingen tiltak har poeng frå ei avslutta evaluering.",
  "value.rulePriority": "Verdien er prioriteten åleine; evalueringspoeng er ikkje brukte.",
  "value.ruleEvaluation":
    "Verdien er poengsummen frå «{rounds}» ({evaluated} av {count} tiltak); tiltak utan poeng tel som 3.",
};

const en: Record<RemovalKey, string> = {
  "removed.heading": "Taken out of the draft",
  "removed.intro":
    "Measures taken out of the draft of action plan {year}. They keep their number, history and content, and can be put back until the plan is adopted.",
  "removed.introAdopted": "Measures taken out of action plan {year} before it was adopted.",
  "removed.caption": "Measures taken out of the draft of action plan {year}",
  "removed.measure": "Measure",
  "removed.who": "Taken out by",
  "removed.when": "When",
  "removed.how": "How",
  "removed.why": "Why",
  "removed.cost": "Municipal cost",
  "removed.viaManual": "By hand",
  "removed.viaPrioritisation": "By prioritisation",
  "removed.putBack": "Put back",
  "removed.putBackLabel": "Put back {reference} {title}",
  "removed.putBackRefused": "The measure was not put back",
  "removed.putBackDone": "{reference} is back in the draft.",
  "takeOut.button": "Take out of the draft",
  "takeOut.heading": "Take {reference} out of the draft?",
  "takeOut.body":
    "The measure leaves the draft of action plan {year}. It keeps its number and content, is listed under «Taken out of the draft» on the measures page and can be put back until the plan is adopted.",
  "takeOut.reason": "Why is the measure taken out?",
  "takeOut.reasonHint": "Shown to the people working on the plan. At most 500 characters.",
  "takeOut.reasonMissing": "Say why the measure is taken out.",
  "takeOut.confirm": "Take out of the draft",
  "takeOut.cancel": "Cancel",
  "takeOut.close": "Close",
  "takeOut.refused": "The measure was not taken out",
  "undo.button": "Undo the prioritisation of {date} ({references})",
  "undo.heading": "Undo the prioritisation?",
  "undo.body":
    "The measures the prioritisation of {date} took out of the draft are put back with their numbers, content and costs: {references}.",
  "undo.confirm": "Undo the prioritisation",
  "undo.cancel": "Cancel",
  "undo.refused": "The prioritisation was not undone",
  "undo.done": "The prioritisation is undone: {references} are back.",
  "value.legend": "What a measure is worth in the proposal",
  "value.default": "Default: the priority, with evaluation scores between equal priorities",
  "value.priority": "The priority only",
  "value.evaluation": "The evaluation score only",
  "value.ruleDefault":
    "The value is the priority; where «{rounds}» has scores, the score decides between equal priorities ({evaluated} of {count} measures).",
  "value.ruleDefaultNone": "The value is the priority. No measure has a score from a closed evaluation.",
  "value.rulePriority": "The value is the priority alone; evaluation scores are not used.",
  "value.ruleEvaluation":
    "The value is the score from «{rounds}» ({evaluated} of {count} measures); measures without a score count as 3.",
};

export const removalMessages: Record<Language, Record<RemovalKey, string>> = { nb, nn, en };

/** The texts in the chosen language, and dates in its form. */
export function useRemovalMessages() {
  const { language } = useLanguage();
  return useMemo(
    () => ({
      r: (key: RemovalKey, params: Record<string, string | number> = {}) =>
        removalMessages[language][key].replace(/\{(\w+)\}/g, (_, name: string) =>
          String(params[name] ?? `{${name}}`),
        ),
      date: (iso: string) =>
        new Date(iso).toLocaleDateString(language === "en" ? "en-GB" : "nb-NO", {
          day: "numeric",
          month: "numeric",
          year: "numeric",
          timeZone: "Europe/Oslo",
        }),
      language,
    }),
    [language],
  );
}
