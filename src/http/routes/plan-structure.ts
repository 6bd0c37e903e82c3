import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { createPlan } from "../../services/plan/create-plan.ts";
import { createPlanNode } from "../../services/plan/create-plan-node.ts";
import { deletePlanNode } from "../../services/plan/delete-plan-node.ts";
import type { NodeKind } from "../../services/plan/internal.ts";
import { reorderPlanNodes } from "../../services/plan/reorder-plan-nodes.ts";
import { updatePlanNode } from "../../services/plan/update-plan-node.ts";
import { municipalityNumber, refusals } from "../schemas.ts";
import { planViewSchema } from "./plan.ts";

const year = z.number().int().min(2000, "Året må være 2000 eller senere").max(2100, "Året må være før 2100");
const nodeSchema = z.object({
  id: z.string(),
  kind: z.enum(["goal", "focus_area", "objective"]),
  title: z.string(),
  description: z.string(),
  position: z.number().int(),
  version: z.number().int(),
  parentId: z.string(),
  goalIds: z.array(z.string()),
});
const nodeBody = z.object({
  title: z.string().trim().min(1, "Tittel må fylles ut").max(300),
  description: z.string().max(10_000).optional(),
  goalIds: z.array(z.uuid()).max(50).optional(),
});

/** URL segment ↔ kind of plan node. */
const kinds = {
  goals: "goal",
  "focus-areas": "focus_area",
  objectives: "objective",
} as const satisfies Record<string, NodeKind>;

export const planStructureRoutes: FastifyPluginAsyncZod = async (app) => {
  const base = "/api/municipalities/:municipalityNumber";

  app.post(
    `${base}/plans`,
    {
      schema: {
        tags: ["plan"],
        summary: "Create a strategic plan with its first cycle and a draft action plan (planners)",
        params: z.object({ municipalityNumber }),
        body: z.object({
          title: z.string().trim().min(1, "Tittel må fylles ut").max(300),
          startYear: year,
          endYear: year,
          vision: z.string().max(20_000).optional(),
          basis: z.string().trim().max(300).optional(),
          adoptedOn: z.iso.date().nullable().optional(),
          caseReference: z.string().max(100).nullable().optional(),
          firstBudgetYear: year,
        }),
        response: { 201: planViewSchema, ...refusals },
      },
    },
    async (request, reply) => {
      const plan = await createPlan({ ctx: request.ctx, input: { ...request.params, ...request.body } });
      return reply.status(201).send(plan);
    },
  );

  for (const [segment, kind] of Object.entries(kinds)) {
    const parentPath =
      kind === "objective"
        ? `${base}/plans/:planId/focus-areas/:focusAreaId/objectives`
        : `${base}/plans/:planId/${segment}`;
    const parentParams = z.object({ municipalityNumber, planId: z.uuid(), focusAreaId: z.uuid().optional() });
    const itemParams = z.object({ municipalityNumber, id: z.uuid() });

    app.post(
      parentPath,
      {
        schema: {
          tags: ["plan"],
          summary: `Add a ${kind.replace("_", " ")} (planners)`,
          params: parentParams,
          body: nodeBody,
          response: { 201: nodeSchema, ...refusals },
        },
      },
      async (request, reply) => {
        const node = await createPlanNode({
          ctx: request.ctx,
          input: { ...request.params, ...request.body, kind },
        });
        return reply.status(201).send(node);
      },
    );

    app.post(
      `${parentPath}/order`,
      {
        schema: {
          tags: ["plan"],
          summary: `Put the ${segment} in this order (planners)`,
          params: parentParams,
          body: z.object({ orderedIds: z.array(z.uuid()).min(1).max(500) }),
          response: { 204: z.null(), ...refusals },
        },
      },
      async (request, reply) => {
        await reorderPlanNodes({ ctx: request.ctx, input: { ...request.params, ...request.body, kind } });
        return reply.status(204).send(null);
      },
    );

    app.patch(
      `${base}/${segment}/:id`,
      {
        schema: {
          tags: ["plan"],
          summary: `Edit a ${kind.replace("_", " ")} (planners); send the version you edited`,
          params: itemParams,
          body: nodeBody.partial().extend({ version: z.number().int().positive() }),
          response: { 200: nodeSchema, ...refusals },
        },
      },
      async (request) =>
        updatePlanNode({ ctx: request.ctx, input: { ...request.params, ...request.body, kind } }),
    );

    app.delete(
      `${base}/${segment}/:id`,
      {
        schema: {
          tags: ["plan"],
          summary: `Delete a ${kind.replace("_", " ")} no measure uses (planners)`,
          params: itemParams,
          querystring: z.object({ version: z.coerce.number().int().positive() }),
          response: { 204: z.null(), ...refusals },
        },
      },
      async (request, reply) => {
        await deletePlanNode({
          ctx: request.ctx,
          input: { ...request.params, version: request.query.version, kind },
        });
        return reply.status(204).send(null);
      },
    );
  }
};
