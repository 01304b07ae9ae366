// The least a server needs to be used as a clerk and as an issuer: 白子町, one clerk, one issuer
// token. Seeds the database that DATABASE_URL / DATA_DIR name and prints it as JSON (the full
// browser-test seed, bench/seed.ts, takes half a minute on PGlite for what these tests never use).
import { migrate } from '../../src/lib/server/db/migrate';
import { closeDb } from '../../src/lib/server/db';
import * as issuers from '../../src/lib/server/issuing/issuers';
import * as organizations from '../../src/lib/server/identity/organizations';
import * as users from '../../src/lib/server/identity/users';
import { localContext } from '../../src/lib/server/identity/request-context';

await migrate();
const shirako = await organizations.add({ code: '124249', name: '白子町' });
const clerk = { organizationCode: '124249', username: 'tanaka', password: 'e2e-password-2026' };
const operator = {
	kind: 'operator',
	label: 'e2e-seed',
	context: localContext('e2e-seed')
} as const;
await users.add(
	{ ...operator, organizationId: shirako.id },
	{ username: clerk.username, role: 'clerk', password: clerk.password }
);
const issuer = await issuers.add({ code: 'e2e-small', name: 'E2E保証株式会社' });
const { token } = await issuers.createToken(issuer.id);
process.stdout.write(JSON.stringify({ clerk, token }));
await closeDb();
