import type { Compilation, Compiler } from 'webpack';

/**
 * `<link rel="preload">` in index.html for the code of the screens every first visit goes
 * through (the landing screen, then the login). Taro loads a screen's chunks only once its
 * runtime has run and the router asked for the screen, so on a cold start at a weak signal
 * the HTML, the runtime, the landing screen and the login screen came one after the other,
 * each a round trip (400 ms at one bar) after the last. Preloaded, they download beside the
 * runtime; the router then finds them in the browser's cache.
 *
 * A screen is named by its page path (`pages/index/index`); its chunks are those of the
 * dynamic `import()` Taro's router writes for that page, less those index.html loads anyway.
 */
export class PreloadFirstScreens {
  constructor(private readonly pages: readonly string[]) {}

  apply(compiler: Compiler): void {
    const name = PreloadFirstScreens.name;
    compiler.hooks.compilation.tap(name, (compilation) => {
      const html = htmlWebpackPlugin();
      html.getHooks(compilation).alterAssetTagGroups.tap(name, (data) => {
        const publicPath = String(compilation.outputOptions.publicPath ?? '/');
        const loaded = new Set(data.headTags.concat(data.bodyTags).map(tagUrl));
        const links = this.filesOf(compilation)
          .map((file) => publicPath + file)
          .filter((url) => !loaded.has(url))
          .map((href) =>
            html.createHtmlTagObject('link', {
              rel: 'preload',
              as: href.endsWith('.css') ? 'style' : 'script',
              href,
            }),
          );
        data.headTags.push(...links);
        return data;
      });
    });
  }

  /** The JS and CSS files of each page's chunk group, in the order of `pages`. */
  private filesOf(compilation: Compilation): string[] {
    const files: string[] = [];
    for (const page of this.pages) {
      const group = Array.from(compilation.chunkGroups).find((candidate) =>
        candidate.origins.some((origin) => pageRequest(origin.request) === page),
      );
      if (!group) {
        throw new Error(`PreloadFirstScreens: no chunk group imports ${page}`);
      }
      for (const chunk of group.chunks) {
        for (const file of chunk.files) {
          if (/\.(js|css)$/.test(file) && !files.includes(file)) files.push(file);
        }
      }
    }
    return files;
  }
}

/** `…/src/pages/index/index` → `pages/index/index` (Taro imports pages by absolute path). */
function pageRequest(request: string | undefined): string | undefined {
  const match = request?.replace(/\\/g, '/').match(/(?:^|\/)(pages\/.+)$/);
  return match?.[1];
}

interface HtmlTag {
  tagName: string;
  attributes: Record<string, string | boolean | undefined>;
}

interface HtmlWebpackPluginStatic {
  getHooks(compilation: Compilation): {
    alterAssetTagGroups: {
      tap(name: string, fn: (data: { headTags: HtmlTag[]; bodyTags: HtmlTag[] }) => unknown): void;
    };
  };
  createHtmlTagObject(tagName: string, attributes: Record<string, string>): HtmlTag;
}

/** The html-webpack-plugin Taro's runner uses: its hooks belong to that copy of the module. */
function htmlWebpackPlugin(): HtmlWebpackPluginStatic {
  const runner = require.resolve('@tarojs/webpack5-runner');
  return require(require.resolve('html-webpack-plugin', { paths: [runner] }));
}

function tagUrl(tag: HtmlTag): string | undefined {
  const url = tag.attributes.src ?? tag.attributes.href;
  return typeof url === 'string' ? url : undefined;
}
