import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ErrorBody } from "../http/errors.ts";
import type { ImportAppliedResponse, ImportPreviewResponse } from "../http/routes/documents.ts";
import type { SessionResponse } from "../http/routes/session.ts";
import { ApiError, apiHeaders, apiPaths } from "./api.ts";

export const documentPaths = {
  download: (
    municipalityNumber: string,
    planId: string,
    budgetYear: number | string,
    revision: number | string,
    format: "docx" | "pdf" | "xlsx",
  ) =>
    `/api/municipalities/${municipalityNumber}/plans/${planId}/action-plans/${budgetYear}/${revision}/handlingsplan.${format}`,
  preview: (municipalityNumber: string, planId: string) =>
    `/api/municipalities/${municipalityNumber}/plans/${planId}/measures-import/preview`,
  apply: (municipalityNumber: string, planId: string, token: string) =>
    `/api/municipalities/${municipalityNumber}/plans/${planId}/measures-import?${new URLSearchParams({ token })}`,
};

/** Sends the spreadsheet itself as the body, with the session's CSRF token. */
function useUpload<T>(path: (token?: string) => string) {
  const queryClient = useQueryClient();
  return useMutation<T, ApiError, { file: File; token?: string }>({
    mutationFn: async ({ file, token }) => {
      const session = queryClient.getQueryData<SessionResponse>([apiPaths.session()]);
      const response = await fetch(path(token), {
        method: "POST",
        credentials: "same-origin",
        headers: {
          ...apiHeaders(),
          "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          ...(session?.csrfToken ? { "x-csrf-token": session.csrfToken } : {}),
        },
        body: file,
      });
      const body = await response.json().catch(() => undefined);
      if (!response.ok) throw new ApiError(response.status, body as ErrorBody | undefined);
      return body as T;
    },
  });
}

export const useImportPreview = (municipalityNumber: string, planId: string) =>
  useUpload<ImportPreviewResponse>(() => documentPaths.preview(municipalityNumber, planId));

export function useImportApply(municipalityNumber: string, planId: string) {
  const queryClient = useQueryClient();
  const mutation = useUpload<ImportAppliedResponse>((token) =>
    documentPaths.apply(municipalityNumber, planId, token ?? ""),
  );
  return {
    ...mutation,
    mutate: (input: { file: File; token: string }) =>
      mutation.mutate(input, { onSuccess: () => queryClient.invalidateQueries() }),
  };
}
