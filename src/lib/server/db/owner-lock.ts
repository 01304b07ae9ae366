import { openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import path from 'node:path';

/** Thrown when another live process already owns the embedded database. */
export class DatabaseInUseError extends Error {
	constructor(
		readonly dataDir: string,
		readonly pid: number
	) {
		super(
			`The embedded database in ${dataDir} is in use by another process (pid ${pid}). ` +
				'Stop that process (for example the running portal) and try again, ' +
				'or set DATABASE_URL to use a PostgreSQL server that many processes can share.'
		);
		this.name = 'DatabaseInUseError';
	}
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/**
 * PGlite is a single-process engine: two processes opening the same folder corrupt it.
 * A lock file holding our pid makes the second opener fail with a plain message instead.
 * Returns the function that releases the lock.
 */
export function acquireOwnerLock(dataDir: string): () => void {
	const lockPath = path.join(dataDir, 'kensho.lock');
	for (let attempt = 0; attempt < 2; attempt++) {
		try {
			const fd = openSync(lockPath, 'wx');
			writeSync(fd, String(process.pid));
			closeSync(fd);
			const release = () => rmSync(lockPath, { force: true });
			process.once('exit', release);
			return release;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			const pid = Number(readFileSync(lockPath, 'utf8').trim());
			if (pid && pid !== process.pid && isAlive(pid)) throw new DatabaseInUseError(dataDir, pid);
			// A lock left by a process that died: take it over.
			rmSync(lockPath, { force: true });
		}
	}
	throw new Error(`Could not take the lock ${lockPath}`);
}
