import type { DbOrTx } from "../db/client.ts";

/** One entry of a measure's public status history: what an approved status report said. */
export type PublicStatusEntry = {
  /** The report period, e.g. "2027 T1" (1. tertial), "2027 T2", "2027 årsrapport". */
  period: string;
  approvedOn: string;
  status: string;
  progress: number | null;
  /** The report's public narrative (never internal comments). */
  summary: string;
};

/**
 * «Statushistorikk»: the approved status reports of a measure, newest first, for the public pages
 * and open data. Status reports (tertial reports, approved by a planner) are a separate part of
 * Planverk; until they are connected here, a measure has no public history beyond its current
 * status, so this returns an empty list. Only approved reports may ever be returned.
 */
export async function publicStatusHistory(
  _db: DbOrTx,
  _municipalityId: string,
  _measureId: string,
): Promise<PublicStatusEntry[]> {
  return [];
}
