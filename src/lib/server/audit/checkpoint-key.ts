import {
	createHash,
	createPrivateKey,
	createPublicKey,
	generateKeyPairSync,
	sign,
	verify,
	type KeyObject
} from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { log } from '../common/log';

/**
 * The portal's checkpoint key (Ed25519): kept in a file, never in the database, so that whoever
 * can change the database cannot also sign a checkpoint for what they changed. Its place is
 * CHECKPOINT_KEY_FILE, by default `checkpoint-key.pem` in DATA_DIR (`./data`), also when the
 * trail is on PostgreSQL. Created on first use, readable by its owner only (0600).
 */
export function keyFile(): string {
	const dataDir =
		process.env.DATA_DIR && process.env.DATA_DIR !== ':memory:' ? process.env.DATA_DIR : './data';
	return path.resolve(process.env.CHECKPOINT_KEY_FILE ?? path.join(dataDir, 'checkpoint-key.pem'));
}

export interface CheckpointKey {
	id: string;
	/** null when the file holds only the public key: enough for `audit verify`, not to sign. */
	privateKey: KeyObject | null;
	publicKey: KeyObject;
}

/**
 * The private key (PKCS #8 PEM), or only its public half (SPKI PEM: `openssl pkey -in
 * checkpoint-key.pem -pubout`), which is all `audit verify` needs on an operator's machine.
 */
function fromPem(pem: string): CheckpointKey {
	const privateKey = pem.includes('PUBLIC KEY') ? null : createPrivateKey(pem);
	const publicKey = createPublicKey(privateKey ?? pem);
	const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url');
	return {
		id: `ed25519:${createHash('sha256').update(raw).digest('hex').slice(0, 16)}`,
		privateKey,
		publicKey
	};
}

/** The key, or null when there is none yet (`audit verify` never creates one). */
export function load(file = keyFile()): CheckpointKey | null {
	if (!existsSync(file)) return null;
	const pem = readFileSync(file, 'utf8');
	if (!pem.includes('PUBLIC KEY') && (statSync(file).mode & 0o077) !== 0) {
		log.warn({ file }, 'the checkpoint key file is readable by others than its owner (chmod 600)');
	}
	return fromPem(pem);
}

/** The key, created on first use (two processes creating it at once keep the first one). */
export function loadOrCreate(file = keyFile()): CheckpointKey {
	const existing = load(file);
	if (existing) return existing;
	const { privateKey } = generateKeyPairSync('ed25519');
	const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
	mkdirSync(path.dirname(file), { recursive: true });
	try {
		writeFileSync(file, pem, { mode: 0o600, flag: 'wx' });
		log.info({ file }, 'created the audit checkpoint key');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
	}
	return load(file)!;
}

export function signText(key: CheckpointKey, text: string): string {
	if (!key.privateKey) {
		throw new Error(
			`${keyFile()} holds only a public key: checkpoints are signed where the private key is`
		);
	}
	return sign(null, Buffer.from(text, 'utf8'), key.privateKey).toString('base64');
}

export function verifyText(key: CheckpointKey, text: string, signature: string): boolean {
	try {
		return verify(null, Buffer.from(text, 'utf8'), key.publicKey, Buffer.from(signature, 'base64'));
	} catch {
		return false;
	}
}
