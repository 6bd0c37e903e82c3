/** The small part of jsonstat-toolkit (no types of its own) that Planverk uses. */
declare module "jsonstat-toolkit" {
  export type JsonStatCategory = {
    label: string | null;
    unit: { label?: string; decimals?: number; symbol?: string } | null;
  };
  export type JsonStatDimension = {
    id: string[];
    label: string | null;
    role: string | null;
    Category(code: string): JsonStatCategory | null;
  };
  export type JsonStatObject = {
    class: string | null;
    error?: unknown;
    length: number;
    id: string[];
    label?: string | null;
    source?: string | null;
    updated?: string | null;
    size?: number[];
    value?: ArrayLike<number | null>;
    status?: ArrayLike<string | null> | null;
    Dataset(index: number): JsonStatObject | null;
    Dimension(id: string): JsonStatDimension | null;
  };
  export default function JSONstat(input: object): JsonStatObject;
}
