import type { OrganisationKind } from "./organisations.ts";
import type { Role } from "./permissions.ts";

/** What an evaluator recommends for a measure (stored values). */
export const recommendations = ["continue", "adjust", "scale_up", "stop"] as const;
export type Recommendation = (typeof recommendations)[number];

/** A criterion of a round; `key` names it in the answers' scores, so a title can be reworded. */
export type EvaluationCriterion = { key: string; title: string };

/**
 * Evaluation rounds: the rules for criteria, scores and the aggregation of a panel's answers.
 * Scores are whole numbers 1–5; null is «kan ikke vurdere», which is counted but left out of every
 * mean and spread. Spread is the population standard deviation (n in the denominator) together with
 * the lowest and highest score.
 */

export const defaultCriteria: EvaluationCriterion[] = [
  { key: "relevans", title: "Relevans for målene" },
  { key: "effekt", title: "Effekt så langt" },
  { key: "gjennomforing", title: "Gjennomføring" },
  { key: "kostnadseffektivitet", title: "Kostnadseffektivitet" },
];

export const minScore = 1;
export const maxScore = 5;

/** Where a panelist comes from, for the split of the results. */
export const sectors = ["business", "academia", "municipality", "other"] as const;
export type Sector = (typeof sectors)[number];

/**
 * A panelist's sector: the municipality's own people (every internal role) are «kommunen»; a partner
 * speaks for their organisation's kind (business → næringsliv, academia → akademia, public and
 * voluntary → andre); a partner without an organisation is «andre».
 */
export function sectorOf(role: Role | null, organisationKind: OrganisationKind | null): Sector {
  if (role && role !== "partner") return "municipality";
  if (organisationKind === "business") return "business";
  if (organisationKind === "academia") return "academia";
  return "other";
}

/** A key for a new criterion from its title: lower-case ASCII letters and digits, unique in the list. */
export function criterionKey(title: string, taken: Iterable<string>): string {
  const base =
    title
      .toLocaleLowerCase("nb")
      .replace(/æ/g, "ae")
      .replace(/ø/g, "o")
      .replace(/å/g, "a")
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 40) || "kriterium";
  const used = new Set(taken);
  let key = base;
  for (let n = 2; used.has(key); n++) key = `${base}-${n}`;
  return key;
}

/** Problems with a round's criteria, in Norwegian; empty when they are fine. */
export function criteriaProblems(criteria: EvaluationCriterion[]): string[] {
  const problems: string[] = [];
  if (criteria.length === 0) problems.push("Runden må ha minst ett kriterium.");
  const keys = new Set<string>();
  const titles = new Set<string>();
  for (const c of criteria) {
    if (!c.title.trim()) problems.push("Hvert kriterium må ha en tittel.");
    if (keys.has(c.key)) problems.push(`Kriteriet «${c.title}» finnes to ganger.`);
    const folded = c.title.trim().toLocaleLowerCase("nb");
    if (titles.has(folded)) problems.push(`Kriteriet «${c.title}» finnes to ganger.`);
    keys.add(c.key);
    titles.add(folded);
  }
  return problems;
}

/** Problems with one answer's scores against the round's criteria; empty when they are fine. */
export function scoreProblems(
  criteria: EvaluationCriterion[],
  scores: Record<string, number | null>,
): string[] {
  const problems: string[] = [];
  const known = new Map(criteria.map((c) => [c.key, c.title]));
  for (const [key, score] of Object.entries(scores)) {
    const title = known.get(key);
    if (title === undefined) {
      problems.push(`Runden har ikke kriteriet «${key}».`);
      continue;
    }
    if (score !== null && (!Number.isInteger(score) || score < minScore || score > maxScore))
      problems.push(`«${title}»: poengsummen må være et helt tall fra 1 til 5, eller «kan ikke vurdere».`);
  }
  return problems;
}

/** Open for answers: not closed, and the deadline (inclusive) not passed on `today` (YYYY-MM-DD). */
export function acceptsAnswers(round: { status: "open" | "closed"; deadline: string }, today: string) {
  return round.status === "open" && today <= round.deadline;
}

export type AnswerInput = {
  sector: Sector;
  scores: Record<string, number | null>;
  recommendation: Recommendation | null;
};

export type ScoreStats = {
  /** Answers with a score 1–5. */
  count: number;
  /** Answers with «kan ikke vurdere». */
  cannotAssess: number;
  mean: number | null;
  /** Population standard deviation of the scores. */
  standardDeviation: number | null;
  min: number | null;
  max: number | null;
};

export type CriterionResult = ScoreStats & {
  key: string;
  title: string;
  bySector: Partial<Record<Sector, ScoreStats>>;
};

export type MeasureResult = {
  /** Panelists who answered anything about the measure. */
  answers: number;
  criteria: CriterionResult[];
  /** The mean of the criteria's means (each criterion weighs the same); null without any score. */
  overallMean: number | null;
  recommendations: Record<Recommendation, number>;
  /** Per sector that occurs: how many answered, and their recommendations. */
  sectors: { sector: Sector; answers: number; recommendations: Record<Recommendation, number> }[];
};

const round2 = (n: number) => Math.round(n * 100) / 100;

export function scoreStats(values: (number | null | undefined)[]): ScoreStats {
  const given = values.filter((v) => v !== undefined);
  const scores = given.filter((v): v is number => v !== null);
  const cannotAssess = given.length - scores.length;
  if (scores.length === 0)
    return { count: 0, cannotAssess, mean: null, standardDeviation: null, min: null, max: null };
  const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
  const variance = scores.reduce((a, b) => a + (b - mean) ** 2, 0) / scores.length;
  return {
    count: scores.length,
    cannotAssess,
    mean: round2(mean),
    standardDeviation: round2(Math.sqrt(variance)),
    min: Math.min(...scores),
    max: Math.max(...scores),
  };
}

const noRecommendations = (): Record<Recommendation, number> =>
  Object.fromEntries(recommendations.map((r) => [r, 0])) as Record<Recommendation, number>;

/** The mean of the means that exist; null when none does. */
export function meanOfMeans(means: (number | null)[]): number | null {
  const present = means.filter((m): m is number => m !== null);
  return present.length ? round2(present.reduce((a, b) => a + b, 0) / present.length) : null;
}

/** Aggregates the panel's answers about one measure. */
export function aggregateMeasure(criteria: EvaluationCriterion[], answers: AnswerInput[]): MeasureResult {
  const present = sectors.filter((s) => answers.some((a) => a.sector === s));
  const criteriaResults = criteria.map((c) => {
    const bySector: Partial<Record<Sector, ScoreStats>> = {};
    for (const s of present)
      bySector[s] = scoreStats(answers.filter((a) => a.sector === s).map((a) => a.scores[c.key]));
    return { key: c.key, title: c.title, ...scoreStats(answers.map((a) => a.scores[c.key])), bySector };
  });
  const recommendationsOf = (list: AnswerInput[]) => {
    const counts = noRecommendations();
    for (const a of list) if (a.recommendation) counts[a.recommendation]++;
    return counts;
  };
  return {
    answers: answers.length,
    criteria: criteriaResults,
    overallMean: meanOfMeans(criteriaResults.map((c) => c.mean)),
    recommendations: recommendationsOf(answers),
    sectors: present.map((sector) => {
      const list = answers.filter((a) => a.sector === sector);
      return { sector, answers: list.length, recommendations: recommendationsOf(list) };
    }),
  };
}

/** How far a panelist has come: measures with every criterion answered (a score or «kan ikke vurdere»). */
export function completedMeasures(
  criteria: EvaluationCriterion[],
  answers: { scores: Record<string, number | null> }[],
): number {
  return answers.filter((a) => criteria.every((c) => c.key in a.scores)).length;
}

/**
 * A measure's value in prioritisation when the evaluation decides: its overall mean (1–5) times 100,
 * so it stays a whole number; a measure that no closed round scored counts as the middle, 3.
 */
export function evaluationValue(overallMean: number | null): number {
  return Math.round((overallMean ?? 3) * 100);
}

/** A published summary never shows a group (a sector, or the whole panel) of fewer respondents. */
export const minimumGroupSize = 3;

/**
 * Which groups may be shown: each shown group has at least `min` members, and the whole minus the
 * shown groups (the hidden ones together) is 0 or at least `min`, so no hidden group can be found
 * by subtraction. When the hidden groups together are too few, the smallest shown group is hidden
 * too, until it is safe. `whole` is null when the whole itself is hidden.
 */
export function safeGroups<G extends string>(
  whole: number,
  groups: Partial<Record<G, number>>,
  min: number,
): { wholeShown: boolean; shown: G[] } {
  if (whole < min) return { wholeShown: false, shown: [] };
  const entries = (Object.entries(groups) as [G, number][]).filter(([, n]) => n > 0);
  let shown = entries.filter(([, n]) => n >= min);
  const rest = () => whole - shown.reduce((sum, [, n]) => sum + n, 0);
  while (shown.length > 0 && rest() > 0 && rest() < min) {
    const smallest = shown.reduce((a, b) => (b[1] < a[1] ? b : a));
    shown = shown.filter((g) => g !== smallest);
  }
  return { wholeShown: true, shown: shown.map(([g]) => g) };
}

const hiddenStats = (): ScoreStats => ({
  count: 0,
  cannotAssess: 0,
  mean: null,
  standardDeviation: null,
  min: null,
  max: null,
});

export type AnonymisedMeasureResult = MeasureResult & {
  /** Fewer than the minimum answered about the measure: nothing of it is shown. */
  hidden: boolean;
  /** Sectors left out (too few, or they could be found by subtraction). */
  hiddenSectors: Sector[];
};

/**
 * The published form of a measure's result: groups with fewer than `min` respondents are left out,
 * per measure (answers per sector) and per criterion (scores per sector), including any group that
 * could be computed as the whole minus the shown ones. Hidden numbers become empty (count 0).
 */
export function anonymiseResult(result: MeasureResult, min = minimumGroupSize): AnonymisedMeasureResult {
  const answersBySector = Object.fromEntries(result.sectors.map((s) => [s.sector, s.answers])) as Partial<
    Record<Sector, number>
  >;
  const measureLevel = safeGroups(result.answers, answersBySector, min);
  const hiddenSectors = result.sectors.map((s) => s.sector).filter((s) => !measureLevel.shown.includes(s));
  if (!measureLevel.wholeShown) {
    return {
      answers: 0,
      criteria: result.criteria.map((c) => ({ key: c.key, title: c.title, ...hiddenStats(), bySector: {} })),
      overallMean: null,
      recommendations: noRecommendations(),
      sectors: [],
      hidden: true,
      hiddenSectors,
    };
  }
  const criteria = result.criteria.map((c) => {
    const counts: Partial<Record<Sector, number>> = {};
    for (const s of measureLevel.shown) counts[s] = c.bySector[s]?.count ?? 0;
    // Scores of the sectors hidden at the measure level count as hidden here too.
    const level = safeGroups(c.count, counts, min);
    const { bySector: _, key, title, ...whole } = c;
    const bySector: Partial<Record<Sector, ScoreStats>> = {};
    for (const s of level.shown) {
      const stats = c.bySector[s];
      if (stats) bySector[s] = stats;
    }
    return { key, title, ...(level.wholeShown ? whole : hiddenStats()), bySector };
  });
  return {
    answers: result.answers,
    criteria,
    overallMean: meanOfMeans(criteria.map((c) => c.mean)),
    recommendations: result.recommendations,
    sectors: result.sectors.filter((s) => measureLevel.shown.includes(s.sector)),
    hidden: false,
    hiddenSectors,
  };
}
