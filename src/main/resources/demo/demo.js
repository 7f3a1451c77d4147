// The demo page: one plain fetch() call per step, and under each step the request it sent
// and the answer it got. Everything written from a response goes in as textContent: a
// username or the data is whatever someone typed.
"use strict";

// The token lives in this variable only: never in localStorage, a cookie or the page. So
// does the mfaToken, between the two steps of a login with a second factor.
let token = null;
let mfaToken = null;

const MASK = "••••••";
// Passwords, and the codes: one from the app, or a recovery code.
const MASKED_FIELDS = ["password", "currentPassword", "newPassword", "code"];
const SHOWN_HEADERS = ["Content-Type", "Location", "Retry-After", "WWW-Authenticate"];
// The server sends no reason phrases; these are the statuses this API answers with.
const REASONS = {
	200: "OK", 201: "Created", 204: "No Content", 400: "Bad Request", 401: "Unauthorized",
	403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed", 406: "Not Acceptable",
	409: "Conflict", 413: "Content Too Large", 415: "Unsupported Media Type",
	429: "Too Many Requests", 503: "Service Unavailable",
};

const form = document.getElementById("steps");
const input = (name) => form.elements.namedItem(name);
const shorten = (secret) => `${secret.slice(0, 6)}…`;
// How a string field is shown: the tokens and the authenticator's secret shortened, and so
// the secret in its link; the QR code (which holds it too) and a solved challenge (about
// 700 characters of base64) would say nothing anyway. The page shows the secret in full
// where it is meant to be read: under "Turn on a second factor".
const SHORTENED_FIELDS = new Map([
	["token", shorten],
	["mfaToken", shorten],
	["secret", shorten],
	["altcha", shorten],
	["otpauthUri", (uri) => uri.replace(/([?&]secret=)([^&]*)/, (_, name, secret) => name + shorten(secret))],
	["qrCode", (uri) => `${uri.slice(0, uri.indexOf(",") + 1)}…`],
]);
const statusLine = (response) => `${response.status} ${REASONS[response.status] || response.statusText}`.trim();

// In a passkey the browser made or used (its credential.toJSON()), what the
// authenticator signed or made is base64url of binary data, which would say nothing:
// shortened. Its id, and the user handle it keeps, are shown.
const CREDENTIAL_BLOBS = ["clientDataJSON", "attestationObject", "authenticatorData", "publicKey", "signature"];

// A copy of a JSON value fit to be shown: every password and code masked, the tokens and
// secrets shortened. The recovery codes in an answer are shown: that is where they are read.
function masked(json, inCredential = false) {
	if (Array.isArray(json)) {
		return json.map((item) => masked(item, inCredential));
	}
	if (json === null || typeof json !== "object") {
		return json;
	}
	return Object.fromEntries(Object.entries(json).map(([key, value]) => {
		if (MASKED_FIELDS.includes(key)) {
			return [key, MASK];
		}
		if (inCredential && CREDENTIAL_BLOBS.includes(key) && typeof value === "string") {
			return [key, shorten(value)];
		}
		const shortened = SHORTENED_FIELDS.get(key);
		return [key, shortened && typeof value === "string" ? shortened(value)
			: masked(value, inCredential || key === "credential")];
	}));
}

function describeBody(json, text) {
	if (json !== undefined) {
		return JSON.stringify(masked(json), null, 2);
	}
	return text === "" ? "(no body)" : text;
}

function describeRequest(method, path, headers, body) {
	const lines = [`${method} ${path}`];
	for (const [name, value] of Object.entries(headers)) {
		lines.push(`${name}: ${name === "Authorization" ? `Bearer ${shorten(token)}` : value}`);
	}
	return [...lines, "", describeBody(body, "")].join("\n");
}

function describeResponse(response, json, text) {
	const lines = [statusLine(response)];
	for (const name of SHOWN_HEADERS) {
		if (response.headers.has(name)) {
			lines.push(`${name}: ${response.headers.get(name)}`);
		}
	}
	return [...lines, "", describeBody(json, text)].join("\n");
}

// The request and response boxes of a step's exchange (the first, or a later one of a
// step that makes several requests), made the first time they are needed.
function exchangeOf(step, part) {
	const section = document.getElementById(step);
	let boxes = section.querySelectorAll(".exchange");
	while (boxes.length <= part) {
		section.append(document.getElementById("exchange").content.cloneNode(true));
		boxes = section.querySelectorAll(".exchange");
	}
	return {
		request: boxes[part].querySelector(".request"),
		response: boxes[part].querySelector(".response"),
	};
}

function say(text, isError) {
	const message = document.getElementById("message");
	message.textContent = text;
	message.className = isError ? "error" : "";
}

function keepToken(value) {
	token = value;
	document.getElementById("token-state").textContent =
		token ? `Token in memory: ${shorten(token)} (sent with every call below)` : "Token in memory: none";
	forgetPasskeys();
}

function keepMfaToken(value, expiresAt) {
	mfaToken = value;
	const state = document.getElementById("mfa-token-state");
	state.hidden = !mfaToken;
	state.textContent = mfaToken ? `mfaToken in memory: ${shorten(mfaToken)} (for step 2b, until ${expiresAt})` : "";
}

// Sends one request, shows it and its answer under the step (in its first exchange, or
// the one numbered by part), and returns the answer.
async function call(step, method, path, body, part = 0) {
	const headers = {};
	if (body !== undefined) {
		headers["Content-Type"] = "application/json";
	}
	if (token) {
		headers.Authorization = `Bearer ${token}`;
	}
	const shown = exchangeOf(step, part);
	shown.request.textContent = describeRequest(method, path, headers, body);
	shown.response.textContent = "waiting…";
	try {
		const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
		const text = await response.text();
		let json;
		try {
			json = text === "" ? undefined : JSON.parse(text);
		} catch {
			json = undefined;
		}
		shown.response.textContent = describeResponse(response, json, text);
		const problem = !response.ok && json && (json.detail || json.title);
		say(`${method} ${path}: ${statusLine(response)}${problem ? ` — ${problem}` : ""}`, !response.ok);
		return { ok: response.ok, json };
	} catch (error) {
		shown.response.textContent = `No answer: ${error.message}`;
		say(`${method} ${path}: no answer`, true);
		return { ok: false };
	}
}

// The progress bar with its label, or nothing when text is null.
function showChallenge(text, done = 0, work = 1) {
	const progress = document.getElementById("challenge-progress");
	document.getElementById("challenge").hidden = text === null;
	document.getElementById("challenge-text").textContent = text ?? "";
	progress.max = work;
	progress.value = done;
}

// Fetches the challenge the service named and solves it: the value for "altcha", or
// undefined when there is none (the step's boxes and the message say why).
async function solveChallengeAt(step, url) {
	if (!globalThis.crypto?.subtle) {
		say("This browser offers no Web Crypto on this page (it needs https or localhost), "
			+ "so it cannot solve the proof of work", true);
		return undefined;
	}
	const answer = await call(step, "GET", url);
	if (!answer.ok) {
		return undefined;
	}
	const { parameters, signature } = answer.json;
	const work = parameters.data.work;
	let shown = -1;
	try {
		const solution = await solve(parameters, (done) => {
			const percent = Math.floor(100 * done / work);
			if (percent !== shown) {
				shown = percent;
				showChallenge(`Proving this is not a bot: ${percent} %`, done, work);
			}
		});
		showChallenge(`Proved this is not a bot: key ${solution.counter + 1} of at most ${work}, `
			+ `in ${solution.time} ms`, work, work);
		return btoa(JSON.stringify({ challenge: { parameters, signature }, solution }));
	} catch (error) {
		showChallenge(null);
		say(`The proof of work failed: ${error.message}`, true);
		return undefined;
	}
}

// Sends the request; when the service asks for a solved challenge first, solves the one it
// names and sends the request again with the solution in "altcha". Twice at most: a retry
// can be asked for a harder one, when more attempts came in meanwhile.
async function callSolving(step, method, path, body) {
	let answer = await call(step, method, path, body);
	for (let round = 0; round < 2 && answer.json?.type === "/problems/challenge-required"; round++) {
		const altcha = await solveChallengeAt(step, answer.json.challenge);
		if (altcha === undefined) {
			return answer;
		}
		answer = await call(step, method, path, { ...body, altcha });
	}
	return answer;
}

// Puts the account's data in the "New data" box, ready to be edited.
function offerData(answer) {
	if (answer.ok && typeof answer.json?.data === "string") {
		input("newData").value = answer.json.data;
	}
}

// The second step of a login: the mfaToken and a code for the bearer token. A dead mfaToken
// (expired, used, or after 5 wrong codes) is forgotten: only a new login gives another.
async function secondStep(path) {
	const answer = await call("second-step", "POST", path, { mfaToken, code: input("loginCode").value });
	if (answer.ok) {
		keepMfaToken(null);
		keepToken(answer.json.token);
		offerData(answer);
	} else if (answer.json?.type === "/problems/invalid-mfa-token") {
		keepMfaToken(null);
	}
}

// The new secret, as a QR code to scan, as text to type in, and as the link the QR code holds.
function showEnrolment(enrolment) {
	document.getElementById("qr-code").src = enrolment.qrCode;
	document.getElementById("totp-secret").textContent = enrolment.secret;
	document.getElementById("otpauth-uri").textContent = enrolment.otpauthUri;
	document.getElementById("enrolment").hidden = false;
}

// Once the app has the secret, the page has no reason to keep showing it.
function forgetEnrolment() {
	document.getElementById("enrolment").hidden = true;
	document.getElementById("qr-code").removeAttribute("src");
	document.getElementById("totp-secret").textContent = "";
	document.getElementById("otpauth-uri").textContent = "";
}

// New recovery codes, or none at all, make every code listed so far dead.
function forgetRecoveryCodes() {
	for (const box of document.querySelectorAll(".recovery-codes")) {
		box.hidden = true;
		box.querySelector("ol").replaceChildren();
	}
}

// Lists the recovery codes under the step that got them.
function showRecoveryCodes(step, codes) {
	forgetRecoveryCodes();
	const box = document.querySelector(`#${step} .recovery-codes`);
	for (const code of codes) {
		const item = document.createElement("li");
		item.textContent = code;
		box.querySelector("ol").append(item);
	}
	box.hidden = false;
}

// Whether this page can use passkeys; if not, the message says why. Checked before asking
// for options, which would spend a challenge for nothing.
function passkeysAvailable() {
	if (!window.isSecureContext) {
		say("Passkeys work only on a secure page: https, or http://localhost", true);
		return false;
	}
	if (typeof globalThis.PublicKeyCredential?.parseCreationOptionsFromJSON !== "function") {
		say("This browser lacks WebAuthn's JSON methods (PublicKeyCredential.parseCreationOptionsFromJSON), "
			+ "so the page cannot use passkeys", true);
		return false;
	}
	return true;
}

// What usually lies behind the errors of navigator.credentials.
const CEREMONY_ERRORS = {
	NotAllowedError: "cancelled, timed out, or no passkey of this site was chosen",
	InvalidStateError: "this authenticator holds a passkey of this account already",
	SecurityError: "this page's host is not the service's relying party (auth.passkeys.rp-id)",
};

// Runs a ceremony of the browser: the credential it makes or finds, or null when it
// refuses (the message says why).
async function ceremony(what, run) {
	try {
		return await run();
	} catch (error) {
		say(`${what}: ${error.name} — ${CEREMONY_ERRORS[error.name] ?? error.message}`, true);
		return null;
	}
}

// Lists the passkeys an answer of GET /me/passkeys holds, each with a button to delete it.
function showPasskeys(answer) {
	forgetPasskeys();
	if (!answer.ok) {
		return;
	}
	const list = document.getElementById("passkey-list");
	for (const passkey of answer.json.passkeys) {
		const item = document.createElement("li");
		const label = document.createElement("strong");
		label.textContent = passkey.label;
		const dates = document.createElement("span");
		dates.textContent = ` added ${passkey.createdAt}, last used ${lastUsed(passkey.lastUsedAt)} `;
		const button = document.createElement("button");
		button.type = "button";
		button.textContent = "Delete";
		button.dataset.passkey = passkey.id;
		button.addEventListener("click", runner(list.closest("section"), () => deletePasskey(passkey.id, item)));
		item.append(label, dates, button);
		list.append(item);
	}
	if (answer.json.passkeys.length === 0) {
		noPasskeys(list);
	}
	list.hidden = false;
}

// The service keeps the last use to the minute only: shown so, it never seems to come
// before the passkey was added.
function lastUsed(instant) {
	return instant === null ? "never" : instant.replace(/^(.*T\d\d:\d\d):00Z$/, "$1Z");
}

function noPasskeys(list) {
	const none = document.createElement("li");
	none.textContent = "None: add one in step 9.";
	list.append(none);
}

// The list shows the passkeys of the token that read it: a new token, or none, empties it.
function forgetPasskeys() {
	const list = document.getElementById("passkey-list");
	list.hidden = true;
	list.replaceChildren();
}

// Deletes a passkey of the list: its exchange comes second, under the list's.
async function deletePasskey(id, item) {
	if ((await call("passkeys", "DELETE", `/me/passkeys/${encodeURIComponent(id)}`, undefined, 1)).ok) {
		const list = item.parentElement;
		item.remove();
		if (list.childElementCount === 0) {
			noPasskeys(list);
		}
	}
}

const steps = {
	"register": () => callSolving("register", "POST", "/register",
		{ username: input("username").value, password: input("password").value, data: input("data").value }),
	"login": async () => {
		const answer = await callSolving("login", "POST", "/login",
			{ username: input("username").value, password: input("password").value });
		if (answer.ok && answer.json?.mfaRequired === true) {
			keepMfaToken(answer.json.mfaToken, answer.json.expiresAt);
			document.getElementById("second-step").hidden = false;
			say("POST /login: 200 OK — the password is right, and this account has a second factor on: "
				+ "no token yet, only an mfaToken. Send a code in step 2b.");
		} else if (answer.ok) {
			keepMfaToken(null);
			keepToken(answer.json.token);
			offerData(answer);
		}
	},
	"login-totp": () => secondStep("/login/totp"),
	"login-recovery": () => secondStep("/login/recovery"),
	"passkey-login": async () => {
		if (!passkeysAvailable()) {
			return;
		}
		const options = await call("passkey-login", "POST", "/login/passkey/options");
		if (!options.ok) {
			return;
		}
		const credential = await ceremony("navigator.credentials.get()", () => navigator.credentials.get(
			{ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options.json) }));
		if (!credential) {
			return;
		}
		const answer = await call("passkey-login", "POST", "/login/passkey", { credential: credential.toJSON() }, 1);
		if (answer.ok) {
			keepMfaToken(null);
			keepToken(answer.json.token);
			offerData(answer);
		}
	},
	"read": async () => offerData(await call("read", "GET", "/me")),
	"totp": async () => {
		const answer = await call("totp", "POST", "/me/totp", { password: input("password").value });
		if (answer.ok) {
			showEnrolment(answer.json);
		}
	},
	"confirm-totp": async () => {
		const answer = await call("confirm-totp", "POST", "/me/totp/confirm", { code: input("confirmCode").value });
		if (answer.ok) {
			forgetEnrolment();
			showRecoveryCodes("confirm-totp", answer.json.recoveryCodes);
		}
	},
	"recovery-codes": async () => {
		const answer = await call("recovery-codes", "POST", "/me/recovery-codes",
			{ password: input("password").value });
		if (answer.ok) {
			showRecoveryCodes("recovery-codes", answer.json.recoveryCodes);
		}
	},
	"disable-totp": async () => {
		const answer = await call("disable-totp", "DELETE", "/me/totp",
			{ password: input("password").value, code: input("disableCode").value });
		if (answer.ok) {
			forgetRecoveryCodes();
		}
	},
	"add-passkey": async () => {
		if (!passkeysAvailable()) {
			return;
		}
		const options = await call("add-passkey", "POST", "/me/passkeys/options");
		if (!options.ok) {
			return;
		}
		const credential = await ceremony("navigator.credentials.create()", () => navigator.credentials.create(
			{ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options.json) }));
		if (credential) {
			await call("add-passkey", "POST", "/me/passkeys",
				{ credential: credential.toJSON(), label: input("passkeyLabel").value }, 1);
		}
	},
	"passkeys": async () => showPasskeys(await call("passkeys", "GET", "/me/passkeys")),
	"change-data": () => call("change-data", "PATCH", "/me", { data: input("newData").value }),
	"change-password": () => call("change-password", "POST", "/me/password",
		{ currentPassword: input("password").value, newPassword: input("newPassword").value }),
	"logout": async () => {
		if ((await call("logout", "POST", "/logout")).ok) {
			keepToken(null);
		}
	},
	"delete": async () => {
		if ((await call("delete", "DELETE", "/me", { password: input("password").value })).ok) {
			keepToken(null);
		}
	},
};

// What a click on a step's button does. Its section is aria-busy from the click until its
// last answer, which after a proof of work is that of the request sent again. Each run
// starts from the step's first exchange: the later ones of a run before are gone.
function runner(section, run) {
	return async () => {
		showChallenge(null);
		for (const box of [...section.querySelectorAll(".exchange")].slice(1)) {
			box.remove();
		}
		section.setAttribute("aria-busy", "true");
		try {
			await run();
		} finally {
			section.removeAttribute("aria-busy");
		}
	};
}

// A button runs the step its section is named for, or the one it names itself (the second
// step of a login has two). The passkeys' own buttons come with the list.
for (const button of form.querySelectorAll("section button")) {
	const section = button.closest("section");
	button.addEventListener("click", runner(section, steps[button.dataset.step ?? section.id]));
}
