import { useQuery } from "@tanstack/react-query";
import type {
  CompiledReportResponse,
  ReportingPeriodListResponse,
  ReportingPeriodResponse,
  StatusReportResponse,
  WaitingReportsResponse,
} from "../http/routes/status-reports.ts";
import { browserFetchJson } from "./api.ts";

/** Status reporting's API paths; a query's key is its path. */
export const statusPaths = {
  waiting: () => "/api/status-reports/waiting",
  periods: (municipalityNumber: string, cycleId: string) =>
    `/api/municipalities/${municipalityNumber}/cycles/${cycleId}/reporting-periods`,
  period: (municipalityNumber: string, periodId: string) =>
    `/api/municipalities/${municipalityNumber}/reporting-periods/${periodId}`,
  report: (municipalityNumber: string, periodId: string, reference: string) =>
    `/api/municipalities/${municipalityNumber}/reporting-periods/${periodId}/measures/${encodeURIComponent(reference)}/report`,
  compiled: (municipalityNumber: string, periodId: string, format?: "docx" | "pdf" | "xlsx") =>
    `/api/municipalities/${municipalityNumber}/reporting-periods/${periodId}/compiled${format ? `.${format}` : ""}`,
};

function useJson<T>(path: string, enabled: boolean) {
  return useQuery({ queryKey: [path], queryFn: () => browserFetchJson(path) as Promise<T>, enabled });
}

export const useWaitingReports = (enabled: boolean) =>
  useJson<WaitingReportsResponse>(statusPaths.waiting(), enabled);

export const useReportingPeriods = (municipalityNumber: string | undefined, cycleId: string | undefined) =>
  useJson<ReportingPeriodListResponse>(
    statusPaths.periods(municipalityNumber ?? "", cycleId ?? ""),
    Boolean(municipalityNumber && cycleId),
  );

export const useReportingPeriod = (municipalityNumber: string | undefined, periodId: string | undefined) =>
  useJson<ReportingPeriodResponse>(
    statusPaths.period(municipalityNumber ?? "", periodId ?? ""),
    Boolean(municipalityNumber && periodId),
  );

export const useStatusReport = (
  municipalityNumber: string | undefined,
  periodId: string,
  reference: string,
) =>
  useJson<StatusReportResponse>(
    statusPaths.report(municipalityNumber ?? "", periodId, reference),
    Boolean(municipalityNumber),
  );

export const useCompiledReport = (municipalityNumber: string | undefined, periodId: string) =>
  useJson<CompiledReportResponse>(
    statusPaths.compiled(municipalityNumber ?? "", periodId),
    Boolean(municipalityNumber),
  );
