/**
 * With DATABASE_URL the whole suite shares one PostgreSQL database: migrate it once here,
 * before the workers start. Tests never assume an empty database (each makes its own tenants).
 */
export default async function setup() {
	if (!process.env.DATABASE_URL) return;
	const { migrate } = await import('../db/migrate');
	const { closeDb } = await import('../db');
	await migrate();
	await closeDb();
}
