// The account pages and consoles depend on who is signed in (GET /api/me in the browser), so they render
// in the browser only; the public map and venue pages stay server-rendered.
export const ssr = false;
