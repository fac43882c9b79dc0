import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The boundaries of engineering.md §2 are lint errors: prove each one fires. */
const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, code: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').length;
}

describe('import boundaries', () => {
  it('renderer/ may not import electron/, Node or the database', async () => {
    expect(
      await restrictedImports(
        'renderer/features/x.ts',
        "import { openApp } from '../../electron/core/context';\nexport const a = openApp;",
      ),
    ).toBe(1);
    expect(
      await restrictedImports(
        'renderer/features/x.ts',
        "import fs from 'node:fs';\nexport const a = fs;",
      ),
    ).toBe(1);
    expect(
      await restrictedImports(
        'renderer/features/x.ts',
        "import Database from 'better-sqlite3';\nexport const a = Database;",
      ),
    ).toBe(1);
    expect(
      await restrictedImports(
        'renderer/features/x.ts',
        "import { contract } from '../../shared/contract';\nexport const a = contract;",
      ),
    ).toBe(0);
  });

  it('shared/ may not import electron/, renderer/, Node or React', async () => {
    expect(
      await restrictedImports(
        'shared/domain/x.ts',
        "import { call } from '../../renderer/api/client';\nexport const a = call;",
      ),
    ).toBe(1);
    expect(
      await restrictedImports(
        'shared/domain/x.ts',
        "import path from 'node:path';\nexport const a = path;",
      ),
    ).toBe(1);
    expect(
      await restrictedImports(
        'shared/domain/x.ts',
        "import { useState } from 'react';\nexport const a = useState;",
      ),
    ).toBe(1);
  });

  it('only the Electron entry files may import electron', async () => {
    expect(
      await restrictedImports(
        'electron/features/x.ts',
        "import { app } from 'electron';\nexport const a = app;",
      ),
    ).toBe(1);
    expect(
      await restrictedImports(
        'electron/main.ts',
        "import { app } from 'electron';\nexport const a = app;",
      ),
    ).toBe(0);
    expect(
      await restrictedImports(
        'electron/core/x.ts',
        "import { App } from '../../renderer/app/App';\nexport const a = App;",
      ),
    ).toBe(1);
  });
});
