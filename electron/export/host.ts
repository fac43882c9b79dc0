import { existsSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../core/errors';

/**
 * Where the host lets the user put a file: Electron asks with the system's save dialog, the
 * browser host saves into one folder (as a browser saves downloads), the CLI takes `--out`.
 */
export type FileHost = {
  /** The path to save to, or null when the user cancelled. */
  chooseSavePath: (options: {
    suggestedName: string;
    extensions: string[];
  }) => Promise<string | null>;
  /** Shows a saved file in its folder (Explorer, Finder); false where the host cannot. */
  showInFolder: (file: string) => Promise<boolean>;
  /** Whether `showInFolder` can do anything here (the renderer hides its button otherwise). */
  canShowInFolder: boolean;
  /** Asks for a folder (the team folder); null when cancelled or where the host cannot ask. */
  chooseFolder: () => Promise<string | null>;
  /** Whether `chooseFolder` shows a dialog here (otherwise the renderer asks for a typed path). */
  canChooseFolder: boolean;
};

/** The host of a context nobody gave one (the CLI, tests that do not export). */
export const noFileHost: FileHost = {
  chooseSavePath: () =>
    Promise.reject(
      new AppError('invalid_input', 'this host cannot ask where to save', 'exports.errors.noHost'),
    ),
  showInFolder: () => Promise.resolve(false),
  canShowInFolder: false,
  chooseFolder: () => Promise.resolve(null),
  canChooseFolder: false,
};

/**
 * Saves every file into `dir` under its suggested name, adding " (2)", " (3)"… rather than
 * replacing a file already there, as browsers do with downloads. The browser host and tests
 * use it; `showInFolder` cannot open a window from a web page, so it reports false.
 */
export function folderFileHost(dir: string): FileHost {
  return {
    chooseSavePath: ({ suggestedName }) => {
      const ext = path.extname(suggestedName);
      const stem = suggestedName.slice(0, suggestedName.length - ext.length);
      let candidate = path.join(dir, suggestedName);
      for (let n = 2; existsSync(candidate); n += 1)
        candidate = path.join(dir, `${stem} (${n})${ext}`);
      return Promise.resolve(candidate);
    },
    showInFolder: () => Promise.resolve(false),
    canShowInFolder: false,
    chooseFolder: () => Promise.resolve(null),
    canChooseFolder: false,
  };
}
