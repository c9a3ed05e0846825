import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startSession } from './actions/session.js';
import { App } from './components/App.js';
import { ErrorBoundary } from './components/ErrorBoundary.js';
import './styles/base.css';
import './styles/layout.css';
import './styles/gallery.css';
import './styles/scrubber.css';
import './styles/panel.css';
import './styles/overlays.css';
import './styles/curating.css';
import './styles/tags.css';
import './styles/albums.css';
import './styles/people.css';
import './styles/search.css';

const root = document.getElementById('root');
if (root) {
  startSession();
  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary>
        <App />
      </ErrorBoundary>
    </StrictMode>,
  );
}
