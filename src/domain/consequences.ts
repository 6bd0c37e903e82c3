import type { CyclePhase } from "./cycle.ts";

/**
 * What a deliberate step will do, and what a person may want to know before taking it. Warnings,
 * not walls: the step is still allowed. Texts are message keys with parameters (the server's
 * catalogue renders them in the person's language); a parameter may itself be a message key.
 */
export type ConsequenceKey =
  | "consequence.adoptLocks"
  | "consequence.adoptUndecided"
  | "consequence.rollCreatesDraft"
  | "consequence.rollBeyondPeriod"
  | "consequence.advancePhase"
  | "consequence.advanceClosesProposals"
  | "consequence.stepBackPhase"
  | "consequence.stepBackOpensProposals"
  | "consequence.closeRound"
  | "consequence.closeFewAnswers"
  | "consequence.reopenRound"
  | "consequence.reopenUnpublishes"
  | "consequence.publishRound"
  | "consequence.publishRule"
  | "consequence.publishHidden"
  | "consequence.unpublishRound";

export type MessageParam = string | number | { key: string };
export type Message = { key: ConsequenceKey; params: Record<string, MessageParam> };
export type Consequences = { consequences: Message[]; warnings: Message[] };

export const cycleActions = ["advance", "step_back", "adopt", "roll"] as const;
export type CycleAction = (typeof cycleActions)[number];

export type CycleActionFacts = {
  budgetYear: number;
  phase: CyclePhase;
  /** The phase the step leads to (advance: the next one; step back: the previous one). */
  targetPhase: CyclePhase | null;
  /** Proposals for the cycle still «Til behandling». */
  undecidedProposals: number;
  /** The plan's period (plans.start_year/end_year). */
  planStartYear: number;
  planEndYear: number;
};

const phase = (p: CyclePhase) => ({ key: `cycle.phase.${p}` });
const m = (key: ConsequenceKey, params: Record<string, MessageParam> = {}): Message => ({ key, params });

/** What advancing, stepping back, adopting or rolling a cycle does, and what to be warned about. */
export function cycleActionConsequences(action: CycleAction, facts: CycleActionFacts): Consequences {
  const consequences: Message[] = [];
  const warnings: Message[] = [];
  const year = facts.budgetYear;
  switch (action) {
    case "adopt":
      consequences.push(m("consequence.adoptLocks", { year }));
      if (facts.undecidedProposals > 0)
        warnings.push(m("consequence.adoptUndecided", { count: facts.undecidedProposals }));
      break;
    case "roll":
      consequences.push(m("consequence.rollCreatesDraft", { year, next: year + 1 }));
      if (year + 1 > facts.planEndYear)
        warnings.push(
          m("consequence.rollBeyondPeriod", {
            start: facts.planStartYear,
            end: facts.planEndYear,
            next: year + 1,
          }),
        );
      break;
    case "advance":
      if (facts.targetPhase) {
        consequences.push(
          m("consequence.advancePhase", { from: phase(facts.phase), to: phase(facts.targetPhase) }),
        );
        if (facts.phase === "innspill") consequences.push(m("consequence.advanceClosesProposals"));
      }
      if (facts.targetPhase === "vedtak" && facts.undecidedProposals > 0)
        warnings.push(m("consequence.adoptUndecided", { count: facts.undecidedProposals }));
      break;
    case "step_back":
      if (facts.targetPhase) {
        consequences.push(
          m("consequence.stepBackPhase", { from: phase(facts.phase), to: phase(facts.targetPhase) }),
        );
        if (facts.targetPhase === "innspill") consequences.push(m("consequence.stepBackOpensProposals"));
      }
      break;
  }
  return { consequences, warnings };
}

export const roundChanges = ["close", "reopen", "publish", "unpublish"] as const;
export type RoundChange = (typeof roundChanges)[number];

export type RoundChangeFacts = {
  panelCount: number;
  /** Panelists who have answered anything. */
  answered: number;
  published: boolean;
  minimumGroupSize: number;
  /** The groups the published summary leaves out, as «T-001 næringsliv» (empty when none). */
  hiddenGroups: string[];
};

/** Closing with fewer than three answers, or fewer than half of the panel, deserves a word. */
export function fewAnswers(answered: number, panelCount: number, minimum = 3): boolean {
  return answered < minimum || answered * 2 < panelCount;
}

/** What closing, reopening, publishing or withdrawing an evaluation round does. */
export function roundChangeConsequences(change: RoundChange, facts: RoundChangeFacts): Consequences {
  const consequences: Message[] = [];
  const warnings: Message[] = [];
  switch (change) {
    case "close":
      consequences.push(m("consequence.closeRound"));
      if (fewAnswers(facts.answered, facts.panelCount, facts.minimumGroupSize))
        warnings.push(
          m("consequence.closeFewAnswers", { answered: facts.answered, panel: facts.panelCount }),
        );
      break;
    case "reopen":
      consequences.push(m("consequence.reopenRound"));
      if (facts.published) consequences.push(m("consequence.reopenUnpublishes"));
      break;
    case "publish":
      consequences.push(m("consequence.publishRound"));
      consequences.push(m("consequence.publishRule", { minimum: facts.minimumGroupSize }));
      if (facts.hiddenGroups.length > 0)
        warnings.push(
          m("consequence.publishHidden", {
            minimum: facts.minimumGroupSize,
            groups: facts.hiddenGroups.join(", "),
          }),
        );
      break;
    case "unpublish":
      consequences.push(m("consequence.unpublishRound"));
      break;
  }
  return { consequences, warnings };
}
