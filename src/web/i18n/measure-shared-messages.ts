import { useMemo } from "react";
import { useLanguage } from "./language.tsx";
import type { Language } from "./messages.ts";

/** Interface texts of the «Felles tiltak» section on the measure page (the split among municipalities). */
const nb = {
  "measureShared.intro":
    "{owner} eier tiltaket og deler den kommunale kostnaden med andre kommuner i regionen. Tabellen viser hver kommunes andel og del av kostnaden per år i denne versjonen av tiltaket.",
  "measureShared.invited": "En invitert kommune har ikke svart ennå, og får ingen andel før den blir med.",
};
type MeasureSharedKey = keyof typeof nb;

const nn: Record<MeasureSharedKey, string> = {
  "measureShared.intro":
    "{owner} eig tiltaket og deler den kommunale kostnaden med andre kommunar i regionen. Tabellen viser delen til kvar kommune og kor mykje av kostnaden kvar kommune ber per år i denne versjonen av tiltaket.",
  "measureShared.invited": "Ein invitert kommune har ikkje svart enno, og får ingen del før han blir med.",
};

const en: Record<MeasureSharedKey, string> = {
  "measureShared.intro":
    "{owner} owns this measure and shares its municipal cost with other municipalities in the region. The table shows each municipality's share and its part of the cost per year in this version of the measure.",
  "measureShared.invited": "An invited municipality has not answered yet, and has no share until it joins.",
};

export const measureSharedMessages: Record<Language, Record<MeasureSharedKey, string>> = { nb, nn, en };

/** The section's texts in the chosen language. */
export function useMeasureSharedMessages() {
  const { language } = useLanguage();
  return useMemo(
    () => ({
      s: (key: MeasureSharedKey, params: Record<string, string | number> = {}) =>
        measureSharedMessages[language][key].replace(/\{(\w+)\}/g, (_, name: string) =>
          String(params[name] ?? `{${name}}`),
        ),
    }),
    [language],
  );
}
