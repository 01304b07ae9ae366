import postgres from 'postgres';

const sql = postgres(process.env.DATABASE_URL, { max: 10, onnotice: () => {} });

/** One indexed read, as the portal's session lookup: a user by a session id from the cookie. */
export async function load({ cookies }) {
	const id = cookies.get('kensho_session')?.split('.')[0] ?? '';
	const [user] = await sql`select u.display_name, u.role from session s
		join app_user u on u.id = s.user_id where s.id = ${id}`;
	return { name: user?.display_name ?? '', role: user?.role ?? '' };
}

// adapter-node stops accepting on SIGTERM; the pool would keep the process alive.
process.once('sveltekit:shutdown', () => sql.end());
