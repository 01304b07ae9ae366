// One side of `bench/append.js`: records audit events with the `audit.record` of the source tree
// it lives in (this tree, or an older one the driver unpacked), as WRITERS concurrent writers of
// one organisation for SECONDS, and prints events/s and latencies as JSON. Run with the tree's
// own tsx and DATABASE_URL; `--in-transaction` records each event inside a transaction of its own
// (the path of an ingest, which appends inside the guarantee's transaction).
import { db, closeDb } from '../src/lib/server/db';
import { migrate } from '../src/lib/server/db/migrate';
import * as audit from '../src/lib/server/audit/append';

const arg = (name: string, fallback: number) =>
	Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const WRITERS = arg('writers', 8);
const SECONDS = arg('seconds', 5);
const inTransaction = process.argv.includes('--in-transaction');

await migrate();
const organizationId = crypto.randomUUID();
const event = (i: number): audit.EventInput => ({
	action: 'certificate.view',
	outcome: 'success',
	actor: { type: 'user', id: crypto.randomUUID(), label: '124249/bench', organizationId },
	context: { requestId: `bench-${i}`, ip: '127.0.0.1', userAgent: 'bench' },
	organizationId,
	guaranteeId: crypto.randomUUID(),
	guaranteeNumber: 'E12-2026-000123',
	purpose: 'contract',
	detail: { version: 1 }
});
const write = (i: number) =>
	inTransaction ? db.transaction((tx) => audit.record(event(i), tx)) : audit.record(event(i));

// Warm up: connections, prepared statements, the organisation's first lanes.
await Promise.all(Array.from({ length: WRITERS }, (_, i) => write(i)));
const latencies: number[] = [];
const until = performance.now() + SECONDS * 1000;
let n = 0;
await Promise.all(
	Array.from({ length: WRITERS }, async () => {
		while (performance.now() < until) {
			const started = performance.now();
			await write(n++);
			latencies.push(performance.now() - started);
		}
	})
);
latencies.sort((a, b) => a - b);
const at = (q: number) => Number(latencies[Math.floor(q * (latencies.length - 1))].toFixed(2));
console.log(
	JSON.stringify({ eventsPerSecond: latencies.length / SECONDS, p50: at(0.5), p99: at(0.99) })
);
await closeDb();
