import { useCallback, useState } from 'react';

const KEY = 'hearth.safety.urgentSound';

/** "Play a sound for urgent alerts": off unless the staff member switches it on; remembered in this browser. */
export function useUrgentSoundSetting(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(() => readSetting());
  const change = useCallback((next: boolean) => {
    setOn(next);
    try {
      window.localStorage.setItem(KEY, next ? 'on' : 'off');
    } catch {
      // Storage refused (private mode): the switch still works for this visit.
    }
  }, []);
  return [on, change];
}

function readSetting(): boolean {
  try {
    return window.localStorage.getItem(KEY) === 'on';
  } catch {
    return false;
  }
}

/**
 * A short, soft two-note chime made with the Web Audio API (no sound file to
 * ship). Browsers may refuse sound before the page has been used; then it is silent.
 */
export function playUrgentTone(): void {
  const AudioContextClass = window.AudioContext as typeof AudioContext | undefined;
  if (!AudioContextClass) return;
  try {
    const context = new AudioContextClass();
    const start = context.currentTime;
    for (const [offset, frequency] of [
      [0, 660],
      [0.28, 880],
    ] as const) {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.type = 'sine';
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.25, start + offset + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.25);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(start + offset);
      oscillator.stop(start + offset + 0.26);
    }
    window.setTimeout(() => void context.close(), 1000);
  } catch {
    // No audio device: the banner is still there.
  }
}
