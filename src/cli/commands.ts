import { actingFor, recordedAs } from '../lib/server/identity/caller';
import { accessSync, constants, createReadStream } from 'node:fs';
import * as audit from '../lib/server/audit/append';
import * as organizations from '../lib/server/identity/organizations';
import * as users from '../lib/server/identity/users';
import { loadDemo } from '../lib/server/demo/load';
import * as accountText from '../lib/i18n/account';
import { importCsv } from '../lib/server/contracts/import/import';
import { auditCommands } from './audit-commands';
import { issuerCommands } from './issuer-commands';
import { operator, required, UsageError, type Command, type Io } from './cli-support';

async function organizationByCode(code: string) {
	const organization = await organizations.findByCode(code);
	if (!organization) throw new Error(`No organisation with code ${code} (add it with "org add")`);
	return organization;
}

/** `--password-stdin`: one line from standard input, its trailing newline not part of it. */
function readPasswordFromStdin(io: Io): string {
	const input = io.stdin();
	const line = input.split('\n')[0];
	return line.endsWith('\r') ? line.slice(0, -1) : line;
}

export const commands: Record<string, Command> = {
	'org add': {
		usage: '--code 124249 --name 白子町',
		options: { code: { type: 'string' }, name: { type: 'string' } },
		async run(values) {
			const input = { code: required(values, 'code'), name: required(values, 'name') };
			const parsed = organizations.organizationInput.safeParse(input);
			if (!parsed.success) throw new UsageError(parsed.error.issues[0].message);
			const org = await organizations.add(parsed.data);
			await audit.record({
				action: 'org.add',
				outcome: 'success',
				...recordedAs(operator),
				organizationId: org.id,
				detail: { code: org.code, name: org.name }
			});
			return {
				json: { id: org.id, code: org.code, name: org.name },
				text: `Added organisation ${org.code} ${org.name} (${org.id})`
			};
		}
	},
	'user add': {
		usage:
			'--org 124249 --username tanaka --role clerk|admin|auditor [--name 田中] [--password-stdin]',
		options: {
			org: { type: 'string' },
			username: { type: 'string' },
			role: { type: 'string' },
			name: { type: 'string' },
			'password-stdin': { type: 'boolean' }
		},
		async run(values, io) {
			const role = required(values, 'role');
			if (!users.ROLES.includes(role as users.Role)) {
				throw new UsageError(`--role must be one of ${users.ROLES.join(', ')}`);
			}
			const parsed = users.newUserInput.safeParse({
				username: required(values, 'username'),
				displayName: typeof values.name === 'string' ? values.name : '',
				role
			});
			if (!parsed.success)
				throw new UsageError(`invalid --username (a-z, 0-9, . _ -; 2–32 characters)`);
			const org = await organizationByCode(required(values, 'org'));
			const password = values['password-stdin'] ? readPasswordFromStdin(io) : undefined;
			const { user, password: generated } = await users
				.add(actingFor(operator, org.id), { ...parsed.data, password })
				.catch((error) => {
					if (!(error instanceof users.PasswordPolicyError)) throw error;
					const say = (locale: 'ja' | 'en') => accountText[locale].password[error.problem];
					throw new Error(`${say('en')} ${say('ja')}`);
				});
			return {
				json: {
					id: user.id,
					username: user.username,
					...(generated ? { password: generated } : {})
				},
				text:
					`Added ${user.role} ${org.code}/${user.username} (${user.id})` +
					(generated ? `\nInitial password (shown once): ${generated}` : '')
			};
		}
	},
	'user disable': {
		usage: '--org 124249 --username tanaka',
		options: { org: { type: 'string' }, username: { type: 'string' } },
		async run(values) {
			const code = required(values, 'org');
			await organizationByCode(code);
			const found = await users.findByOrgCode(code, required(values, 'username'));
			if (!found) throw new Error(`No user ${values.username} in organisation ${code}`);
			await users.setDisabled(actingFor(operator, found.organization.id), found.user.id, true);
			return {
				json: { username: found.user.username, disabled: true },
				text: `Disabled ${code}/${found.user.username}; their sessions have ended`
			};
		}
	},
	...issuerCommands,
	...auditCommands,
	'contract-import': {
		usage:
			'--org 124249 --file contracts.csv (UTF-8 or Shift_JIS, header row; good lines are imported, exit 1 if any line is rejected)',
		options: { org: { type: 'string' }, file: { type: 'string' } },
		async run(values) {
			// Usage first (exit 2), before the database is asked anything.
			const [code, path] = [required(values, 'org'), required(values, 'file')];
			const org = await organizationByCode(code);
			try {
				accessSync(path, constants.R_OK);
			} catch {
				throw new Error(`Cannot read ${path}`);
			}
			// Streamed from the file; one over the import's limits is refused whole, with the limit.
			const caller = actingFor(operator, org.id);
			const result = await importCsv(caller, createReadStream(path), null);
			return {
				// API.md §2's shape: every refused line (the CLI is not paged).
				json: { imported: result.imported, rejected: result.rejected },
				text: [
					`Imported ${result.imported} contracts into ${org.code} ${org.name}`,
					...result.rejected.map((r) => `  line ${r.line}: ${r.message}`)
				].join('\n'),
				// The good lines are in; a rejected line still needs the operator (exit 1).
				exitCode: result.rejected.length > 0 ? 1 : 0
			};
		}
	},
	demo: {
		usage: 'loads demo data (白子町, users, an issuer, certificates) and prints logins and keys',
		options: {},
		async run() {
			const demo = await loadDemo();
			return {
				json: demo,
				text: [
					'Demo sign-ins (団体コード / ユーザーID / パスワード):',
					...demo.users.map(
						(u) => `  ${u.organizationCode} / ${u.username} / ${u.password}  (${u.role})`
					),
					...(demo.keys.length
						? [
								'Demo certificates (保証契約番号 / 認証キー):',
								...demo.keys.map((k) => `  ${k.guaranteeNumber} / ${k.authKey}  (${k.kind})`)
							]
						: [])
				].join('\n')
			};
		}
	}
};
