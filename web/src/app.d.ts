// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
  namespace App {
    /** Shape of `$page.error`; the API's own errors are shown inline, not through this. */
    interface Error {
      message: string;
      code?: string;
    }
  }
}

export {};
