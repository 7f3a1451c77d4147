import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** wrk, Debian's HTTP load generator: 2 threads, 8 connections, one URL. */
final class Wrk {

	/**
	 * Registrations, each of a new name (two at once of one name would be refused as taken),
	 * counting the answers that are not the expected status.
	 */
	private static final String REGISTRATIONS = """
			local threads = {}
			function setup(thread)
			  thread:set("id", #threads)
			  table.insert(threads, thread)
			end
			function init(args)
			  sent, unexpected = 0, 0
			end
			function request()
			  sent = sent + 1
			  return wrk.format("POST", nil, { ["Content-Type"] = "application/json" },
			    '{"username":"wrk' .. id .. 'n' .. sent .. '","password":"PASSWORD"}')
			end
			function response(status, headers, body)
			  if status ~= STATUS then unexpected = unexpected + 1 end
			end
			function done(summary, latency, requests)
			  local total = 0
			  for _, thread in ipairs(threads) do total = total + thread:get("unexpected") end
			  io.write("Unexpected statuses: " .. total .. "\\n")
			end
			""";

	private Wrk() {
	}

	static Result run(String url, String token, double seconds) throws Exception {
		List<String> command = command(seconds);
		if (token != null) {
			command.addAll(List.of("-H", "Authorization: Bearer " + token));
		}
		command.add(url);
		return measure(command, false);
	}

	/** POST /register of a new name each time, every answer expected to be this status. */
	static Result registrations(String base, String password, int status, double seconds) throws Exception {
		Path script = Files.createTempFile(Path.of("target/bench"), "registrations", ".lua");
		Files.writeString(script,
				REGISTRATIONS.replace("PASSWORD", password).replace("STATUS", String.valueOf(status)));
		List<String> command = command(seconds);
		command.addAll(List.of("-s", script.toString(), base + "/register"));
		try {
			return measure(command, true);
		}
		finally {
			Files.delete(script);
		}
	}

	private static List<String> command(double seconds) {
		return new ArrayList<>(List.of("wrk", "-t2", "-c8", "-d" + Math.round(seconds) + "s", "--latency"));
	}

	/** Runs wrk; every answer must be a 2xx, or else the expected one the script counts. */
	private static Result measure(List<String> command, boolean scripted) throws Exception {
		Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		boolean wrong = !scripted ? output.contains("Non-2xx") : !output.contains("Unexpected statuses: 0\n");
		if (wrk.waitFor() != 0 || wrong) {
			throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
		}
		double perSecond = Double.parseDouble(output.replaceAll("(?s).*Requests/sec:\\s+([0-9.]+).*", "$1"));
		String[] p99 = output.replaceAll("(?s).*\\n\\s+99%\\s+([0-9.]+)(us|ms|s).*", "$1 $2").split(" ");
		double factor = switch (p99[1]) {
			case "us" -> 0.001;
			case "s" -> 1000;
			default -> 1;
		};
		return new Result(perSecond, Double.parseDouble(p99[0]) * factor);
	}

	record Result(double perSecond, double p99Millis) {

	}

}
