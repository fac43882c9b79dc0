/** A catalogue's shape with every message widened to `string`. */
export type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/**
 * One feature's messages in both languages, side by side. English defines the shape;
 * Chinese must have exactly the same keys (a missing or extra key is a type error).
 */
export function messages<const T>(m: { en: T; 'zh-CN': Widen<T> }): {
  en: Widen<T>;
  'zh-CN': Widen<T>;
} {
  return m as { en: Widen<T>; 'zh-CN': Widen<T> };
}
