// Stands in for the fetch and AbortController polyfills that Taro's H5 request API imports for
// their side effect only: every browser the H5 app runs in (Chromium, WeChat's webview, Safari
// since 12.1) has both, and the polyfills were 10 KB (brotli) of the first download at the gate.
