import { describe, expect, it } from "vitest";
import { canOwnMeasures } from "./measures.ts";
import { roles } from "./permissions.ts";

describe("canOwnMeasures", () => {
  it("lets measure owners and planners own measures, and no other role", () => {
    expect(roles.filter(canOwnMeasures)).toEqual(expect.arrayContaining(["measure_owner", "planner"]));
    expect(roles.filter(canOwnMeasures)).toHaveLength(2);
    expect(canOwnMeasures("viewer")).toBe(false);
    expect(canOwnMeasures("partner")).toBe(false);
    expect(canOwnMeasures("admin")).toBe(false);
  });
});
