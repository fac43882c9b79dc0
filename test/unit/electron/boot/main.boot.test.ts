import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methodNames } from '../../../../shared/contract';
import { contentSecurityPolicy } from '../../../../electron/csp';

/**
 * Boots the built Electron main process (dist-electron/main.cjs, as `npm run build:electron`
 * makes it) against a stand-in of the `electron` module, as a packaged app: its database in a
 * temp user data folder, migrations from the resources folder.
 */
const root = path.resolve(import.meta.dirname, '../../../..');
const mainBundle = path.join(root, 'dist-electron', 'main.cjs');
const standin = path.join(import.meta.dirname, 'electron-standin.cjs');
let temp: string;

type Boot = {
  windows: { options: { webPreferences: Record<string, unknown> }; loaded?: string }[];
  channels: string[];
  methods: Record<string, { foreign: string; framed: string; own: string }>;
  appInfo: string;
  headers: Record<string, string[]>;
  permission: boolean;
  permissionCheck: boolean;
  navigation: { own: boolean; https: boolean; file: boolean };
  windowOpen: { action: string };
  webviewPrevented: boolean;
  opened: string[];
  dialogs: { kind: string; title: string; buttons?: string[] }[];
  sandboxEnabled: boolean;
  exit: number | null;
  error?: string;
};

function boot(scenario: 'normal' | 'damaged', userData: string): Boot {
  const out = execFileSync(process.execPath, [standin], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
    env: {
      ...process.env,
      BOOT_APP_ROOT: root,
      BOOT_USER_DATA: userData,
      BOOT_RESOURCES: path.join(temp, 'resources'),
      BOOT_SCENARIO: scenario,
      BOOT_METHODS: JSON.stringify(methodNames),
    },
  });
  const line = out.trim().split('\n').at(-1) ?? '{}';
  return JSON.parse(line) as Boot;
}

beforeAll(() => {
  if (!existsSync(mainBundle))
    throw new Error('dist-electron/main.cjs is missing: run `npm run build:electron` first');
  temp = mkdtempSync(path.join(tmpdir(), 'pacer-boot-'));
  cpSync(
    path.join(root, 'electron', 'db', 'migrations'),
    path.join(temp, 'resources', 'migrations'),
    {
      recursive: true,
    },
  );
});
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('the built Electron main process', () => {
  it('opens the database, registers every method behind the sender check, and guards the window', () => {
    const userData = path.join(temp, 'user');
    const result = boot('normal', userData);
    expect(result.error).toBeUndefined();
    expect(existsSync(path.join(userData, 'pacer.sqlite'))).toBe(true);
    expect(result.sandboxEnabled).toBe(true);

    const [window] = result.windows;
    expect(result.windows).toHaveLength(1);
    expect(window?.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
    });
    // The preload it names is in the build, and the page is the built renderer.
    const preload = String(window?.options.webPreferences.preload);
    expect(preload).toBe(path.join(root, 'dist-electron', 'preload.cjs'));
    expect(existsSync(preload)).toBe(true);
    expect(readFileSync(preload, 'utf8')).toContain('pacer:call');
    expect(window?.loaded).toBe(path.join(root, 'dist', 'renderer', 'index.html'));

    // One invoke channel carries every method; none answers a foreign or look-alike frame,
    // and each one reaches its zod schema from the app's own page (a string input is refused there).
    expect(result.channels).toEqual(['pacer:call']);
    expect(Object.keys(result.methods)).toHaveLength(methodNames.length);
    for (const [method, answers] of Object.entries(result.methods)) {
      expect(answers.foreign, method).toBe('untrusted sender');
      expect(answers.framed, method).toBe('untrusted sender');
      expect(answers.own, method).toBe('invalid_input');
    }
    expect(result.appInfo).toBe('ok');

    // The CSP replaces the response's own; permissions are denied.
    expect(result.headers['Content-Security-Policy']).toEqual([contentSecurityPolicy]);
    expect(result.headers['content-security-policy']).toBeUndefined();
    expect(result.headers['x-other']).toEqual(['1']);
    expect(result.permission).toBe(false);
    expect(result.permissionCheck).toBe(false);

    // Navigation stays on the page; https goes to the browser; new windows and webviews are denied.
    expect(result.navigation).toEqual({ own: false, https: true, file: true });
    expect(result.windowOpen).toEqual({ action: 'deny' });
    expect(result.webviewPrevented).toBe(true);
    expect(result.opened).toEqual(['https://example.com/x', 'https://example.com/y']);
  });

  it('offers recovery for a damaged database and quits without touching it', () => {
    const userData = path.join(temp, 'damaged');
    const file = path.join(userData, 'pacer.sqlite');
    mkdirSync(userData, { recursive: true });
    writeFileSync(
      file,
      Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(4096, 0x5a)]),
      { flag: 'w' },
    );
    const before = readFileSync(file);
    const result = boot('damaged', userData);
    expect(result.error).toBeUndefined();
    expect(result.windows).toHaveLength(0);
    expect(result.dialogs[0]).toMatchObject({ kind: 'message' });
    expect(result.dialogs[0]?.buttons?.length).toBeGreaterThan(0);
    expect(result.exit).toBe(0);
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});

describe('the packaging config', () => {
  it('flips the Electron fuses that turn the packaged binary into only this app', () => {
    const config = readFileSync(path.join(root, 'electron-builder.yml'), 'utf8');
    const block = /^electronFuses:\n((?: {2}\w+: \w+\n)+)/m.exec(config)?.[1] ?? '';
    const fuses = Object.fromEntries(
      block
        .trim()
        .split('\n')
        .map((line) => line.trim().split(': ')),
    );
    expect(fuses).toMatchObject({
      runAsNode: 'false',
      enableCookieEncryption: 'true',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      enableEmbeddedAsarIntegrityValidation: 'true',
      onlyLoadAppFromAsar: 'true',
    });
  });
});
