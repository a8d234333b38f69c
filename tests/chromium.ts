/**
 * Which Chromium the tests drive: $CHROMIUM_PATH, then Debian's /usr/bin/chromium, else
 * Playwright's own download (an ordinary developer laptop after `npx playwright install`).
 */
import { existsSync } from 'node:fs';

export function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'];
  return candidates.find((p): p is string => !!p && existsSync(p));
}

/** Flags for a closed network and a root sandbox (CI here runs as root). */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
