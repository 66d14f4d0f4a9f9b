// Used by Taro's webpack build and by babel-jest (jest.config.ts).
// Options of babel-preset-taro: https://docs.taro.zone/docs/next/babel-config
module.exports = {
  presets: [
    [
      'taro',
      {
        framework: 'react',
        ts: true,
        compiler: 'webpack5',
      },
    ],
  ],
};
