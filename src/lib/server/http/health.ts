import { sql } from 'drizzle-orm';
import { db } from '../db';

/** True when the database answers a trivial query within two seconds. */
export async function databaseAnswers(): Promise<boolean> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<false>((resolve) => {
		timer = setTimeout(() => resolve(false), 2000);
	});
	try {
		return await Promise.race([db.execute(sql`select 1`).then(() => true), timeout]);
	} catch {
		return false;
	} finally {
		clearTimeout(timer);
	}
}
