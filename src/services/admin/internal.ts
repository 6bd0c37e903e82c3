import { randomBytes } from "node:crypto";

/** Operator use cases behind `npm run planverk -- <command>`; each runs as the system actor and is audited. */

export const generatePassword = () => randomBytes(12).toString("base64url");
