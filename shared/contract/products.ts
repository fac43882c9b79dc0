import { z } from 'zod';
import { method } from './define';
import { id, optionalText, requiredText } from './common';

/** A list price or unit price in fen: 0 … 1e12 (ten billion yuan). */
export const priceFen = z
  .number()
  .int('validation.invalid')
  .min(0, 'validation.range')
  .max(1_000_000_000_000, 'validation.range');

export const product = z.object({
  id: z.string(),
  name: z.string(),
  unit: z.string().nullable(),
  /** List price in fen. */
  listPrice: z.number(),
  active: z.boolean(),
  updatedAt: z.string(),
});
export type Product = z.infer<typeof product>;

export const productFields = z
  .object({
    /** Absent: a new product. */
    id: id.optional(),
    name: requiredText(100),
    unit: optionalText(20),
    listPrice: priceFen,
  })
  .strict();
export type ProductFields = z.input<typeof productFields>;

export const productsContract = {
  /** The product catalogue by name; inactive products only when asked (Settings shows them). */
  'products.list': method(
    z.object({ includeInactive: z.boolean().default(false) }).strict(),
    z.array(product),
  ),
  /** Creates a product (no id) or saves one; a live product with the same name is a `conflict` (`dealErrors.productNameTaken`). */
  'products.save': method(productFields, product),
  /** Retires or revives a product; deal lines keep pointing at retired products. */
  'products.setActive': method(z.object({ id, active: z.boolean() }).strict(), product),
} as const;
