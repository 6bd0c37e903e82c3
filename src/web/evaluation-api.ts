import { useQuery } from "@tanstack/react-query";
import type {
  EvaluationListResponse,
  EvaluationOptionsResponse,
  EvaluationRoundResponse,
  EvaluationTasksResponse,
} from "../http/routes/evaluations.ts";
import { browserFetchJson } from "./api.ts";

/** API paths of evaluation rounds; the query key of each query is its path, as in api.ts. */
export const evaluationPaths = {
  list: (n: string) => `/api/municipalities/${n}/evaluations`,
  options: (n: string) => `/api/municipalities/${n}/evaluations/options`,
  round: (n: string, roundId: string) => `/api/municipalities/${n}/evaluations/${roundId}`,
  state: (n: string, roundId: string) => `/api/municipalities/${n}/evaluations/${roundId}/state`,
  answer: (n: string, roundId: string, reference: string) =>
    `/api/municipalities/${n}/evaluations/${roundId}/answers/${encodeURIComponent(reference)}`,
  selfAssessment: (n: string, roundId: string, reference: string) =>
    `/api/municipalities/${n}/evaluations/${roundId}/self-assessments/${encodeURIComponent(reference)}`,
  consequences: (n: string, roundId: string, change: string) =>
    `/api/municipalities/${n}/evaluations/${roundId}/consequences?change=${change}`,
  tasks: () => "/api/evaluation-tasks",
};

function useGet<T>(path: string, enabled: boolean) {
  return useQuery({ queryKey: [path], queryFn: () => browserFetchJson(path) as Promise<T>, enabled });
}

export const useEvaluationRounds = (n: string | undefined) =>
  useGet<EvaluationListResponse>(evaluationPaths.list(n ?? ""), Boolean(n));
export const useEvaluationOptions = (n: string | undefined, enabled: boolean) =>
  useGet<EvaluationOptionsResponse>(evaluationPaths.options(n ?? ""), Boolean(n) && enabled);
export const useEvaluationRound = (n: string | undefined, roundId: string) =>
  useGet<EvaluationRoundResponse>(evaluationPaths.round(n ?? "", roundId), Boolean(n));
export const useEvaluationTasks = (enabled: boolean) =>
  useGet<EvaluationTasksResponse>(evaluationPaths.tasks(), enabled);
