import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as english from "@zxcvbn-ts/language-en";
import { passwordProblem } from "../../domain/sign-in.ts";

/**
 * Norwegian words and passwords people reach for, checked together with zxcvbn-ts' lists of common
 * and breached passwords, common words and names (shipped with the app, offline). There is no
 * Norwegian dictionary for zxcvbn-ts on the registry, so this short list covers the obvious ones.
 */
const norwegian = [
  "passord",
  "hemmelig",
  "velkommen",
  "sommer",
  "vinter",
  "høst",
  "vår",
  "norge",
  "noreg",
  "oslo",
  "bergen",
  "drammen",
  "kommune",
  "kommunen",
  "planverk",
  "handlingsplan",
  "næringsplan",
  "tiltak",
  "jegelskerdeg",
  "elskerdeg",
  "hallo",
  "heisann",
  "fotball",
  "rosenborg",
  "vålerenga",
  "brann",
  "lillemor",
  "kjæreste",
  "mamma",
  "pappa",
  "bestemor",
  "bestefar",
  "katten",
  "hunden",
  "sjokolade",
  "sola",
  "fjellet",
  "hytta",
  "påske",
  "jul",
  "julenissen",
  "bamse",
  "snorre",
  "ola",
  "nordmann",
  "kari",
  "qwertyuiopå",
  "asdfghjklæø",
];

/** Norwegian feedback for the warnings and suggestions zxcvbn-ts gives. */
const translations = {
  warnings: {
    straightRow: "Rette rader av taster på tastaturet er lette å gjette.",
    keyPattern: "Korte tastaturmønstre er lette å gjette.",
    simpleRepeat: "Gjentatte tegn som «aaa» er lette å gjette.",
    extendedRepeat: "Gjentatte mønstre som «abcabcabc» er lette å gjette.",
    sequences: "Vanlige rekkefølger som «abc» eller «123» er lette å gjette.",
    recentYears: "Årstall fra de siste årene er lette å gjette.",
    dates: "Datoer er lette å gjette.",
    topTen: "Dette er et av de mest brukte passordene.",
    topHundred: "Dette er et svært vanlig passord.",
    common: "Dette er et vanlig passord, og det finnes i lister over lekkede passord.",
    similarToCommon: "Dette ligner et vanlig passord.",
    wordByItself: "Enkeltord er lette å gjette.",
    namesByThemselves: "Navn alene er lette å gjette.",
    commonNames: "Vanlige for- og etternavn er lette å gjette.",
    userInputs: "Passordet bør ikke inneholde navnet eller e-postadressen din.",
    pwned: "Passordet finnes i lekkede passordlister på Internett.",
  },
  suggestions: {
    l33t: "Unngå forutsigbare bytter som «@» for «a».",
    reverseWords: "Unngå vanlige ord skrevet baklengs.",
    allUppercase: "Bruk store bokstaver noen steder, ikke overalt.",
    capitalization: "Bruk store bokstaver andre steder enn bare først.",
    dates: "Unngå datoer og årstall som har med deg å gjøre.",
    recentYears: "Unngå årstall fra de siste årene.",
    associatedYears: "Unngå årstall som har med deg å gjøre.",
    sequences: "Unngå vanlige rekkefølger av tegn.",
    repeated: "Unngå gjentatte ord og tegn.",
    longerKeyboardPattern: "Bruk lengre tastaturmønstre, og skift retning flere ganger.",
    anotherWord: "Legg til flere ord som er mindre vanlige.",
    useWords: "Bruk flere ord, men unngå kjente uttrykk.",
    noNeed: "Du trenger ikke tall eller spesialtegn: flere uvanlige ord gir et sterkt passord.",
    pwned: "Bruker du dette passordet andre steder, bør du bytte det der også.",
  },
  timeEstimation: {
    ltSecond: "under ett sekund",
    second: "{base} sekund",
    seconds: "{base} sekunder",
    minute: "{base} minutt",
    minutes: "{base} minutter",
    hour: "{base} time",
    hours: "{base} timer",
    day: "{base} dag",
    days: "{base} dager",
    month: "{base} måned",
    months: "{base} måneder",
    year: "{base} år",
    years: "{base} år",
    centuries: "hundrevis av år",
  },
};

let checker: ZxcvbnFactory | undefined;
const strength = () => {
  checker ??= new ZxcvbnFactory({
    translations,
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...english.dictionary, norwegian },
    useLevenshteinDistance: false,
  });
  return checker;
};

/** zxcvbn's score (0–4) a new password must reach: 3, «safely unguessable» for an online attack. */
export const minimumScore = 3;

/**
 * What is wrong with a new password, in Norwegian, or null: the length rule, then a check against
 * common and breached passwords, words and names (and the person's own name and e-mail), with a
 * hint how to make it stronger.
 */
export function newPasswordProblem(password: string, personal: string[] = []): string | null {
  const basic = passwordProblem(password);
  if (basic) return basic;
  const inputs = personal
    .flatMap((text) => [text, ...text.split(/[\s@.]+/)])
    .map((t) => t.toLowerCase())
    .filter((t) => t.length >= 3);
  const lower = password.toLowerCase();
  if (inputs.some((input) => lower.includes(input)))
    return `Passordet er for lett å gjette. ${translations.warnings.userInputs}`;
  const result = strength().check(password, inputs);
  if (result.score >= minimumScore) return null;
  const hint = [result.feedback.warning, ...result.feedback.suggestions].filter(Boolean).join(" ");
  return `Passordet er for lett å gjette.${hint ? ` ${hint}` : ""} Prøv for eksempel flere ord som ikke hører sammen.`;
}
