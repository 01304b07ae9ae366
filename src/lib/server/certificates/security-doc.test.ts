import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { NUMBER_LIMIT, ORGANIZATION_LIMIT, USER_LIMIT } from './verify';
import { ALPHABET, KEY_LENGTH } from '../../auth-key';

/** docs/SECURITY.md states the key-guessing budget; this keeps it equal to what the code does. */
const doc = readFileSync('docs/SECURITY.md', 'utf8');
const perYear = (limit: { max: number; windowSeconds: number }) =>
	(limit.max * 365 * 24 * 3600) / limit.windowSeconds;

it.each([
	['per guarantee number', NUMBER_LIMIT],
	['per clerk account', USER_LIMIT],
	['per organisation', ORGANIZATION_LIMIT]
])('documents the %s limit exactly as enforced', (label, limit) => {
	const row = doc.split('\n').find((line) => new RegExp(`^\\|\\s*${label}\\s*\\|`).test(line));
	expect(row).toBeDefined();
	const [, , wrong, window, year] = row!.split('|').map((cell) => cell.trim());
	expect(Number(wrong)).toBe(limit.max);
	expect(Number(window.replace(' min', '')) * 60).toBe(limit.windowSeconds);
	expect(Number(year.replace(/,/g, ''))).toBe(perYear(limit));
});

it('documents the key entropy the generator has', () => {
	const bits = (KEY_LENGTH - 1) * Math.log2(ALPHABET.length);
	expect(bits).toBe(95);
	expect(doc).toContain(`**${bits} bits**`);
});
