import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { I18nProvider } from './i18n/index.tsx';
import { RouterProvider } from './router.tsx';
import { registerServiceWorker } from './serviceWorker.ts';
import { SessionProvider } from './session.tsx';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <SessionProvider>
        <RouterProvider>
          <App />
        </RouterProvider>
      </SessionProvider>
    </I18nProvider>
  </StrictMode>,
);

registerServiceWorker();
