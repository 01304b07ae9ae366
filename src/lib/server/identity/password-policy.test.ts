import { describe, expect, it } from 'vitest';
import { policyError } from './password-policy';

describe('password policy (NIST SP 800-63B)', () => {
	it.each([
		['password', 'common'],
		['Password1', 'common'],
		['qwertyuiop', 'common'],
		['iloveyou', 'common'],
		['12345678', 'repetitive'],
		['87654321', 'repetitive'],
		['abcdefgh', 'repetitive'],
		['        ', 'repetitive'],
		['aaaaaaaaaaaa', 'repetitive'],
		['ａａａａａａａａ', 'repetitive'],
		['tanaka2026', 'context'],
		['kensho!!', 'context'],
		['seven77', 'tooShort'],
		['x'.repeat(129), 'tooLong']
	])('refuses %j (%s)', async (password, problem) => {
		expect(await policyError(password, { username: 'tanaka', organizationCode: '124249' })).toBe(
			problem
		);
	});

	it.each([
		'correct horse battery',
		'a long new passphrase',
		'白子町の舗装工事2026',
		'e2e-password-2026',
		'tanaka-no-himitsu-kotoba',
		'abcdefgz',
		'x'.repeat(7) + 'y'
	])('accepts %j: length and the list only, no composition rules', async (password) => {
		expect(await policyError(password, { username: 'tanaka' })).toBeNull();
	});
});
