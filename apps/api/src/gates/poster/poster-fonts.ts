import * as fontkit from 'fontkit';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { FontWeight } from './poster-layout';

/**
 * The poster's CJK font, shipped with the server as an npm dependency so that the PDF and the PNG
 * look the same on every machine (the Docker image has no system fonts): Noto Sans S Chinese
 * (Noto Sans CJK SC, full GB 18030 basic coverage: 30 888 glyphs) from `@embedpdf/fonts-sc`,
 * under the SIL Open Font License 1.1. The PDF embeds only the glyphs it uses.
 */
export interface PosterFonts {
  /** The family name the SVG refers to (as resvg reads it from the font files). */
  readonly family: string;
  /** The font file of each weight. */
  readonly files: Readonly<Record<FontWeight, string>>;
  /** The width in points of `text` set in `weight` at `size` points. */
  width(text: string, weight: FontWeight, size: number): number;
}

const FAMILY = 'Noto Sans S Chinese';
const FILES: Record<FontWeight, string> = {
  regular: 'NotoSansHans-Regular.otf',
  bold: 'NotoSansHans-Bold.otf',
};

let loaded: PosterFonts | undefined;

/** The fonts, read and parsed once (about 17 MB of font files, on the first poster). */
export function posterFonts(): PosterFonts {
  loaded ??= loadFonts();
  return loaded;
}

function loadFonts(): PosterFonts {
  // The package exports only its entry (dist/index.cjs); the fonts sit in ../fonts beside it.
  const dir = path.join(path.dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts');
  const files = {
    regular: path.join(dir, FILES.regular),
    bold: path.join(dir, FILES.bold),
  };
  const faces = {
    regular: openFont(files.regular),
    bold: openFont(files.bold),
  };
  return {
    family: FAMILY,
    files,
    width(text, weight, size) {
      const face = faces[weight];
      return (face.layout(text).advanceWidth / face.unitsPerEm) * size;
    },
  };
}

function openFont(file: string): fontkit.Font {
  const font = fontkit.create(readFileSync(file));
  if (!('layout' in font)) throw new Error(`${file} is a font collection, not a font`);
  return font;
}
