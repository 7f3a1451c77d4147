// The demo page: plain fetch() calls to the API, the token kept in memory only.
"use strict";

let token = null;

const form = document.getElementById("credentials");
const field = (name) => form.elements.namedItem(name);
const message = document.getElementById("message");

function say(text, isError = false) {
	message.textContent = text;
	message.className = isError ? "error" : "";
}

async function call(method, path, body) {
	const headers = {};
	if (body !== undefined) {
		headers["Content-Type"] = "application/json";
	}
	if (token) {
		headers.Authorization = `Bearer ${token}`;
	}
	const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
	if (!response.ok) {
		const problem = await response.json().catch(() => ({ detail: `${response.status} ${response.statusText}` }));
		throw new Error(problem.detail || problem.title);
	}
	return response.status === 204 ? null : response.json();
}

async function showAccount() {
	const me = await call("GET", "/me");
	document.getElementById("who").textContent = me.username;
	document.getElementById("current-data").textContent = me.data;
	field("data").value = me.data;
	document.getElementById("account").hidden = false;
}

function on(id, action) {
	document.getElementById(id).addEventListener("click", async () => {
		try {
			await action();
		} catch (error) {
			say(error.message, true);
		}
	});
}

on("register", async () => {
	const user = await call("POST", "/register",
		{ username: field("username").value, password: field("password").value, data: field("data").value });
	say(`Registered ${user.username}. Now log in.`);
});

on("login", async () => {
	const login = await call("POST", "/login", { username: field("username").value, password: field("password").value });
	token = login.token;
	field("password").value = "";
	await showAccount();
	say(`Logged in as ${login.username}.`);
});

on("save", async () => {
	await call("PATCH", "/me", { data: field("data").value });
	await showAccount();
	say("Saved.");
});

on("logout", async () => {
	await call("POST", "/logout");
	token = null;
	document.getElementById("account").hidden = true;
	field("data").value = "";
	say("Logged out.");
});
