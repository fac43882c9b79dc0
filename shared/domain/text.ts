/** Escapes LIKE wildcards so user text matches literally (used with `ESCAPE '\\'`). */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
