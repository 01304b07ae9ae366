import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NUMBER_LIMIT, ORGANIZATION_LIMIT, USER_LIMIT } from './verify';
import {
	ACCOUNT_ADDRESS_LIMIT,
	ACCOUNT_LIMIT,
	CONSECUTIVE_LIMIT,
	DEVICE_LIMIT,
	IP_LIMIT
} from '../identity/sign-in';
import { CURRENT_PASSWORD_LIMIT } from '../identity/password-change';
import { ALPHABET, KEY_LENGTH } from '../../auth-key';

/** docs/SECURITY.md states every limit and the key-guessing budget; this keeps them true. */
const doc = readFileSync('docs/SECURITY.md', 'utf8');
type Limit = { max: number; windowSeconds: number };
const YEAR = 365 * 24 * 3600;
const perYear = (limit: Limit) => (limit.max * YEAR) / limit.windowSeconds;
const cells = (label: string) => {
	const escaped = label.replace(/[()]/g, '\\$&');
	const row = doc.split('\n').find((line) => new RegExp(`^\\|\\s*${escaped}\\s*\\|`).test(line));
	expect(row, label).toBeDefined();
	return row!
		.replace(/\\\|/g, '¦')
		.split('|')
		.map((cell) => cell.trim())
		.slice(1, -1);
};
const seconds = (window: string) => {
	const [n, unit] = window.split(' ');
	return Number(n) * (unit.startsWith('min') ? 60 : unit.startsWith('day') ? 86_400 : NaN);
};
const count = (text: string) => Number(text.replace(/,/g, ''));

describe('docs/SECURITY.md', () => {
	it.each([
		['per organisation and guarantee number', NUMBER_LIMIT, 'verify:number:'],
		['per clerk account', USER_LIMIT, 'verify:user:'],
		['per organisation', ORGANIZATION_LIMIT, 'verify:org:']
	])('documents the key-attempt limit %s exactly as enforced', (label, limit, key) => {
		const [, documentedKey, wrong, window, year] = cells(label);
		expect(documentedKey).toContain(key);
		expect(Number(wrong)).toBe(limit.max);
		expect(seconds(window)).toBe(limit.windowSeconds);
		expect(count(year)).toBe(perYear(limit));
	});

	it.each([
		['per device cookie', DEVICE_LIMIT],
		['per account and address (no device cookie)', ACCOUNT_ADDRESS_LIMIT],
		['per account (no device cookie)', ACCOUNT_LIMIT],
		['per account, consecutive (no device cookie)', CONSECUTIVE_LIMIT],
		['per address', IP_LIMIT]
	])('documents the sign-in limit %s exactly as enforced', (label, limit) => {
		const [, , attempts, window] = cells(label);
		expect(Number(attempts)).toBe(limit.max);
		expect(seconds(window)).toBe(limit.windowSeconds);
	});

	it('documents the current-password limit', () => {
		const minutes = CURRENT_PASSWORD_LIMIT.windowSeconds / 60;
		const text = doc.replace(/\s+/g, ' ');
		expect(text).toContain(`${CURRENT_PASSWORD_LIMIT.max} wrong per user per ${minutes} minutes`);
	});

	it('computes the guessing budget from the limits', () => {
		const rows = doc.split('\n').filter((line) => /^\|\s*[\d,]+\s*\|/.test(line));
		expect(rows.length).toBeGreaterThanOrEqual(3);
		for (const row of rows) {
			const [accounts, organisations, budget] = row.split('|').slice(1, 4);
			const n = count(accounts.trim());
			const k = count(organisations.trim().split(' ')[0]);
			expect(count(budget.trim())).toBe(
				Math.min(n * perYear(USER_LIMIT), k * perYear(ORGANIZATION_LIMIT))
			);
		}
	});

	it('documents the key entropy the generator has', () => {
		const bits = (KEY_LENGTH - 1) * Math.log2(ALPHABET.length);
		expect(bits).toBe(95);
		expect(doc).toContain(`**${bits} bits**`);
	});
});
