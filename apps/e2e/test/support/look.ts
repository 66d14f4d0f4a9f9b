import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { screenshotPath } from './browser';

/** The two screens every page is looked at on: a small phone and a desktop. */
export const PHONE = { width: 360, height: 740 } as const;
export const DESKTOP = { width: 1280, height: 800 } as const;

/** What a person would notice on a screen: each problem in words. */
export interface LookProblems {
  axe: string[];
  overflow: string[];
  blank: string[];
  /** Content-Security-Policy violations since the page loaded (see support/browser.ts) */
  csp: string[];
}

/**
 * Looks at the page as its user would, and throws listing everything wrong:
 * - axe-core (WCAG 2.1 A/AA): no violation of impact serious or critical;
 * - nothing wider than the screen (the page does not scroll sideways);
 * - no control without a visible label (a blank button, a link with no text);
 * - nothing the page did was refused by its Content-Security-Policy;
 * and writes a full-page screenshot to artifacts/screenshots/<name>.png.
 */
export async function lookAt(page: Page, name: string): Promise<void> {
  await settle(page);
  await page.screenshot({ path: screenshotPath(name), fullPage: true });
  const problems = await findProblems(page);
  const all = [
    ...problems.axe.map((p) => `axe: ${p}`),
    ...problems.overflow.map((p) => `overflow: ${p}`),
    ...problems.blank.map((p) => `blank control: ${p}`),
    ...problems.csp.map((p) => `CSP violation: ${p}`),
  ];
  if (all.length > 0) throw new Error(`${name}: ${all.length} problem(s)\n${all.join('\n')}`);
}

/** Lets fonts load and animations end before looking. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts?.ready.then(() => undefined));
  await page.waitForTimeout(350);
}

export async function findProblems(page: Page): Promise<LookProblems> {
  const hasAxe = await page.evaluate(() => 'axe' in window);
  // Evaluated through DevTools, not as a <script> tag: the page's CSP refuses inline scripts.
  if (!hasAxe) await page.evaluate(axeSource());
  const axe = await page.evaluate(async () => {
    const w = window as unknown as {
      axe: {
        run: (
          ctx: unknown,
          opts: unknown,
        ) => Promise<{
          violations: {
            id: string;
            impact: string;
            help: string;
            nodes: { target: string[]; html: string }[];
          }[];
        }>;
      };
    };
    const result = await w.axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
      },
      resultTypes: ['violations'],
    });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) =>
        v.nodes.map(
          (n) => `${v.id} (${v.impact}): ${v.help} — ${n.target.join(' ')} ${n.html.slice(0, 160)}`,
        ),
      );
  });

  const { overflow, blank } = await page.evaluate(() => {
    const width = window.innerWidth;
    const overflow: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > width + 1)
      overflow.push(`page is ${doc.scrollWidth}px wide at ${width}px`);
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      const s = getComputedStyle(el);
      return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none';
    };
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[data-testid=${el.getAttribute('data-testid')}]` : ''}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).slice(0, 2).join('.') : ''}`;
    // Anything sticking out past the right edge (clipped or scrolling sideways).
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      if (!visible(el)) continue;
      const r = el.getBoundingClientRect();
      if (r.right > width + 1 && r.width < width * 3) {
        // Only report the outermost element that sticks out.
        const parent = el.parentElement;
        if (parent && parent.getBoundingClientRect().right > width + 1) continue;
        // Inside a scrolling container (a wide table meant to scroll) is fine.
        let scroller: Element | null = el.parentElement;
        let scrolls = false;
        while (scroller) {
          const ox = getComputedStyle(scroller).overflowX;
          if (
            (ox === 'auto' || ox === 'scroll') &&
            scroller.getBoundingClientRect().right <= width + 1
          ) {
            scrolls = true;
            break;
          }
          scroller = scroller.parentElement;
        }
        if (!scrolls)
          overflow.push(
            `${describe(el)} ends at ${Math.round(r.right)}px: "${(el as HTMLElement).innerText?.slice(0, 40) ?? ''}"`,
          );
      }
    }
    const blank: string[] = [];
    const controls = document.querySelectorAll(
      'button, a[href], taro-button-core, .nut-button, [role=button], [role=link], [role=radio], [role=checkbox], [role=tab]',
    );
    for (const el of Array.from(controls)) {
      if (!visible(el)) continue;
      const text = ((el as HTMLElement).innerText ?? '').trim();
      const label = el.getAttribute('aria-label') ?? el.getAttribute('title') ?? '';
      if (!text && !label.trim() && !el.querySelector('img[alt]:not([alt=""]), svg[aria-label]')) {
        blank.push(describe(el));
      }
    }
    return { overflow, blank: Array.from(new Set(blank)) };
  });

  const csp = await page.evaluate(
    () => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [],
  );
  return { axe, overflow, blank, csp };
}

let axeScript: string | undefined;
function axeSource(): string {
  axeScript ??= readFileSync(require.resolve('axe-core'), 'utf8');
  return axeScript;
}

/** The control is at least 44×44 CSS px (WCAG 2.5.5): a thumb at the gate can hit it. */
export async function expectTapTarget(locator: Locator): Promise<void> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('tap target not visible');
  if (box.width < 44 || box.height < 44) {
    throw new Error(
      `tap target ${Math.round(box.width)}×${Math.round(box.height)} px is smaller than 44×44: ${await locator.innerText()}`,
    );
  }
}

/** The computed text and background colours' contrast ratio of an element (WCAG formula). */
export async function contrastOf(locator: Locator): Promise<number> {
  return locator.evaluate((el) => {
    const parse = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    let bgEl: Element | null = el;
    let bg = [255, 255, 255];
    while (bgEl) {
      const s = getComputedStyle(bgEl);
      const c = parse(s.backgroundColor);
      if (c.length >= 3 && (c.length < 4 || c[3] > 0.5)) {
        bg = c.slice(0, 3);
        break;
      }
      if (s.backgroundImage.includes('gradient')) {
        const g = parse(s.backgroundImage.replace(/^[^(]*\(/, ''));
        bg = g.slice(g.length >= 4 && g[0] > 1 ? 0 : 1, 4);
        break;
      }
      bgEl = bgEl.parentElement;
    }
    const fg = parse(getComputedStyle(el).color).slice(0, 3);
    const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
    return (a + 0.05) / (b + 0.05);
  });
}
