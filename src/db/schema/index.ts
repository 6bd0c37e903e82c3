export * from "./accounts.ts";
export * from "./audit.ts";
export * from "./cycle.ts";
export * from "./finance.ts";
export * from "./measures.ts";
export * from "./organisations.ts";
export * from "./plan.ts";
export * from "./tenancy.ts";
