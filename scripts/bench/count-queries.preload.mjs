// Loaded with `node --import` into a bench child: counts every statement the process sends to
// Postgres (pg_stat_statements needs a server restart to load, which a shared server cannot have).
// The parent asks over IPC: 'bench:query-counts' → { type, total, transactions, byStatement, samples }.
import { createRequire } from 'node:module';
import path from 'node:path';

// The pg the workspace packages use (pnpm gives every importer the same copy).
const require = createRequire(path.join(process.cwd(), 'packages/core/package.json'));
const pg = require('pg');
const byStatement = new Map();
const samples = new Map();
let total = 0;
// Transactions: every BEGIN, plus every statement sent outside one (autocommit: a commit each).
let transactions = 0;
const inTransaction = new WeakSet();

const keys = new Map();
// Cached: the same texts come back all the time, and counting should cost the process little.
const normalise = (text) => {
  let key = keys.get(text);
  if (key === undefined) {
    key = text
      .replace(/\s+/g, ' ')
      .replace(/\$\d+(, \$\d+)+/g, '$n…')
      .trim()
      .slice(0, 160);
    if (keys.size < 10_000) keys.set(text, key);
  }
  return key;
};
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function countedQuery(config, values, callback) {
  const text = typeof config === 'string' ? config : config?.text;
  if (typeof text === 'string') {
    total++;
    const key = normalise(text);
    const verb = key.slice(0, 8).toLowerCase();
    if (verb.startsWith('begin')) {
      transactions++;
      inTransaction.add(this);
    } else if (verb.startsWith('commit') || verb.startsWith('rollback')) inTransaction.delete(this);
    else if (!inTransaction.has(this)) transactions++;
    byStatement.set(key, (byStatement.get(key) ?? 0) + 1);
    // One full example per statement, so the bench can EXPLAIN it with real parameters.
    if (!samples.has(key))
      samples.set(key, { text, values: Array.isArray(values) ? values : config?.values });
  }
  return query.call(this, config, values, callback);
};

process.on('message', (message) => {
  if (message !== 'bench:query-counts') return;
  process.send?.({
    type: 'bench:query-counts',
    total,
    transactions,
    byStatement: Object.fromEntries(byStatement),
    samples: Object.fromEntries(samples),
  });
});
