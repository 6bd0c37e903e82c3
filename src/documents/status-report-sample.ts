import type { MeasureStatus } from "../domain/measures.ts";
import type { TrafficLight } from "../domain/status-report.ts";
import {
  type CompiledMeasureInput,
  type CompiledReport,
  compileStatusReport,
} from "../domain/status-report.ts";

/**
 * A compiled report of `count` measures over five focus areas, with deterministic variation (about
 * one in six with a deviation, one in fifteen serious, one in ten not reported), for the document
 * tests and the benchmark.
 */
export function sampleStatusReport(count: number): CompiledReport {
  const focusAreas = [
    "Havnebyen",
    "Kunnskapsbyen",
    "Grønn industri",
    "Reiseliv og opplevelser",
    "Attraktive sentrum",
  ].map((title, i) => ({ id: `fa-${i}`, title }));
  const measures: CompiledMeasureInput[] = Array.from({ length: count }, (_, i) => {
    const n = i + 1;
    const light: TrafficLight = n % 15 === 0 ? "serious_deviation" : n % 6 === 0 ? "deviation" : "on_track";
    const status: MeasureStatus = light === "on_track" ? "in_progress" : "delayed";
    return {
      reference: `T-${String(n).padStart(3, "0")}`,
      title: `Tiltak ${n}: samarbeid om næringsutvikling i Drammensregionen`,
      focusAreaId: `fa-${i % focusAreas.length}`,
      ownerName: `Eier ${(i % 12) + 1}`,
      report:
        n % 10 === 0
          ? null
          : {
              state: "approved",
              trafficLight: light,
              explanation:
                light === "on_track"
                  ? ""
                  : `Leveransen fra partner ${n} er forsinket; ny plan legges fram i juni.`,
              measureStatus: status,
              progress: (n * 7) % 101,
              achieved: `Arbeidsmøter med næringsliv og akademia (${n}), forprosjekt ferdig og søknad sendt.`,
              nextSteps: "Anbud, kontrakt og oppstart av pilot.",
              risks: n % 4 === 0 ? "Usikker ekstern finansiering." : "",
              milestonesReached: n % 3,
            },
      previousProgress: n % 5 === 0 ? null : Math.max(0, ((n * 7) % 101) - 10),
      milestonesTotal: 3,
      money: [
        { area: "Næringsutvikling – drift", plannedNok: 100_000 + n * 1_000, spentNok: 40_000 + n * 250 },
        { area: "Ekstern finansiering", plannedNok: 50_000, spentNok: n % 2 === 0 ? 20_000 : 0 },
      ],
    };
  });
  return compileStatusReport({
    municipalityName: "Drammen kommune",
    budgetYear: 2026,
    kind: "t1",
    asOf: "2026-04-30",
    focusAreas,
    measures,
  });
}
