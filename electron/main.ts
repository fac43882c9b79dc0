import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  app,
  BrowserWindow,
  dialog,
  Menu,
  nativeTheme,
  session,
  shell,
  type MenuItemConstructorOptions,
} from 'electron';
import { openApp, type AppContext, type AppOptions } from './core/context';
import { applyPendingReplace } from './db/replace';
import type { FileHost } from './export/host';
import { progressChannel, registerIpc, tablesChannel } from './ipc/register';
import { applySecurity } from './security';

/** Where the app's files are: the project folder in development, app.asar when packaged. */
function appFiles() {
  const root = app.getAppPath();
  return {
    page: path.join(root, 'dist', 'renderer', 'index.html'),
    preload: path.join(root, 'dist-electron', 'preload.cjs'),
    // Built by scripts/electron-native.mjs; node_modules/better-sqlite3 stays Node's build.
    electronNative: path.join(
      root,
      '.electron-native',
      'node_modules',
      'better-sqlite3',
      'build',
      'Release',
      'better_sqlite3.node',
    ),
    devIcon: path.join(root, 'resources', 'icon.png'),
  };
}

/** Opens the user's database (migrating it, after a backup) before any window exists. */
function openDatabase(file: string): AppContext {
  const files = appFiles();
  const options: AppOptions = { appVersion: app.getVersion() };
  if (app.isPackaged) {
    // electron-builder rebuilt node_modules/better-sqlite3 for Electron; migrations ship beside app.asar.
    options.migrationsFolder = path.join(process.resourcesPath, 'migrations');
  } else if (existsSync(files.electronNative)) {
    options.nativeBinding = files.electronNative;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  return openApp(file, options);
}

function describeOpenError(error: unknown, file: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const hint =
    !app.isPackaged &&
    /NODE_MODULE_VERSION|was compiled against a different Node\.js version/.test(message)
      ? '\n\nbetter-sqlite3 is built for Node, not Electron: run `node scripts/electron-native.mjs`.'
      : '';
  return `${file}\n\n${message}${hint}`;
}

function buildMenu(): Menu | null {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];
  // macOS routes ⌘C/⌘V through the Edit menu; without it copy and paste do nothing.
  if (isMac) template.push({ role: 'appMenu' }, { role: 'editMenu' });
  if (!app.isPackaged) {
    template.push({
      label: 'Develop',
      submenu: [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }],
    });
  }
  if (isMac) template.push({ role: 'windowMenu' });
  return template.length > 0 ? Menu.buildFromTemplate(template) : null;
}

function createWindow(): BrowserWindow {
  const files = appFiles();
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Pacer',
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#1a1b1e' : '#ffffff',
    ...(process.platform === 'linux' && !app.isPackaged && existsSync(files.devIcon)
      ? { icon: files.devIcon }
      : {}),
    webPreferences: {
      preload: files.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  window.loadFile(files.page).catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    dialog.showErrorBox(
      'Pacer',
      `${files.page}\n\n${message}\n\nBuild the renderer first: npm run build.`,
    );
  });
  return window;
}

/**
 * Files are saved where the user says in the system's save dialog, which opens in the folder
 * used last (or Documents) with the suggested name; "open folder" selects the file there.
 */
function electronFileHost(): FileHost {
  let lastFolder = app.getPath('documents');
  return {
    async chooseSavePath({ suggestedName, extensions }) {
      const parent = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
      const options = {
        defaultPath: path.join(lastFolder, suggestedName),
        filters: [{ name: 'Excel', extensions }],
        properties: ['createDirectory', 'showOverwriteConfirmation'] as (
          'createDirectory' | 'showOverwriteConfirmation'
        )[],
      };
      const result = parent
        ? await dialog.showSaveDialog(parent, options)
        : await dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return null;
      lastFolder = path.dirname(result.filePath);
      return result.filePath;
    },
    showInFolder(file) {
      shell.showItemInFolder(file);
      return Promise.resolve(true);
    },
    canShowInFolder: true,
    async chooseFolder() {
      const parent = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
      const options = {
        properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[],
      };
      const result = parent
        ? await dialog.showOpenDialog(parent, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    canChooseFolder: true,
  };
}

/** Starts the app: database, security, IPC, menu, then the window. */
async function start(): Promise<void> {
  await app.whenReady();
  nativeTheme.themeSource = 'system';
  const pageUrl = pathToFileURL(appFiles().page).href;
  applySecurity(session.defaultSession, pageUrl);

  const file = path.join(app.getPath('userData'), 'pacer.sqlite');
  let ctx: AppContext;
  try {
    // A team folder joined or a backup restored before the restart takes its place now.
    const replaced = applyPendingReplace(file);
    if (replaced.error) dialog.showErrorBox('Pacer', replaced.error);
    if (replaced.applied)
      console.log(
        `pacer: database replaced (${replaced.reason}); previous at ${replaced.previous}`,
      );
    ctx = openDatabase(file);
  } catch (error) {
    dialog.showErrorBox('Pacer could not open its database', describeOpenError(error, file));
    app.quit();
    return;
  }
  if (ctx.migration.backup)
    console.log(`pacer: migrated ${file}; backup at ${ctx.migration.backup}`);

  ctx.fileHost = electronFileHost();
  ctx.restart = () => {
    // A relaunch rather than reopening in place: every window and query starts fresh.
    unregister();
    ctx.close();
    app.relaunch();
    app.exit(0);
    return Promise.resolve();
  };
  const unregister = registerIpc(ctx, pageUrl);
  ctx.onTablesChanged((tables) => {
    for (const window of BrowserWindow.getAllWindows()) {
      if (!window.isDestroyed()) window.webContents.send(tablesChannel, { tables });
    }
  });
  ctx.onProgress((progress) => {
    for (const window of BrowserWindow.getAllWindows()) {
      if (!window.isDestroyed()) window.webContents.send(progressChannel, progress);
    }
  });
  app.on('will-quit', () => {
    unregister();
    ctx.close();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });

  Menu.setApplicationMenu(buildMenu());
  createWindow();
}

// Every renderer sandboxed, whatever a future window forgets to set.
app.enableSandbox();

// One instance per user: two would open the same SQLite file and fight over the window.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  start().catch((error: unknown) => {
    dialog.showErrorBox(
      'Pacer',
      error instanceof Error ? (error.stack ?? error.message) : String(error),
    );
    app.quit();
  });
}
