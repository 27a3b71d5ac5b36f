/**
 * What a venue's or a school's contact details may be, in one place for every way they come in: the
 * API's body schemas (server/schemas/venue-fields.ts, school-fields.ts) use the patterns, the import
 * rows (server/services/import/rows.ts, school-rows.ts) the checks, and the public venue page
 * `safeWebsite` before it makes a link. A website is an http(s) URL only, never `javascript:` or
 * `data:`; a phone number is digits with + ( ) - and spaces; an email is an ordinary address.
 */

/** A website: http:// or https://, then no blank. The schema pattern; `isWebsite` also parses it. */
export const WEBSITE_PATTERN = '^https?://\\S+$';
export const WEBSITE_MAX = 300;

/** A phone number: digits, +, (, ), - and spaces, 3 to 40 of them. */
export const PHONE_PATTERN = '^[0-9+() -]+$';
export const PHONE_MIN = 3;
export const PHONE_MAX = 40;

/** An email address (ajv-formats' `email`, so a schema's pattern and an import's check agree). */
export const EMAIL_PATTERN =
  "^[a-zA-Z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[a-zA-Z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\\.)+[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$";
export const EMAIL_MAX = 254;

const WEBSITE = new RegExp(WEBSITE_PATTERN);
const PHONE = new RegExp(PHONE_PATTERN);
const EMAIL = new RegExp(EMAIL_PATTERN);

/** True for an http(s) URL with a host, at most WEBSITE_MAX characters. */
export function isWebsite(value: string): boolean {
  if (value.length > WEBSITE_MAX || !WEBSITE.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

export function isPhone(value: string): boolean {
  return value.length >= PHONE_MIN && value.length <= PHONE_MAX && PHONE.test(value);
}

export function isEmail(value: string): boolean {
  return value.length <= EMAIL_MAX && EMAIL.test(value);
}

/**
 * An imported website as Kaimen keeps it: an http(s) URL as it is; a bare domain with a path, as
 * catalogues often write it ("www.example.org/visit"), with `http://` before it (what a browser does
 * with an address typed without a scheme); null for anything else — another scheme (`javascript:`,
 * `data:`, `ftp:`) above all, or text that names no host with a dot in it.
 */
export function importedWebsite(value: string): string | null {
  if (isWebsite(value)) return value;
  if (/^[a-z][a-z0-9+.-]*:/i.test(value) && !/^[^/:]+\.[^/:]+:\d/.test(value)) return null;
  const guessed = `http://${value}`;
  if (!isWebsite(guessed)) return null;
  return new URL(guessed).hostname.includes('.') ? guessed : null;
}

/** The website when it is an http(s) URL, else null: what a page may turn into a link. */
export function safeWebsite(value: string | null | undefined): string | null {
  return value && isWebsite(value) ? value : null;
}
