// The HTML report in a real browser: headless Chromium opens the shipped study's
// report, sees no console error and no network request, finds every chart drawn with
// a size, can reach every section by keyboard, fits a phone and an A4/Letter page,
// and keeps screenshots and PDFs in test-artifacts/ (git-ignored) for a person to look at.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { reportHtml } from '../../src/render/report-html.js';
import { runReport } from '../../src/study/report.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = resolve('test-artifacts');
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`browser test skipped: ${CHROMIUM} is not installed (CI installs Debian's chromium package)`);

describe.skipIf(!hasChromium)('qcode report in headless Chromium', () => {
  let browser: BrowserContext;
  let profile: string;
  let url: string;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const html = reportHtml(await runReport({ config: 'qcode.yaml' }), 'test');
    const file = join(ARTIFACTS, 'survivors-report.html');
    writeFileSync(file, html);
    url = pathToFileURL(file).href;
    profile = mkdtempSync(join(tmpdir(), 'qcode-chromium-'));
    // A fresh profile each run (Playwright passes it as --user-data-dir).
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync',
      ],
    });
  }, 60000);

  afterAll(async () => {
    await browser?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  async function open(width: number, height: number): Promise<{ page: Page; errors: string[]; requests: string[] }> {
    const page = await browser.newPage();
    await page.setViewportSize({ width, height });
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => { if (r.url() !== url) requests.push(r.url()); });
    await page.goto(url, { waitUntil: 'load' });
    return { page, errors, requests };
  }

  it('opens with no console error and no request beyond the file itself; every chart has a size', async () => {
    const { page, errors, requests } = await open(1280, 900);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    const charts = await page.$$eval('svg.chart', (list) => list.map((s) => {
      const box = s.getBoundingClientRect();
      return { id: s.querySelector('title')?.textContent ?? '', width: box.width, height: box.height, marks: s.querySelectorAll('rect,circle,polyline').length };
    }));
    expect(charts.map((c) => c.id)).toEqual(['Code frequencies', 'Case × code matrix', 'Code co-occurrence by segment', 'Saturation curve']);
    for (const c of charts) {
      expect(c.width, c.id).toBeGreaterThan(100);
      expect(c.height, c.id).toBeGreaterThan(100);
      expect(c.marks, c.id).toBeGreaterThan(5);
    }
    // The first screen, then each chart and one code's card: what a person checks by eye.
    await page.screenshot({ path: join(ARTIFACTS, 'report-desktop.png'), timeout: 60000 });
    for (const id of ['fig-freq', 'fig-matrix', 'fig-cooccur', 'fig-saturation', 'code-barrier.housing']) {
      await page.locator(`[id="${id}"]`).screenshot({ path: join(ARTIFACTS, `report-${id}.png`), timeout: 60000 });
    }
    await page.close();
  }, 180000);

  it('shows every section, the codebook and exemplar quotes with the evidence marked and the question asked', async () => {
    const { page } = await open(1280, 900);
    expect(await page.$$eval('main > section > h2', (hs) => hs.map((h) => h.textContent))).toEqual([
      'Summary', 'Frequencies', 'Case × code matrix', 'Co-occurrence', 'Saturation', 'Codebook and exemplar quotes',
    ]);
    const housing = page.locator('#code-barrier\\.housing');
    await expect.poll(() => housing.locator('dt').allTextContents()).toEqual(['Definition', 'Include', 'Exclude']);
    const quotes = housing.locator('figure.quote');
    expect(await quotes.count()).toBe(3);
    const cases = await quotes.locator('figcaption').allTextContents();
    expect(new Set(cases.map((c) => c.split(' · ')[0])).size).toBe(3); // spread over three cases
    expect(await quotes.first().locator('mark').count()).toBeGreaterThan(0);
    expect(await quotes.first().locator('.question').textContent()).toMatch(/^I: .+/);
    await page.close();
  }, 60000);

  it('can be walked by keyboard: a skip link first, then the section links, every scrolling chart focusable', async () => {
    const { page } = await open(1280, 900);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to the report');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('#summary');
    const unfocusable = await page.$$eval('.scroll', (list) => list.filter((e) => e.getAttribute('tabindex') !== '0').length);
    expect(unfocusable).toBe(0);
    await page.close();
  }, 60000);

  it('reads on a phone: no page-wide sideways scroll, wide charts scroll in their own box', async () => {
    const { page } = await open(390, 844);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(ARTIFACTS, 'report-phone.png'), fullPage: false });
    await page.close();
  }, 60000);

  it('prints on A4 and Letter with nothing wider than the page', async () => {
    const { page } = await open(1000, 900);
    await page.emulateMedia({ media: 'print' });
    for (const [format, widthPx] of [['A4', 703], ['Letter', 725]] as const) {
      await page.setViewportSize({ width: widthPx, height: 1000 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, format).toBeLessThanOrEqual(0);
    }
    // One PDF shows printing works end to end; a second paper size costs seconds and adds nothing.
    const pdf = await page.pdf({ format: 'A4', printBackground: true, path: join(ARTIFACTS, 'report-A4.pdf') });
    expect(pdf.length).toBeGreaterThan(10000);
    await page.close();
  }, 60000);
});
