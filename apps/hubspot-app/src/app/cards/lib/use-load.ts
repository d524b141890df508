import { useCallback, useEffect, useRef, useState } from 'react';
import { describeError } from './backend-error';

export type Load<T> =
  | { status: 'loading'; reload: () => void }
  | { status: 'error'; message: string; reload: () => void }
  | { status: 'ready'; data: T; reload: () => void };

/**
 * Runs `load` when `key` changes (and on reload). An answer that arrives after a newer request started
 * is dropped, so a slow first answer never overwrites a fresh one.
 */
export function useLoad<T>(load: () => Promise<T>, key: string): Load<T> {
  const [state, setState] = useState<
    { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; data: T }
  >({ status: 'loading' });
  const [round, setRound] = useState(0);
  const latest = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  // biome-ignore lint/correctness/useExhaustiveDependencies: key and round are the triggers by design
  useEffect(() => {
    const mine = ++latest.current;
    setState({ status: 'loading' });
    loadRef.current().then(
      (data) => {
        if (latest.current === mine) setState({ status: 'ready', data });
      },
      (error: unknown) => {
        if (latest.current === mine) setState({ status: 'error', message: describeError(error) });
      },
    );
  }, [key, round]);

  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { ...state, reload } as Load<T>;
}
