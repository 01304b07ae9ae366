import { eq } from 'drizzle-orm';
import { db } from '../db';
import { portalSecret } from '../db/schema';

/**
 * A random secret the portal makes on first use and keeps in the database, so that every
 * instance behind the load balancer signs and checks with the same one (device cookies). It
 * protects against outsiders who can reach the portal, not against someone who can read the
 * database (who holds the password hashes already).
 */
const cache = new Map<string, Promise<Uint8Array>>();

export function portalSecretOf(name: string): Promise<Uint8Array> {
	let secret = cache.get(name);
	if (!secret) {
		secret = (async () => {
			const value = crypto.getRandomValues(new Uint8Array(32));
			// The first instance to ask writes it; the others read what it wrote.
			await db.insert(portalSecret).values({ name, value }).onConflictDoNothing();
			const [row] = await db.select().from(portalSecret).where(eq(portalSecret.name, name));
			return new Uint8Array(row.value);
		})();
		secret.catch(() => cache.delete(name));
		cache.set(name, secret);
	}
	return secret;
}
