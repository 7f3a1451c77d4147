package org.loginservice.user;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The users saved by the tutorial's app: a JSON object mapping each username to
 * {@code {"password": "<md5 hex of the password>", "data": "<data>"}}, either as that
 * object or as a JSON string holding it (the tutorial stores strings in its key-value
 * store). Read whole before anything is imported, so that a malformed file imports
 * nothing.
 *
 * @param entries the users, in the file's order
 */
record TutorialFile(List<Entry> entries) {

	private static final JsonMapper json = JsonMapper.shared();

	private static final Pattern MD5_HEX = Pattern.compile("[0-9a-fA-F]{32}");

	/**
	 * Reads and checks the file.
	 * @throws Malformed if it cannot be read or is not one JSON object
	 */
	static TutorialFile read(Path file) {
		JsonNode root;
		try {
			root = json.readTree(Files.readString(file, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new Malformed("cannot be read (" + ex.getMessage() + ")");
		}
		catch (JacksonException ex) {
			throw new Malformed("is not valid JSON (" + ex.getOriginalMessage() + ")");
		}
		if (root == null || !root.isObject()) {
			throw new Malformed("must hold one JSON object mapping usernames to users");
		}
		List<Entry> entries = new ArrayList<>();
		for (Map.Entry<String, JsonNode> property : root.properties()) {
			entries.add(entry(property.getKey(), property.getValue()));
		}
		return new TutorialFile(List.copyOf(entries));
	}

	private static Entry entry(String username, JsonNode value) {
		JsonNode user = value;
		if (value.isString()) {
			try {
				user = json.readTree(value.stringValue());
			}
			catch (JacksonException ex) {
				return Entry.malformed(username, "its string is not JSON");
			}
		}
		if (user == null || !user.isObject()) {
			return Entry.malformed(username, "must be an object, or a JSON string of one");
		}
		JsonNode password = user.get("password");
		if (password == null || !password.isString() || !MD5_HEX.matcher(password.stringValue()).matches()) {
			return Entry.malformed(username, "password must be an MD5 hash in 32 hex digits");
		}
		JsonNode data = user.get("data");
		if (data != null && !data.isNull() && !data.isString()) {
			return Entry.malformed(username, "data must be a string");
		}
		String text = (data != null && data.isString()) ? data.stringValue() : "";
		if (text.getBytes(StandardCharsets.UTF_8).length > User.MAX_DATA_BYTES) {
			return Entry.malformed(username, "data is over 64 KiB");
		}
		return new Entry(username, password.stringValue().toLowerCase(), text, null);
	}

	/**
	 * One user of the file.
	 *
	 * @param username the name, as in the file
	 * @param md5Hex the MD5 of the password, in lower-case hex
	 * @param data the user's data
	 * @param problem why the entry cannot be imported, or {@code null}
	 */
	record Entry(String username, String md5Hex, String data, String problem) {

		static Entry malformed(String username, String problem) {
			return new Entry(username, null, null, problem);
		}

	}

	/** The file as a whole cannot be imported. */
	static class Malformed extends RuntimeException {

		Malformed(String message) {
			super(message);
		}

	}

}
