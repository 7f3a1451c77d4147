// altcha-lib, the ALTCHA protocol's own server library, for the tests that hold the service
// to it (see NodePackages). Each command prints its answer on stdout; a failure exits non-zero.
//
//   solve <challenge as JSON>   the payload a client sends: base64 of {challenge, solution},
//                               as the altcha widget builds it
//   verify <payload> <secret>   what altcha-lib's verification makes of the payload, as JSON:
//                               through the key signature, as its frameworks verify, and by
//                               deriving the key again from the counter
//   create <secret> <purpose> <work> <counter> <cost> <seconds to expiry>
//                               a challenge of altcha-lib's own, deterministic, as JSON
import { webcrypto } from 'node:crypto';

// altcha-lib uses the global Web Crypto, which Node.js has from version 19 on; Debian 12's
// Node.js 18 has it only in node:crypto.
globalThis.crypto ??= webcrypto;
const { createChallenge, solveChallenge, verifySolution } = await import('altcha-lib');
const { deriveKey } = await import('altcha-lib/algorithms/pbkdf2');
const { deriveHmacKeySecret, verify } = await import('altcha-lib/frameworks/shared');

const [command, ...args] = process.argv.slice(2);

async function solve(challengeJson) {
	const challenge = JSON.parse(challengeJson);
	// A prefix that no key of the range matches would otherwise run for altcha-lib's 90 s.
	const solution = await solveChallenge({ challenge, deriveKey, timeout: 10_000 });
	if (!solution) {
		throw new Error('altcha-lib found no solution within 10 s');
	}
	const payload = { challenge: { parameters: challenge.parameters, signature: challenge.signature }, solution };
	return Buffer.from(JSON.stringify(payload)).toString('base64');
}

async function check(payload, secret) {
	const keySecret = await deriveHmacKeySecret(secret);
	const framework = await verify(payload, deriveKey, secret, keySecret);
	const { challenge, solution } = JSON.parse(Buffer.from(payload, 'base64').toString());
	const derivation = await verifySolution({ challenge, solution, deriveKey, hmacSignatureSecret: secret });
	return JSON.stringify({ keySignature: { error: framework.error, ...framework.verification }, derivation });
}

async function create(secret, purpose, work, counter, cost, seconds) {
	const challenge = await createChallenge({
		algorithm: 'PBKDF2/SHA-256',
		cost: Number(cost),
		counter: Number(counter),
		keyLength: 32,
		deriveKey,
		data: { purpose, work: Number(work) },
		expiresAt: new Date(Date.now() + Number(seconds) * 1000),
		hmacSignatureSecret: secret,
		hmacKeySignatureSecret: await deriveHmacKeySecret(secret),
	});
	return JSON.stringify(challenge);
}

const commands = { solve, verify: check, create };
if (!commands[command]) {
	console.error(`unknown command ${command}; one of ${Object.keys(commands).join(', ')}`);
	process.exit(2);
}
process.stdout.write(await commands[command](...args));
