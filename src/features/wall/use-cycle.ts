import { useEffect, useState } from 'react';

/**
 * The place in a list of `count` items that moves on every `intervalMs`, wrapping around. A list
 * that shrinks under it (a refresh, another year) reads modulo its new length.
 */
export function useCycle(count: number, intervalMs: number): number {
  const [step, setStep] = useState(0);
  useEffect(() => {
    if (count < 2) return;
    const timer = setInterval(() => setStep((s) => (s + 1) % count), intervalMs);
    return () => clearInterval(timer);
  }, [count, intervalMs]);
  return count > 0 ? step % count : 0;
}
