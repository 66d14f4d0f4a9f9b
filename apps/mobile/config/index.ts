import path from 'node:path';

import { defineConfig, type UserConfigExport } from '@tarojs/cli';

import devConfig from './dev';
import prodConfig from './prod';

/** Workspace libraries (TypeScript sources) that Taro's babel must compile for every target. */
const LIBS_DIR = path.resolve(__dirname, '../../../libs');
const SRC_DIR = path.resolve(__dirname, '../src');
const KIB_350 = 350 * 1024;

// https://docs.taro.zone/docs/next/config
export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'qinqing',
    date: '2026-11-22',
    // Our styles are drawn on a 750-px-wide design; NutUI's on a 375-px one.
    designWidth(input) {
      const file = typeof input === 'object' ? input?.file?.replace(/\\+/g, '/') : undefined;
      return file && file.includes('@nutui') ? 375 : 750;
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
      patterns: [],
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
