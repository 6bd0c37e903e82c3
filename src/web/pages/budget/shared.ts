import { useQuery } from "@tanstack/react-query";
import type { FrameCheckResponse } from "../../../http/routes/budget.ts";
import type { PrioritisationSetupResponse } from "../../../http/routes/prioritisation.ts";
import { browserFetchJson } from "../../api.ts";
import type { BudgetMessageKey } from "../../i18n/budget-messages.ts";

/** The budget page's API paths; a query's key is its path. */
export const budgetPaths = {
  frameCheck: (municipalityNumber: string, cycleId: string) =>
    `/api/municipalities/${municipalityNumber}/cycles/${cycleId}/frame-check`,
  frames: (municipalityNumber: string, cycleId: string) =>
    `/api/municipalities/${municipalityNumber}/cycles/${cycleId}/frames`,
  prioritisation: (municipalityNumber: string, cycleId: string) =>
    `/api/municipalities/${municipalityNumber}/cycles/${cycleId}/prioritisation`,
  apply: (municipalityNumber: string, cycleId: string) =>
    `/api/municipalities/${municipalityNumber}/cycles/${cycleId}/prioritisation/apply`,
  priority: (municipalityNumber: string, reference: string) =>
    `/api/municipalities/${municipalityNumber}/measures/${encodeURIComponent(reference)}/priority`,
};

export type Translate = (key: BudgetMessageKey, params?: Record<string, string | number>) => string;
/** A confirmation, kept as message keys so it follows a change of language. */
export type Notice = [BudgetMessageKey, Record<string, string | number>][];
export type FrameRow = FrameCheckResponse["rows"][number];
export type StoredFrame = PrioritisationSetupResponse["frames"][number];

/** A GET whose query key is its path. */
export function useJson<T>(path: string, enabled = true) {
  return useQuery({ queryKey: [path], queryFn: () => browserFetchJson(path) as Promise<T>, enabled });
}
