import type { PropsWithChildren } from 'react';

import { registerServiceWorker } from './shared/pwa';

import './app.css';

registerServiceWorker();

function App({ children }: PropsWithChildren) {
  // `children` is the page being shown.
  return children;
}

export default App;
