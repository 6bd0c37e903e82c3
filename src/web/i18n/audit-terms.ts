/** The audit trail's names of actions, object types and fields live with the server's (src/i18n). */
export { auditActionName, auditFieldName, auditObjectName } from "../../i18n/audit-terms.ts";
