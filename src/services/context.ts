import type { Database } from "../db/client.ts";

/**
 * What every service function receives besides its input. Accounts and roles (issue 3) add the
 * signed-in user and the municipality they act for.
 */
export type ServiceContext = { db: Database };
