import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { adminScreenOf, App } from './app/app';
import { installRosetteHook } from './app/rosette-test-hook';
import { registerServiceWorker } from './service-status/register-service-worker';
import { checkServiceStatus } from './service-status/service-status';
import './styles/base.css';
// The print faces' @font-face rules, in the first stylesheet: a few hundred bytes, and a face is only
// downloaded when a page draws with it, so every chunk (and the layout test hook) finds them declared.
import './preview/preview-fonts.css';

installRosetteHook();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
registerServiceWorker();
// The editor's page may have come from the service worker because the server is in maintenance: ask
// once. Not on the admin console (it shows the mode itself) nor on a volunteer's share page (/s/...),
// which the server serves in every mode and the service worker never stands in for.
if (adminScreenOf(window.location.pathname) === null && !window.location.pathname.startsWith('/s/')) void checkServiceStatus();
