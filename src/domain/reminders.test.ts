import { describe, expect, it } from "vitest";
import { reminderDay, reminderDue } from "./reminders.ts";

describe("reminders before a deadline", () => {
  it("go three days before, across month and year ends", () => {
    expect(reminderDay("2026-05-15")).toBe("2026-05-12");
    expect(reminderDay("2026-03-02")).toBe("2026-02-27");
    expect(reminderDay("2027-01-01")).toBe("2026-12-29");
  });

  it("are due from that day up to the deadline, not before and not after", () => {
    expect(reminderDue("2026-05-15", "2026-05-11")).toBe(false);
    expect(reminderDue("2026-05-15", "2026-05-12")).toBe(true);
    expect(reminderDue("2026-05-15", "2026-05-15")).toBe(true);
    expect(reminderDue("2026-05-15", "2026-05-16")).toBe(false);
  });
});
