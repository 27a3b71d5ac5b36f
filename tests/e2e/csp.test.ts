import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { venues } from '../../db/schema/index.ts';
import { createActor } from '../support/accounts.ts';
import { seriousViolations } from '../support/axe.ts';
import { DESKTOP, hasChromium, type RunningServer, withServerAndBrowser } from '../support/browser.ts';
import { journeyEngines } from '../support/engines.ts';
import { signIn } from '../support/journeys.ts';

/**
 * Issue 13 row 5: every page carries a Content-Security-Policy that SvelteKit's start-up script (by
 * nonce), MapLibre's blob: workers and the base map work under, with no violation; and a website that
 * is not http(s), stored however it got in, never becomes a link on the public venue page.
 */
const VENUE = '中国国家博物馆';
const BAD_WEBSITE = 'javascript:alert(document.cookie)';

/** Violations seen by the page (the DOM event) and CSP errors in the console, in the page's own words. */
const WATCH_VIOLATIONS = `
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__cspViolations.push(event.violatedDirective + ' ' + event.blockedURI);
  });
`;

describe.skipIf(!hasChromium).each(journeyEngines('both'))('the Content-Security-Policy on %s', (engine) => {
  let server: RunningServer;
  let browser: Browser;
  let managerEmail = '';

  withServerAndBrowser(engine, (opened) => ({ server, browser } = opened), {
    ownDatabase: true,
    prepare: async (database) => {
      // As an old import could have stored it before websites were checked.
      await database.db.update(venues).set({ website: BAD_WEBSITE }).where(eq(venues.nameZh, VENUE));
      managerEmail = (await createActor(database, { role: 'venue_manager' })).user.email;
    },
  });

  /** A fresh page that records violations and console errors. */
  async function watchedPage(): Promise<{ context: BrowserContext; page: Page; problems: () => Promise<string[]> }> {
    const context = await browser.newContext(DESKTOP);
    await context.addInitScript(WATCH_VIOLATIONS);
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      const text = message.text();
      if (/Content.Security.Policy|Refused to/i.test(text)) consoleErrors.push(`console: ${text}`);
    });
    page.on('pageerror', (error) => {
      if (/Content.Security.Policy|Refused to/i.test(error.message)) consoleErrors.push(`error: ${error.message}`);
    });
    const problems = async () => [
      ...consoleErrors,
      ...((await page.evaluate('window.__cspViolations ?? []')) as string[]).map((v) => `violation: ${v}`),
    ];
    return { context, page, problems };
  }

  it('the map page: a policy with a nonce for the start-up script; the map and its workers run, no violation', async () => {
    const { context, page, problems } = await watchedPage();
    try {
      const response = await page.goto(`${server.url}/?c=116.3975,39.9087&z=13`);
      const policy = (await response!.allHeaders())['content-security-policy'] ?? '';
      expect(policy).toMatch(/script-src 'self' 'nonce-[^']+'/);
      expect(policy).toContain("worker-src 'self' blob:");
      expect(policy).toContain("object-src 'none'");
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
      // Hydrated (the list comes from the API through the client) and the map drew its canvas.
      await expect.poll(() => page.getByTestId('venue-item').count(), { timeout: 30_000 }).toBeGreaterThan(5);
      await expect
        .poll(() => page.locator('[data-testid="map"] canvas').count(), { timeout: 30_000 })
        .toBeGreaterThan(0);
      // Venue tiles are decoded in MapLibre's workers; give them time to start and draw.
      await page.waitForTimeout(3000);
      expect(await problems()).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the venue page: no violation, and a javascript: website is shown as text, never as a link', async () => {
    const { context, page, problems } = await watchedPage();
    try {
      const found = (await (await fetch(`${server.url}/api/venues?q=${encodeURIComponent(VENUE)}&limit=5`)).json()) as {
        items: { id: string; name: string }[];
      };
      const id = found.items.find((venue) => venue.name === VENUE)!.id;
      const response = await page.goto(`${server.url}/venues/${id}`);
      expect((await response!.allHeaders())['content-security-policy']).toMatch(/script-src 'self' 'nonce-/);
      await page.getByTestId('contacts').waitFor();
      expect(await page.locator('a[href^="javascript:" i]').count()).toBe(0);
      expect(await page.getByTestId('contact-website').evaluate((node) => node.tagName)).toBe('SPAN');
      const ld = (await page.locator('script[type="application/ld+json"]').textContent()) ?? '';
      expect(ld).not.toContain('javascript:');
      expect(await problems()).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a console page after signing in: no violation', async () => {
    const { context, page, problems } = await watchedPage();
    try {
      await signIn(page, server.url, managerEmail);
      await page.goto(`${server.url}/manage`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.waitForTimeout(1000);
      expect(await problems()).toEqual([]);
      // The watch itself works: an image from a host the policy does not name is a violation it sees.
      await page.evaluate(
        "document.body.appendChild(Object.assign(document.createElement('img'), { src: 'https://elsewhere.invalid/x.png' }))",
      );
      await expect.poll(async () => (await problems()).join('\n'), { timeout: 5000 }).toContain('img-src');
    } finally {
      await context.close();
    }
  });

  it('sign-up with an address that has an account answers as any other, and the page says to check the mail', async () => {
    const { context, page, problems } = await watchedPage();
    try {
      await page.goto(`${server.url}/register`);
      await page.getByLabel('家长').check();
      await page.getByLabel('你的称呼').fill('冒名者');
      await page.getByLabel('邮箱').fill(managerEmail);
      await page.getByLabel('密码').fill('not the owner’s passphrase');
      await page.getByRole('button', { name: '注册并登录' }).click();
      await page.getByTestId('register-check-mail').waitFor();
      expect(await page.getByTestId('register-check-mail').textContent()).toContain('我们已向这个邮箱发送了一封邮件');
      expect(await page.getByTestId('signed-in-as').count()).toBe(0);
      expect(await seriousViolations(page)).toEqual([]);
      expect(await problems()).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the API answers carry a policy of their own', async () => {
    const health = await fetch(`${server.url}/api/health`);
    expect(health.headers.get('content-security-policy')).toBe(
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'",
    );
    expect(health.headers.get('strict-transport-security')).toBeNull();
  });
});
