import type { EvaluationRoundResponse } from "../../../http/routes/evaluations.ts";

export type Round = EvaluationRoundResponse;
export type Measure = Round["measures"][number];
export type Answer = Round["myAnswers"][number];
