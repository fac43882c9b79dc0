export function KeyDealsPage() {
  return null;
}
