import { describe, expect, it } from "vitest";
import {
  canEditComment,
  commentVisibleTo,
  decisionProblems,
  proposalAsMeasureDescription,
  proposalsOpen,
  statusAfter,
  visibilitiesFor,
} from "./proposals.ts";

describe("proposals", () => {
  it("are open only in the Innspill phase", () => {
    expect(proposalsOpen("innspill")).toBe(true);
    expect(proposalsOpen("utarbeidelse")).toBe(false);
    expect(proposalsOpen("gjennomforing")).toBe(false);
  });

  it("refuse a rejection without a reason and a deferral to the same year", () => {
    expect(decisionProblems({ outcome: "reject", reason: "  " }, 2027)).toEqual([
      { path: "/reason", message: "Skriv en begrunnelse når innspillet avslås." },
    ]);
    expect(decisionProblems({ outcome: "reject", reason: "Dekkes av T-004" }, 2027)).toEqual([]);
    expect(decisionProblems({ outcome: "defer", toYear: 2027 }, 2027)[0]?.path).toBe("/toYear");
    expect(decisionProblems({ outcome: "defer", toYear: 2028 }, 2027)).toEqual([]);
    expect(decisionProblems({ outcome: "accept_new", focusAreaId: "x" }, 2027)).toEqual([]);
  });

  it("name the status a decision gives", () => {
    expect(statusAfter({ outcome: "accept_merge", measureId: "m" })).toBe("accepted");
    expect(statusAfter({ outcome: "defer", toYear: 2028 })).toBe("deferred");
    expect(statusAfter({ outcome: "reject", reason: "r" })).toBe("rejected");
  });

  it("become a measure description with paragraphs and escaped text", () => {
    expect(proposalAsMeasureDescription("Første <b>avsnitt</b>\n\nAndre\nlinje", "Flere lærlinger")).toBe(
      "<p>Første &#60;b&#62;avsnitt&#60;/b&#62;</p><p>Andre<br>linje</p><p><strong>Forventet effekt:</strong> Flere lærlinger</p>",
    );
  });
});

describe("comments", () => {
  it("are shown by visibility and publication", () => {
    expect(commentVisibleTo("internal", "internal", false)).toBe(true);
    expect(commentVisibleTo("partner", "internal", true)).toBe(false);
    expect(commentVisibleTo("partner", "partners", false)).toBe(true);
    expect(commentVisibleTo("public", "partners", true)).toBe(false);
    expect(commentVisibleTo("public", "public", false)).toBe(false);
    expect(commentVisibleTo("public", "public", true)).toBe(true);
    expect(visibilitiesFor("partner")).toEqual(["partners", "public"]);
  });

  it("may be edited by their author for fifteen minutes", () => {
    const createdAt = new Date("2027-02-01T10:00:00Z");
    const comment = { authorUserId: "u1", createdAt, removedAt: null };
    expect(canEditComment(comment, "u1", new Date("2027-02-01T10:14:59Z"))).toBe(true);
    expect(canEditComment(comment, "u1", new Date("2027-02-01T10:15:01Z"))).toBe(false);
    expect(canEditComment(comment, "u2", new Date("2027-02-01T10:01:00Z"))).toBe(false);
    expect(canEditComment({ ...comment, removedAt: createdAt }, "u1", createdAt)).toBe(false);
  });
});
