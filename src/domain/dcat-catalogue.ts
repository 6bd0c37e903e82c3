/**
 * The open data described for machines: one DCAT-AP-NO catalogue (JSON-LD) per installation, so
 * Felles datakatalog (data.norge.no) and other harvesters can find it. Each municipality's published
 * plan is a dataset; its JSON and CSV answers in the open data API are the distributions.
 *
 * Mandatory in DCAT-AP-NO 3 (the SHACL core shapes of Informasjonsforvaltning/dcat-ap-no):
 * - catalogue: dct:title, dct:description, dct:publisher (one), dcat:contactPoint
 * - dataset: dct:title, dct:description, dct:publisher (one), dcat:contactPoint, dcat:theme (from
 *   the EU data theme vocabulary)
 * - distribution: dcat:accessURL
 * - publisher (foaf:Agent): foaf:name; contact point (vcard:Organization): vcard:fn and vcard:hasEmail
 *   or vcard:hasURL.
 * Titles and descriptions are given in Norwegian bokmål (one per language, as the profile requires).
 */
export const dcatLicence = "http://publications.europa.eu/resource/authority/licence/CC_BY_4_0";
const themeGovernment = "http://publications.europa.eu/resource/authority/data-theme/GOVE";
const themeEconomy = "http://publications.europa.eu/resource/authority/data-theme/ECON";
const formatJson = "http://publications.europa.eu/resource/authority/file-type/JSON";
const formatCsv = "http://publications.europa.eu/resource/authority/file-type/CSV";
const languageNob = "http://publications.europa.eu/resource/authority/language/NOB";
const accessPublic = "http://publications.europa.eu/resource/authority/access-right/PUBLIC";

export const dcatContext = {
  dcat: "http://www.w3.org/ns/dcat#",
  dct: "http://purl.org/dc/terms/",
  foaf: "http://xmlns.com/foaf/0.1/",
  vcard: "http://www.w3.org/2006/vcard/ns#",
  xsd: "http://www.w3.org/2001/XMLSchema#",
} as const;

export type CatalogueMunicipality = {
  number: string;
  name: string;
  /** Organisation number in Enhetsregisteret, when known; the publisher then points to it. */
  organisationNumber?: string | null;
  plans: {
    id: string;
    title: string;
    vision: string;
    startYear: number;
    endYear: number;
    /** Adopted action plans, newest first. */
    versions: { budgetYear: number; revision: number; adoptedOn: string | null }[];
    /** When the plan or one of its action plans last changed (ISO timestamp). */
    modified: string;
  }[];
};

export type CatalogueUrls = {
  /** Absolute base address of the installation, without a trailing slash. */
  base: string;
  catalogue: string;
  apiDocumentation: string;
  municipalityPage: (nr: string) => string;
  planPage: (nr: string, planId: string) => string;
  actionPlanJson: (nr: string, planId: string, budgetYear: number) => string;
  actionPlanCsv: (nr: string, planId: string, budgetYear: number) => string;
  plansJson: (nr: string) => string;
};

const nb = (value: string) => ({ "@language": "nb", "@value": value });
const iri = (id: string) => ({ "@id": id });
const dateTime = (value: string) => ({ "@type": "xsd:dateTime", "@value": value });

/** Enhetsregisteret's address for an organisation number, the usual publisher IRI in Norway. */
export const enhetsregisteretUri = (organisationNumber: string) =>
  `https://data.brreg.no/enhetsregisteret/api/enheter/${organisationNumber}`;

function publisherOf(m: CatalogueMunicipality, urls: CatalogueUrls) {
  const id = m.organisationNumber
    ? enhetsregisteretUri(m.organisationNumber)
    : `${urls.base}${urls.municipalityPage(m.number)}#utgiver`;
  return {
    "@id": id,
    "@type": "foaf:Agent",
    "foaf:name": nb(`${m.name} kommune`),
    ...(m.organisationNumber ? { "dct:identifier": m.organisationNumber } : {}),
  };
}

function contactOf(m: CatalogueMunicipality, urls: CatalogueUrls) {
  return {
    "@type": "vcard:Organization",
    "vcard:fn": `${m.name} kommune`,
    "vcard:hasURL": iri(`${urls.base}${urls.municipalityPage(m.number)}`),
  };
}

/** The whole catalogue as one JSON-LD document. `modified` is the newest change in it. */
export function buildDcatCatalogue(
  input: { installationName: string; municipalities: CatalogueMunicipality[]; modified: string },
  urls: CatalogueUrls,
) {
  const abs = (path: string) => `${urls.base}${path}`;
  const datasets = input.municipalities.flatMap((m) =>
    m.plans
      .filter((p) => p.versions.length > 0)
      .map((p) => {
        const newest = p.versions[0] as CatalogueMunicipality["plans"][number]["versions"][number];
        const landing = abs(urls.planPage(m.number, p.id));
        const jsonUrl = abs(urls.actionPlanJson(m.number, p.id, newest.budgetYear));
        const csvUrl = abs(urls.actionPlanCsv(m.number, p.id, newest.budgetYear));
        return {
          "@id": `${landing}#datasett`,
          "@type": "dcat:Dataset",
          "dct:identifier": `${landing}#datasett`,
          "dct:title": nb(`${p.title} – ${m.name} kommune`),
          "dct:description": nb(
            `Mål, satsingsområder og tiltak i ${p.title} (${p.startYear}–${p.endYear}) for ${m.name} kommune, med status, fremdrift og vedtatt budsjett per år i handlingsplanene. Kommunens egne midler og eksterne midler er oppgitt hver for seg.${p.vision ? ` Visjon: ${p.vision}` : ""}`,
          ),
          "dct:publisher": publisherOf(m, urls),
          "dcat:contactPoint": contactOf(m, urls),
          "dcat:theme": [iri(themeGovernment), iri(themeEconomy)],
          "dcat:keyword": [nb("handlingsplan"), nb("tiltak"), nb("kommuneplan"), nb(m.name)],
          "dct:language": iri(languageNob),
          "dct:accessRights": iri(accessPublic),
          "dcat:landingPage": iri(landing),
          "dct:modified": dateTime(p.modified),
          "dct:temporal": {
            "@type": "dct:PeriodOfTime",
            "dcat:startDate": { "@type": "xsd:date", "@value": `${p.startYear}-01-01` },
            "dcat:endDate": { "@type": "xsd:date", "@value": `${p.endYear}-12-31` },
          },
          "dct:spatial": iri(`https://data.geonorge.no/administrativeEnheter/kommune/id/${m.number}`),
          "dcat:distribution": [
            {
              "@type": "dcat:Distribution",
              "dct:title": nb(`Handlingsplan ${newest.budgetYear} som JSON`),
              "dct:description": nb(
                "Hele den vedtatte handlingsplanen: mål, satsingsområder, tiltak, status og budsjett.",
              ),
              "dcat:accessURL": iri(jsonUrl),
              "dcat:downloadURL": iri(jsonUrl),
              "dct:format": iri(formatJson),
              "dcat:mediaType": iri("https://www.iana.org/assignments/media-types/application/json"),
              "dct:license": iri(dcatLicence),
              "foaf:page": iri(abs(urls.apiDocumentation)),
            },
            {
              "@type": "dcat:Distribution",
              "dct:title": nb(`Tiltak i handlingsplan ${newest.budgetYear} som CSV`),
              "dct:description": nb(
                "Ett tiltak per linje, semikolonseparert, UTF-8. Kommunale og eksterne midler i egne kolonner.",
              ),
              "dcat:accessURL": iri(csvUrl),
              "dcat:downloadURL": iri(csvUrl),
              "dct:format": iri(formatCsv),
              "dcat:mediaType": iri("https://www.iana.org/assignments/media-types/text/csv"),
              "dct:license": iri(dcatLicence),
              "foaf:page": iri(abs(urls.apiDocumentation)),
            },
            {
              "@type": "dcat:Distribution",
              "dct:title": nb("Planer og vedtatte handlingsplaner som JSON"),
              "dct:description": nb("Kommunens publiserte planer med alle vedtatte handlingsplaner."),
              "dcat:accessURL": iri(abs(urls.plansJson(m.number))),
              "dct:format": iri(formatJson),
              "dct:license": iri(dcatLicence),
              "foaf:page": iri(abs(urls.apiDocumentation)),
            },
          ],
        };
      }),
  );
  const installationPublisher = {
    "@id": `${urls.base}/#utgiver`,
    "@type": "foaf:Agent",
    "foaf:name": nb(input.installationName),
  };
  return {
    "@context": dcatContext,
    "@id": abs(urls.catalogue),
    "@type": "dcat:Catalog",
    "dct:title": nb(`Åpne data fra ${input.installationName}`),
    "dct:description": nb(
      "Kommunenes publiserte planer, vedtatte handlingsplaner og tiltak, med status, fremdrift og budsjett. Åpne data under lisensen CC BY 4.0.",
    ),
    // One publisher for the catalogue: the municipality when there is only one, else the installation.
    "dct:publisher":
      input.municipalities.length === 1
        ? publisherOf(input.municipalities[0] as CatalogueMunicipality, urls)
        : installationPublisher,
    "dcat:contactPoint": {
      "@type": "vcard:Organization",
      "vcard:fn": input.installationName,
      "vcard:hasURL": iri(abs(urls.apiDocumentation)),
    },
    "dct:license": iri(dcatLicence),
    "dct:language": iri(languageNob),
    "foaf:homepage": iri(abs(urls.apiDocumentation)),
    "dct:modified": dateTime(input.modified),
    "dcat:dataset": datasets,
  };
}
