import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { PageLanguageProvider } from './i18n/page-language';
import '../styles/site.css';

/** Renders a page into #root (replacing the no-script message), in the page's language. */
export function mount(page: ReactNode) {
  const root = document.getElementById('root');
  if (!root) throw new Error('The page has no #root element.');
  createRoot(root).render(
    <StrictMode>
      <PageLanguageProvider>{page}</PageLanguageProvider>
    </StrictMode>,
  );
}
