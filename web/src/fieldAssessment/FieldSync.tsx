// Keeps the field outbox sending on every screen for engineers: assessments saved offline go out
// as soon as there is a network and a session. Renders nothing.
import { useEffect } from 'react';
import { useSession } from '../session.tsx';
import { start } from './outbox.ts';

export default function FieldSync() {
  const { api } = useSession();
  useEffect(() => {
    start(api);
  }, [api]);
  return null;
}
