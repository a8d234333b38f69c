/** The share images' font: Noto Sans SC (SIL Open Font License 1.1) from its npm package, never the machine's. */
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import type { Font } from 'fontkit';
import type { OgFonts } from './card.ts';

const require = createRequire(import.meta.url);
const FONT_FILES = {
  regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
};

let fonts: OgFonts | undefined;

/** Opened once per process; fontkit reads glyphs lazily, so this is cheap (about 20 ms). */
export function ogFonts(): OgFonts {
  const open = (path: string) => fontkit.openSync(require.resolve(path)) as Font;
  fonts ??= { regular: open(FONT_FILES.regular), bold: open(FONT_FILES.bold) };
  return fonts;
}
