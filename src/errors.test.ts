import { describe, expect, it } from "vitest";
import { AppError, notFound } from "./errors.ts";

describe("AppError", () => {
  it("carries code, key, parameters and details; its message is bokmål", () => {
    const error = new AppError("conflict", "cycle.alreadyRolled", { year: 2027 }, [
      { path: "/version", current: 1 },
    ]);
    expect(error).toMatchObject({ code: "conflict", key: "cycle.alreadyRolled", params: { year: 2027 } });
    expect(error.details).toEqual([{ path: "/version", current: 1 }]);
    expect(error.message).toBe("Rulleringen for 2027 finnes allerede. En syklus rulleres bare én gang.");
    expect(error.messageIn("nn")).toBe(
      "Rulleringa for 2027 finst alt. Ein syklus blir rullert berre éin gong.",
    );
  });

  it("names what is missing with a typed subject", () => {
    const error = notFound("measure");
    expect(error).toMatchObject({
      code: "not_found",
      key: "notFound.measure",
      message: "Tiltaket finnes ikke.",
    });
    expect(error.messageIn("en")).toBe("The measure does not exist.");
  });

  it("is checked by the compiler: known keys, and exactly the parameters a message takes", () => {
    // Never run; these lines fail to compile without the @ts-expect-error above them (tsc checks tests).
    const compileOnly = () => {
      // @ts-expect-error an unknown key
      new AppError("conflict", "cycle.noSuchMessage");
      // @ts-expect-error a message with placeholders needs its parameters
      new AppError("conflict", "cycle.alreadyRolled");
      // @ts-expect-error a parameter the message does not have
      new AppError("conflict", "cycle.alreadyRolled", { year: 2027, extra: 1 });
      // @ts-expect-error a message without placeholders takes no parameters
      new AppError("conflict", "cycle.changedByOther", { year: 2027 });
      // @ts-expect-error a subject that is not a notFound.* key
      notFound("Tiltaket");
    };
    expect(compileOnly).toBeTypeOf("function");
  });
});
