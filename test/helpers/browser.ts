import type { AddressInfo } from 'node:net';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import axe from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { startTestPortal, type TestPortal } from './portal.js';

/** Debian's chromium (`apt-get install chromium`): Playwright's own browser builds cannot be downloaded here. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const SHOTS_DIR = process.env.SHOTS_DIR ?? '/tmp/shots';

export interface BrowserPortal extends TestPortal {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  baseUrl: string;
}

/** The real portal (see helpers/portal.ts) listening on a free port of the loopback interface. */
export async function startBrowserPortal(env: Record<string, string> = {}): Promise<BrowserPortal> {
  const t = await startTestPortal(env);
  try {
    await t.portal.app.listen(0, '127.0.0.1');
  } catch (err) {
    await t.close();
    throw err;
  }
  const { address, port } = t.portal.app.getHttpServer().address() as AddressInfo;
  return { ...t, baseUrl: `http://${address}:${port}` };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export const DESKTOP = { width: 1280, height: 900 };
/** Below USWDS's 30em and 64em breakpoints: the menu button, the narrow layouts. */
export const PHONE = { width: 375, height: 740 };

export interface PortalPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught script errors and console errors seen so far (a 4xx page answer is not counted). */
  problems: string[];
}

/**
 * A fresh browser profile (own cookies) with one page. Vietnamese unless told:
 * the portal picks its language from Accept-Language when no `lang` cookie is set.
 *
 * `bypassCSP` is on by default only so that `expectAccessible` can inject axe
 * as an inline script tag past the portal's strict Content-Security-Policy
 * (`script-src 'self'`); pass `bypassCSP: false` to see the page exactly as a
 * person's browser enforces it (axe is then evaluated over DevTools instead).
 */
export async function openPage(
  browser: Browser,
  baseUrl: string,
  {
    locale = 'vi-VN',
    bypassCSP = true,
    viewport = DESKTOP,
  }: { locale?: string; bypassCSP?: boolean; viewport?: { width: number; height: number } } = {},
): Promise<PortalPage> {
  const context = await browser.newContext({ baseURL: baseUrl, locale, bypassCSP, viewport });
  if (!bypassCSP) enforcingCsp.add(context);
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    // Chromium logs every non-2xx response as a console error; those answers are asserted by the tests themselves.
    if (msg.type() === 'error' && !/status of [45]\d\d/.test(msg.text())) problems.push(`console: ${msg.text()}`);
  });
  return { context, page, problems };
}

/** Contexts that enforce the page's CSP, where an inline script tag would be refused. */
const enforcingCsp = new WeakSet<BrowserContext>();

/** Tags of the WCAG 2.0 and 2.1 A/AA rules. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: string; summary: string }[];
}

/**
 * Runs axe-core on the page as it is now and fails the test on any `serious`
 * or `critical` WCAG 2.1 A/AA violation, naming the rule, its help text and
 * every offending element. Lesser findings are returned for the caller to look at.
 */
export async function expectAccessible(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate('typeof window.axe === "object"'))) {
    // Where the CSP is enforced, the DevTools protocol still evaluates scripts (the policy does not apply to it).
    if (enforcingCsp.has(page.context())) await page.evaluate(axe.source);
    else await page.addScriptTag({ content: axe.source });
  }
  if (!(await page.evaluate('typeof window.axe === "object"'))) throw new Error(`axe-core could not be injected into ${page.url()}`);
  const violations = (await page.evaluate(
    `window.axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG_TAGS)} }, resultTypes: ['violations'] })
       .then((r) => r.violations.map((v) => ({
         id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
         nodes: v.nodes.map((n) => ({ target: n.target.map(String).join(' '), summary: n.failureSummary || '' })),
       })))`,
  )) as Violation[];
  const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = blocking
    .map(
      (v) =>
        `[${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${v.nodes.map((n) => `    ${n.target}\n      ${n.summary.replace(/\n/g, '\n      ')}`).join('\n')}`,
    )
    .join('\n');
  const minor = violations.filter((v) => !blocking.includes(v));
  if (minor.length) console.warn(`axe (not failing) on ${page.url()}: ${minor.map((v) => `[${v.impact}] ${v.id}`).join(', ')}`);
  expect(blocking, `axe found serious/critical accessibility violations on ${page.url()}:\n${report}`).toEqual([]);
  return violations;
}

/** A full-page screenshot in SHOTS_DIR (for a person to look at; not compared). */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SHOTS_DIR, { recursive: true });
  const file = path.join(SHOTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** The page's one `<h1>`, as read. */
export const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).innerText();
/** The site header (navigation, sign-in state, language switch). */
export const siteHeader = (page: Page) => page.locator('header.usa-header');
/** The one-time success message shown after a redirect. */
export const flash = (page: Page) => page.locator('main .usa-alert--success');

/**
 * Clicks a submit button and waits for the answer to the POST it sends to
 * `path`; returns that answer's status. A string button name matches exactly
 * unless `exact: false`; `scope` narrows where the button is looked for.
 */
export async function submitForm(
  page: Page,
  button: string | RegExp,
  path: string | RegExp,
  { scope = page, exact = typeof button === 'string' }: { scope?: Page | ReturnType<Page['locator']>; exact?: boolean } = {},
): Promise<number> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => {
      const pathname = new URL(r.url()).pathname;
      return r.request().method() === 'POST' && (typeof path === 'string' ? pathname === path : path.test(pathname));
    }),
    scope.getByRole('button', { name: button, exact }).click(),
  ]);
  await page.waitForLoadState('load');
  return response.status();
}
