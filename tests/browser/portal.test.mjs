// The portal in a real browser: headless Chromium browses, filters, searches and publishes as
// people do, axe-core checks every page type against WCAG 2.2 AA, the Nu Html Checker checks
// their HTML, and the public pages are tried without JavaScript and weighed.
//
// Buttons are found by their form and value, not their words, which are translated.
//
// Runs the debug binary (`cargo build` first; PORTAL_BIN names another) on a new database with
// the demo records. `node --test` in this folder, or `tests/browser/run` from the repository.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const target = process.env.CARGO_TARGET_DIR ?? path.join(root, 'target');
const binary = process.env.PORTAL_BIN ?? path.join(target, 'debug', 'sti-portal');
const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const failures = path.join(target, 'browser-failures');
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const vnuJar = require.resolve('vnu-jar/build/dist/vnu.jar');

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const STAFF = { username: 'ann', password: 'a long, unguessable password' };
const PAGE_WEIGHT_LIMIT = 100 * 1024;

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sti-portal-browser-'));
/** HTML of every page visited, by a name for the page type, checked by vnu at the end. */
const pages = new Map();
/** The public pages seen, weighed at the end. */
const publicUrls = new Set();
let portal;
let origin;
let browser;

async function freePort() {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

before(async () => {
  assert.ok(fs.existsSync(binary), `no portal binary at ${binary}: run cargo build first`);
  assert.ok(fs.existsSync(chromiumPath), `no Chromium at ${chromiumPath}: apt-get install chromium`);
  const database = path.join(work, 'portal.sqlite');
  // The demo records and enough generated ones that lists run to a second page.
  execFileSync(binary, ['seed', '--synthetic', '30', '--database', database]);
  execFileSync(binary, ['user', 'add', STAFF.username, '--role', 'admin', '--password-stdin',
    '--database', database], { input: `${STAFF.password}\n` });
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  // Plain HTTP, so the cookies go without `Secure`; the headers test covers the deployed way.
  // Its log goes to a file beside the screenshots, to read when something failed.
  fs.mkdirSync(failures, { recursive: true });
  const log = fs.openSync(path.join(failures, 'portal.log'), 'w');
  portal = spawn(binary, ['serve', '--bind', `127.0.0.1:${port}`, '--database', database,
    '--public-url', origin, '--insecure-cookies'], { stdio: ['ignore', log, log] });
  for (let tries = 0; ; tries += 1) {
    try {
      if ((await fetch(`${origin}/readyz`)).ok) break;
    } catch {
      // Not listening yet.
    }
    assert.ok(tries < 300, 'the portal did not start within 30 seconds');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    // Without the background-networking flags Chromium keeps calling home, and a closed
    // network refuses it.
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await browser?.close();
  portal?.kill('SIGTERM');
  fs.rmSync(work, { recursive: true, force: true });
});

/** Runs `body` with a fresh page; on failure saves a screenshot named after the test. */
async function withPage(t, options, body) {
  const context = await browser.newContext({ baseURL: origin, ...options });
  const page = await context.newPage();
  const problems = [];
  // A style or script the Content-Security-Policy refused is logged as a console error; the
  // error statuses the tests ask for are logged too, and are no problem.
  page.on('console', (message) => {
    const text = message.text();
    if (message.type() === 'error' && !text.startsWith('Failed to load resource: the server responded with a status of')) {
      problems.push(`${page.url()}: ${text}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message}`));
  try {
    await body(page);
    assert.deepEqual(problems, [], 'the browser reported errors');
  } catch (error) {
    fs.mkdirSync(failures, { recursive: true });
    const file = path.join(failures, `${t.name.replace(/[^a-z0-9]+/gi, '-')}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => {});
    throw error;
  } finally {
    await context.close();
  }
}

/** Checks the page in front with axe-core and keeps its HTML for vnu under `name`. */
async function check(page, name, html) {
  pages.set(name, html ?? (await page.content()));
  const { pathname, search } = new URL(page.url());
  if (!pathname.startsWith('/staff')) publicUrls.add(pathname + search);
  // Evaluated through the DevTools protocol, which the page's CSP does not govern.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async (tags) => {
    const results = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
    if (results.passes.length === 0) return ['axe-core checked nothing'];
    return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  }, WCAG_TAGS);
  assert.deepEqual(violations, [], `axe-core on ${name} (${page.url()})`);
}

/** Goes to `url`, expects `status`, and checks the page as it came from the server. */
async function visit(page, name, url, status = 200) {
  const response = await page.goto(url);
  assert.equal(response.status(), status, `GET ${url}`);
  await check(page, name, await response.text());
}

/** Follows a link by clicking it and waits for the next page; returns its response. */
async function click(page, locator) {
  const [response] = await Promise.all([page.waitForNavigation(), locator.click()]);
  return response;
}

const COLLECTIONS = ['statements', 'agreements', 'meetings', 'delegations', 'mous', 'organisations',
  'people', 'areas'];

test('a visitor browses from the home page through every collection by following links', async (t) => {
  await withPage(t, {}, async (page) => {
    await visit(page, 'home', '/');
    for (const collection of COLLECTIONS) {
      let response = await click(page, page.locator(`nav[aria-label="Main"] a[href="/${collection}"]`));
      assert.equal(response.status(), 200);
      assert.equal(new URL(page.url()).pathname, `/${collection}`);
      await check(page, `list ${collection}`, await response.text());
      const first = page.locator(`main a[href^="/${collection}/"]`).first();
      response = await click(page, first);
      assert.equal(response.status(), 200);
      assert.match(new URL(page.url()).pathname, new RegExp(`^/${collection}/[^/]+$`));
      await check(page, `record ${collection}`, await response.text());
    }
    for (const [name, url] of [['timeline', '/timeline'], ['stats', '/stats'],
      ['open data', '/open-data']]) {
      await click(page, page.locator(`footer a[href="${url}"]`));
      await check(page, name);
    }
    await visit(page, 'not found', '/no-such-page', 404);
    await visit(page, 'bad request', '/mous?year=soon', 400);
  });
});

test('the language switcher takes a page to Malay, to Chinese and back to English, keeping it', async (t) => {
  await withPage(t, {}, async (page) => {
    const here = () => { const url = new URL(page.url()); return url.pathname + url.search; };
    await page.goto('/mous?year=2024');
    await click(page, page.locator('.language-switcher a[hreflang="ms"]'));
    assert.equal(here(), '/ms/mous?year=2024');
    assert.equal(await page.getAttribute('html', 'lang'), 'ms');
    await check(page, 'list in Malay');
    await click(page, page.locator('.language-switcher a[hreflang="zh-Hans"]'));
    assert.equal(here(), '/zh/mous?year=2024');
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-Hans');
    await check(page, 'list in Chinese');
    await click(page, page.locator('main a[href^="/zh/mous/"]').first());
    const record = new URL(page.url()).pathname.replace(/^\/zh/, '');
    await check(page, 'record in Chinese');
    await click(page, page.locator('.language-switcher a[hreflang="ms"]'));
    assert.equal(here(), `/ms${record}`);
    await check(page, 'record in Malay');
    await click(page, page.locator('.language-switcher a[hreflang="en"]'));
    assert.equal(here(), record);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    // The choice is remembered, and English was the last one: the root stays English.
    await page.goto('/');
    assert.equal(here(), '/');
    await click(page, page.locator('.language-switcher a[hreflang="zh-Hans"]'));
    assert.equal(here(), '/zh/');
    await check(page, 'home in Chinese');
    await page.goto('/');
    assert.equal(here(), '/zh/', 'a first visit to the root follows the remembered choice');
  });
});

test('a reader with a Chinese browser lands on Chinese pages and switches any page to Malay and back', async (t) => {
  await withPage(t, { locale: 'zh-CN', viewport: { width: 390, height: 844 } }, async (page) => {
    const here = () => new URL(page.url()).pathname;
    await page.goto('/');
    assert.equal(here(), '/zh/', 'the first visit follows the browser\'s language');
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-Hans');
    const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    assert.ok(await fits(), 'the Chinese home page fits a phone screen');
    for (const collection of COLLECTIONS) {
      await page.goto(`/zh/${collection}`);
      await click(page, page.locator(`main a[href^="/zh/${collection}/"]`).first());
      const record = here().replace(/^\/zh/, '');
      assert.ok(await fits(), `${record} in Chinese fits a phone screen`);
      await click(page, page.locator('.language-switcher a[hreflang="ms"]'));
      assert.equal(here(), `/ms${record}`);
      assert.equal(await page.getAttribute('html', 'lang'), 'ms');
      assert.ok(await fits(), `${record} in Malay fits a phone screen`);
      await check(page, `record ${collection} in Malay on a phone`);
      await click(page, page.locator('.language-switcher a[hreflang="zh-Hans"]'));
      assert.equal(here(), `/zh${record}`);
      await check(page, `record ${collection} in Chinese on a phone`);
      if (['statements', 'mous'].includes(collection)) {
        await page.goto(`/zh${record}?compare=ms`);
        assert.ok(await fits(), `${record} side by side fits a phone screen`);
        await check(page, `${collection} side by side on a phone`);
      }
    }
  });
});

test('on a phone, charts and tables keep their text legible, a wide table scrolls on its own and the open-data tables need not', async (t) => {
  await withPage(t, { viewport: { width: 390, height: 844 } }, async (page) => {
    for (const url of ['/stats', '/ms/stats', '/zh/stats', '/open-data',
      '/statements/malaysia-china-second-joint-research-project-group-2024']) {
      await page.goto(url);
      const fits = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
      assert.ok(fits, `${url} fits a phone screen`);
      // The height of each line of text as drawn, which a scaled-down drawing would shrink.
      const smallest = await page.evaluate(() => {
        const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
        const range = document.createRange();
        let height = Infinity;
        while (walker.nextNode()) {
          const node = walker.currentNode;
          if (!node.textContent.trim() || node.parentElement.closest('.visually-hidden')) continue;
          range.selectNodeContents(node);
          for (const rect of range.getClientRects()) if (rect.height > 0) height = Math.min(height, rect.height);
        }
        return height;
      });
      assert.ok(smallest >= 12, `the smallest text on ${url} is ${smallest}px tall`);
    }
    // The filters and addresses of the open-data page are read there: none of them hides.
    for (const url of ['/open-data', '/ms/open-data', '/zh/open-data']) {
      await page.goto(url);
      const scrolling = await page.$$eval('.table-scroll', (boxes) => boxes.filter((box) => box.scrollWidth > box.clientWidth).length);
      assert.equal(scrolling, 0, `every table of ${url} fits a phone without scrolling`);
    }
  });
});

test('a visitor filters a list and searches', async (t) => {
  await withPage(t, {}, async (page) => {
    await page.goto('/mous');
    const all = await page.locator('.results__count').innerText();
    await page.selectOption('#filter-area', 'microelectronics-and-semiconductors');
    await click(page, page.locator('form.filters button[type="submit"]'));
    assert.equal(new URL(page.url()).searchParams.get('area'), 'microelectronics-and-semiconductors');
    assert.notEqual(await page.locator('.results__count').innerText(), all);
    await check(page, 'filtered list');

    await page.fill('#site-search-q', 'semiconductor');
    await Promise.all([page.waitForNavigation(), page.press('#site-search-q', 'Enter')]);
    assert.equal(new URL(page.url()).pathname, '/search');
    assert.equal(new URL(page.url()).searchParams.get('q'), 'semiconductor');
    assert.ok(await page.locator('main mark').count() > 0, 'search results mark the word');
    await check(page, 'search');
    await visit(page, 'search without results', '/search?q=zzzzqqq');
  });
});

test('the skip link moves to the content and focus is visible', async (t) => {
  await withPage(t, {}, async (page) => {
    await page.goto('/');
    await page.keyboard.press('Tab');
    const skip = page.locator('.skip-link');
    assert.ok(await skip.evaluate((a) => a === document.activeElement), 'Tab reaches the skip link first');
    assert.ok(await skip.isVisible());
    const box = await skip.boundingBox();
    assert.ok(box && box.y >= 0 && box.width > 1 && box.height > 1, 'the focused skip link is on screen');
    const outline = await skip.evaluate((a) => getComputedStyle(a).outlineStyle);
    assert.notEqual(outline, 'none', 'focus is visible');
    // Following a link within the page is not done when the key press returns.
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.hash === '#main', { timeout: 5000 });
    assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
    await page.keyboard.press('Tab');
    const next = await page.evaluate(() => [document.activeElement.closest('main') !== null,
      getComputedStyle(document.activeElement).outlineStyle]);
    assert.deepEqual(next, [true, next[1]], 'Tab after the skip link stays in the content');
    assert.notEqual(next[1], 'none', 'focus is visible in the content');
  });
});

/** Every field marked invalid names its message, and every message belongs to a field. */
async function assertErrorsTiedToFields(page) {
  const untied = await page.evaluate(() => {
    const problems = [];
    for (const field of document.querySelectorAll('[aria-invalid="true"]')) {
      const ids = (field.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
      if (!ids.some((id) => document.getElementById(id)?.classList.contains('field__error'))) {
        problems.push(`#${field.id} is not described by its error`);
      }
    }
    for (const message of document.querySelectorAll('.field__error')) {
      if (!document.querySelector(`[aria-describedby~="${message.id}"]`)) {
        problems.push(`#${message.id} describes no field`);
      }
    }
    return problems;
  });
  assert.deepEqual(untied, []);
  assert.ok(await page.locator('[aria-invalid="true"]').count() > 0, 'some field is marked invalid');
}

test('staff log in, write, preview and publish a statement, keep records, and log out', async (t) => {
  await withPage(t, {}, async (page) => {
    await visit(page, 'login', '/staff/login');
    await page.fill('#field-username', STAFF.username);
    await page.fill('#field-password', STAFF.password);
    await click(page, page.locator('form[action="/staff/login"] button[type="submit"]'));
    assert.equal(new URL(page.url()).pathname, '/staff');
    await check(page, 'dashboard');

    await visit(page, 'staff statements', '/staff/statements');
    await visit(page, 'statement editor', '/staff/statements/new');
    let response = await click(page, page.locator('button[name="action"][value="save"]'));
    assert.equal(response.status(), 422);
    await assertErrorsTiedToFields(page);
    await check(page, 'statement editor 422', await response.text());

    const title = 'Joint laboratory for semiconductor packaging opens in Penang';
    await page.fill('#field-title', title);
    await page.fill('#field-summary', 'MIMOS and CETC open a joint laboratory.');
    await page.fill('#field-dateline', 'PUTRAJAYA');
    await page.fill('#field-body', '## The laboratory\n\nIt opens **today** with:\n\n- packaging\n- testing\n');
    const titleMs = 'Makmal bersama pembungkusan semikonduktor dibuka di Pulau Pinang';
    const titleZh = '半导体封装联合实验室在槟城揭幕';
    await page.fill('#field-title_ms', titleMs);
    await page.fill('#field-body_ms', 'Makmal ini dibuka **hari ini**.');
    await page.fill('#field-title_zh', titleZh);
    await page.fill('#field-body_zh', '实验室于**今天**启用。');
    await page.fill('#field-related', '/mous/mimos-cetc-mou-2024');
    response = await click(page, page.locator('button[name="action"][value="preview"]'));
    assert.equal(response.status(), 200);
    assert.ok(await page.locator('strong', { hasText: 'today' }).count() > 0, 'the preview renders Markdown');
    await check(page, 'statement preview', await response.text());
    response = await click(page, page.locator('button[name="action"][value="publish"]'));
    assert.ok(response.ok(), `publishing answered ${response.status()}`);

    await page.goto('/statements');
    await click(page, page.locator('main .results a', { hasText: title }));
    const slug = new URL(page.url()).pathname;
    assert.equal(await page.locator('main h1').innerText(), title);
    await visit(page, 'statement version', `${slug}/v/1`);
    // Published in three languages at once: each reader gets their own.
    await page.goto(`/ms${slug}`);
    assert.equal(await page.locator('main h1').innerText(), titleMs);
    await visit(page, 'statement in Chinese', `/zh${slug}`);
    assert.equal(await page.locator('main h1').innerText(), titleZh);
    assert.equal(await page.locator('.language-versions li').count(), 3);

    await visit(page, 'records', '/staff/records');
    const lists = await page.locator('main a[href^="/staff/records/"]').evaluateAll(
      (links) => [...new Set(links.map((a) => a.getAttribute('href')).filter((h) => !h.endsWith('/new')))],
    );
    assert.ok(lists.length >= 7, `record collections: ${lists}`);
    for (const list of lists) {
      await visit(page, `staff list ${list}`, list);
      await visit(page, `new ${list}`, `${list}/new`);
      const edit = await page.goto(list).then(() => page.locator('main a[href$="/edit"]').first().getAttribute('href'));
      await visit(page, `edit ${list}`, edit);
    }
    await page.goto('/staff/records/organisations/new');
    response = await click(page, page.locator('main form button[type="submit"]').last());
    assert.equal(response.status(), 422);
    await assertErrorsTiedToFields(page);
    await check(page, 'record form 422', await response.text());

    await visit(page, 'users', '/staff/users');
    await visit(page, 'audit', '/staff/audit');

    // The same staff pages in Chinese and Malay, with their errors in those languages.
    await visit(page, 'dashboard in Chinese', '/zh/staff');
    await visit(page, 'statement editor in Chinese', '/zh/staff/statements/new');
    response = await click(page, page.locator('button[name="action"][value="save"]'));
    assert.equal(response.status(), 422);
    assert.equal(new URL(page.url()).pathname, '/zh/staff/statements');
    assert.match(await page.locator('#error-title').innerText(), /标题不能为空。$/);
    await assertErrorsTiedToFields(page);
    await check(page, 'statement editor 422 in Chinese', await response.text());
    await page.goto('/ms/staff/records/mous/new');
    response = await click(page, page.locator('main form button[type="submit"]').last());
    assert.equal(response.status(), 422);
    await assertErrorsTiedToFields(page);
    await check(page, 'record form 422 in Malay', await response.text());

    // Logging out of a Malay page leads to the Malay home page.
    await click(page, page.locator('form[action="/ms/staff/logout"] button[type="submit"]'));
    assert.equal(new URL(page.url()).pathname, '/ms/');
    assert.equal((await page.goto('/staff')).url().includes('/staff/login'), true, 'logged out');
  });
});

test('the public pages work without JavaScript and carry no script', async (t) => {
  await withPage(t, { javaScriptEnabled: false }, async (page) => {
    await page.goto('/');
    await click(page, page.locator('nav[aria-label="Main"] a[href="/organisations"]'));
    await page.selectOption('#filter-country', 'MY');
    await click(page, page.locator('form.filters button[type="submit"]'));
    assert.equal(new URL(page.url()).searchParams.get('country'), 'MY');
    await page.fill('#site-search-q', 'semiconductor');
    await click(page, page.locator('form.site-search button[type="submit"]'));
    assert.ok(await page.locator('main mark').count() > 0, 'search works');
  });
  await withPage(t, { javaScriptEnabled: false }, async (page) => {
    await page.goto('/mous');
    await click(page, page.locator('.pager a[rel="next"]'));
    assert.equal(new URL(page.url()).searchParams.get('page'), '2');
    assert.equal(await page.locator('.pager [aria-current="page"]').innerText(), '2');
  });
  for (const [name, html] of pages) {
    const scripts = [...html.matchAll(/<script\b([^>]*)>/gi)].map((m) => m[1]);
    const executable = scripts.filter((attributes) => !/type="application\/ld\+json"/.test(attributes));
    assert.deepEqual(executable, [], `${name} has a script`);
  }
});

test('every public page weighs under 100 KB and loads nothing from another host', async (t) => {
  assert.ok(publicUrls.size >= 20, `only ${publicUrls.size} public pages were seen`);
  for (const url of publicUrls) {
    // A fresh context each time, so the stylesheet and images count on every page.
    await withPage(t, {}, async (page) => {
      const requests = [];
      page.on('requestfinished', (request) => requests.push(request));
      await page.goto(url, { waitUntil: 'load' });
      let total = 0;
      for (const request of requests) {
        assert.equal(new URL(request.url()).origin, origin, `${url} requested ${request.url()}`);
        const sizes = await request.sizes();
        total += sizes.responseBodySize + sizes.responseHeadersSize;
      }
      assert.ok(total < PAGE_WEIGHT_LIMIT, `${url} weighs ${total} bytes`);
    });
  }
});

test('every page type is valid HTML for the Nu Html Checker', () => {
  const folder = path.join(work, 'html');
  fs.mkdirSync(folder);
  const files = [...pages].map(([name, html]) => {
    const file = path.join(folder, `${name.replace(/[^a-z0-9]+/gi, '-')}.html`);
    fs.writeFileSync(file, html);
    return file;
  });
  assert.ok(files.length >= 30, `only ${files.length} page types were seen`);
  // One run for every file: the checker takes seconds to start.
  let output;
  try {
    output = execFileSync('java', ['-jar', vnuJar, '--errors-only', '--format', 'json', '--stdout',
      ...files],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    // vnu exits 1 when it found errors.
    output = error.stdout;
    if (!output) throw error;
  }
  const report = JSON.parse(output.trim() || '{"messages":[]}');
  const errors = report.messages.map((m) => `${path.basename(decodeURIComponent(m.url ?? ''))}:${m.lastLine}: ${m.message}`);
  assert.deepEqual(errors, []);
});
