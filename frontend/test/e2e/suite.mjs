// One browser-test file's world: the real server (java -jar $CHAT_SERVER_JAR) on a free port with a
// fresh data folder, headless Debian Chromium, and the pages opened in it. Screenshots, the server
// log and the browsers' console go to target/e2e/<name>/.

import { appendFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { ChatServer } from './server.mjs';
import { newVisitor, register, waitOnline } from './pages.mjs';

const frontend = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const jar = process.env.CHAT_SERVER_JAR ?? resolve(frontend, '../app/target/jchat-app.jar');

/** Starts the server and the browser before the file's tests and stops them after. */
export function chatSuite(name) {
  const out = join(frontend, 'target/e2e', name);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const browserLog = join(out, 'browser.log');
  writeFileSync(browserLog, '');
  const log = (line) => appendFileSync(browserLog, `${line}\n`);
  const everyone = [];
  const suite = {
    out,
    /** @type {ChatServer} */
    server: null,
    browser: null,
    everyone,

    /** A new browser context (its own storage) on the login form; `options` go to newContext. */
    async visitor(user, options = {}) {
      const visitor = await newVisitor(suite.browser, suite.server.url, user, log, options);
      everyone.push(visitor);
      return visitor;
    },

    /** A new visitor who creates the account `user` and is online. */
    async member(user, options = {}) {
      const visitor = await suite.visitor(user, options);
      await register(visitor.page, user);
      await waitOnline(visitor.page);
      return visitor;
    },

    async screenshot(visitor, file) {
      await visitor.page.screenshot({ path: join(out, `${file}.png`) });
    },

    /** A test whose failure leaves a screenshot of every open page behind, named after `file`. */
    scenario(title, file, body) {
      test(title, async () => {
        try {
          await body();
        } catch (error) {
          for (const [i, visitor] of everyone.entries()) {
            if (!visitor.page.isClosed()) await suite.screenshot(visitor, `${file}-failed-${i + 1}`).catch(() => {});
          }
          throw error;
        }
      });
    },
  };

  // Whatever happens, the server does not outlive the test process.
  process.on('exit', () => suite.server?.kill());

  before(async () => {
    suite.server = new ChatServer({ jar, logFile: join(out, 'server.log') });
    await suite.server.start();
    suite.browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });

  after(async () => {
    await suite.browser?.close();
    await suite.server?.dispose();
  });

  return suite;
}
