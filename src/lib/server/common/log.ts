import pino from 'pino';

/**
 * Structured JSON logs, one object per line. Secrets never reach here on purpose, and the
 * redaction list is the second line of defence for fields that could carry one.
 */
// The operator CLI answers on stdout (`--json`): its log lines go to stderr instead.
const cli = /[\\/]cli[\\/]main\.[jt]s$/.test(process.argv[1] ?? '');

export const log = pino(
	{
		level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
		base: { service: 'kensho' },
		timestamp: pino.stdTimeFunctions.isoTime,
		redact: {
			paths: [
				'password',
				'authKey',
				'token',
				'*.password',
				'*.authKey',
				'*.token',
				'headers.authorization',
				'headers.cookie'
			],
			censor: '[redacted]'
		}
	},
	cli ? pino.destination(2) : undefined
);
