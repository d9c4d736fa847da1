import { useEffect, useState } from 'react';

/**
 * The time now, ticking: every second, or every 30 seconds when the person
 * asked their system to reduce motion (the countdowns then show whole minutes).
 */
export function useNow(): { now: number; reducedMotion: boolean } {
  const reducedMotion = usePrefersReducedMotion();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), reducedMotion ? 30_000 : 1_000);
    return () => window.clearInterval(timer);
  }, [reducedMotion]);
  return { now, reducedMotion };
}

function usePrefersReducedMotion(): boolean {
  const query = '(prefers-reduced-motion: reduce)';
  const [reduced, setReduced] = useState(() => typeof window.matchMedia === 'function' && window.matchMedia(query).matches);
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const list = window.matchMedia(query);
    const onChange = () => setReduced(list.matches);
    list.addEventListener('change', onChange);
    return () => list.removeEventListener('change', onChange);
  }, []);
  return reduced;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** "2:00 left" or "overdue by 1:10" (whole minutes when `coarse`). */
export function deadlineText(deadlineAt: string, now: number, coarse: boolean): string {
  const ms = new Date(deadlineAt).getTime() - now;
  const seconds = Math.floor(Math.abs(ms) / 1000);
  const clock = coarse ? `${Math.max(1, Math.round(seconds / 60))} min` : `${Math.floor(seconds / 60)}:${pad(seconds % 60)}`;
  return ms >= 0 ? `${clock} left` : `overdue by ${clock}`;
}

/** Whole minutes since `at` (0 for the first minute). */
export function minutesSince(at: string, now: number): number {
  return Math.max(0, Math.floor((now - new Date(at).getTime()) / 60_000));
}
