import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import './admin.css';

const root = document.getElementById('root');
if (!root) throw new Error('The staff app has no #root element.');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
