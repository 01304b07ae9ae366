import { hash, verify } from '@node-rs/argon2';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

/**
 * OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane. `algorithm: 2` is Algorithm.Argon2id,
 * a const enum that cannot be imported under verbatimModuleSyntax.
 */
const OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
	return hash(password.normalize('NFKC'), OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password.normalize('NFKC'));
	} catch {
		return false;
	}
}

/** A hash to verify against when the user does not exist, so both cases take the same time. */
let dummyHash: Promise<string> | undefined;
export async function verifyAgainstNothing(password: string): Promise<false> {
	dummyHash ??= hashPassword('kensho-dummy-password');
	await verifyPassword(await dummyHash, password);
	return false;
}

/** 16 base32 symbols (80 bits), grouped for reading aloud or typing from paper. */
export function generatePassword(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(10));
	return encodeBase32LowerCaseNoPadding(bytes).match(/.{4}/g)!.join('-');
}
