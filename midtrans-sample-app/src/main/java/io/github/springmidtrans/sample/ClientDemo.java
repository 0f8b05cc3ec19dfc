package io.github.springmidtrans.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.springmidtrans.client.MidtransClient;
import io.github.springmidtrans.client.MidtransDuplicateOrderException;
import io.github.springmidtrans.client.MidtransSignatureException;
import io.github.springmidtrans.client.model.Bank;
import io.github.springmidtrans.client.model.ChargeRequest;
import io.github.springmidtrans.client.model.CustomerDetails;
import io.github.springmidtrans.client.model.ItemDetail;
import io.github.springmidtrans.client.model.RefundRequest;
import io.github.springmidtrans.client.model.RefundResponse;
import io.github.springmidtrans.client.model.TransactionResponse;
import io.github.springmidtrans.test.MidtransSimulator;

/**
 * A console walk through the Midtrans client, offline: it starts the simulator and a
 * small notification receiver, charges a BCA virtual account and a GoPay payment, pays
 * both as a customer would, refunds part of one, verifies every notification's signature
 * and shows how a repeated order id is reported. No keys, no network.
 *
 * <p>
 * Run it with {@code ./mvnw -q -pl midtrans-sample-app -am compile exec:java}.
 */
public final class ClientDemo {

	private final PrintStream out;

	private ClientDemo(PrintStream out) {
		this.out = out;
	}

	/**
	 * Run the demo on standard output.
	 * @param args ignored
	 * @throws Exception when the demo cannot start its local servers
	 */
	public static void main(String[] args) throws Exception {
		new ClientDemo(System.out).run();
	}

	/**
	 * Run the demo, writing to the given stream.
	 * @param out where to write
	 * @return the notifications that arrived with a valid signature
	 * @throws IOException when the local notification receiver cannot start
	 */
	static List<TransactionResponse> run(PrintStream out) throws IOException {
		return new ClientDemo(out).run();
	}

	private List<TransactionResponse> run() throws IOException {
		List<String> received = new CopyOnWriteArrayList<>();
		HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		receiver.createContext("/midtrans/notification", (exchange) -> receive(exchange, received));
		receiver.start();
		String notificationUrl = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/midtrans/notification";
		try (MidtransSimulator simulator = MidtransSimulator.builder().notificationUrl(notificationUrl).build()) {
			simulator.start();
			this.out.println("Midtrans simulator listening at " + simulator.baseUrl());
			this.out.println("Notifications go to " + notificationUrl);

			MidtransClient client = MidtransClient.builder()
				.serverKey(simulator.serverKey())
				.baseUrl(simulator.baseUrl())
				.build();
			String run = Long.toString(System.currentTimeMillis(), 36).toUpperCase();

			section("1. A BCA virtual account");
			String vaOrder = "DEMO-" + run + "-VA";
			TransactionResponse va = client.charge(ChargeRequest.bankTransfer(vaOrder, 150_000, Bank.BCA)
				.customer(CustomerDetails.of("Budi", "Utomo", "budi@example.com", "08111222333"))
				.item(ItemDetail.of("COFFEE-1KG", "Coffee beans 1 kg", 150_000, 1))
				.build());
			show("charged", va);
			this.out.println("   the customer transfers to VA " + va.paymentNumber() + " before " + va.expiryTime());
			simulator.pay(vaOrder);
			show("after payment", client.status(vaOrder));

			section("2. GoPay, then a partial refund");
			String gopayOrder = "DEMO-" + run + "-GOPAY";
			TransactionResponse gopay = client.charge(ChargeRequest.gopay(gopayOrder, 75_000).build());
			show("charged", gopay);
			gopay.action("deeplink-redirect")
				.ifPresent((action) -> this.out.println("   the customer opens " + action.url()));
			simulator.pay(gopayOrder);
			RefundResponse refund = client.refund(gopayOrder,
					RefundRequest.of("refund-" + gopayOrder.toLowerCase(), 25_000, "one item out of stock"));
			this.out.println("   refunded " + refund.refundAmount() + " with key " + refund.refundKey());
			show("after refund", client.status(gopayOrder));

			section("3. Charging the same order id again");
			try {
				client.charge(ChargeRequest.bankTransfer(vaOrder, 150_000, Bank.BCA).build());
			}
			catch (MidtransDuplicateOrderException ex) {
				this.out.println("   " + ex.getClass().getSimpleName() + ", retryable=" + ex.isRetryable());
				this.out.println("   " + ex.getMessage());
			}

			section("4. Notifications");
			awaitDeliveries(simulator);
			List<TransactionResponse> verified = new CopyOnWriteArrayList<>();
			for (String body : received) {
				try {
					TransactionResponse notification = client.verifyNotification(body);
					verified.add(notification);
					this.out.printf("   %-22s %-15s signature ok%n", notification.orderId(),
							notification.transactionStatus());
				}
				catch (MidtransSignatureException ex) {
					this.out.println("   rejected: " + ex.getMessage());
				}
			}
			this.out.println();
			this.out.println("Done: " + verified.size() + " of " + received.size() + " notifications verified.");
			return verified;
		}
		finally {
			receiver.stop(0);
		}
	}

	private void awaitDeliveries(MidtransSimulator simulator) {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!simulator.notifications().idle() && System.nanoTime() < deadline) {
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private static void receive(HttpExchange exchange, List<String> received) throws IOException {
		try (InputStream body = exchange.getRequestBody()) {
			received.add(new String(body.readAllBytes(), StandardCharsets.UTF_8));
		}
		exchange.sendResponseHeaders(200, -1);
		exchange.close();
	}

	private void section(String title) {
		this.out.println();
		this.out.println(title);
	}

	private void show(String label, TransactionResponse transaction) {
		this.out.printf("   %-14s %s  status=%s  amount=%s  type=%s%n", label, transaction.orderId(),
				transaction.transactionStatus(), transaction.grossAmount(), transaction.paymentType());
	}

}
