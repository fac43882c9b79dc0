import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Product } from '../../../shared/contract/products';
import type { Db } from '../../db/connection';
import { products } from '../../db/schema';

const productColumns = {
  id: products.id,
  name: products.name,
  unit: products.unit,
  listPrice: products.listPrice,
  active: products.active,
  updatedAt: products.updatedAt,
};

/** The catalogue by name; retired products only when asked. */
export function listProducts(db: Db, includeInactive: boolean): Product[] {
  return db
    .select(productColumns)
    .from(products)
    .where(and(isNull(products.deletedAt), includeInactive ? undefined : eq(products.active, true)))
    .orderBy(asc(products.name), asc(products.id))
    .all();
}

/** One live product. */
export function getProduct(db: Db, id: string): Product | undefined {
  return db
    .select(productColumns)
    .from(products)
    .where(and(eq(products.id, id), isNull(products.deletedAt)))
    .get();
}

/** A live product with the same name (ignoring case and surrounding space), if any. */
export function findProductName(db: Db, name: string, exceptId?: string) {
  return db
    .select({ id: products.id, name: products.name })
    .from(products)
    .where(
      and(
        isNull(products.deletedAt),
        sql`lower(trim(${products.name})) = lower(trim(${name}))`,
        exceptId ? ne(products.id, exceptId) : undefined,
      ),
    )
    .get();
}
