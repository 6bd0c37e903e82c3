import { Paragraph, Table } from "@digdir/designsystemet-react";
import type { AuditEventResponse } from "../../http/routes/plan.ts";
import { auditActionName, auditFieldName, auditObjectName } from "../i18n/audit-terms.ts";
import { useLanguage } from "../i18n/language.tsx";
import { type Language, localeFor, type MessageKey } from "../i18n/messages.ts";
import { AppLink } from "./AppLink.tsx";
import { capitalise } from "./capitalise.ts";

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Field values shown as words: ids by their names, roles and phases by theirs, yes/no for flags. */
function shownValue(field: string, value: unknown, names: Record<string, string>, t: Translate): string {
  if (value === null || value === undefined || value === "") return "–";
  if (typeof value === "boolean") return value ? t("common.yes") : t("common.no");
  if (Array.isArray(value))
    return value.length === 0 ? "–" : value.map((v) => shownValue(field, v, names, t)).join(", ");
  if (typeof value === "string") {
    if (names[value]) return names[value];
    if (field === "role") return t(`role.${value}` as MessageKey);
    if (field === "phase") return t(`phase.${value}` as MessageKey);
    return value;
  }
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/** The message's key when it exists, so unknown codes fall back to themselves (never a raw key). */
function safe(t: Translate): Translate {
  return (key, params) => {
    const text = t(key, params);
    return text === key ? String(key).split(".").slice(1).join(".") : text;
  };
}

/** Audit events as a table: when, who (by name), what (in words, linked), what changed («Felt: fra → til»). */
export function AuditList({
  events,
  showObject = false,
}: {
  events: AuditEventResponse[];
  showObject?: boolean;
}) {
  const { t: raw, language } = useLanguage();
  const t = safe(raw as Translate);
  if (events.length === 0) return <Paragraph>{t("history.empty")}</Paragraph>;
  const time = new Intl.DateTimeFormat(localeFor[language], { dateStyle: "short", timeStyle: "short" });
  return (
    <div className="pv-table-scroll">
      <Table data-size="sm" zebra data-testid="audit-list">
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t("history.when")}</Table.HeaderCell>
            <Table.HeaderCell>{t("history.who")}</Table.HeaderCell>
            {showObject && <Table.HeaderCell>{t("admin.object")}</Table.HeaderCell>}
            <Table.HeaderCell>{t("admin.action")}</Table.HeaderCell>
            <Table.HeaderCell>{t("admin.changes")}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {events.map((e) => (
            <Table.Row key={e.id}>
              <Table.Cell className="pv-nowrap">{time.format(new Date(e.occurredAt))}</Table.Cell>
              <Table.Cell title={e.actor}>{e.actorName}</Table.Cell>
              {showObject && (
                <Table.Cell>
                  <ObjectCell event={e} language={language} />
                </Table.Cell>
              )}
              <Table.Cell>{capitalise(auditActionName(language, e.action))}</Table.Cell>
              <Table.Cell>
                <ul className="pv-changes">
                  {Object.entries(e.changes).map(([field, change]) => (
                    <li key={field}>
                      {t("history.change", {
                        field: capitalise(auditFieldName(language, field)),
                        before: shownValue(field, change.before, e.valueNames, t),
                        after: shownValue(field, change.after, e.valueNames, t),
                      })}
                    </li>
                  ))}
                </ul>
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

function ObjectCell({ event, language }: { event: AuditEventResponse; language: Language }) {
  const kind = capitalise(auditObjectName(language, event.objectType));
  if (!event.objectLabel) return <>{kind}</>;
  return (
    <>
      {kind}: {event.link ? <AppLink to={event.link}>{event.objectLabel}</AppLink> : event.objectLabel}
    </>
  );
}
