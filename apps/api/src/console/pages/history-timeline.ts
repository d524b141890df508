import type { HistoryEntry } from '@licensync/core/history';
import { html, when } from '../html';

/** An entity's history, newest first: events, jobs, external calls and operators' actions. */
export const historyTimeline = (entries: HistoryEntry[]) =>
  entries.length === 0
    ? html`<p>Nothing recorded yet.</p>`
    : html`<ol class="timeline">${entries.map(
        (e) =>
          html`<li><time datetime="${e.at.toISOString()}">${when(e.at)}</time> <strong>${e.kind}</strong> <span class="${e.outcome === 'error' ? 'error' : ''}">${e.outcome}</span>${e.actor ? html` by <em>${e.actor}</em>` : ''}${e.message ? ` — ${e.message}` : ''}${e.error ? html` <span class="error">${e.error}</span>` : ''}</li>`,
      )}</ol>`;
