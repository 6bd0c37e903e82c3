import { useQuery } from "@tanstack/react-query";
import type { ActionPlanResponse, CycleResponse } from "../http/routes/cycles.ts";
import { browserFetchJson, useCurrentMunicipality, usePlanTree } from "./api.ts";

/** The rolling's API paths; as everywhere, a query's key is its path. */
export const cyclePaths = {
  cycles: (municipalityNumber: string, planId: string) =>
    `/api/municipalities/${municipalityNumber}/plans/${planId}/cycles`,
  cycleAction: (
    municipalityNumber: string,
    cycleId: string,
    action: "advance" | "adopt" | "revisions" | "roll",
  ) => `/api/municipalities/${municipalityNumber}/cycles/${cycleId}/${action}`,
  consequences: (
    municipalityNumber: string,
    cycleId: string,
    action: "advance" | "step_back" | "adopt" | "roll",
  ) => `/api/municipalities/${municipalityNumber}/cycles/${cycleId}/consequences?action=${action}`,
  stepBack: (municipalityNumber: string, cycleId: string) =>
    `/api/municipalities/${municipalityNumber}/cycles/${cycleId}/step-back`,
  decision: (municipalityNumber: string, cycleId: string, revision: number) =>
    `/api/municipalities/${municipalityNumber}/cycles/${cycleId}/action-plans/${revision}/decision`,
  plan: (municipalityNumber: string, planId: string) =>
    `/api/municipalities/${municipalityNumber}/plans/${planId}`,
  actionPlan: (
    municipalityNumber: string,
    planId: string,
    budgetYear: number | string,
    revision: number | string,
  ) => `/api/municipalities/${municipalityNumber}/plans/${planId}/action-plans/${budgetYear}/${revision}`,
  compare: (municipalityNumber: string, before: string, after: string, format: "json" | "csv" = "json") =>
    `/api/municipalities/${municipalityNumber}/compare${format === "csv" ? ".csv" : ""}?${new URLSearchParams({ before, after })}`,
};

/** The pages of the rolling. */
export const cyclePages = {
  actionPlan: (planId: string, budgetYear: number, revision: number) =>
    `/plan/${planId}/handlingsplan/${budgetYear}/${revision}`,
  compare: (before: string, after: string) => `/endringer?${new URLSearchParams({ before, after })}`,
};

/** The plan's cycles, newest budget year first. */
export function useCycles(municipalityNumber: string | undefined, planId: string | undefined) {
  const path = cyclePaths.cycles(municipalityNumber ?? "", planId ?? "");
  return useQuery({
    queryKey: [path],
    queryFn: () => browserFetchJson(path) as Promise<CycleResponse[]>,
    enabled: Boolean(municipalityNumber && planId),
  });
}

/** The municipality shown, its plan and the plan's cycles: where the pages of the yearly rolling start. */
export function usePlanCycles() {
  const municipality = useCurrentMunicipality().data;
  const tree = usePlanTree(municipality?.number);
  const planId = tree.data?.plan?.id;
  const cycles = useCycles(municipality?.number, planId);
  return { municipality, tree, planId, cycles };
}

/** One version of the action plan; not retried, since a version that does not exist stays so. */
export function useActionPlan(
  municipalityNumber: string,
  planId: string,
  budgetYear: string,
  revision: string,
  enabled: boolean,
) {
  const path = cyclePaths.actionPlan(municipalityNumber, planId, budgetYear, revision);
  return useQuery({
    queryKey: [path],
    queryFn: () => browserFetchJson(path) as Promise<ActionPlanResponse>,
    enabled,
    retry: false,
  });
}
