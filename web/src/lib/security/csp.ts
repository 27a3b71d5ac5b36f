/** Content-Security-Policy helpers for the server hooks (docs/SECURITY.md). */

/** A policy with `sources` added to each of `directives` (kit.csp writes them all in web/svelte.config.js). */
export function withSources(policy: string, directives: string[], sources: string[]): string {
  return policy
    .split(';')
    .map((part) => {
      const name = part.trim().split(/\s+/)[0];
      return name && directives.includes(name) ? `${part.trimEnd()} ${sources.join(' ')}` : part;
    })
    .join(';');
}
