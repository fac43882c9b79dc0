import {
  IconArrowsExchange,
  IconMessage,
  IconNote,
  IconPhone,
  type Icon,
} from '@tabler/icons-react';
import type { ActivityCategory, ActivityKind } from '../../../shared/domain/activities';

/** How each kind of entry looks on the timeline; a handover is the system's, so it stays neutral. */
export const kindIcons: Record<ActivityKind, Icon> = {
  call: IconPhone,
  message: IconMessage,
  note: IconNote,
  handover: IconArrowsExchange,
};

export const kindColors: Record<ActivityKind, string> = {
  call: 'teal',
  message: 'blue',
  note: 'yellow',
  handover: 'gray',
};

export const categoryColors: Record<ActivityCategory, string> = {
  development: 'indigo',
  negotiation: 'grape',
  maintenance: 'cyan',
};
