import type { PropsWithChildren } from 'react';

import { listenForPrivacyRequests } from './shared/privacy';
import { registerServiceWorker } from './shared/pwa';

import './app.css';

registerServiceWorker();
if (process.env.TARO_ENV === 'weapp') listenForPrivacyRequests();

function App({ children }: PropsWithChildren) {
  // `children` is the page being shown.
  return children;
}

export default App;
