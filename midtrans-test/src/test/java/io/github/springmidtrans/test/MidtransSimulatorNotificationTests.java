package io.github.springmidtrans.test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.springmidtrans.client.MidtransClient;
import io.github.springmidtrans.client.RequestOptions;
import io.github.springmidtrans.client.model.Bank;
import io.github.springmidtrans.client.model.ChargeRequest;
import io.github.springmidtrans.client.model.RefundRequest;
import io.github.springmidtrans.client.model.TransactionResponse;
import io.github.springmidtrans.client.model.TransactionStatus;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class MidtransSimulatorNotificationTests {

	@StartStop
	final MockWebServer receiver = new MockWebServer();

	@StartStop
	final MockWebServer other = new MockWebServer();

	private SimulatorFixture fixture;

	private MidtransSimulator simulator;

	private MidtransClient client;

	private volatile int answer = 200;

	@BeforeEach
	void start() {
		Dispatcher dispatcher = new Dispatcher() {
			@Override
			public MockResponse dispatch(RecordedRequest request) {
				return new MockResponse.Builder().code(MidtransSimulatorNotificationTests.this.answer).build();
			}
		};
		this.receiver.setDispatcher(dispatcher);
		this.other.setDispatcher(dispatcher);
		this.fixture = new SimulatorFixture(this.receiver.url("/midtrans/notification").toString());
		this.simulator = this.fixture.simulator;
		this.client = this.fixture.client;
	}

	@AfterEach
	void close() {
		this.fixture.close();
	}

	@Test
	void everyStateChangeIsNotifiedInOrderWithAValidSignature() throws Exception {
		this.client.charge(ChargeRequest.gopay("ORDER-1", 100_000).build());
		this.simulator.pay("ORDER-1");
		this.client.refund("ORDER-1", RefundRequest.of("r1", 40_000, "late"));
		this.client.refund("ORDER-1", RefundRequest.of("r2", 60_000, null));
		// Each refund is notified twice: without, then with bank_confirmed_at.
		List<TransactionResponse> received = take(this.receiver, 6);
		assertThat(received).extracting(TransactionResponse::transactionStatus)
			.containsExactly(TransactionStatus.PENDING, TransactionStatus.SETTLEMENT, TransactionStatus.PARTIAL_REFUND,
					TransactionStatus.PARTIAL_REFUND, TransactionStatus.REFUND, TransactionStatus.REFUND);
		assertThat(received).extracting(TransactionResponse::statusCode)
			.containsExactly("201", "200", "200", "200", "200", "200");
		assertThat(received).allSatisfy((notification) -> {
			assertThat(notification.statusMessage()).isEqualTo("midtrans payment notification");
			assertThat(notification.orderId()).isEqualTo("ORDER-1");
		});
		assertThat(received.get(2).refunds()).singleElement()
			.satisfies((refund) -> assertThat(refund.bankConfirmedAt()).isNull());
		assertThat(received.get(3).refunds()).singleElement()
			.satisfies((refund) -> assertThat(refund.bankConfirmedAt()).isNotNull());
		assertThat(received.get(4).refunds()).hasSize(2);
		assertThat(received.get(4).refunds().get(0).bankConfirmedAt()).isNotNull();
		assertThat(received.get(4).refunds().get(1).bankConfirmedAt()).isNull();
		assertThat(received.get(5).refunds()).allSatisfy((refund) -> assertThat(refund.bankConfirmedAt()).isNotNull());
		await().until(() -> this.simulator.notifications().deliveries().size() == 6);
		assertThat(this.simulator.notifications().deliveries()).allSatisfy((delivery) -> {
			assertThat(delivery.httpStatus()).isEqualTo(200);
			assertThat(delivery.accepted()).isTrue();
		});
	}

	@Test
	void notificationHeadersLookLikeMidtrans() throws Exception {
		this.client.charge(ChargeRequest.gopay("ORDER-H", 10_000).build());
		RecordedRequest request = this.receiver.takeRequest(5, TimeUnit.SECONDS);
		assertThat(request.getMethod()).isEqualTo("POST");
		assertThat(request.getUrl().encodedPath()).isEqualTo("/midtrans/notification");
		assertThat(request.getHeaders().get("User-Agent")).isEqualTo("Veritrans");
		assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
		assertThat(request.getHeaders().get("Authorization")).isNull();
	}

	@Test
	void denyCancelAndExpireAreNotifiedWith202() throws Exception {
		this.client.charge(ChargeRequest.gopay("ORDER-D", 10_000).build());
		this.client.charge(ChargeRequest.gopay("ORDER-C", 10_000).build());
		this.client.charge(ChargeRequest.gopay("ORDER-E", 10_000).build());
		this.simulator.deny("ORDER-D");
		this.client.cancel("ORDER-C");
		this.fixture.clock.advance(Duration.ofMinutes(15));
		List<TransactionResponse> received = take(this.receiver, 6);
		assertThat(received.subList(3, 6)).extracting(TransactionResponse::transactionStatus)
			.containsExactly(TransactionStatus.DENY, TransactionStatus.CANCEL, TransactionStatus.EXPIRE);
		assertThat(received.subList(3, 6)).extracting(TransactionResponse::statusCode).containsOnly("202");
	}

	@Test
	void duplicatesAreSentWhenAsked() throws Exception {
		this.simulator.notifications().duplicateEach(true);
		this.client.charge(ChargeRequest.gopay("ORDER-DUP", 10_000).build());
		List<TransactionResponse> received = take(this.receiver, 2);
		assertThat(received).extracting(TransactionResponse::transactionId)
			.containsOnly(received.get(0).transactionId());
		await().until(() -> this.simulator.notifications().deliveriesFor("ORDER-DUP").size() == 2);
	}

	@Test
	void heldNotificationsAreReleasedInReverseOrder() throws Exception {
		this.simulator.notifications().hold();
		this.client.charge(ChargeRequest.bankTransfer("ORDER-HOLD", 10_000, Bank.BCA).build());
		this.simulator.pay("ORDER-HOLD");
		assertThat(this.simulator.notifications().heldCount()).isEqualTo(2);
		assertThat(this.receiver.takeRequest(200, TimeUnit.MILLISECONDS)).isNull();
		this.simulator.notifications().releaseInReverse();
		assertThat(take(this.receiver, 2)).extracting(TransactionResponse::transactionStatus)
			.containsExactly(TransactionStatus.SETTLEMENT, TransactionStatus.PENDING);
		assertThat(this.simulator.notifications().heldCount()).isZero();
	}

	@Test
	void heldNotificationsAreReleasedInOrder() throws Exception {
		this.simulator.notifications().hold();
		this.client.charge(ChargeRequest.bankTransfer("ORDER-HOLD", 10_000, Bank.BCA).build());
		this.simulator.pay("ORDER-HOLD");
		this.simulator.notifications().release();
		assertThat(take(this.receiver, 2)).extracting(TransactionResponse::transactionStatus)
			.containsExactly(TransactionStatus.PENDING, TransactionStatus.SETTLEMENT);
	}

	@Test
	void receiverAnswersAreRecorded() {
		this.answer = 503;
		this.client.charge(ChargeRequest.gopay("ORDER-503", 10_000).build());
		await().until(() -> !this.simulator.notifications().deliveriesFor("ORDER-503").isEmpty());
		NotificationDelivery delivery = this.simulator.notifications().deliveriesFor("ORDER-503").get(0);
		assertThat(delivery.httpStatus()).isEqualTo(503);
		assertThat(delivery.accepted()).isFalse();
		assertThat(delivery.statusCode()).isEqualTo("201");
		assertThat(this.client.verifyNotification(delivery.body()).orderId()).isEqualTo("ORDER-503");
	}

	@Test
	void unreachableReceiverIsRecordedAsFailure() {
		String unreachable = "http://127.0.0.1:1/nothing";
		this.client.charge(ChargeRequest.gopay("ORDER-DOWN", 10_000).build(),
				RequestOptions.none().withOverrideNotification(unreachable));
		await().until(() -> !this.simulator.notifications().deliveriesFor("ORDER-DOWN").isEmpty());
		NotificationDelivery delivery = this.simulator.notifications().deliveriesFor("ORDER-DOWN").get(0);
		assertThat(delivery.url()).isEqualTo(unreachable);
		assertThat(delivery.httpStatus()).isZero();
		assertThat(delivery.failure()).isNotBlank();
	}

	@Test
	void overrideHeaderReplacesAndAppendHeaderAddsUrls() throws Exception {
		String otherUrl = this.other.url("/hook").toString();
		this.client.charge(ChargeRequest.gopay("ORDER-OVERRIDE", 10_000).build(),
				RequestOptions.none().withOverrideNotification(otherUrl));
		assertThat(take(this.other, 1).get(0).orderId()).isEqualTo("ORDER-OVERRIDE");
		this.client.charge(ChargeRequest.gopay("ORDER-APPEND", 10_000).build(),
				RequestOptions.none().withAppendNotification(otherUrl));
		assertThat(take(this.other, 1).get(0).orderId()).isEqualTo("ORDER-APPEND");
		assertThat(take(this.receiver, 1).get(0).orderId()).as("the dashboard URL gets only the appended order")
			.isEqualTo("ORDER-APPEND");
		await().until(() -> this.simulator.notifications().deliveries().size() == 3);
	}

	private List<TransactionResponse> take(MockWebServer server, int count) throws InterruptedException {
		List<TransactionResponse> received = new java.util.ArrayList<>();
		for (int i = 0; i < count; i++) {
			RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
			assertThat(request).as("notification %d of %d", i + 1, count).isNotNull();
			// verifyNotification checks the signature with the client's server key
			received.add(this.client.verifyNotification(request.getBody().utf8()));
		}
		return received;
	}

}
