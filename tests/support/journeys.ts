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
 * A teacher's filters for a class on the map, as they set them: the grade, the class size (typed, then
 * Enter), venues offering a green channel, slots with school places, and the coming two weeks; waits
 * until the list has answered them (with `more` URL parts of filters set before).
 */
export async function filterForClass(
  page: Page,
  { grade, groupSize, more = [] }: { grade: number; groupSize: number; more?: string[] },
): Promise<void> {
  await page.getByTestId('filter-grade').selectOption(String(grade));
  await page.getByTestId('filter-group-size').fill(String(groupSize));
  await page.getByTestId('filter-group-size').press('Enter');
  await page.getByTestId('filter-green-channel').check();
  await page.getByTestId('filter-school-places').check();
  await page.getByTestId('when-range').check();
  const parts = [
    ...more,
    `grade=${grade}`,
    `group_size=${groupSize}`,
    'green_channel=true',
    'school_places=true',
    'open_from=',
    'open_to=',
  ];
  await expect.poll(() => listSettled(page, parts), { timeout: 20_000 }).toBe(true);
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
