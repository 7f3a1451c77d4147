package org.loginservice;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Forwards a local port to a server, and can be cut and restored: a database going away
 * and coming back, as the service sees it.
 */
public final class TcpProxy implements AutoCloseable {

	private final int port;

	private final String targetHost;

	private final int targetPort;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private volatile ServerSocket server;

	public TcpProxy(String targetHost, int targetPort) throws IOException {
		this.targetHost = targetHost;
		this.targetPort = targetPort;
		try (ServerSocket probe = new ServerSocket(0)) {
			this.port = probe.getLocalPort();
		}
		restore();
	}

	public int port() {
		return this.port;
	}

	/** Starts forwarding again, on the same port. */
	public void restore() throws IOException {
		ServerSocket listening = new ServerSocket();
		listening.setReuseAddress(true);
		listening.bind(new InetSocketAddress("127.0.0.1", this.port));
		this.server = listening;
		Thread acceptor = new Thread(() -> accept(listening), "proxy-accept");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	/** Drops every connection and refuses new ones. */
	public void cut() throws IOException {
		this.server.close();
		for (Socket socket : this.sockets) {
			socket.close();
		}
		this.sockets.clear();
	}

	@Override
	public void close() throws IOException {
		cut();
	}

	private void accept(ServerSocket listening) {
		while (!listening.isClosed()) {
			try {
				Socket client = listening.accept();
				Socket target = new Socket(this.targetHost, this.targetPort);
				this.sockets.add(client);
				this.sockets.add(target);
				pump(client, target);
				pump(target, client);
			}
			catch (IOException ex) {
				// closed by cut(), or the target refused: the client sees its connection
				// drop
			}
		}
	}

	private void pump(Socket from, Socket to) {
		Thread thread = new Thread(() -> {
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				in.transferTo(out);
			}
			catch (IOException ex) {
				// the other side went away
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
			}
		}, "proxy-pump");
		thread.setDaemon(true);
		thread.start();
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// already closed
		}
	}

}
