export function GradingMatrixPage() {
  return null;
}
