import { useEffect } from 'react';
import { useStore } from '../../state/store';

const BASE_MS = 900;

/** While playing, step forward at the chosen speed; stepping past the end pauses. */
export function usePlayer(): void {
  const playing = useStore((s) => s.playing);
  const speed = useStore((s) => s.speed);
  useEffect(() => {
    if (!playing) return;
    const id = setInterval(() => useStore.getState().stepForward(), BASE_MS / Number(speed));
    return () => clearInterval(id);
  }, [playing, speed]);
}
