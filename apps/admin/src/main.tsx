import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createI18nProvider, loadMessages, storedLocale } from './i18n';
import { startSessionCheck } from './providers/authProvider';
import { prefetchRoute } from './routes';

// With a live session, the current route's code starts loading while React starts (nothing is fetched before
// sign-in beyond the sign-in page itself).
startSessionCheck(() => prefetchRoute(window.location.hash));

// The catalogue of the language last used is loaded before the first render (Urdu is its own chunk).
const locale = storedLocale();
void loadMessages(locale).then((messages) => {
  const i18nProvider = createI18nProvider(locale, messages);
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App i18nProvider={i18nProvider} />
    </StrictMode>,
  );
});
