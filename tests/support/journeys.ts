import type { Page, Response } from 'playwright-core';
import { expect } from 'vitest';
import { TEST_PASSWORD } from './accounts.ts';

/**
 * Steps the browser journeys share: signing in and out through the console, opening the map, and
 * reading what the page shows. Page code is written as strings where it needs the DOM: the Node test
 * build has no DOM types.
 */

/** Signs in on the login page (the form's Chinese labels, as a person reads them) and waits until the header names the account. */
export async function signIn(page: Page, url: string, email: string, password = TEST_PASSWORD): Promise<void> {
  await page.goto(`${url}/login`);
  await page.getByLabel('邮箱').fill(email);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.getByTestId('signed-in-as').waitFor();
}

/** Signs out with the header's button and waits for the login page. */
export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('sign-out').click();
  await page.waitForURL(/\/login$/);
}

/** Opens the map at `url` and waits until the list shows more than five venues. */
export async function openMap(page: Page, url: string): Promise<Response | null> {
  const response = await page.goto(url);
  await expect.poll(() => page.getByTestId('venue-item').count(), { timeout: 30_000 }).toBeGreaterThan(5);
  return response;
}

/** How many venues the map draws as single points. */
export async function renderedVenues(page: Page): Promise<number> {
  return Number(await page.getByTestId('map').getAttribute('data-rendered-venues'));
}

/** The list has answered the latest filters: the URL carries them and no request is in flight. */
export async function listSettled(page: Page, urlParts: string[]): Promise<boolean> {
  const url = page.url();
  if (!urlParts.every((part) => url.includes(part))) return false;
  return (await page.getByTestId('venue-list').getAttribute('aria-busy')) === 'false';
}

/**
 * Every visible form control in <main> without an accessible name (label, aria-label or
 * aria-labelledby), buttons included unless their text names them, as short descriptions.
 */
export function unlabelledControls(page: Page): Promise<string[]> {
  return page.evaluate(`(() => {
    const controls = [...document.querySelectorAll('main input, main select, main textarea, main button')];
    return controls
      .filter((el) => el.type !== 'hidden' && el.offsetParent !== null)
      .filter((el) => !(el.labels && el.labels.length) && !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby') && !(el.tagName === 'BUTTON' && el.textContent.trim()))
      .map((el) => el.outerHTML.slice(0, 120));
  })()`);
}

/** The test id of the element with keyboard focus, or null. */
export function focusedTestId(page: Page): Promise<string | null> {
  return page.evaluate(`document.activeElement?.getAttribute('data-testid') ?? null`);
}
