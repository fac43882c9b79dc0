/**
 * True when `url` is the app's own page (any hash route or query), given the file:// URL
 * of dist/renderer/index.html. Compared whole, not by prefix, so `index.html.evil` fails.
 */
export function isAppPage(url: string | undefined, pageUrl: string): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'file:') return false;
  parsed.hash = '';
  parsed.search = '';
  const expected = new URL(pageUrl).href;
  // Windows drive letters and folder names may differ only in case.
  return process.platform === 'win32'
    ? parsed.href.toLowerCase() === expected.toLowerCase()
    : parsed.href === expected;
}
