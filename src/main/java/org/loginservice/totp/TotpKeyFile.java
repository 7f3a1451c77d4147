package org.loginservice.totp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.stereotype.Component;

/**
 * The file that keeps the TOTP key when {@code auth.totp.encryption-key} is not set:
 * {@code auth.totp.key-file}, or else beside the H2 database file
 * ({@code ./data/login-service.totp-key} by default). Made on first start, readable by
 * its owner alone. Beside the database it protects a dump of the database, not a copy of
 * the whole data directory: the README tells operators to keep it elsewhere.
 */
@Component
class TotpKeyFile {

	private static final int KEY_BYTES = 32;

	/**
	 * The path of an H2 file database, up to its first setting: after {@code file:}, or
	 * without it when it starts as H2 requires of a file ({@code ./}, {@code /} or
	 * {@code ~}).
	 */
	private static final Pattern H2_FILE = Pattern.compile("jdbc:h2:(?:file:|(?=[./~]))([^;]+).*");

	private static final Path ELSEWHERE = Path.of("data", "totp-key");

	private final Path path;

	/**
	 * @param dataSource the URL the connection pool was made with: the property itself
	 * may hold a placeholder such as {@code ${random.uuid}} that reads differently each
	 * time
	 */
	TotpKeyFile(TotpSettings settings, DataSourceProperties dataSource) {
		this.path = (settings.keyFile() != null) ? settings.keyFile()
				: besideTheDatabase(Objects.toString(dataSource.getUrl(), ""));
	}

	/** The key, read from the file, which is made first if there is none. */
	byte[] key() {
		try {
			if (Files.notExists(this.path)) {
				make();
			}
			return decode(Files.readString(this.path, StandardCharsets.US_ASCII).strip(), this.path.toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or make the TOTP key file " + this.path
					+ " (set auth.totp.key-file, or auth.totp.encryption-key)", ex);
		}
	}

	/** Base64 of 32 bytes, or a start-up failure that says what to do. */
	static byte[] decode(String base64, String source) {
		try {
			byte[] key = Base64.getDecoder().decode(base64.strip());
			if (key.length == KEY_BYTES) {
				return key;
			}
		}
		catch (IllegalArgumentException ex) {
			// Told below, with the fix.
		}
		throw new IllegalStateException("The TOTP key in " + source
				+ " must be Base64 of 32 random bytes; make one with: openssl rand -base64 32");
	}

	/**
	 * Written whole to a private file, then linked into place, so that no half key is
	 * ever read, and a key that another process made meanwhile is kept, never replaced (a
	 * rename would replace it, and that process would seal with a key no file holds).
	 */
	private void make() throws IOException {
		byte[] key = new byte[KEY_BYTES];
		new SecureRandom().nextBytes(key);
		Path directory = this.path.toAbsolutePath().getParent();
		Files.createDirectories(directory);
		Path temporary = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
				? Files.createTempFile(directory, ".totp-key", ".tmp",
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
				: Files.createTempFile(directory, ".totp-key", ".tmp");
		try {
			// On the disk before its name is: a crash must not leave an empty key file.
			try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
				channel.write(ByteBuffer
					.wrap((Base64.getEncoder().encodeToString(key) + "\n").getBytes(StandardCharsets.US_ASCII)));
				channel.force(true);
			}
			link(temporary);
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	private void link(Path temporary) throws IOException {
		try {
			Files.createLink(this.path, temporary);
		}
		catch (FileAlreadyExistsException ex) {
			// Another process made it first: its key is the one.
		}
		catch (IOException | UnsupportedOperationException ex) {
			// No hard links on this file system: a rename, atomic all the same.
			Files.move(temporary, this.path, StandardCopyOption.ATOMIC_MOVE);
		}
	}

	private static Path besideTheDatabase(String url) {
		Matcher h2 = H2_FILE.matcher(url);
		if (!h2.matches()) {
			return ELSEWHERE;
		}
		String database = h2.group(1);
		// H2 takes a leading ~ as the home directory; Path, as a directory named ~.
		return database.startsWith("~/") ? Path.of(System.getProperty("user.home"), database.substring(2) + ".totp-key")
				: Path.of(database + ".totp-key");
	}

	Path path() {
		return this.path;
	}

}
