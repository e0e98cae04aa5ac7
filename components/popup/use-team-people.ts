import { useEffect, useState } from 'react';
import { sendMessage } from '@/lib/messaging';
import type { ResponseOf } from '@/lib/messaging/protocol';

export type TeamPeople = ResponseOf<'team.members'>;

/** The signed-in rep and their team (cached by the background), to name owners; null until known or signed out. */
export function useTeamPeople(): TeamPeople | null {
  const [people, setPeople] = useState<TeamPeople | null>(null);
  useEffect(() => {
    void sendMessage('team.members', {}).then((answer) => {
      if (answer.ok && answer.data.signedIn) setPeople(answer.data);
    });
  }, []);
  return people;
}

/** How the popup names a lead's owner: "you", a teammate's email, or the pool. */
export function ownerLabel(ownerId: string | null, people: TeamPeople | null, t: (key: 'popupOwnerNone' | 'popupOwnerPool' | 'popupOwnerYou') => string): string {
  if (ownerId === null) return people ? t('popupOwnerPool') : t('popupOwnerNone');
  if (people?.me === ownerId) return t('popupOwnerYou');
  return people?.members.find((member) => member.id === ownerId)?.email ?? ownerId;
}
