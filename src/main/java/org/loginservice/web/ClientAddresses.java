package org.loginservice.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.servlet.ServletException;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.RemoteIpValve;
import org.apache.catalina.valves.ValveBase;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Gives every request its client address in canonical form ({@link IpLiteral}), which the
 * log lines and the limits per address use.
 * <p>
 * Where Spring Boot would put Tomcat's {@code RemoteIpValve} in front
 * ({@code server.forward-headers-strategy=native}, or a cloud platform detected), this
 * valve takes its place and its settings: Tomcat's believes any text from a trusted
 * proxy, so {@code 9.9.9.8 username=admin} became the client address, went into the log
 * as it was, and a new text each time escaped the limits per address. Here the header is
 * read by {@link ForwardedFor}. Only the address is taken from the proxy:
 * {@code X-Forwarded-Proto} and {@code -Host} are not needed, since nothing here builds
 * an absolute URL.
 */
@Component
class ClientAddresses implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

	/** After Spring Boot's own customizer, which adds the valve replaced here. */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		// Without Tomcat's valve, no proxy is trusted and the header is never read.
		ForwardedFor forwarded = ForwardedFor.trusting();
		String header = "X-Forwarded-For";
		List<Valve> valves = new ArrayList<>();
		for (Valve valve : factory.getEngineValves()) {
			if (valve instanceof RemoteIpValve remoteIp) {
				forwarded = ForwardedFor.trusting(remoteIp.getInternalProxies(), remoteIp.getTrustedProxies());
				header = remoteIp.getRemoteIpHeader();
			}
			else {
				valves.add(valve);
			}
		}
		valves.add(0, new ClientAddressValve(forwarded, header));
		factory.setEngineValves(valves);
	}

	private static final class ClientAddressValve extends ValveBase {

		private final ForwardedFor forwarded;

		private final String header;

		ClientAddressValve(ForwardedFor forwarded, String header) {
			super(true);
			this.forwarded = forwarded;
			this.header = header;
		}

		@Override
		public void invoke(Request request, Response response) throws IOException, ServletException {
			String peer = request.getRemoteAddr();
			// None when the connection is already gone.
			if (peer != null) {
				String client = this.forwarded.client(peer, Collections.list(request.getHeaders(this.header)));
				request.setRemoteAddr(client);
				request.setRemoteHost(client);
			}
			getNext().invoke(request, response);
		}

	}

}
