import {
  IconArrowsExchange,
  IconCash,
  IconMapPin,
  IconMessage,
  IconNote,
  IconPhone,
  IconStairsUp,
  type Icon,
} from '@tabler/icons-react';
import type { ActivityCategory, TimelineKind } from '../../../shared/domain/activities';

/** How each kind of entry looks on the timeline; a handover is the system's, so it stays neutral. */
export const kindIcons: Record<TimelineKind, Icon> = {
  call: IconPhone,
  message: IconMessage,
  note: IconNote,
  handover: IconArrowsExchange,
  deal_move: IconStairsUp,
  collection: IconCash,
  visit: IconMapPin,
};

export const kindColors: Record<TimelineKind, string> = {
  call: 'teal',
  message: 'blue',
  note: 'yellow',
  handover: 'gray',
  deal_move: 'violet',
  collection: 'green',
  visit: 'indigo',
};

/** Entries recorded by other features: shown as records, never deleted from the timeline. */
export function isRecordKind(kind: TimelineKind): boolean {
  return kind === 'handover' || kind === 'deal_move' || kind === 'collection';
}

export const categoryColors: Record<ActivityCategory, string> = {
  development: 'indigo',
  negotiation: 'grape',
  maintenance: 'cyan',
};
