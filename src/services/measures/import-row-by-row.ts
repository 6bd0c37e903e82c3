import type { Database } from "../../db/client.ts";
import { AppError, notFound } from "../../errors.ts";
import type { ServiceContext } from "../context.ts";
import { createMeasure } from "./create-measure.ts";
import { type ImportResult, type ImportWrite, rowFailed } from "./import-batch.ts";
import { measureByReference } from "./internal.ts";
import { contentOf } from "./measure-content.ts";
import { loadMeasureRows, type MeasureRow } from "./measure-rows.ts";
import { setMeasureFinancing } from "./set-measure-financing.ts";
import { putBackInTransaction } from "./take-out.ts";
import { updateMeasure } from "./update-measure.ts";

/**
 * Writes the import's rows one by one through the services that create and edit one measure, as
 * savepoints in the import's transaction (about 25 queries per written measure): the import before
 * it was applied as a batch (import-batch.ts). Only the benchmark and a test comparing the two use it.
 */
export async function writeImportRowByRow({
  tx,
  ctx,
  tenant,
  plan,
  actionPlan,
  rows,
  sheet,
  actions,
}: ImportWrite): Promise<ImportResult> {
  // The one-measure services run inside this transaction (as savepoints), so their rules and
  // audit entries apply unchanged and any refusal undoes the whole import.
  const inner: ServiceContext = { ...ctx, db: tx as unknown as Database };
  const byReference = new Map<string, MeasureRow>(rows.map((r) => [r.reference, r]));
  const created: string[] = [];
  const changed: string[] = [];
  const restored: string[] = [];
  let unchanged = 0;
  for (const action of actions) {
    try {
      if (action.kind === "unchanged") unchanged++;
      else if (action.kind === "new") {
        const { reference } = await createMeasure({
          ctx: inner,
          input: {
            municipalityNumber: tenant.number,
            planId: plan.id,
            content: {
              ...action.content,
              description: "",
              goalIds: [],
              objectiveIds: [],
              ownerUserId: null,
              tags: [],
              links: [],
            },
          },
        });
        if (action.costs.length > 0)
          await setMeasureFinancing({
            ctx: inner,
            input: { municipalityNumber: tenant.number, reference, rows: action.costs },
          });
        created.push(reference);
      } else {
        if (action.kind === "restore") {
          const measure = await measureByReference(tx, tenant, action.reference, { lock: true });
          await putBackInTransaction(tx, inner, tenant, measure, actionPlan.budgetYear);
          const [back] = (await loadMeasureRows(tx, tenant.id, actionPlan.id)).filter(
            (r) => r.reference === action.reference,
          );
          if (back) byReference.set(back.reference, back);
          restored.push(action.reference);
        }
        const row = byReference.get(action.reference);
        if (!row) throw notFound("measure");
        if (action.content)
          await updateMeasure({
            ctx: inner,
            input: {
              municipalityNumber: tenant.number,
              reference: action.reference,
              version: action.contentVersion,
              content: { ...contentOf(row), ...action.content },
            },
          });
        if (action.costs)
          await setMeasureFinancing({
            ctx: inner,
            input: { municipalityNumber: tenant.number, reference: action.reference, rows: action.costs },
          });
        if (action.kind === "changed") changed.push(action.reference);
      }
    } catch (error) {
      if (error instanceof AppError && error.code === "validation") throw rowFailed(sheet, action.row, error);
      throw error;
    }
  }
  return { created, changed, restored, unchanged };
}
