// pretest: make sure the browser tests have a Chromium. Debian's package is used when
// present (or $CHROMIUM_PATH); otherwise install it with apt (as root) or, on a laptop
// without apt, fall back to Playwright's own download.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const have = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].some((p) => p && existsSync(p));
const run = (cmd) => execSync(cmd, { stdio: 'inherit' });

if (have) {
  console.log('ensure-browser: Chromium found');
} else if (existsSync('/usr/bin/apt-get') && process.getuid?.() === 0) {
  console.log('ensure-browser: installing Debian chromium and CJK fonts with apt-get');
  run('apt-get update -qq');
  run('DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk');
} else if (existsSync('/usr/bin/apt-get')) {
  console.log('ensure-browser: installing Debian chromium and CJK fonts with sudo apt-get');
  run('sudo apt-get update -qq');
  run('sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk');
} else {
  console.log("ensure-browser: no apt; using Playwright's own Chromium");
  run('npx playwright install chromium');
}
