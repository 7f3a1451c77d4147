import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The service as a real process on a free port, its database a file in its own folder. */
final class Service implements AutoCloseable {

	final String base;

	final long startupMillis;

	private final Process process;

	private Service(Process process, String base, long startupMillis) {
		this.process = process;
		this.base = base;
		this.startupMillis = startupMillis;
	}

	/**
	 * Starts {@code java JVM_OPTIONS -jar JAR --server.port=... ARGS} in the folder, its
	 * management server on a port of the system's choice (two run at once), and waits for
	 * its first answer to {@code GET /}.
	 */
	static Service start(String java, String jvmOptions, Path jar, Path folder, String... args) throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		List<String> command = new ArrayList<>(List.of(java));
		if (!jvmOptions.isBlank()) {
			command.addAll(List.of(jvmOptions.trim().split("\\s+")));
		}
		command.addAll(List.of("-jar", jar.toAbsolutePath().toString(), "--server.port=" + port,
				"--management.server.port=0"));
		command.addAll(List.of(args));
		Files.createDirectories(folder);
		Path log = folder.resolve("service.log");
		long start = System.nanoTime();
		Process process = new ProcessBuilder(command).directory(folder.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.start();
		String base = "http://127.0.0.1:" + port;
		long deadline = start + TimeUnit.SECONDS.toNanos(120);
		while (!answers(base)) {
			if (!process.isAlive()) {
				throw new IllegalStateException("the service did not answer: " + Files.readString(log));
			}
			if (System.nanoTime() > deadline) {
				// What each thread was doing goes beside the log, for whoever looks into it.
				try {
					new ProcessBuilder("jstack", String.valueOf(process.pid()))
						.redirectOutput(folder.resolve("jstack.txt").toFile())
						.redirectErrorStream(true)
						.start()
						.waitFor(30, TimeUnit.SECONDS);
				}
				catch (IOException ex) {
					Files.writeString(folder.resolve("jstack.txt"), "jstack could not run: " + ex.getMessage());
				}
				process.destroyForcibly().waitFor();
				throw new Hung(folder);
			}
			Thread.sleep(10);
		}
		return new Service(process, base, (System.nanoTime() - start) / 1_000_000);
	}

	/** A start that never answered, its threads dumped to jstack.txt in its folder. */
	static final class Hung extends IllegalStateException {

		Hung(Path folder) {
			super("the service did not answer within 120 s; its threads: " + folder.resolve("jstack.txt"));
		}

	}

	private static boolean answers(String base) {
		try {
			return Http.get(base + "/").statusCode() == 200;
		}
		catch (IllegalStateException ex) {
			return false;
		}
	}

	/** Resident memory of the process (VmRSS), in MiB. */
	long residentMegabytes() throws IOException {
		return kilobytes("status", "VmRSS:") / 1024;
	}

	/**
	 * Its proportional share of resident memory (Pss), in MiB: a page it shares with other
	 * processes, such as one of an AOT cache or CDS archive that another JVM maps too, counts
	 * as its share of the page.
	 */
	long proportionalMegabytes() throws IOException {
		return kilobytes("smaps_rollup", "Pss:") / 1024;
	}

	private long kilobytes(String file, String field) throws IOException {
		return Files.readAllLines(Path.of("/proc/" + this.process.pid() + "/" + file))
			.stream()
			.filter((line) -> line.startsWith(field))
			.map((line) -> Long.parseLong(line.replaceAll("\\D", "")))
			.findFirst()
			.orElse(-1024L);
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor();
		}
	}

	/**
	 * Writes accounts named seed0, seed1, ... straight into the (stopped) service's H2 file,
	 * all with one precomputed hash, until there are this many. Returns the milliseconds it
	 * took.
	 */
	static long seed(Path folder, int accounts, String hash) throws Exception {
		long start = System.nanoTime();
		String url = "jdbc:h2:file:" + folder.toAbsolutePath().resolve("data/login-service") + ";WRITE_DELAY=0";
		try (Connection db = DriverManager.getConnection(url, "sa", "")) {
			db.setAutoCommit(false);
			int existing;
			try (ResultSet count = db.createStatement()
				.executeQuery("SELECT COUNT(*) FROM users WHERE username LIKE 'seed%'")) {
				count.next();
				existing = count.getInt(1);
			}
			try (PreparedStatement insert = db.prepareStatement("INSERT INTO users "
					+ "(username, canonical_username, password_hash, data, created_at) VALUES (?, ?, ?, '', ?)")) {
				OffsetDateTime now = OffsetDateTime.now();
				for (int i = existing; i < accounts; i++) {
					insert.setString(1, "seed" + i);
					insert.setString(2, "seed" + i);
					insert.setString(3, hash);
					insert.setObject(4, now);
					insert.addBatch();
					if (i % 10_000 == 9_999) {
						insert.executeBatch();
						db.commit();
					}
				}
				insert.executeBatch();
				db.commit();
			}
		}
		return (System.nanoTime() - start) / 1_000_000;
	}

}
