import type { DbOrTx } from "../../db/client.ts";
import {
  type RoundChange,
  type RoundChangeFacts,
  roundChangeConsequences,
} from "../../domain/consequences.ts";
import { minimumGroupSize } from "../../domain/evaluation.ts";
import type { Language } from "../../i18n/language.ts";
import { formatMessage, type ServerMessageKey } from "../../i18n/server-messages/index.ts";
import { authorize, resolveTenant } from "../access.ts";
import type { ServiceContext } from "../context.ts";
import { type LoadedRound, loadRound, roundObject } from "./evaluation-data.ts";
import { anonymisedResults } from "./get-evaluation-summary.ts";

/** Panel size, answers, and the groups a published summary would leave out («T-001 næringsliv»). */
export async function roundChangeFacts(
  db: DbOrTx,
  round: LoadedRound,
  language: Language,
): Promise<RoundChangeFacts> {
  const { measures, answered } = await anonymisedResults(db, round);
  const hiddenGroups = measures.flatMap((m) =>
    m.result.hidden
      ? [m.reference]
      : m.result.hiddenSectors.map(
          (s) => `${m.reference} ${formatMessage(language, `evaluation.sector.${s}` as ServerMessageKey)}`,
        ),
  );
  return {
    panelCount: round.panel.length,
    answered,
    published: round.round.publishedAt !== null,
    minimumGroupSize,
    hiddenGroups,
  };
}

/** What closing, reopening, publishing or withdrawing a round will do, and the warnings (planners). */
export async function getRoundConsequences({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { municipalityNumber: string; roundId: string; change: RoundChange; language: Language };
}) {
  const tenant = await resolveTenant(ctx, input.municipalityNumber);
  const round = await loadRound(ctx.db, tenant, input.roundId);
  authorize(ctx, tenant, "update", "evaluation", roundObject(round), "evaluationRound");
  return roundChangeConsequences(input.change, await roundChangeFacts(ctx.db, round, input.language));
}
