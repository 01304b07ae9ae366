import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { en, ja } from './audit';
import { LOCK_KINDS } from '../lock-kinds';

/**
 * The audit trail speaks Japanese (and English): every action and reason code the portal can
 * record has a label in both. The codes are read from the source itself, so a new action or
 * reason without a label fails here rather than showing as `some-code` to an auditor.
 */
function sources(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const file = path.join(dir, name);
		if (statSync(file).isDirectory()) return sources(file);
		return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) && !file.includes('testing')
			? [file]
			: [];
	});
}
const code = sources('src/lib/server')
	.concat(sources('src/routes'), sources('src/cli'))
	.map((file) => readFileSync(file, 'utf8'))
	.join('\n');

const AREAS =
	'auth|key|certificate|contract|user|audit|org|issuer|notice|rules|checkpoint|rate-limit';
const actions = new Set(
	[...code.matchAll(new RegExp(`'((?:${AREAS})\\.[a-z0-9.-]+)'`, 'g'))].map((m) => m[1])
);
/**
 * Literals in a `reason` expression (`reason: 'x'`, `const reason = a ? 'x' : 'y'`), a reason
 * passed after an outcome (`event('success', 'key-matched')`), the API's problem slugs.
 */
const reasons = new Set([
	...[...code.matchAll(/reason(?::| =)((?:[^;,{}]|\n)*?)(?:,\n|;\n|\}\))/g)].flatMap((m) =>
		[...m[1].matchAll(/'([a-z]+(?:-[a-z]+)*)'/g)].map((r) => r[1])
	),
	...[...code.matchAll(/'(?:success|failure|denied|locked)', '([a-z]+(?:-[a-z]+)*)'/g)].map(
		(m) => m[1]
	),
	...[...code.matchAll(/new Problem\(\d+, '([a-z-]+)'/g)].map((m) => m[1]),
	...['number', 'user', 'organization'].map((scope) => `${scope}-locked`),
	// identity/lock-admin.ts: a lift's reason is `lock-<kind>` (lock-keys.ts LOCK_KINDS).
	...LOCK_KINDS.map((kind) => `lock-${kind}`)
]);
// A list of the outcomes themselves ('success', 'failure', …) is not a reason.
for (const outcome of ['success', 'failure', 'denied', 'locked']) reasons.delete(outcome);

describe('audit labels', () => {
	it('finds the codes in the source', () => {
		expect(actions).toContain('key.attempt');
		expect(actions).toContain('contract.attach');
		expect(reasons).toContain('wrong-key');
		expect(reasons).toContain('wrong-password');
		expect(reasons).toContain('not-presented');
		expect(reasons).toContain('key-matched');
		expect(actions).toContain('org.add');
		expect(actions).toContain('rate-limit.lift');
	});

	for (const [language, labels] of [
		['ja', ja],
		['en', en]
	] as const) {
		it(`labels every action and reason in ${language}`, () => {
			const known = { ...labels.actions, ...labels.otherActions };
			expect([...actions].filter((action) => !(action in known))).toEqual([]);
			expect([...reasons].filter((reason) => !(reason in labels.reasons))).toEqual([]);
		});
	}
});
