/** SQL pieces for the closed vocabularies of domain/vocab.ts. */
/** Renders a vocabulary as a SQL array literal for CHECK constraints, e.g. ARRAY['a','b']::text[]. */
export function sqlTextArray(values: readonly string[]): string {
  return `ARRAY[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(',')}]::text[]`;
}
