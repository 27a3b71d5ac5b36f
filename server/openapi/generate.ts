/**
 * The committed API contract: the OpenAPI document every route's schema builds, and the TypeScript
 * types the web client is written against, generated from it. `npm run api:generate` rewrites both;
 * a test fails when they differ from what the routes declare (so client and server cannot drift).
 */
import { readFileSync } from 'node:fs';
import openapiTS, { astToString } from 'openapi-typescript';
import * as prettier from 'prettier';
import { fromRoot } from '../../db/project-root.ts';
import type { App } from '../app.ts';

export const OPENAPI_FILE = fromRoot('web', 'src', 'lib', 'api', 'openapi.json');
export const TYPES_FILE = fromRoot('web', 'src', 'lib', 'api', 'schema.d.ts');

const HEADER =
  '/**\n * Generated from web/src/lib/api/openapi.json by `npm run api:generate`. Do not edit by hand.\n */\n\n';

/** Formats a generated file the way the rest of the tree is, so the committed text is stable. */
async function formatted(text: string, file: string): Promise<string> {
  const options = (await prettier.resolveConfig(file)) ?? {};
  return prettier.format(text, { ...options, filepath: file });
}

/** The OpenAPI document as committed. */
export function openApiText(app: App): Promise<string> {
  return formatted(JSON.stringify(app.swagger()), OPENAPI_FILE);
}

/** TypeScript types for the document (openapi-typescript), as committed. */
export async function typesText(documentText: string): Promise<string> {
  const ast = await openapiTS(JSON.parse(documentText) as Parameters<typeof openapiTS>[0]);
  return formatted(HEADER + astToString(ast), TYPES_FILE);
}

/** The committed files, or empty strings when missing. */
export function committedContract(): { openapi: string; types: string } {
  const read = (path: string) => {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return '';
    }
  };
  return { openapi: read(OPENAPI_FILE), types: read(TYPES_FILE) };
}
