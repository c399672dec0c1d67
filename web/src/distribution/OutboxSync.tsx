// Keeps the outbox sending on every screen for the roles that distribute, not only on the
// distribution point: hand-overs saved before a reload or a power cut go out as soon as there is a
// network and a session. Renders nothing; loaded lazily, so other roles never download it.
import { useEffect } from 'react';
import { useSession } from '../session.tsx';
import { start } from './outbox.ts';

export default function OutboxSync() {
  const { api } = useSession();
  useEffect(() => {
    start(api);
  }, [api]);
  return null;
}
