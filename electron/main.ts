import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  app,
  BrowserWindow,
  dialog,
  Menu,
  nativeTheme,
  safeStorage,
  session,
  shell,
  type MenuItemConstructorOptions,
} from 'electron';
import { openApp, type AppContext, type AppOptions, type UserSeal } from './core/context';
import { applyPendingReplace } from './db/replace';
import { checkAfterOpen } from './backup/background';
import { startDailyBackups } from './backup/backups';
import { DatabaseDamagedError, recoveryOptions } from './backup/integrity';
import { recover, recoveryDialog } from './backup/recovery';
import { translate } from '../shared/i18n/translate';
import type { FileHost } from './export/host';
import { progressChannel, registerIpc, tablesChannel } from './ipc/register';
import { applySecurity } from './security';
import { attachSync, detachSync } from './sync/service';

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

/**
 * The OS key store (Keychain, DPAPI, libsecret) seals who this device's user is (decision
 * 0022). Where it is not available (a Linux desktop without a keyring) the app still signs in
 * by password, but remembers the user in the file only.
 */
function userSeal(): UserSeal | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined;
  return {
    seal: (userId) => safeStorage.encryptString(userId).toString('base64'),
    open: (sealed) => {
      try {
        return safeStorage.decryptString(Buffer.from(sealed, 'base64'));
      } catch {
        return null;
      }
    },
  };
}

/** How this build opens a database: its better-sqlite3 binding, migrations and user seal. */
function databaseOptions(): AppOptions {
  const files = appFiles();
  const options: AppOptions = { appVersion: app.getVersion(), userSeal: userSeal() };
  if (app.isPackaged) {
    // electron-builder rebuilt node_modules/better-sqlite3 for Electron; migrations ship beside app.asar.
    options.migrationsFolder = path.join(process.resourcesPath, 'migrations');
  } else if (existsSync(files.electronNative)) {
    options.nativeBinding = files.electronNative;
  }
  return options;
}

/** Opens the user's database (migrating it, after a backup) before any window exists. */
function openDatabase(file: string): AppContext {
  mkdirSync(path.dirname(file), { recursive: true });
  return openApp(file, databaseOptions());
}

/**
 * A damaged database (electron/backup/integrity.ts): offer to restore the newest backup,
 * rebuild from the team folder, or quit, until one works. The damaged file is never
 * overwritten: the replacement moves it aside at the relaunch.
 */
async function offerRecovery(damage: DatabaseDamagedError): Promise<void> {
  const language = app.getLocale().toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
  for (;;) {
    const options = recoveryOptions(damage.file);
    const text = recoveryDialog(damage, options, language);
    const quit = options.findIndex((o) => o.kind === 'quit');
    const { response } = await dialog.showMessageBox({
      type: 'error',
      title: text.title,
      message: text.message,
      detail: text.detail,
      buttons: text.buttons,
      defaultId: 0,
      cancelId: quit,
      noLink: true,
    });
    const chosen = options[response] ?? { kind: 'quit' as const };
    try {
      const outcome = await recover(chosen, damage.file, {
        appOptions: databaseOptions(),
        chooseFolder: async () => {
          const result = await dialog.showOpenDialog({
            title: translate(language, 'backup.damaged.chooseFolder'),
            properties: ['openDirectory'],
          });
          return result.canceled ? null : (result.filePaths[0] ?? null);
        },
      });
      if (outcome === 'cancelled') continue;
      if (outcome === 'restart') app.relaunch();
      app.exit(0);
      return;
    } catch (error) {
      dialog.showErrorBox(
        text.message,
        translate(language, 'backup.damaged.failed', {
          message: error instanceof Error ? error.message : String(error),
        }),
      );
    }
  }
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
    if (error instanceof DatabaseDamagedError) {
      await offerRecovery(error);
      return;
    }
    dialog.showErrorBox('Pacer could not open its database', describeOpenError(error, file));
    app.quit();
    return;
  }
  if (ctx.migration.backup)
    console.log(`pacer: migrated ${file}; backup at ${ctx.migration.backup}`);
  // The daily backup (electron/backup/backups.ts): after opening, then hourly; stops when the database closes.
  startDailyBackups(ctx);

  ctx.fileHost = electronFileHost();
  ctx.restart = async () => {
    // The sync worker lets go of the file first (a join replaces it at the relaunch).
    await detachSync(ctx);
    // A relaunch rather than reopening in place: every window and query starts fresh.
    unregister();
    ctx.close();
    app.relaunch();
    app.exit(0);
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
  // Team-folder sync on a worker thread with its own connection (electron/sync/service.ts),
  // when this database has a team folder; a round also runs when a window gets the focus.
  const sync = attachSync(ctx, { worker: { appOptions: databaseOptions() } });
  // A database too large to check before the window opened is checked now, on a worker; damage
  // found then closes it and offers the same recovery as at start.
  void checkAfterOpen(file, { appOptions: databaseOptions() }, (damage) => {
    void (async () => {
      await detachSync(ctx);
      unregister();
      ctx.close();
      for (const window of BrowserWindow.getAllWindows()) window.destroy();
      await offerRecovery(damage);
    })();
  });
  let lastFocusRound = 0;
  app.on('browser-window-focus', () => {
    const now = Date.now();
    if (now - lastFocusRound < 15_000) return;
    lastFocusRound = now;
    void sync.now({ scanStrays: false });
  });
  let quitting = false;
  app.on('will-quit', (event) => {
    if (quitting) return;
    // Let the sync worker finish its round and close its connection first (at most a few s).
    event.preventDefault();
    quitting = true;
    void detachSync(ctx).finally(() => {
      unregister();
      ctx.close();
      app.quit();
    });
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
