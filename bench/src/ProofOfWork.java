import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BooleanSupplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service's ALTCHA protocol ({@code org.loginservice.challenge.Altcha}, the code
 * behind {@code GET /challenge} and behind checking a field {@code altcha}) called in this
 * JVM. It is package-private, as the service's code should be, so it is reached by
 * reflection rather than by widening it for the benchmark.
 */
final class ProofOfWork {

	private static final String PACKAGE = "org.loginservice.challenge.";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HexFormat HEX = HexFormat.of();

	/** Any moment before the challenges expire: checking costs the same at any time. */
	private final Instant now = Instant.now();

	private final Object altcha;

	private final Object register;

	private final Method issue;

	private final Method verify;

	private final Method deriveKey;

	ProofOfWork() throws ReflectiveOperationException {
		Class<?> altchaClass = Class.forName(PACKAGE + "Altcha");
		Class<?> purpose = Class.forName(PACKAGE + "Purpose");
		this.altcha = accessible(altchaClass.getDeclaredConstructor(String.class))
			.newInstance("a benchmark's secret, of 32 characters or more");
		this.register = register(purpose);
		this.issue = accessible(altchaClass.getDeclaredMethod("issue", purpose, int.class, int.class, Instant.class));
		this.verify = accessible(altchaClass.getDeclaredMethod("verify", String.class, Instant.class));
		this.deriveKey = accessible(Class.forName(PACKAGE + "Pbkdf2")
			.getDeclaredMethod("deriveKey", byte[].class, byte[].class, int.class, int.class));
	}

	/** The service's own settings ({@code auth.challenge.*} in its application.properties). */
	static Properties settings() throws IOException {
		Properties settings = new Properties();
		try (InputStream properties = ProofOfWork.class.getResourceAsStream("/application.properties")) {
			settings.load(properties);
		}
		return settings;
	}

	/** The works the service's challenges ask for: the least, doubling up to the most. */
	static List<Integer> steps(Properties settings) {
		int maxWork = Integer.parseInt(settings.getProperty("auth.challenge.max-work"));
		List<Integer> steps = new ArrayList<>();
		for (long step = Integer.parseInt(settings.getProperty("auth.challenge.min-work")); step < maxWork; step *= 2) {
			steps.add((int) step);
		}
		steps.add(maxWork);
		return steps;
	}

	/** A registration challenge as {@code GET /challenge} answers it, as JSON. */
	String issue(int work, int cost) {
		return JSON.writeValueAsString(challenge(work, cost));
	}

	private Object challenge(int work, int cost) {
		return call(this.issue, this.altcha, this.register, work, cost, this.now.plusSeconds(3600));
	}

	/** Whether the service takes the field {@code altcha} (not counting replays, kept in its database). */
	boolean verify(String payload) {
		try {
			this.verify.invoke(this.altcha, payload, this.now);
			return true;
		}
		catch (InvocationTargetException ex) {
			if (ex.getCause().getClass().getSimpleName().equals("ChallengeRefused")) {
				return false;
			}
			throw new IllegalStateException(ex.getCause());
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A solved challenge of work 1 (its counter is 0, so it is solved with one key
	 * derivation here). Checking one costs the same at any work: the same base64, JSON
	 * and two HMACs, and never a key derivation.
	 */
	String solvedPayload(int cost) {
		JsonNode challenge = JSON.readTree(issue(1, cost));
		JsonNode parameters = challenge.get("parameters");
		byte[] password = HEX.parseHex(parameters.get("nonce").stringValue() + "00000000");
		byte[] key = (byte[]) call(this.deriveKey, null, password, HEX.parseHex(parameters.get("salt").stringValue()),
				cost, 32);
		return payload(challenge, Map.of("counter", 0, "derivedKey", HEX.formatHex(key), "time", 1));
	}

	/** The field {@code altcha} as ALTCHA's widget sends it. */
	static String payload(Object challenge, Object solution) {
		String json = JSON.writeValueAsString(Map.of("challenge", challenge, "solution", solution));
		return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

	/** Checks this solution again and again; true each time it is taken. */
	BooleanSupplier verifying(String payload) {
		return () -> verify(payload);
	}

	/** Issues challenges of this cost (one key derivation each); always true. */
	BooleanSupplier issuing(int cost) {
		return () -> challenge(16_000, cost) != null;
	}

	private static Object call(Method method, Object target, Object... args) {
		try {
			return method.invoke(target, args);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Object register(Class<?> purpose) {
		return Enum.valueOf((Class) purpose, "REGISTER");
	}

	private static <T extends java.lang.reflect.AccessibleObject> T accessible(T member) {
		member.setAccessible(true);
		return member;
	}

}
