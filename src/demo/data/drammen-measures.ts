import type { MeasureLink, MeasureStatus, PartnerRole } from "../../domain/measures.ts";
import type { ExternalSource, PartnerName } from "./drammen.ts";
import { attractiveAndGreenMeasures } from "./drammen-measures-attractive-green.ts";
import { healthHarbourAndSkillsMeasures } from "./drammen-measures-health-harbour-skills.ts";

export type Owner = "measure_owner" | "planner" | null;

export type ExampleMeasure = {
  reference: string;
  title: string;
  /** Plain text; blank lines separate paragraphs. */
  description: string;
  focusArea: number;
  goals: number[];
  /** Indexes into the focus area's objectives. */
  objectives: number[];
  unit: string;
  contactPerson: string;
  owner: Owner;
  tags: string[];
  links?: MeasureLink[];
  partners?: { name: PartnerName; role: PartnerRole }[];
  years: [number, number];
  /** Budget years whose action plan contains the measure (2026 adopted, 2027 draft). */
  inCycles: number[];
  municipalPerYear: number;
  external?: { source: ExternalSource; perYear: number };
  /** What the 2027 draft changes for a measure carried over from 2026. */
  next?: { years?: [number, number]; municipalPerYear?: number };
  /** Running state (on the measure's identity, not per action plan). */
  status: MeasureStatus;
  statusReason?: string;
  progress: number | null;
  milestones?: { dueDate: string; title: string; done: boolean }[];
};

/** The demo's example measures, in the order of the focus areas (T-001 first). */
export const exampleMeasures: ExampleMeasure[] = [
  ...attractiveAndGreenMeasures,
  ...healthHarbourAndSkillsMeasures,
];
