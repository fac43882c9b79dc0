import { AppError } from '../../core/errors';

/** Money in error messages: the same ¥1,234.50 in both languages, so it can be a param. */
export function yuan(fen: number): string {
  return `¥${(fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** Money moves only on a won deal: a reopened (or never won) deal's receivables stay as they are. */
export function requireWon(deal: { status: string | null }, hasReceivables: boolean): void {
  if (deal.status === 'won') return;
  throw hasReceivables
    ? new AppError(
        'conflict',
        'the deal is no longer won: its receivables are frozen until it is won again',
        'receivables.errors.frozen',
      )
    : new AppError(
        'conflict',
        'receivables start when the deal is won',
        'receivables.errors.notWon',
      );
}

/**
 * A collection never exceeds what is still owed on its receivable. `key` and `field` say
 * how the caller's form names the amount (a collection's `amount`, a visit summary's
 * `collectionAmount`); the message gets the balance as `{{balance}}`.
 */
export function assertWithinBalance(
  receivable: { amount: number; collected: number },
  amount: number,
  key = 'receivables.errors.overBalance',
  field = 'amount',
): void {
  const balance = receivable.amount - receivable.collected;
  if (amount <= balance) return;
  throw new AppError(
    'invalid_input',
    `${amount} fen is more than the balance of ${balance} fen`,
    key,
    { balance: yuan(balance) },
    { [field]: key },
  );
}
