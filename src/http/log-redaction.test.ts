import { describe, expect, it } from "vitest";
import { redactUrl } from "./log-redaction.ts";

describe("redactUrl", () => {
  it("hides tokens in paths and queries, and keeps the rest of the address", () => {
    const token = "Qm9yZ2VyLWVyLWVuLXRva2VuLXNvbS1lci1sYW5nLW5vaw";
    expect(redactUrl(`/api/invitations/${token}/accept`)).toBe("/api/invitations/[redacted]/accept");
    expect(redactUrl("/invitasjon/abc")).toBe("/invitasjon/[redacted]");
    expect(redactUrl(`/something/${token}`)).toBe("/something/[redacted]");
    expect(redactUrl("/api/auth/oidc/callback?code=abc&state=def&iss=https%3A%2F%2Fidp")).toBe(
      "/api/auth/oidc/callback?code=[redacted]&state=[redacted]&iss=https%3A%2F%2Fidp",
    );
    expect(redactUrl("/x?%74oken=abc")).toBe("/x?%74oken=[redacted]");
    const plain = "/api/municipalities/3301/plans/0b6f2f7e-8e4a-4c7a-9f1e-1d2c3b4a5f60/measures?q=sol";
    expect(redactUrl(plain)).toBe(plain);
  });
});
