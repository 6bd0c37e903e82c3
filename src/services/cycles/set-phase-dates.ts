import type { CyclePhase } from "../../domain/cycle.ts";
import { defaultPhaseDates, type PhaseDates, phaseNames } from "../../domain/phases.ts";
import { AppError } from "../../errors.ts";
import { resolveTenant } from "../access.ts";
import type { ServiceContext } from "../context.ts";
import { lockCycleFor, updateCycle } from "./internal.ts";

/** Changes the planned start and end of one phase of a cycle (the dates are data, not rules). */
export async function setPhaseDates({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: {
    municipalityNumber: string;
    cycleId: string;
    version: number;
    phase: CyclePhase;
    start: string;
    end: string;
  };
}) {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  return ctx.db.transaction(async (tx) => {
    const cycle = await lockCycleFor(ctx, tx, tenant, "update", input.cycleId, input.version);
    if (input.end < input.start) {
      throw new AppError("validation", "cycle.phaseEndBeforeStart", {}, [
        { path: "/end", message: "Slutt kan ikke være før start." },
      ]);
    }
    const dates: PhaseDates = {
      ...defaultPhaseDates(cycle.budgetYear),
      ...(cycle.phaseDates as Partial<PhaseDates>),
    };
    const before = dates[input.phase];
    dates[input.phase] = { start: input.start, end: input.end };
    const version = await updateCycle(
      ctx,
      tx,
      tenant,
      cycle,
      { phaseDates: dates },
      {
        objectLabel: `Rullering ${cycle.budgetYear}: ${phaseNames[input.phase]}`,
        action: "set_phase_dates",
        changes: {
          [input.phase]: { before: `${before.start}–${before.end}`, after: `${input.start}–${input.end}` },
        },
      },
    );
    return { version, phaseDates: dates };
  });
}
