import { SegmentedControl } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultScope, scopes, type Scope } from '../../shared/domain/people';
import { useCurrentUser } from '../app/status';

/** The list's scope, defaulting by role (rep → mine, manager → team, admin → everyone). */
export function useScope(): [Scope, (scope: Scope) => void] {
  const user = useCurrentUser();
  return useState<Scope>(() => defaultScope(user.role));
}

export function ScopeSwitch({
  value,
  onChange,
}: {
  value: Scope;
  onChange: (scope: Scope) => void;
}) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <SegmentedControl
      aria-label={t('scope.label')}
      value={value}
      onChange={(v) => onChange(v as Scope)}
      // A rep's data scope is their own (docs/data-scope.md): wider views are not offered.
      data={scopes.map((s) => ({
        value: s,
        label: t(`scope.${s}`),
        disabled: user.role === 'rep' && s !== 'mine',
      }))}
    />
  );
}
