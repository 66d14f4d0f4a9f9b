/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.gif';
declare module '*.jpg';
declare module '*.jpeg';
declare module '*.svg';
declare module '*.css';

declare namespace NodeJS {
  interface ProcessEnv {
    /** Set by Taro at build time; affects the output. */
    NODE_ENV: 'development' | 'production' | 'test';
    /** The platform being built. */
    TARO_ENV: 'weapp' | 'swan' | 'alipay' | 'h5' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn';
    /**
     * The mini-program's appid, written into dist/weapp/project.config.json.
     * @see https://docs.taro.zone/docs/next/env-mode-config
     */
    TARO_APP_ID?: string;
    /** Absolute base URL of the Qinqing API for the mini-program (H5 calls its own origin). */
    TARO_APP_API_BASE?: string;
  }
}
