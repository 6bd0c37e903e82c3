import { dcatLicence } from "../../../domain/dcat-catalogue.ts";
import { openDataLicence } from "../../../domain/public-site.ts";
import { publicTranslator } from "../../../web/i18n/public-messages.ts";
import { Document, type PageEnv } from "./layout.tsx";
import { Caption, ScrollTable } from "./scroll-table.tsx";
import { catalogueJsonLdPath, openDataBase } from "./urls.ts";

const endpoints: { path: string; what: string }[] = [
  {
    path: `${openDataBase}/kommune/{kommunenummer}/planer`,
    what: "Kommunens publiserte planer, hver med alle vedtatte handlingsplaner (budsjettår, revisjon, vedtaksdato).",
  },
  {
    path: `${openDataBase}/kommune/{kommunenummer}/plan/{plan-id}/{budsjettår}`,
    what: "Den nyeste revisjonen av en vedtatt handlingsplan: mål, satsingsområder, tiltak med status og fremdrift, og budsjett per år.",
  },
  {
    path: `${openDataBase}/kommune/{kommunenummer}/plan/{plan-id}/{budsjettår}/revisjon/{revisjon}`,
    what: "En bestemt revisjon av handlingsplanen. Adressen endrer seg aldri.",
  },
  {
    path: `${openDataBase}/kommune/{kommunenummer}/plan/{plan-id}/{budsjettår}/tiltak.csv`,
    what: "Tiltakene i handlingsplanen som CSV: semikolonseparert, UTF-8 med BOM, ett tiltak per linje.",
  },
  {
    path: `${openDataBase}/kommune/{kommunenummer}/tiltak/{referanse}`,
    what: "Ett publisert tiltak: innhold, status, fremdrift, budsjett, milepæler og statushistorikk.",
  },
  {
    path: catalogueJsonLdPath,
    what: "Datakatalogen (DCAT-AP-NO, JSON-LD): alle publiserte planer som datasett, for Felles datakatalog (data.norge.no) og andre høstere.",
  },
];

/**
 * The open data API described in Norwegian for people who reuse it: addresses, formats, money
 * fields, licence, caching. Linked from every public page's footer. The text is in bokmål in every
 * interface language (marked with lang), as the API's field names are.
 */
export function OpenDataDocsPage({ env }: { env: PageEnv }) {
  return (
    <Document
      env={env}
      municipality={null}
      head={{
        title: "Åpne data: API og datakatalog",
        description:
          "Slik henter du kommunenes planer, handlingsplaner og tiltak som åpne data (JSON, CSV og DCAT-AP-NO).",
      }}
    >
      <div lang="nb">
        <h1>Åpne data: API og datakatalog</h1>
        <p className="lead">
          Alt som er publisert på disse sidene finnes også som åpne data, gratis og uten innlogging. Dataene
          kan gjenbrukes under lisensen{" "}
          <a href={openDataLicence.url} rel="license">
            {openDataLicence.name}
          </a>{" "}
          (i datakatalogen: <code>{dcatLicence}</code>). Oppgi kommunen som kilde, for eksempel «Kilde:
          Drammen kommune».
        </p>

        <h2>Adresser</h2>
        <p>
          Alle adresser begynner med <code>{openDataBase}</code>. Kommunenummeret er det firesifrede nummeret
          fra Statistisk sentralbyrå (for eksempel 3301). Plan-id og tiltaksreferanse (for eksempel T-014)
          endrer seg aldri.
        </p>
        <ScrollTable t={publicTranslator("nb")} label="Adresser i API-et">
          <table>
            <Caption>Adresser i API-et</Caption>
            <thead>
              <tr>
                <th scope="col">Adresse</th>
                <th scope="col">Hva du får</th>
              </tr>
            </thead>
            <tbody>
              {endpoints.map((e) => (
                <tr key={e.path}>
                  <td>
                    <code className="path">{e.path}</code>
                  </td>
                  <td>{e.what}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>

        <h2>Penger</h2>
        <p>
          Beløp er hele kroner. <code>municipalNok</code> (CSV: <code>kommunalt_ÅR</code>) er kommunens egne,
          vedtatte midler. <code>externalNok</code> (CSV: <code>eksternt_ÅR</code>) er eksterne midler
          (tilskudd, partnere) og er ikke en del av kommunens vedtatte budsjett; de kan være søkt, innvilget
          eller forventet. Summer oppgis alltid hver for seg.
        </p>

        <h2>Hva som er med</h2>
        <p>
          Bare publiserte planer og vedtatte handlingsplaner. Utkast, interne merknader, prioriteringer og
          kontaktpersoner er aldri med. Eksempeldata er merket med <code>isExample</code> (CSV:{" "}
          <code>eksempel</code>).
        </p>

        <h2>Hurtigbuffer og endringer</h2>
        <p>
          Svarene har <code>ETag</code> og <code>Cache-Control</code>. Send <code>If-None-Match</code> med
          forrige ETag, så får du <code>304 Not Modified</code> når ingenting er endret. Lisensen står også i
          svarhodet <code>Link: rel="license"</code>.
        </p>

        <h2>Maskinlesbar beskrivelse</h2>
        <ul>
          <li>
            <a href={catalogueJsonLdPath}>Datakatalog (DCAT-AP-NO, JSON-LD)</a>
          </li>
          <li>
            <a href="/api/openapi.json">OpenAPI-beskrivelse (JSON)</a>
          </li>
          <li>
            <a href="/sitemap.xml">Nettstedskart (sitemap.xml)</a>
          </li>
        </ul>
      </div>
    </Document>
  );
}
