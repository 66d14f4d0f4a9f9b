import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

/** Where browser tests leave their screenshots (kept by CI as artifacts). */
export const ARTIFACTS_DIR = path.resolve(__dirname, '../../../../artifacts/screenshots');

/**
 * Run in every page before its own scripts (through DevTools, so the page's CSP does not apply
 * to it): records each Content-Security-Policy violation, which lookAt reports as a problem.
 */
const WATCH_CSP = `
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push(e.violatedDirective + ' refused ' + (e.blockedURI || 'inline') +
      ' at ' + (e.sourceFile || location.href) + ':' + e.lineNumber);
  });
`;

/**
 * Debian's Chromium, headless, with no background traffic (the network here is closed); every
 * context it opens watches for CSP violations.
 */
export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      ...extraArgs,
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
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    await context.addInitScript(WATCH_CSP);
    return context;
  };
  return browser;
}

export function screenshotPath(name: string): string {
  return path.join(ARTIFACTS_DIR, `${name}.png`);
}
