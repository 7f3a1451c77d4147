// The proof of work the service asks for under pressure, solved with Web Crypto; demo.js
// calls solve() when an answer is a 403 challenge-required.
"use strict";

// As ALTCHA v2 defines it: derive PBKDF2-HMAC-SHA-256 keys of the
// nonce followed by the counter (4 bytes, big-endian) for counter = 0, 1, 2, ..., until one
// starts with keyPrefix. The service picked the counter below data.work, so that is the
// most there is to do, and how far along the progress bar is.
const bytesOf = (hex) => Uint8Array.from(hex.match(/../g), (pair) => parseInt(pair, 16));
const hexOf = (bytes) => Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");

async function deriveKey(parameters, nonce, salt, counter) {
	const password = new Uint8Array(nonce.length + 4);
	password.set(nonce);
	new DataView(password.buffer).setUint32(nonce.length, counter, false);
	const key = await crypto.subtle.importKey("raw", password, "PBKDF2", false, ["deriveBits"]);
	const bits = await crypto.subtle.deriveBits(
		{ name: "PBKDF2", hash: "SHA-256", salt, iterations: parameters.cost }, key, parameters.keyLength * 8);
	return hexOf(new Uint8Array(bits));
}

// The solution: the counter, its key, the time taken. One derivation at a time: Web Crypto
// runs it off the page's thread, and more in flight at once were no faster in Chromium.
async function solve(parameters, showProgress) {
	const nonce = bytesOf(parameters.nonce);
	const salt = bytesOf(parameters.salt);
	const started = performance.now();
	for (let counter = 0; counter < parameters.data.work; counter++) {
		showProgress(counter);
		const derivedKey = await deriveKey(parameters, nonce, salt, counter);
		if (derivedKey.startsWith(parameters.keyPrefix)) {
			return { counter, derivedKey, time: Math.round(performance.now() - started) };
		}
	}
	throw new Error(`no counter below ${parameters.data.work} gives the key`);
}
