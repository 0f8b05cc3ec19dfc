package io.github.springmidtrans.test;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import javax.net.ssl.SSLSocket;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The serving layer of the simulator: a small HTTP/1.1 server on plain sockets that
 * accepts what Midtrans accepts (a body on GET and DELETE, chunked bodies,
 * {@code Expect: 100-continue}, keep-alive, absolute request targets as sent to a proxy,
 * folded and odd headers) and always answers in Midtrans' JSON shape, even a request it
 * cannot parse. In HTTPS proxy mode it also answers {@code CONNECT} for Midtrans' hosts
 * and speaks TLS inside the tunnel with the simulator's certificate.
 *
 * <p>
 * Why not a server library (measured against Jetty 12.1.13 and the JDK's
 * {@code com.sun.net.httpserver} on Java 17, with the requests of
 * {@code MidtransSimulatorServingTests}):
 * <ul>
 * <li>The JDK's server answers a request line it cannot parse with its own HTML
 * {@code 404 No context found for request}, never reaching a handler, so
 * {@code aRequestThatCannotBeParsedGetsAMidtransShapedAnswer} fails; it closes the
 * connection on a {@code CONNECT} without answering and offers no way to take over a
 * connection for TLS, so every test of {@code MidtransSimulatorHttpsProxyTests} fails.
 * Bodies on GET and DELETE, chunked bodies, keep-alive, {@code Expect: 100-continue},
 * absolute targets and a folded HTTP/1.0 header it handles.</li>
 * <li>Jetty refuses a folded header with its own 400 under its default compliance mode
 * ({@code http10WithAFoldedHeaderIsAnsweredAndClosed}); with
 * {@code HttpCompliance.LEGACY} it serves it but sends no {@code Connection: close}, and
 * it answers unparsable requests with its own error page unless an {@code ErrorHandler}
 * is installed. All of that is configurable, and its {@code ConnectHandler} could tunnel
 * to a TLS connector.</li>
 * <li>The deciding fact, for both: they log request lines and headers at DEBUG (Jetty
 * through SLF4J, the application's logging: 23 lines with the card number and CVV of one
 * {@code GET /v2/token}, 2 with the {@code Authorization} header; the JDK through
 * {@code System.Logger} at FINE). An application that turns DEBUG on for everything,
 * common in tests, would log card data and the server key, and a library must not
 * configure the application's logging to prevent it. This server logs nothing; the router
 * logs paths without queries ({@code cardDataAndKeysStayOutOfEveryLoggerEvenAtDebug}
 * checks it).</li>
 * </ul>
 *
 * <p>
 * Not API: {@link MidtransSimulator} owns it.
 */
final class SimulatorServer {

	private static final Logger logger = LoggerFactory.getLogger(SimulatorServer.class);

	private static final int MAX_HEADER_BYTES = 64 * 1024;

	private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

	private static final int IDLE_TIMEOUT_MILLIS = 60_000;

	private final Function<Exchange, Reply> handler;

	private final @Nullable SimulatorTls tls;

	private final String host;

	private final Set<Socket> open = ConcurrentHashMap.newKeySet();

	private final AtomicInteger threadCount = new AtomicInteger();

	private final ExecutorService connections = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "midtrans-simulator-" + this.threadCount.incrementAndGet());
		thread.setDaemon(true);
		return thread;
	});

	private volatile @Nullable ServerSocket serverSocket;

	SimulatorServer(Function<Exchange, Reply> handler, @Nullable SimulatorTls tls, String host) {
		this.handler = handler;
		this.tls = tls;
		this.host = host;
	}

	void start(int port) {
		ServerSocket socket = null;
		try {
			socket = new ServerSocket();
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(InetAddress.getByName(this.host), port), 128);
		}
		catch (IOException ex) {
			closeQuietly(socket);
			throw new UncheckedIOException("Midtrans simulator could not listen on " + this.host + ":" + port, ex);
		}
		this.serverSocket = socket;
		ServerSocket listening = socket;
		Thread acceptor = new Thread(() -> accept(listening), "midtrans-simulator-acceptor");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	int port() {
		ServerSocket socket = this.serverSocket;
		if (socket == null) {
			throw new IllegalStateException("Not listening");
		}
		return socket.getLocalPort();
	}

	void stop() {
		closeQuietly(this.serverSocket);
		for (Socket socket : this.open) {
			closeQuietly(socket);
		}
		this.connections.shutdownNow();
	}

	private void accept(ServerSocket listening) {
		while (!listening.isClosed()) {
			Socket socket;
			try {
				socket = listening.accept();
			}
			catch (IOException ex) {
				if (!listening.isClosed()) {
					logger.debug("Midtrans simulator stopped accepting connections", ex);
				}
				return;
			}
			this.open.add(socket);
			try {
				this.connections.execute(() -> {
					try {
						serve(socket, socket.getInputStream(), null);
					}
					catch (IOException ex) {
						logger.trace("Connection ended", ex);
					}
					finally {
						this.open.remove(socket);
						closeQuietly(socket);
					}
				});
			}
			catch (RuntimeException ex) {
				// stopping: the pool takes no more work
				this.open.remove(socket);
				closeQuietly(socket);
			}
		}
	}

	/**
	 * Serve requests on one connection until it closes, is asked to close, or turns into
	 * a tunnel (which is then served here too).
	 */
	private void serve(Socket socket, InputStream raw, @Nullable String tunnelHost) throws IOException {
		socket.setSoTimeout(IDLE_TIMEOUT_MILLIS);
		InputStream in = (raw instanceof BufferedInputStream) ? raw : new BufferedInputStream(raw);
		OutputStream out = socket.getOutputStream();
		while (true) {
			ParsedRequest request;
			try {
				request = readRequest(in, out);
			}
			catch (BadRequest ex) {
				write(out, error(ex.status, ex.getMessage()), false, true);
				return;
			}
			catch (SocketTimeoutException ex) {
				return;
			}
			if (request == null) {
				return;
			}
			if ("CONNECT".equals(request.method())) {
				tunnel(socket, in, out, request);
				return;
			}
			String host = (request.absoluteHost() != null) ? request.absoluteHost() : hostOf(request.headers());
			if (host == null) {
				host = tunnelHost;
			}
			Exchange exchange = new Exchange(request.method(), request.target(), request.headers(), request.body(),
					host);
			Reply reply;
			try {
				reply = this.handler.apply(exchange);
			}
			catch (RuntimeException ex) {
				logger.warn("Midtrans simulator failed to handle {} {}", request.method(), pathOf(request.target()),
						ex);
				reply = error(500, "Simulator error: " + ex.getClass().getSimpleName());
			}
			sleep(reply.headersDelay());
			if (reply.dropConnection()) {
				return;
			}
			boolean close = request.close();
			write(out, reply, "HEAD".equals(request.method()), close);
			if (close) {
				return;
			}
		}
	}

	private void tunnel(Socket socket, InputStream in, OutputStream out, ParsedRequest request) throws IOException {
		SimulatorTls certificates = this.tls;
		if (certificates == null) {
			write(out, error(405, "This simulator is not an HTTPS proxy; start it with httpsProxy(true), "
					+ "--https-proxy or --ca-pem"), false, true);
			return;
		}
		String authority = request.target();
		int colon = authority.lastIndexOf(':');
		String tunnelHost = ((colon > 0) ? authority.substring(0, colon) : authority).toLowerCase(Locale.ROOT);
		String port = (colon > 0) ? authority.substring(colon + 1) : "443";
		if (!"443".equals(port) || !SimulatorTls.HOSTS.contains(tunnelHost)) {
			write(out, error(403, "The simulator only tunnels to " + String.join(", ", SimulatorTls.HOSTS)
					+ " on port 443, not " + authority), false, true);
			return;
		}
		out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
		out.flush();
		// Bytes the client sent after the CONNECT (its TLS hello) may sit in the buffer.
		byte[] buffered = in.readNBytes(in.available());
		SSLSocket secure = (SSLSocket) certificates.sslContext()
			.getSocketFactory()
			.createSocket(socket, new ByteArrayInputStream(buffered), true);
		secure.setUseClientMode(false);
		try {
			secure.startHandshake();
		}
		catch (IOException ex) {
			// A client that does not trust the test authority gives up here.
			logger.debug("TLS handshake in the tunnel to {} failed: {}", tunnelHost, ex.getMessage());
			return;
		}
		this.open.add(secure);
		try {
			serve(secure, secure.getInputStream(), tunnelHost);
		}
		finally {
			this.open.remove(secure);
			closeQuietly(secure);
		}
	}

	private static @Nullable ParsedRequest readRequest(InputStream in, OutputStream out) throws IOException {
		int[] budget = { MAX_HEADER_BYTES };
		String line;
		do {
			line = readLine(in, budget, true);
			if (line == null) {
				return null;
			}
		}
		while (line.isEmpty());
		String[] parts = line.trim().split("[ \t]+");
		if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
			throw new BadRequest(400, "Malformed request line");
		}
		String method = parts[0].toUpperCase(Locale.ROOT);
		String target = parts[1];
		boolean http10 = "HTTP/1.0".equals(parts[2]);
		Map<String, List<String>> headers = new LinkedHashMap<>();
		String lastName = null;
		while (true) {
			String header = readLine(in, budget, false);
			if (header == null) {
				throw new BadRequest(400, "Connection closed in the request headers");
			}
			if (header.isEmpty()) {
				break;
			}
			if ((header.charAt(0) == ' ' || header.charAt(0) == '\t') && lastName != null) {
				// An obsolete folded header line continues the previous value.
				List<String> values = headers.get(lastName);
				int last = values.size() - 1;
				values.set(last, values.get(last) + " " + header.trim());
				continue;
			}
			int colon = header.indexOf(':');
			if (colon <= 0) {
				throw new BadRequest(400, "Malformed header line");
			}
			lastName = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
			headers.computeIfAbsent(lastName, (name) -> new ArrayList<>()).add(header.substring(colon + 1).trim());
		}
		String absoluteHost = null;
		if (!"CONNECT".equals(method)) {
			String lower = target.toLowerCase(Locale.ROOT);
			if (lower.startsWith("http://") || lower.startsWith("https://")) {
				int start = target.indexOf("//") + 2;
				int slash = target.indexOf('/', start);
				int query = target.indexOf('?', start);
				int end = (slash >= 0) ? slash : (query >= 0) ? query : target.length();
				absoluteHost = stripPort(target.substring(start, end)).toLowerCase(Locale.ROOT);
				String rest = target.substring(end);
				target = rest.isEmpty() ? "/" : rest.startsWith("?") ? "/" + rest : rest;
			}
			else if (!target.startsWith("/")) {
				throw new BadRequest(400, "Malformed request target");
			}
		}
		String expect = first(headers, "expect");
		if (expect != null && "100-continue".equalsIgnoreCase(expect)) {
			out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
		}
		byte[] body = readBody(in, headers);
		String connection = String.join(",", headers.getOrDefault("connection", List.of())).toLowerCase(Locale.ROOT);
		boolean close = connection.contains("close") || (http10 && !connection.contains("keep-alive"));
		return new ParsedRequest(method, target, headers, body, absoluteHost, close);
	}

	private static byte[] readBody(InputStream in, Map<String, List<String>> headers) throws IOException {
		String transferEncoding = String.join(",", headers.getOrDefault("transfer-encoding", List.of()));
		if (transferEncoding.toLowerCase(Locale.ROOT).contains("chunked")) {
			return readChunked(in);
		}
		List<String> lengths = headers.get("content-length");
		if (lengths == null || lengths.isEmpty()) {
			return new byte[0];
		}
		String length = lengths.get(0).trim();
		for (String other : lengths) {
			if (!other.trim().equals(length)) {
				throw new BadRequest(400, "Conflicting Content-Length headers");
			}
		}
		long size;
		try {
			size = Long.parseLong(length);
		}
		catch (NumberFormatException ex) {
			throw new BadRequest(400, "Content-Length is not a number");
		}
		if (size < 0) {
			throw new BadRequest(400, "Content-Length is negative");
		}
		if (size > MAX_BODY_BYTES) {
			throw new BadRequest(413, "The request body is too large");
		}
		byte[] body = in.readNBytes((int) size);
		if (body.length < size) {
			throw new BadRequest(400, "Connection closed in the request body");
		}
		return body;
	}

	private static byte[] readChunked(InputStream in) throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		int[] budget = { MAX_HEADER_BYTES };
		while (true) {
			String sizeLine = readLine(in, budget, false);
			if (sizeLine == null) {
				throw new BadRequest(400, "Connection closed in a chunked body");
			}
			int extension = sizeLine.indexOf(';');
			String hex = ((extension >= 0) ? sizeLine.substring(0, extension) : sizeLine).trim();
			int size;
			try {
				size = Integer.parseInt(hex, 16);
			}
			catch (NumberFormatException ex) {
				throw new BadRequest(400, "Malformed chunk size");
			}
			if (size < 0 || body.size() + (long) size > MAX_BODY_BYTES) {
				throw new BadRequest(413, "The request body is too large");
			}
			if (size == 0) {
				// Trailers, if any, up to the empty line.
				for (String trailer = readLine(in, budget, false); trailer != null
						&& !trailer.isEmpty(); trailer = readLine(in, budget, false)) {
					// ignored
				}
				return body.toByteArray();
			}
			byte[] chunk = in.readNBytes(size);
			if (chunk.length < size) {
				throw new BadRequest(400, "Connection closed in a chunk");
			}
			body.write(chunk);
			String end = readLine(in, budget, false);
			if (end == null || !end.isEmpty()) {
				throw new BadRequest(400, "Malformed chunk end");
			}
		}
	}

	/**
	 * One line without its CRLF (a bare LF ends a line too), or {@code null} at the end
	 * of the stream before any byte.
	 */
	private static @Nullable String readLine(InputStream in, int[] budget, boolean first) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int b;
		while ((b = in.read()) != -1) {
			if (--budget[0] < 0) {
				throw new BadRequest(first ? 414 : 431,
						first ? "The request line is too long" : "The request header fields are too large");
			}
			if (b == '\n') {
				byte[] bytes = line.toByteArray();
				int length = (bytes.length > 0 && bytes[bytes.length - 1] == '\r') ? bytes.length - 1 : bytes.length;
				return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
			}
			line.write(b);
		}
		if (line.size() == 0) {
			return null;
		}
		throw new BadRequest(400, "Connection closed in the middle of a line");
	}

	private static void write(OutputStream out, Reply reply, boolean headOnly, boolean close) throws IOException {
		StringBuilder head = new StringBuilder();
		head.append("HTTP/1.1 ").append(reply.status()).append(' ').append(reason(reply.status())).append("\r\n");
		reply.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
		head.append("Content-Length: ").append(reply.body().length).append("\r\n");
		if (close) {
			head.append("Connection: close\r\n");
		}
		head.append("\r\n");
		out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
		if (headOnly || reply.body().length == 0) {
			out.flush();
			return;
		}
		if (!reply.bodyDelay().isZero()) {
			out.flush();
			sleep(reply.bodyDelay());
		}
		out.write(reply.body());
		out.flush();
	}

	private static Reply error(int status, String message) {
		return Reply.of(status, Map.of("Content-Type", "application/json"),
				Wire.write(Wire.error(Integer.toString(status), message)).getBytes(StandardCharsets.UTF_8));
	}

	private static String reason(int status) {
		return switch (status) {
			case 100 -> "Continue";
			case 200 -> "OK";
			case 201 -> "Created";
			case 202 -> "Accepted";
			case 204 -> "No Content";
			case 302 -> "Found";
			case 303 -> "See Other";
			case 400 -> "Bad Request";
			case 401 -> "Unauthorized";
			case 403 -> "Forbidden";
			case 404 -> "Not Found";
			case 405 -> "Method Not Allowed";
			case 406 -> "Not Acceptable";
			case 409 -> "Conflict";
			case 412 -> "Precondition Failed";
			case 413 -> "Content Too Large";
			case 414 -> "URI Too Long";
			case 429 -> "Too Many Requests";
			case 431 -> "Request Header Fields Too Large";
			case 500 -> "Internal Server Error";
			case 502 -> "Bad Gateway";
			case 503 -> "Service Unavailable";
			case 504 -> "Gateway Timeout";
			default -> "Status " + status;
		};
	}

	private static @Nullable String hostOf(Map<String, List<String>> headers) {
		String host = first(headers, "host");
		return (host != null && !host.isBlank()) ? stripPort(host.trim()).toLowerCase(Locale.ROOT) : null;
	}

	private static @Nullable String first(Map<String, List<String>> headers, String name) {
		List<String> values = headers.get(name);
		return (values != null && !values.isEmpty()) ? values.get(0) : null;
	}

	private static String stripPort(String host) {
		if (host.startsWith("[")) {
			int end = host.indexOf(']');
			return (end > 0) ? host.substring(0, end + 1) : host;
		}
		int colon = host.indexOf(':');
		return (colon >= 0) ? host.substring(0, colon) : host;
	}

	private static String pathOf(String target) {
		int query = target.indexOf('?');
		return (query >= 0) ? target.substring(0, query) : target;
	}

	private static void sleep(Duration delay) {
		if (delay.isZero()) {
			return;
		}
		try {
			Thread.sleep(delay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void closeQuietly(@Nullable AutoCloseable closeable) {
		if (closeable == null) {
			return;
		}
		try {
			closeable.close();
		}
		catch (Exception ex) {
			// closing anyway
		}
	}

	private record ParsedRequest(String method, String target, Map<String, List<String>> headers, byte[] body,
			@Nullable String absoluteHost, boolean close) {

	}

	/**
	 * A request that cannot be served: answered with its status and a Midtrans-shaped
	 * body, then the connection is closed.
	 */
	private static final class BadRequest extends IOException {

		private final int status;

		BadRequest(int status, String message) {
			super(message);
			this.status = status;
		}

	}

	/**
	 * A request as the simulator sees it: header names in lower case (repeated headers
	 * keep every value), the body as text, and the host the client addressed (the
	 * {@code Host} header or the absolute request target), if any.
	 */
	record Exchange(String method, String target, Map<String, List<String>> headers, byte[] body,
			@Nullable String host) {

		@Nullable String header(String name) {
			List<String> values = this.headers.get(name);
			return (values != null && !values.isEmpty()) ? values.get(0) : null;
		}

		String bodyText() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

	}

	/**
	 * What to answer, and how: a fault may hold back the headers, hold back the body
	 * after the headers, or close the connection without an answer.
	 */
	record Reply(int status, Map<String, String> headers, byte[] body, Duration headersDelay, Duration bodyDelay,
			boolean dropConnection) {

		static Reply of(int status, Map<String, String> headers, byte[] body) {
			return new Reply(status, headers, body, Duration.ZERO, Duration.ZERO, false);
		}

		static Reply drop() {
			return new Reply(0, Map.of(), new byte[0], Duration.ZERO, Duration.ZERO, true);
		}

		Reply withHeadersDelay(Duration delay) {
			return new Reply(this.status, this.headers, this.body, delay, this.bodyDelay, this.dropConnection);
		}

		Reply withBodyDelay(Duration delay) {
			return new Reply(this.status, this.headers, this.body, this.headersDelay, delay, this.dropConnection);
		}

		Reply withDrop() {
			return new Reply(this.status, this.headers, this.body, this.headersDelay, this.bodyDelay, true);
		}

		Reply withBody(String body) {
			return new Reply(this.status, this.headers, body.getBytes(StandardCharsets.UTF_8), this.headersDelay,
					this.bodyDelay, this.dropConnection);
		}

	}

}
