/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS on purpose: it hooks require('electron') before main.cjs loads. */
// A stand-in for the `electron` module, faithful to the parts electron/main.ts, security.ts
// and ipc/register.ts use (app lifecycle, BrowserWindow, ipcMain, session, dialog, shell,
// Menu, nativeTheme, safeStorage). It loads the built dist-electron/main.cjs as Electron would, drives
// what a user and an attacker would do, and prints what happened as one JSON line.
// Environment: BOOT_APP_ROOT (the app folder), BOOT_USER_DATA, BOOT_RESOURCES, BOOT_SCENARIO,
// BOOT_METHODS (the contract's method names, as JSON).
'use strict';
const Module = require('node:module');
const path = require('node:path');
const { EventEmitter } = require('node:events');
const { pathToFileURL } = require('node:url');

const appRoot = process.env.BOOT_APP_ROOT;
const scenario = process.env.BOOT_SCENARIO ?? 'normal';
const record = { windows: [], handlers: [], dialogs: [], opened: [], exit: null, quit: false };

const app = new EventEmitter();
let resolveReady;
const ready = new Promise((resolve) => (resolveReady = resolve));
Object.assign(app, {
  isPackaged: true,
  whenReady: () => ready,
  getAppPath: () => appRoot,
  getPath: () => process.env.BOOT_USER_DATA,
  getVersion: () => '0.1.0-boot',
  getLocale: () => 'en-US',
  enableSandbox: () => (record.sandboxEnabled = true),
  requestSingleInstanceLock: () => true,
  relaunch: () => (record.relaunch = true),
  exit: (code) => {
    record.exit = code;
    finish();
  },
  quit: () => {
    record.quit = true;
    finish();
  },
});
process.resourcesPath = process.env.BOOT_RESOURCES;

class BrowserWindow extends EventEmitter {
  static all = [];
  static getAllWindows = () => BrowserWindow.all;
  static getFocusedWindow = () => BrowserWindow.all[0] ?? null;
  constructor(options) {
    super();
    this.options = options;
    this.webContents = Object.assign(new EventEmitter(), { send: () => {} });
    BrowserWindow.all.push(this);
    record.windows.push({ options });
    app.emit('web-contents-created', {}, (this.contents = makeContents()));
  }
  loadFile(file) {
    record.windows.at(-1).loaded = file;
    return Promise.resolve();
  }
  isDestroyed = () => false;
  destroy = () => {};
}

function makeContents() {
  const contents = new EventEmitter();
  contents.setWindowOpenHandler = (handler) => (contents.windowOpen = handler);
  return contents;
}

const ipcMain = {
  channels: new Map(),
  handle: (channel, handler) => ipcMain.channels.set(channel, handler),
  removeHandler: (channel) => ipcMain.channels.delete(channel),
};
const session = {
  defaultSession: {
    setPermissionRequestHandler: (h) => (session.permissionRequest = h),
    setPermissionCheckHandler: (h) => (session.permissionCheck = h),
    webRequest: { onHeadersReceived: (h) => (session.headers = h) },
  },
};
const dialog = {
  showMessageBox: async (options) => {
    record.dialogs.push({ kind: 'message', title: options.title, buttons: options.buttons });
    return { response: options.cancelId };
  },
  showErrorBox: (title, content) => record.dialogs.push({ kind: 'error', title, content }),
  showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
  showSaveDialog: async () => ({ canceled: true }),
};
const shell = {
  openExternal: async (url) => record.opened.push(url),
  showItemInFolder: () => {},
};
const electron = {
  app,
  BrowserWindow,
  ipcMain,
  session,
  dialog,
  shell,
  Menu: { buildFromTemplate: (t) => ({ t }), setApplicationMenu: (m) => (record.menu = m) },
  nativeTheme: { shouldUseDarkColors: false, themeSource: 'system' },
  // The OS key store, as an opaque reversible box: what comes out is only what went in.
  safeStorage: {
    isEncryptionAvailable: () => true,
    encryptString: (text) => Buffer.from(`standin-sealed:${text}`, 'utf8'),
    decryptString: (buffer) => {
      const text = buffer.toString('utf8');
      if (!text.startsWith('standin-sealed:'))
        throw new Error('Error while decrypting the ciphertext');
      return text.slice('standin-sealed:'.length);
    },
  },
};

const load = Module._load;
Module._load = function (request, parent, isMain) {
  if (request === 'electron') return electron;
  return load.call(this, request, parent, isMain);
};

let finished = false;
function finish() {
  if (finished) return;
  finished = true;
  process.stdout.write(`${JSON.stringify(record)}\n`);
  setTimeout(() => process.exit(0), 50).unref();
}

async function drive() {
  const pageUrl = pathToFileURL(path.join(appRoot, 'dist', 'renderer', 'index.html')).href;
  const call = ipcMain.channels.get('pacer:call');
  record.channels = [...ipcMain.channels.keys()];
  const methodNames = JSON.parse(process.env.BOOT_METHODS ?? '[]');
  // Every contract method: refused from a foreign frame, dispatched from the app's page.
  record.methods = {};
  for (const method of methodNames) {
    const foreign = await call(
      { senderFrame: { url: 'https://evil.example/' } },
      { method, input: {} },
    );
    const framed = await call({ senderFrame: { url: `${pageUrl}.evil` } }, { method, input: {} });
    const own = await call(
      { senderFrame: { url: `${pageUrl}#/customers` } },
      { method, input: 'not an input' },
    );
    record.methods[method] = {
      foreign: foreign.ok ? 'ok' : foreign.error.message,
      framed: framed.ok ? 'ok' : framed.error.message,
      own: own.ok ? 'ok' : own.error.code,
    };
  }
  const info = await call({ senderFrame: { url: pageUrl } }, { method: 'app.status', input: {} });
  record.appInfo = info.ok ? 'ok' : info.error.message;
  // The CSP header replaces whatever a response says.
  await new Promise((resolve) =>
    session.headers(
      { responseHeaders: { 'content-security-policy': ['default-src *'], 'x-other': ['1'] } },
      (answer) => resolve((record.headers = answer.responseHeaders)),
    ),
  );
  session.permissionRequest(null, 'camera', (granted) => (record.permission = granted));
  record.permissionCheck = session.permissionCheck();
  // Navigation and new windows from the window's contents.
  const contents = BrowserWindow.all[0].contents;
  const navigate = (url, isMainFrame = true) => {
    let prevented = false;
    contents.emit('will-frame-navigate', {
      url,
      isMainFrame,
      preventDefault: () => (prevented = true),
    });
    return prevented;
  };
  record.navigation = {
    own: navigate(`${pageUrl}#/deals`),
    https: navigate('https://example.com/x'),
    file: navigate('file:///etc/passwd'),
  };
  record.windowOpen = contents.windowOpen({ url: 'https://example.com/y' });
  let webview = false;
  contents.emit('will-attach-webview', { preventDefault: () => (webview = true) });
  record.webviewPrevented = webview;
  finish();
}

if (scenario === 'normal') {
  const wait = setInterval(() => {
    if (BrowserWindow.all.length > 0 && ipcMain.channels.size > 0) {
      clearInterval(wait);
      drive().catch((error) => {
        record.error = String(error && error.stack);
        finish();
      });
    }
  }, 20);
}
setTimeout(() => {
  record.error = record.error ?? 'timed out';
  finish();
}, 20_000).unref();

require(path.join(appRoot, 'dist-electron', 'main.cjs'));
resolveReady();
