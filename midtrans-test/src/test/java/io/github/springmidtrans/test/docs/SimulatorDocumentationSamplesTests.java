package io.github.springmidtrans.test.docs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.springmidtrans.client.MidtransConnectionException;
import io.github.springmidtrans.client.MidtransException;
import io.github.springmidtrans.client.MidtransClient;
import io.github.springmidtrans.client.RequestOptions;
import io.github.springmidtrans.client.model.Bank;
import io.github.springmidtrans.client.model.ChargeRequest;
import io.github.springmidtrans.client.model.FraudStatus;
import io.github.springmidtrans.client.model.RefundRequest;
import io.github.springmidtrans.client.model.TransactionStatus;
import io.github.springmidtrans.test.MidtransSimulator;
import io.github.springmidtrans.test.NotificationDelivery;
import io.github.springmidtrans.test.RecordedCall;
import io.github.springmidtrans.test.SimulatorClock;
import io.github.springmidtrans.test.SimulatorOperation;
import io.github.springmidtrans.test.junit.MidtransSimulatorExtension;
import io.github.springmidtrans.test.junit.MidtransSimulatorTest;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Every code sample of {@code docs/simulator.md}, so that they keep compiling and doing
 * what the page says. Edit both together: each sample names its section.
 */
class SimulatorDocumentationSamplesTests {

	/** Section "Using it in JUnit 5 tests", first sample. */
	@Nested
	@MidtransSimulatorTest(clockStart = "2026-03-01T03:00:00Z")
	class CheckoutTests {

		@Test
		void paidOrderIsSettled(MidtransSimulator simulator, MidtransClient client) {
			client.charge(ChargeRequest.bankTransfer("ORDER-1", 150_000, Bank.BCA).build());

			simulator.pay("ORDER-1"); // the customer pays the virtual account

			assertThat(client.status("ORDER-1").transactionStatus()).isEqualTo(TransactionStatus.SETTLEMENT);
		}

	}

	/** Section "Using it in JUnit 5 tests", "@RegisterExtension" sample. */
	@Nested
	class WebhookTests {

		@RegisterExtension
		static final MidtransSimulatorExtension midtrans = MidtransSimulatorExtension.perMethod()
			.customize((builder) -> builder.serverKey("SB-Mid-server-webhooks")
				.clock(SimulatorClock.startingAt(Instant.parse("2026-03-01T03:00:00Z"))));

		@Test
		void eachTestHasItsOwnSimulator(MidtransSimulator simulator) {
			assertThat(simulator.serverKey()).isEqualTo("SB-Mid-server-webhooks");
			assertThat(simulator.transactions()).isEmpty();
		}

	}

	/** Section "Without JUnit". */
	@Test
	void withoutJunit() {
		try (MidtransSimulator simulator = MidtransSimulator.builder().build().start()) {
			MidtransClient client = MidtransClient.builder()
				.serverKey(simulator.serverKey())
				.baseUrl(simulator.baseUrl())
				.build();
			client.charge(ChargeRequest.gopay("ORDER-2", 25_000).build());
			assertThat(simulator.transaction("ORDER-2")).isPresent();
		}
	}

	/** Section "Moving transactions". */
	@Nested
	@MidtransSimulatorTest
	class Moves {

		@Test
		void cardPaymentIsCapturedThenSettled(MidtransSimulator simulator, MidtransClient client) {
			client.charge(ChargeRequest.creditCard("ORDER-CARD", 250_000, "481111-1114-x").build());
			simulator.pay("ORDER-CARD"); // 3DS passed: capture
			simulator.settle("ORDER-CARD"); // the next day: settlement
			assertThat(client.status("ORDER-CARD").transactionStatus()).isEqualTo(TransactionStatus.SETTLEMENT);
		}

		@Test
		void challengedCardWaitsForTheMerchant(MidtransSimulator simulator, MidtransClient client) {
			client.charge(ChargeRequest.creditCard("ORDER-FDS", 250_000, "481111-1114-x").build());
			simulator.challenge("ORDER-FDS");
			assertThat(client.status("ORDER-FDS").fraudStatus()).isEqualTo(FraudStatus.CHALLENGE);
			client.approve("ORDER-FDS"); // or client.deny("ORDER-FDS")
			assertThat(client.status("ORDER-FDS").fraudStatus()).isEqualTo(FraudStatus.ACCEPT);
		}

		@Test
		void deniedAndExpired(MidtransSimulator simulator, MidtransClient client) {
			client.charge(ChargeRequest.gopay("ORDER-DENIED", 25_000).build());
			client.charge(ChargeRequest.gopay("ORDER-LATE", 25_000).build());
			simulator.deny("ORDER-DENIED");
			simulator.expire("ORDER-LATE");
			assertThat(client.status("ORDER-DENIED").transactionStatus()).isEqualTo(TransactionStatus.DENY);
			assertThat(client.status("ORDER-LATE").transactionStatus()).isEqualTo(TransactionStatus.EXPIRE);
		}

		@Test
		void directRefundRefusedByTheBank(MidtransSimulator simulator, MidtransClient client) {
			client.charge(ChargeRequest.gopay("ORDER-GOPAY", 25_000).build());
			simulator.pay("ORDER-GOPAY");
			simulator.rejectNextDirectRefund("ORDER-GOPAY");
			assertThatExceptionOfType(MidtransException.class)
				.isThrownBy(() -> client.directRefund("ORDER-GOPAY", RefundRequest.full("refund-1", "returned")))
				.satisfies((ex) -> assertThat(ex.getMidtransStatusCode()).isEqualTo("202"));
			assertThat(client.status("ORDER-GOPAY").transactionStatus()).isEqualTo(TransactionStatus.SETTLEMENT);
		}

	}

	/** Section "The clock". */
	@Nested
	@MidtransSimulatorTest(clockStart = "2026-03-01T03:00:00Z")
	class Clock {

		@Test
		void unpaidGopayExpiresAfterFifteenMinutes(SimulatorClock clock, MidtransClient client) {
			client.charge(ChargeRequest.gopay("ORDER-3", 25_000).build());
			clock.advance(Duration.ofMinutes(16));
			assertThat(client.status("ORDER-3").transactionStatus()).isEqualTo(TransactionStatus.EXPIRE);
		}

	}

	/** Section "Notifications". */
	@Nested
	class Notifications {

		@StartStop
		final MockWebServer shop = new MockWebServer(); // stands in for your application

		@Test
		void settlementArrivesBeforePending() {
			this.shop.enqueue(new MockResponse.Builder().code(200).build());
			this.shop.enqueue(new MockResponse.Builder().code(200).build());
			try (MidtransSimulator simulator = MidtransSimulator.builder()
				.notificationUrl(this.shop.url("/midtrans/notification").toString())
				.build()
				.start()) {
				MidtransClient client = MidtransClient.builder()
					.serverKey(simulator.serverKey())
					.baseUrl(simulator.baseUrl())
					.build();
				simulator.notifications().hold();
				client.charge(ChargeRequest.gopay("ORDER-4", 25_000).build());
				simulator.pay("ORDER-4");
				simulator.notifications().releaseInReverse();

				await().until(() -> simulator.notifications().deliveriesFor("ORDER-4").size() == 2);
				assertThat(simulator.notifications().deliveriesFor("ORDER-4"))
					.extracting(NotificationDelivery::transactionStatus)
					.containsExactly("settlement", "pending");
				// Not in the page: the stand-in application accepted both.
				List<NotificationDelivery> deliveries = simulator.notifications().deliveriesFor("ORDER-4");
				assertThat(deliveries).allMatch(NotificationDelivery::accepted);
			}
		}

		@Test
		void chargeCanRedirectItsNotifications() {
			try (MidtransSimulator simulator = MidtransSimulator.builder().build().start()) {
				MidtransClient client = MidtransClient.builder()
					.serverKey(simulator.serverKey())
					.baseUrl(simulator.baseUrl())
					.build();
				this.shop.enqueue(new MockResponse.Builder().code(200).build());
				client.charge(ChargeRequest.gopay("ORDER-5", 25_000).build(),
						RequestOptions.none().withOverrideNotification(this.shop.url("/other").toString()));
				await().until(() -> simulator.notifications().deliveriesFor("ORDER-5").size() == 1);
				assertThat(simulator.notifications().deliveriesFor("ORDER-5").get(0).url()).endsWith("/other");
			}
		}

	}

	/** Section "Fault injection". */
	@Nested
	@MidtransSimulatorTest
	class Faults {

		@Test
		void lostAnswerLeavesTheChargeCreated(MidtransSimulator simulator, MidtransClient client) {
			simulator.faults().on(SimulatorOperation.CHARGE).once().dropConnectionAfterProcessing();

			assertThatExceptionOfType(MidtransConnectionException.class)
				.isThrownBy(() -> client.charge(ChargeRequest.gopay("ORDER-6", 25_000).build()));

			// Midtrans did create it: the application must ask before charging again.
			assertThat(client.status("ORDER-6").transactionStatus()).isEqualTo(TransactionStatus.PENDING);
		}

	}

	/** Section "The request journal". */
	@Nested
	@MidtransSimulatorTest
	class Journal {

		@Test
		void chargeWasSentOnceWithAnIdempotencyKey(MidtransSimulator simulator, MidtransClient client) {
			client.charge(ChargeRequest.gopay("ORDER-7", 25_000).build(),
					RequestOptions.none().withIdempotencyKey("order-7-charge"));

			assertThat(simulator.chargeCount("ORDER-7")).isEqualTo(1);
			RecordedCall charge = simulator.requestsTo(SimulatorOperation.CHARGE).get(0);
			assertThat(charge.header("Idempotency-Key")).isEqualTo("order-7-charge");
			assertThat(charge.header("Authorization")).isNull(); // never recorded
		}

	}

}
