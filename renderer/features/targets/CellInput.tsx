import { NumberInput } from '@mantine/core';
import { useState } from 'react';
import { fenToYuan, yuanToFen } from '../../components/money';

/**
 * One editable target: money in yuan (stored as fen), counts as whole numbers. Commits on
 * Enter or when leaving the field, only when the value changed; an empty field clears it.
 */
export function CellInput({
  value,
  money,
  label,
  disabled,
  onCommit,
}: {
  value: number | null;
  money: boolean;
  label: string;
  disabled?: boolean;
  onCommit: (value: number | null) => void;
}) {
  const shown = value === null ? '' : money ? fenToYuan(value) : value;
  const [draft, setDraft] = useState<number | string>(shown);
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    // The stored value changed (a save, a decomposition): show it.
    setSeen(value);
    setDraft(shown);
  }
  const commit = () => {
    const next = draft === '' ? null : money ? yuanToFen(draft) : Math.round(Number(draft));
    if (next !== null && !Number.isFinite(next)) return;
    if (next !== value) onCommit(next);
  };
  return (
    <NumberInput
      aria-label={label}
      value={draft}
      onChange={setDraft}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
      }}
      min={0}
      decimalScale={money ? 2 : 0}
      thousandSeparator=","
      prefix={money ? '¥' : undefined}
      hideControls
      disabled={disabled}
      size="xs"
      w={140}
      ml="auto"
      styles={{ input: { textAlign: 'right' } }}
    />
  );
}
