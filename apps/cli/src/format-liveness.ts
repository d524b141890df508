/** The liveness part of `GET /api/v1/status`. */
export interface LivenessJson {
  workers: Record<string, number> | null;
  workers_ready: boolean;
  oldest_waiting_event: { id: number; type: string; received_at: string; age_seconds: number } | null;
}

/** One line for `status`: workers per queue, then the oldest event still waiting and its age. */
export function formatLiveness(l: LivenessJson): string {
  const workers =
    l.workers === null
      ? 'workers unknown (Redis does not list its clients)'
      : Object.values(l.workers).every((n) => n === 0)
        ? 'workers NONE alive'
        : `workers ${Object.entries(l.workers)
            .map(([queue, n]) => `${queue} ${n === 0 ? 'NONE' : n}`)
            .join(' · ')}`;
  const oldest = l.oldest_waiting_event
    ? `oldest waiting event ${l.oldest_waiting_event.type} #${l.oldest_waiting_event.id}, ${formatAge(l.oldest_waiting_event.age_seconds)} old`
    : 'no event waiting';
  return `${workers} · ${oldest}`;
}

/** Seconds as the largest sensible unit: 42s, 5m 3s, 2h 10m, 3d 4h. */
export function formatAge(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${s % 60}s`;
  if (s < 86_400) return `${Math.floor(s / 3600)}h ${Math.floor((s % 3600) / 60)}m`;
  return `${Math.floor(s / 86_400)}d ${Math.floor((s % 86_400) / 3600)}h`;
}
