import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** wrk, Debian's HTTP load generator: 2 threads, 8 connections, one URL. */
final class Wrk {

	private Wrk() {
	}

	static Result run(String url, String token, double seconds) throws Exception {
		List<String> command = new ArrayList<>(
				List.of("wrk", "-t2", "-c8", "-d" + Math.round(seconds) + "s", "--latency"));
		if (token != null) {
			command.addAll(List.of("-H", "Authorization: Bearer " + token));
		}
		command.add(url);
		Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (wrk.waitFor() != 0 || output.contains("Non-2xx")) {
			throw new IllegalStateException("wrk " + url + " failed: " + output);
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
