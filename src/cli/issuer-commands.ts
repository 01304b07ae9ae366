import { recordedAs } from '../lib/server/identity/caller';
import { readFileSync } from 'node:fs';
import * as audit from '../lib/server/audit/append';
import * as issuers from '../lib/server/issuing/issuers';
import { operator, required, UsageError, type Command } from './cli-support';

/**
 * The operator's issuer commands (shared/API.md §2): `issuer add`, `issuer token`,
 * `issuer revoke-token`, `issuer add-key`. Spread into `commands` by commands.ts.
 */
async function issuerByCode(code: string) {
	const found = await issuers.findByCode(code);
	if (!found) throw new Error(`No issuer with code ${code} (add it with "issuer add")`);
	return found;
}

export const issuerCommands: Record<string, Command> = {
	'issuer add': {
		usage:
			'--code ejcs --name 東日本建設業保証株式会社 [--type surety|insurer|bank] [--require-signature]',
		options: {
			code: { type: 'string' },
			name: { type: 'string' },
			type: { type: 'string' },
			'require-signature': { type: 'boolean' }
		},
		async run(values) {
			const parsed = issuers.issuerInput.safeParse({
				code: required(values, 'code'),
				name: required(values, 'name'),
				type: values.type,
				requireSignature: Boolean(values['require-signature'])
			});
			if (!parsed.success) {
				const issue = parsed.error.issues[0];
				throw new UsageError(`invalid --${String(issue.path[0])}: ${issue.message}`);
			}
			const added = await issuers.add(parsed.data);
			await audit.record({
				action: 'issuer.add',
				outcome: 'success',
				...recordedAs(operator),
				issuerId: added.id,
				detail: {
					code: added.code,
					name: added.name,
					type: added.type,
					requireSignature: added.requireSignature
				}
			});
			return {
				json: { id: added.id, code: added.code, name: added.name, type: added.type },
				text:
					`Added issuer ${added.code} ${added.name} (${added.id}), type ${added.type}` +
					(added.requireSignature ? ', signatures required' : '')
			};
		}
	},
	'issuer token': {
		usage: '--issuer ejcs  (creates an API token, shown once)',
		options: { issuer: { type: 'string' } },
		async run(values) {
			const found = await issuerByCode(required(values, 'issuer'));
			const { token, prefix } = await issuers.createToken(found.id);
			await audit.record({
				action: 'issuer.token.create',
				outcome: 'success',
				...recordedAs(operator),
				issuerId: found.id,
				detail: { prefix }
			});
			return {
				json: { token },
				text: `API token for ${found.code} (shown once, keep it secret):\n${token}`
			};
		}
	},
	'issuer revoke-token': {
		usage: '--issuer ejcs --prefix <first chars of the token>',
		options: { issuer: { type: 'string' }, prefix: { type: 'string' } },
		async run(values) {
			const found = await issuerByCode(required(values, 'issuer'));
			const start = required(values, 'prefix');
			const result = await issuers.revokeToken(found.id, start);
			if (result.revoked === 0)
				throw new Error(`No live token of ${found.code} starts with ${start}`);
			if (result.revoked < 0) {
				throw new Error(`${-result.revoked} live tokens start with ${start}: give more characters`);
			}
			await audit.record({
				action: 'issuer.token.revoke',
				outcome: 'success',
				...recordedAs(operator),
				issuerId: found.id,
				detail: { prefix: result.prefix }
			});
			return { json: { revoked: true }, text: `Revoked token ${result.prefix} of ${found.code}` };
		}
	},
	'issuer add-key': {
		usage: '--issuer ejcs --kid k2026 --jwk-file pub.jwk  (an Ed25519 public JWK)',
		options: {
			issuer: { type: 'string' },
			kid: { type: 'string' },
			'jwk-file': { type: 'string' }
		},
		async run(values) {
			const found = await issuerByCode(required(values, 'issuer'));
			const kid = required(values, 'kid');
			let jwk: unknown;
			try {
				jwk = JSON.parse(readFileSync(required(values, 'jwk-file'), 'utf8'));
			} catch (error) {
				throw new Error(`cannot read the JWK file: ${(error as Error).message}`);
			}
			const key = await issuers.addKey(found.id, kid, jwk);
			await audit.record({
				action: 'issuer.key.add',
				outcome: 'success',
				...recordedAs(operator),
				issuerId: found.id,
				detail: { kid: key.kid, jwk: key.publicJwk }
			});
			return { json: { kid: key.kid }, text: `Registered key ${key.kid} for ${found.code}` };
		}
	}
};
