import { writeFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { uniqueOrgCode } from '../lib/server/testing/fixtures';
import { cli, tempDir } from './cli-test-support';

/** `npm run cli -- contract-import`, run in this process on this file's database. */
const dir = tempDir('kensho-cli-contracts-');

describe('contract-import', () => {
	it('imports the good lines of a Shift_JIS register and names the bad one', async () => {
		const code = uniqueOrgCode();
		expect((await cli(['org', 'add', '--code', code, '--name', '白子町', '--json'])).status).toBe(
			0
		);
		const file = path.join(dir, '契約台帳.csv');
		const csv = [
			'契約番号,工事名,受注者,請負代金額,工期開始,工期終了,低入札,前払金額',
			'R8-C-1,町道舗装工事,株式会社白子建設,"38,500,000",2026-07-01,2027-02-26,,15400000',
			',,,,,,,',
			'R8-C-2,排水路工事,株式会社九十九里,一千万,2026-08-01,2027-01-31,,'
		].join('\r\n');
		writeFileSync(file, iconv.encode(csv, 'Shift_JIS'));
		const run = await cli(['contract-import', '--org', code, '--file', file, '--json']);
		expect(run.json()).toEqual({
			imported: 1,
			rejected: [{ line: 4, message: '請負代金額 が正しくありません' }]
		});
		expect(run.status).toBe(1);

		const again = await cli(['contract-import', '--org', code, '--file', file]);
		// A run with a rejected line fails (exit 1), its report on stderr.
		expect(again.status).toBe(1);
		expect(again.stderr).toContain('line 2: 契約番号 R8-C-1 は登録済みです');
	});

	it('answers bad usage with exit 2', async () => {
		expect((await cli(['contract-import', '--org', '124249'])).status).toBe(2);
	});
});
