import path from 'node:path';

import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import { GenerateSW } from 'workbox-webpack-plugin';

import devConfig from './dev';
import { PreloadFirstScreens } from './preload-first-screens';
import prodConfig from './prod';

/** Workspace libraries (TypeScript sources) that Taro's babel must compile for every target. */
const LIBS_DIR = path.resolve(__dirname, '../../../libs');
const SRC_DIR = path.resolve(__dirname, '../src');
const KIB_350 = 350 * 1024;
/** Polyfills Taro's H5 runtime imports for their side effect, which no supported browser needs. */
const UNNEEDED_POLYFILLS = [
  'whatwg-fetch',
  'abortcontroller-polyfill/dist/abortcontroller-polyfill-only',
];

/**
 * The service worker (Workbox): the app shell and every page's chunks are precached at install,
 * so after one online session the app opens and checks in with no signal at all. A new build
 * installs beside the old one and waits until the user accepts the update (src/shared/pwa.h5.ts),
 * so a page never runs old and new chunks together. The API is never cached. The manifest and
 * icons (copied from src/pwa) are build assets, so they are precached with a revision already.
 */
const SERVICE_WORKER = {
  swDest: 'sw.js',
  inlineWorkboxRuntime: true,
  clientsClaim: true,
  skipWaiting: false,
  cleanupOutdatedCaches: true,
  navigateFallback: '/index.html',
  navigateFallbackDenylist: [/^\/api\//, /^\/c\//],
  // Hashed names change with their content: no revision query needed.
  dontCacheBustURLsMatching: /[.-][0-9a-f]{8,}\.(js|css)$/,
  maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
  exclude: [/\.map$/, /\.LICENSE\.txt$/],
};

// https://docs.taro.zone/docs/next/config
export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'qinqing',
    date: '2026-11-22',
    // Our styles are drawn on a 750-px-wide design; NutUI's on a 375-px one.
    // Taro also copies this function into the H5 runtime (Taro.pxTransform), where babel's
    // helpers (`typeof`, `?.`) are not defined: no helpers, no `typeof`, no `?.`.
    designWidth: function (input) {
      const file = input && (input as { file?: string }).file;
      return file && String(file).replace(/\\+/g, '/').indexOf('@nutui') > -1 ? 375 : 750;
    },
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    // QINQING_OUTPUT_ROOT lets parallel builds (e.g. browser tests) write elsewhere.
    outputRoot: process.env.QINQING_OUTPUT_ROOT ?? `dist/${process.env.TARO_ENV}`,
    plugins: [],
    alias: {
      '@qinqing/domain': path.join(LIBS_DIR, 'domain/src/index.ts'),
      '@': SRC_DIR,
    },
    // Forwards the shell's TARO_APP_API_BASE (empty: src/services/api.ts picks its default).
    // `.env*` files in apps/mobile override these values (Taro merges them over `env`).
    env: {
      TARO_APP_API_BASE: JSON.stringify(process.env.TARO_APP_API_BASE ?? ''),
    },
    defineConstants: {},
    copy: {
      // The web app manifest and its icons (H5 only: the mini-program has its own).
      patterns:
        process.env.TARO_ENV === 'h5'
          ? [{ from: 'src/pwa/', to: `${process.env.QINQING_OUTPUT_ROOT ?? 'dist/h5'}/` }]
          : [],
      options: {},
    },
    framework: 'react',
    compiler: 'webpack5',
    cache: {
      // Persistent webpack cache: off, so that a build never serves a stale `libs/` module.
      enable: false,
    },
    mini: {
      compile: {
        include: [LIBS_DIR],
      },
      postcss: {
        pxtransform: {
          enable: true,
          config: {},
        },
        cssModules: {
          enable: false,
          config: {
            namingPattern: 'module',
            generateScopedName: '[name]__[local]___[hash:base64:5]',
          },
        },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: {
        mode: 'hash',
      },
      compile: {
        include: [LIBS_DIR],
      },
      output: {
        filename: 'js/[name].[hash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      webpackChain(chain) {
        // React and Taro's H5 runtime alone weigh about 280 KiB (minified, before gzip); the budget
        // still warns when the first screen grows well beyond that.
        chain.performance.maxEntrypointSize(KIB_350).maxAssetSize(KIB_350);
        // Taro splits only the first screen's code ('initial'): every screen then carried its own
        // copy of NutUI, tweetnacl and the domain library, downloaded again with each screen at a
        // weak signal. Shared code goes into chunks of its own, downloaded and cached once.
        chain.optimization.merge({
          splitChunks: {
            chunks: 'all',
            minSize: 20_000,
            cacheGroups: {
              common: { name: false, minChunks: 2, priority: 5, reuseExistingChunk: true },
            },
          },
        });
        for (const polyfill of UNNEEDED_POLYFILLS) {
          chain.resolve.alias.set(`${polyfill}$`, path.join(__dirname, 'no-polyfill.js'));
        }
        // Every first visit goes landing → login: their code downloads beside the runtime.
        chain
          .plugin('preload-first-screens')
          .use(PreloadFirstScreens, [['pages/index/index', 'pages/login/index']]);
        if (process.env.NODE_ENV !== 'development') {
          chain.plugin('service-worker').use(GenerateSW, [SERVICE_WORKER]);
        }
      },
      postcss: {
        autoprefixer: {
          enable: true,
          config: {},
        },
        cssModules: {
          enable: false,
          config: {
            namingPattern: 'module',
            generateScopedName: '[name]__[local]___[hash:base64:5]',
          },
        },
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    // Development build: not minified.
    return merge({}, baseConfig, devConfig);
  }
  // Production build: minified.
  return merge({}, baseConfig, prodConfig);
});
