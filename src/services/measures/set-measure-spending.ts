import { and, eq, inArray } from "drizzle-orm";
import { fundingSources, measureSpending } from "../../db/schema/index.ts";
import { diffFields } from "../../domain/audit.ts";
import { isWritableNok, nokAmountProblem } from "../../domain/money.ts";
import { AppError } from "../../errors.ts";
import { resolveTenant } from "../access.ts";
import { recordAudit } from "../audit.ts";
import type { ServiceContext } from "../context.ts";
import { authorizeRunningState } from "./get-measure.ts";

/**
 * Records what a measure has actually spent in one year, per funding source (planners and the
 * measure's owner). Replaces that year's figures; audited.
 */
export async function setMeasureSpending({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: {
    municipalityNumber: string;
    reference: string;
    year: number;
    rows: { fundingSourceId: string; amountNok: number }[];
  };
}) {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  return ctx.db.transaction(async (tx) => {
    const measure = await authorizeRunningState(tx, ctx, tenant, input.reference);
    const ids = [...new Set(input.rows.map((r) => r.fundingSourceId))];
    const known = ids.length
      ? await tx
          .select({ id: fundingSources.id })
          .from(fundingSources)
          .where(and(eq(fundingSources.municipalityId, tenant.id), inArray(fundingSources.id, ids)))
      : [];
    if (known.length !== ids.length || ids.length !== input.rows.length) {
      throw new AppError("validation", "measure.spendingSourceInvalid", {}, [
        { path: "/rows", message: "Ugyldig kilde." },
      ]);
    }
    const badAmount = input.rows.findIndex((r) => !isWritableNok(r.amountNok));
    if (badAmount >= 0) {
      throw new AppError("validation", "measure.spendingAmountInvalid", {}, [
        {
          path: `/rows/${badAmount}/amountNok`,
          message: nokAmountProblem(input.rows[badAmount]?.amountNok ?? Number.NaN) ?? "",
        },
      ]);
    }
    const where = and(eq(measureSpending.measureId, measure.id), eq(measureSpending.year, input.year));
    const before = await tx.select().from(measureSpending).where(where);
    const rows = input.rows.filter((r) => r.amountNok > 0);
    const asMap = (list: { fundingSourceId: string; amountNok: number }[]) =>
      Object.fromEntries(list.map((r) => [r.fundingSourceId, r.amountNok]));
    const changes = diffFields(
      { [`spending ${input.year}`]: asMap(before) },
      { [`spending ${input.year}`]: asMap(rows) },
      [`spending ${input.year}`],
    );
    if (Object.keys(changes).length === 0) return { reference: measure.reference, year: input.year };
    await tx.delete(measureSpending).where(where);
    if (rows.length > 0) {
      await tx
        .insert(measureSpending)
        .values(
          rows.map((r) => ({ ...r, municipalityId: tenant.id, measureId: measure.id, year: input.year })),
        );
    }
    await recordAudit(
      tx,
      ctx.actor,
      {
        municipalityId: tenant.id,
        objectType: "measure",
        objectId: measure.id,
        objectLabel: measure.reference,
        action: "set_spending",
        changes,
      },
      ctx.requestId,
    );
    return { reference: measure.reference, year: input.year };
  });
}
