package io.github.springmidtrans.test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.net.ServerSocketFactory;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Protocol;

/**
 * The HTTPS server of the client benchmark: answers every status check and every charge
 * with the same fixed Midtrans JSON, as fast as it can, so that the clients, not the
 * server, are measured. It is also an HTTPS proxy for Midtrans' hosts, the only way to
 * reach the official SDK, whose base URL is fixed: every client in the benchmark goes
 * through {@code CONNECT api.sandbox.midtrans.com:443} and TLS with a certificate signed
 * by an authority made up at start (the simulator's {@link SimulatorTls} and
 * {@link HttpsProxyDispatcher}, which is why this class lives in their package).
 *
 * <p>
 * Arguments: the trust store file to write (PKCS12, password
 * {@value MidtransSimulatorMain#TRUST_STORE_PASSWORD}), optionally {@code http/1.1} to
 * turn HTTP/2 off (by default TLS negotiates HTTP/2 with clients that offer it). Prints
 * {@code LISTENING <port>} once the port is open and runs until stopped.
 */
public final class BenchmarkHttpsServer {

	/** The order id of the fixed answers. */
	public static final String ORDER_ID = "BENCH-ORDER-1";

	static final String STATUS_BODY = """
			{"status_code":"201","status_message":"Success, transaction is found","transaction_id":\
			"2f1c4a8e-5b1a-4e5e-9a0b-6d2f1f3c7a11","order_id":"BENCH-ORDER-1","merchant_id":"G000000000",\
			"gross_amount":"150000.00","currency":"IDR","payment_type":"bank_transfer",\
			"transaction_time":"2026-11-24 10:00:00","transaction_status":"pending","fraud_status":"accept",\
			"va_numbers":[{"bank":"bca","va_number":"12345678901"}],"expiry_time":"2026-11-25 10:00:00"}""";

	static final String CHARGE_BODY = """
			{"status_code":"201","status_message":"Success, Bank Transfer transaction is created",\
			"transaction_id":"2f1c4a8e-5b1a-4e5e-9a0b-6d2f1f3c7a11","order_id":"BENCH-ORDER-1",\
			"merchant_id":"G000000000","gross_amount":"150000.00","currency":"IDR","payment_type":"bank_transfer",\
			"transaction_time":"2026-11-24 10:00:00","transaction_status":"pending","fraud_status":"accept",\
			"va_numbers":[{"bank":"bca","va_number":"12345678901"}],"expiry_time":"2026-11-25 10:00:00"}""";

	private BenchmarkHttpsServer() {
	}

	public static void main(String[] args) throws IOException, InterruptedException {
		SimulatorTls tls = SimulatorTls.generate();
		tls.writeTrustStore(Path.of(args[0]), MidtransSimulatorMain.TRUST_STORE_PASSWORD.toCharArray());
		MockResponse status = json(STATUS_BODY);
		MockResponse charge = json(CHARGE_BODY);
		MockResponse notFound = new MockResponse.Builder().code(404).body("{\"status_code\":\"404\"}").build();
		Dispatcher fixed = new Dispatcher() {
			@Override
			public MockResponse dispatch(RecordedRequest request) {
				String path = request.getUrl().encodedPath();
				if ("POST".equals(request.getMethod()) && path.equals("/v2/charge")) {
					return charge;
				}
				if ("GET".equals(request.getMethod()) && path.endsWith("/status")) {
					return status;
				}
				return notFound;
			}
		};
		MockWebServer server = new MockWebServer();
		// Without TCP_NODELAY, a response written as headers then body waits for the
		// client's delayed ACK (40 ms on Linux) and every client looks equally slow.
		server.setServerSocketFactory(new NoDelayServerSocketFactory());
		server.useHttps(tls.serverSocketFactory());
		if (args.length > 1 && "http/1.1".equals(args[1])) {
			server.setProtocols(List.of(Protocol.HTTP_1_1));
		}
		server.setDispatcher(new HttpsProxyDispatcher(fixed, SimulatorTls.HOSTS));
		server.start(0);
		// MockWebServer keeps every request for takeRequest(): drop them as they come.
		Thread drain = new Thread(() -> {
			try {
				while (true) {
					server.takeRequest(1, TimeUnit.SECONDS);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, "drain-recorded-requests");
		drain.setDaemon(true);
		drain.start();
		System.out.println("LISTENING " + server.getPort());
		System.out.flush();
		new CountDownLatch(1).await();
	}

	/** Server sockets whose accepted connections send small writes at once. */
	private static final class NoDelayServerSocketFactory extends ServerSocketFactory {

		@Override
		public ServerSocket createServerSocket() throws IOException {
			return new NoDelayServerSocket();
		}

		@Override
		public ServerSocket createServerSocket(int port) throws IOException {
			ServerSocket socket = new NoDelayServerSocket();
			socket.bind(new InetSocketAddress(port));
			return socket;
		}

		@Override
		public ServerSocket createServerSocket(int port, int backlog) throws IOException {
			ServerSocket socket = new NoDelayServerSocket();
			socket.bind(new InetSocketAddress(port), backlog);
			return socket;
		}

		@Override
		public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
			ServerSocket socket = new NoDelayServerSocket();
			socket.bind(new InetSocketAddress(address, port), backlog);
			return socket;
		}

	}

	private static final class NoDelayServerSocket extends ServerSocket {

		NoDelayServerSocket() throws IOException {
		}

		@Override
		public Socket accept() throws IOException {
			Socket socket = super.accept();
			socket.setTcpNoDelay(true);
			return socket;
		}

	}

	private static MockResponse json(String body) {
		return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(body).build();
	}

}
