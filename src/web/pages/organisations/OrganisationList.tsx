import {
  Alert,
  Field,
  Heading,
  Label,
  Paragraph,
  Select,
  Table,
  Textfield,
} from "@digdir/designsystemet-react";
import { useEffect, useState } from "react";
import { formatOrganisationNumber } from "../../../domain/organisation-number.ts";
import { type OrganisationKind, organisationKinds } from "../../../domain/organisations.ts";
import type { OrganisationSummaryResponse } from "../../../http/routes/organisations.ts";
import { AppLink } from "../../components/AppLink.tsx";
import { capitalise } from "../../components/capitalise.ts";
import { LoadMore } from "../../components/LoadMore.tsx";
import { NotGiven } from "../../components/NotGiven.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { useOrganisationMessages } from "../../i18n/organisation-messages.ts";
import { organisationPaths } from "../../organisation-api.ts";
import { mergeArrays, usePaged } from "../../paging.ts";

/** The partners, searched by name and filtered by kind as the person types. */
export function OrganisationList({
  municipalityNumber,
  mayCreate,
}: {
  municipalityNumber: string;
  mayCreate: boolean;
}) {
  const { o } = useOrganisationMessages();
  const [search, setSearch] = useState("");
  const [kind, setKind] = useState<OrganisationKind | "">("");
  const [query, setQuery] = useState("");
  // Search as the person types, but ask the server only once they pause.
  useEffect(() => {
    const params = new URLSearchParams();
    if (search.trim()) params.set("q", search.trim());
    if (kind) params.set("kind", kind);
    const timer = setTimeout(() => setQuery(params.toString()), 250);
    return () => clearTimeout(timer);
  }, [search, kind]);
  const path = organisationPaths.list(municipalityNumber, query);
  const list = usePaged<OrganisationSummaryResponse[]>(path, mergeArrays, { keepPrevious: true });

  const filtered = query !== "";
  const rows = list.data ?? [];
  return (
    <div className="pv-stack">
      {/* Searching an empty list helps nobody; the filters come with the first partner. */}
      {(filtered || rows.length > 0) && (
        <search>
          <form className="pv-filters" onSubmit={(e) => e.preventDefault()}>
            <Textfield
              label={o("org.search")}
              type="search"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              data-testid="organisation-search"
            />
            <Field>
              <Label htmlFor="organisation-kind-filter">{o("org.kindFilter")}</Label>
              <Select
                id="organisation-kind-filter"
                value={kind}
                onChange={(e) => setKind(e.target.value as OrganisationKind | "")}
              >
                <Select.Option value="">{o("org.allKinds")}</Select.Option>
                {organisationKinds.map((k) => (
                  <Select.Option key={k} value={k}>
                    {capitalise(o(`kind.${k}`))}
                  </Select.Option>
                ))}
              </Select>
            </Field>
          </form>
        </search>
      )}
      {!list.data ? (
        <QueryState isError={list.isError} />
      ) : rows.length === 0 && !filtered ? (
        <Alert data-color="info" data-testid="organisations-empty">
          <Heading level={3} data-size="xs">
            {o("org.emptyHeading")}
          </Heading>
          <Paragraph>{mayCreate ? o("org.emptyPlanner") : o("org.emptyMember")}</Paragraph>
        </Alert>
      ) : (
        <>
          <Paragraph data-size="sm" className="pv-muted" role="status">
            {rows.length === 0
              ? o("org.noMatch")
              : rows.length === 1
                ? o("org.countOne")
                : o("org.count", { count: rows.length })}
          </Paragraph>
          {rows.length > 0 && (
            <div className="pv-table-scroll">
              <Table zebra border data-size="sm" data-testid="organisations-table">
                <caption className="pv-visually-hidden">{o("org.caption")}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{o("org.name")}</Table.HeaderCell>
                    <Table.HeaderCell>{o("org.kind")}</Table.HeaderCell>
                    <Table.HeaderCell>{o("org.number")}</Table.HeaderCell>
                    <Table.HeaderCell className="pv-num">{o("org.measureCount")}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {rows.map((org) => (
                    <Table.Row key={org.id}>
                      <Table.Cell>
                        <AppLink to={`/partnere/${org.id}`}>{org.name}</AppLink>
                      </Table.Cell>
                      <Table.Cell>{capitalise(o(`kind.${org.kind}`))}</Table.Cell>
                      <Table.Cell className="pv-nowrap">
                        {org.organisationNumber ? (
                          formatOrganisationNumber(org.organisationNumber)
                        ) : (
                          <NotGiven />
                        )}
                      </Table.Cell>
                      <Table.Cell className="pv-num">{org.measureCount}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
          )}
          <LoadMore list={list} testId="organisations-load-more" />
        </>
      )}
    </div>
  );
}
