import { describe, expect, it } from "vitest";
import { changeCountsText, countOf } from "./action-plan-model.ts";

describe("counts in the action plan's summary", () => {
  it("says «1 endret» and «2 endrede», in singular and plural", () => {
    expect(countOf(1, "endret", "endrede")).toBe("1 endret");
    expect(countOf(2, "endret", "endrede")).toBe("2 endrede");
    expect(countOf(0, "endret", "endrede")).toBe("0 endrede");
    expect(changeCountsText({ added: 1, changed: 1, removed: 1, unchanged: 1 })).toBe(
      "1 nytt, 1 endret, 1 tatt ut og 1 uendret tiltak",
    );
    expect(changeCountsText({ added: 2, changed: 3, removed: 0, unchanged: 12 })).toBe(
      "2 nye, 3 endrede, 0 tatt ut og 12 uendrede tiltak",
    );
  });
});
