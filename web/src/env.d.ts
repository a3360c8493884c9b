/// <reference types="vite/client" />

declare module 'virtual:dyad-tables' {
  /** CAMEO code → [name, quad class, Goldstein] from data/cameo/cameo.tsv. */
  export const cameo: Record<string, [string, number, number]>;
  /** ISO alpha-3 (and CAMEO region) code → English name from data/actors/countries.txt. */
  export const countries: Record<string, string>;
}
