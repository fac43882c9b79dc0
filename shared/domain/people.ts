/** Roles of domain.md §1. */
export const userRoles = ['manager', 'rep', 'admin'] as const;
export type UserRole = (typeof userRoles)[number];

/** Which rows a list shows by default: a view, not a security boundary. */
export const scopes = ['mine', 'team', 'all'] as const;
export type Scope = (typeof scopes)[number];

/** rep → mine, manager → team, admin → everyone (issue 2). */
export function defaultScope(role: UserRole): Scope {
  switch (role) {
    case 'rep':
      return 'mine';
    case 'manager':
      return 'team';
    case 'admin':
      return 'all';
  }
}

/** A password's length, in characters (decision 0022). */
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 200;
