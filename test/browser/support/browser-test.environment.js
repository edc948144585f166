const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const { TestEnvironment } = require('jest-environment-node');

/** Where `launchBrowser` lists the browsers a test file has open (a global symbol: the same in every realm). */
const OPEN_BROWSERS = Symbol.for('segment-desk.open-browsers');
/** Where `startDeskApp` lists the apps a test file has running. */
const RUNNING_APPS = Symbol.for('segment-desk.running-apps');
const FAILURES_DIR = join(__dirname, '..', '..', '..', 'test-results', 'failures');

function fullName(test) {
  const names = [];
  for (let block = test; block && block.name !== 'ROOT_DESCRIBE_BLOCK'; block = block.parent) names.unshift(block.name);
  return names.join(' ');
}

/**
 * Keeps what every open page showed when a test or hook failed, before the file's hooks close
 * them: a full-page screenshot, the HTML and the address, in test-results/failures/, with the log
 * of every app the file has running. A failure that happens only on a loaded CI machine can then
 * be read afterwards instead of guessed at.
 */
class BrowserTestEnvironment extends TestEnvironment {
  async handleTestEvent(event) {
    if (event.name !== 'test_fn_failure' && event.name !== 'hook_failure') return;
    const browsers = this.global[OPEN_BROWSERS] ?? [];
    const what = event.test ? fullName(event.test) : `${event.hook.type} ${fullName(event.describeBlock)}`;
    const stem = what.replace(/[^\p{L}\d]+/gu, '-').slice(0, 120);
    mkdirSync(FAILURES_DIR, { recursive: true });
    let n = 0;
    for (const app of this.global[RUNNING_APPS] ?? []) writeFileSync(join(FAILURES_DIR, `${stem}-app-${++n}.log`), app.stdout + app.stderr);
    n = 0;
    for (const browser of browsers) {
      for (const page of browser.contexts().flatMap((context) => context.pages())) {
        const path = join(FAILURES_DIR, `${stem}-${++n}`);
        // Where the keyboard and the scroll were: a lost click or a page still loading shows there.
        const state = await page
          .evaluate('({ focus: document.activeElement?.outerHTML.slice(0, 200), scrollY, readyState: document.readyState })')
          .catch((error) => `no page state: ${error}`);
        writeFileSync(`${path}.txt`, `${what}\n${page.url()}\n${JSON.stringify(state)}\n`);
        try {
          await page.screenshot({ path: `${path}.png`, fullPage: true, timeout: 10_000 });
          writeFileSync(`${path}.html`, await page.content());
        } catch (error) {
          writeFileSync(`${path}.txt`, `no screenshot: ${error}\n`, { flag: 'a' });
        }
      }
    }
  }
}

module.exports = BrowserTestEnvironment;
