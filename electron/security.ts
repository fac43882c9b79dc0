import { app, shell, type Session, type WebContents } from 'electron';
import { isAppPage } from './ipc/sender';
import { contentSecurityPolicy } from './csp';

/** Hands https links to the user's browser; anything else (http, file, custom schemes) is dropped. */
function openOutside(url: string): void {
  try {
    if (new URL(url).protocol === 'https:') void shell.openExternal(url);
  } catch {
    // Not a URL: nothing to open.
  }
}

/** Keeps one webContents on the app page: no navigation away, no new windows, no webviews. */
function guardContents(contents: WebContents, pageUrl: string): void {
  contents.on('will-frame-navigate', (event) => {
    if (isAppPage(event.url, pageUrl)) return;
    event.preventDefault();
    if (event.isMainFrame) openOutside(event.url);
  });
  contents.on('will-redirect', (event) => {
    if (!isAppPage(event.url, pageUrl)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Denies every permission and adds the app's CSP to every response of the session. */
function guardSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders };
    for (const name of Object.keys(headers)) {
      if (name.toLowerCase() === 'content-security-policy') delete headers[name];
    }
    callback({
      responseHeaders: { ...headers, 'Content-Security-Policy': [contentSecurityPolicy] },
    });
  });
}

/**
 * Applies the security rules (engineering.md §2) to the default session and to every
 * webContents created from now on. Call once, after `app` is ready, before any window.
 */
export function applySecurity(session: Session, pageUrl: string): void {
  guardSession(session);
  app.on('web-contents-created', (_event, contents) => guardContents(contents, pageUrl));
}
