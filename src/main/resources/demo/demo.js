// The demo page: one plain fetch() call per step, and under each step the request it sent
// and the answer it got. Everything written from a response goes in as textContent: a
// username or the data is whatever someone typed.
"use strict";

// The token lives in this variable only: never in localStorage, a cookie or the page.
let token = null;

const MASK = "••••••";
const PASSWORD_FIELDS = ["password", "currentPassword", "newPassword"];
// The token, and a solved challenge: about 700 characters of base64 that say nothing.
const SHORTENED_FIELDS = ["token", "altcha"];
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
const statusLine = (response) => `${response.status} ${REASONS[response.status] || response.statusText}`.trim();

// A copy of a JSON value fit to be shown: every password masked, the token shortened.
function masked(json) {
	if (Array.isArray(json)) {
		return json.map(masked);
	}
	if (json === null || typeof json !== "object") {
		return json;
	}
	return Object.fromEntries(Object.entries(json).map(([key, value]) => {
		if (PASSWORD_FIELDS.includes(key)) {
			return [key, MASK];
		}
		return [key, SHORTENED_FIELDS.includes(key) && typeof value === "string" ? shorten(value) : masked(value)];
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

// The request and response boxes of a step, made the first time it runs.
function exchangeOf(step) {
	const section = document.getElementById(step);
	if (!section.querySelector(".exchange")) {
		section.append(document.getElementById("exchange").content.cloneNode(true));
	}
	return {
		request: section.querySelector(".request"),
		response: section.querySelector(".response"),
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
}

// Sends one request, shows it and its answer under the step, and returns the answer.
async function call(step, method, path, body) {
	const headers = {};
	if (body !== undefined) {
		headers["Content-Type"] = "application/json";
	}
	if (token) {
		headers.Authorization = `Bearer ${token}`;
	}
	const shown = exchangeOf(step);
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

const steps = {
	"register": () => callSolving("register", "POST", "/register",
		{ username: input("username").value, password: input("password").value, data: input("data").value }),
	"login": async () => {
		const answer = await callSolving("login", "POST", "/login",
			{ username: input("username").value, password: input("password").value });
		if (answer.ok) {
			keepToken(answer.json.token);
			offerData(answer);
		}
	},
	"read": async () => offerData(await call("read", "GET", "/me")),
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

// A step's section is aria-busy from the click until its last answer, which after a proof
// of work is that of the request sent again.
for (const [step, run] of Object.entries(steps)) {
	const section = document.getElementById(step);
	section.querySelector("button").addEventListener("click", async () => {
		showChallenge(null);
		section.setAttribute("aria-busy", "true");
		try {
			await run();
		} finally {
			section.removeAttribute("aria-busy");
		}
	});
}
