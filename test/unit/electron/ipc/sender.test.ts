import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isAppPage } from '../../../../electron/ipc/sender';

const page = pathToFileURL('/opt/Pacer/resources/app.asar/dist/renderer/index.html').href;

describe('isAppPage (the IPC sender check)', () => {
  it.each([
    [page, true],
    [`${page}#/customers/123`, true],
    [`${page}?token=x#/team`, true],
    [`${page}.evil`, false],
    [pathToFileURL('/opt/Pacer/resources/app.asar/dist/renderer/other.html').href, false],
    ['https://example.com/index.html', false],
    ['http://127.0.0.1:5173/', false],
    ['not a url', false],
    [undefined, false],
    ['', false],
  ])('%s → %s', (url, expected) => {
    expect(isAppPage(url, page)).toBe(expected);
  });
});
