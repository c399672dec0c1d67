// Registers the service worker (web/build/serviceWorker.ts) in production builds only: it keeps
// the app shell so that the app opens offline after the first visit. It never caches API answers.
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const register = () => {
    navigator.serviceWorker.register('/sw.js').catch(() => undefined);
  };
  if (document.readyState === 'complete') register();
  else addEventListener('load', register, { once: true });
}
