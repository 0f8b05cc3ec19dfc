package io.github.springmidtrans.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.springmidtrans.client.MidtransApiException;
import io.github.springmidtrans.client.MidtransClient;
import io.github.springmidtrans.client.MidtransDuplicateOrderException;
import io.github.springmidtrans.client.RequestOptions;
import io.github.springmidtrans.client.model.Bank;
import io.github.springmidtrans.client.model.CaptureRequest;
import io.github.springmidtrans.client.model.ChargeRequest;
import io.github.springmidtrans.client.model.CreditCardOptions;
import io.github.springmidtrans.client.model.FraudStatus;
import io.github.springmidtrans.client.model.PaymentType;
import io.github.springmidtrans.client.model.RefundRequest;
import io.github.springmidtrans.client.model.RefundResponse;
import io.github.springmidtrans.client.model.Store;
import io.github.springmidtrans.client.model.TransactionResponse;
import io.github.springmidtrans.client.model.TransactionStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class MidtransSimulatorLifecycleTests {

	private final SimulatorFixture fixture = new SimulatorFixture();

	private final MidtransSimulator simulator = this.fixture.simulator;

	private final MidtransClient client = this.fixture.client;

	@AfterEach
	void close() {
		this.fixture.close();
	}

	@Test
	void payingAVirtualAccountSettlesIt() {
		this.client.charge(ChargeRequest.bankTransfer("ORDER-1", 150_000, Bank.BNI).build());
		this.fixture.clock.advance(Duration.ofMinutes(5));
		this.simulator.pay("ORDER-1");
		TransactionResponse status = this.client.status("ORDER-1");
		assertThat(status.statusCode()).isEqualTo("200");
		assertThat(status.transactionStatus()).isEqualTo(TransactionStatus.SETTLEMENT);
		assertThat(status.isPaid()).isTrue();
		assertThat(status.raw().node().get("settlement_time").asString()).isEqualTo("2026-03-01 10:05:00");
		assertThat(status.paymentAmounts()).singleElement()
			.satisfies((paid) -> assertThat(paid.amount()).isEqualByComparingTo("150000"));
	}

	@Test
	void cardGoesThrough3dsCaptureAndSettlement() {
		this.client.charge(ChargeRequest.creditCard("ORDER-CARD", 100_000, "481111-1114-x").build());
		this.simulator.pay("ORDER-CARD");
		assertThat(this.client.status("ORDER-CARD").transactionStatus()).isEqualTo(TransactionStatus.CAPTURE);
		this.simulator.settle("ORDER-CARD");
		assertThat(this.client.status("ORDER-CARD").transactionStatus()).isEqualTo(TransactionStatus.SETTLEMENT);
	}

	@Test
	void deniedTransactionReportsDenyWith202() {
		this.client.charge(ChargeRequest.gopay("ORDER-DENY", 10_000).build());
		this.simulator.deny("ORDER-DENY");
		TransactionResponse status = this.client.status("ORDER-DENY");
		assertThat(status.statusCode()).isEqualTo("202");
		assertThat(status.transactionStatus()).isEqualTo(TransactionStatus.DENY);
	}

	@Test
	void expiredTransactionReportsStatusCode407() {
		this.client.charge(ChargeRequest.gopay("ORDER-EXP", 10_000).build());
		this.simulator.expire("ORDER-EXP");
		TransactionResponse status = this.client.status("ORDER-EXP");
		assertThat(status.statusCode()).isEqualTo("407");
		assertThat(status.transactionStatus()).isEqualTo(TransactionStatus.EXPIRE);
	}

	@Test
	void transactionsExpireWhenTheClockPassesTheirExpiryTime() {
		this.client.charge(ChargeRequest.gopay("ORDER-GOPAY", 10_000).build());
		this.client.charge(ChargeRequest.bankTransfer("ORDER-VA", 10_000, Bank.BCA).build());
		this.fixture.clock.advance(Duration.ofMinutes(14).plusSeconds(59));
		assertThat(this.simulator.transaction("ORDER-GOPAY").orElseThrow().transactionStatus()).isEqualTo("pending");
		this.fixture.clock.advance(Duration.ofSeconds(1));
		assertThat(this.simulator.transaction("ORDER-GOPAY").orElseThrow().transactionStatus()).isEqualTo("expire");
		TransactionResponse status = this.client.status("ORDER-GOPAY");
		assertThat(status.statusCode()).isEqualTo("407");
		assertThat(status.transactionStatus()).isEqualTo(TransactionStatus.EXPIRE);
		assertThat(this.client.status("ORDER-VA").transactionStatus()).isEqualTo(TransactionStatus.PENDING);
	}

	@Test
	void challengedCardMustBeApprovedOrDenied() {
		this.client.charge(ChargeRequest.creditCard("ORDER-CH1", 100_000, "481111-1114-x").build());
		this.client.charge(ChargeRequest.creditCard("ORDER-CH2", 100_000, "481111-1114-y").build());
		this.simulator.challenge("ORDER-CH1");
		this.simulator.challenge("ORDER-CH2");
		TransactionResponse challenged = this.client.status("ORDER-CH1");
		assertThat(challenged.transactionStatus()).isEqualTo(TransactionStatus.CAPTURE);
		assertThat(challenged.fraudStatus()).isEqualTo(FraudStatus.CHALLENGE);
		assertThat(challenged.isPaid()).isFalse();
		assertThatIllegalStateException().isThrownBy(() -> this.simulator.settle("ORDER-CH1"))
			.withMessageContaining("approve or deny it first");
		TransactionResponse approved = this.client.approve("ORDER-CH1");
		assertThat(approved.statusMessage()).isEqualTo("Success, transaction is approved");
		assertThat(approved.fraudStatus()).isEqualTo(FraudStatus.ACCEPT);
		TransactionResponse denied = this.client.deny("ORDER-CH2");
		assertThat(denied.transactionStatus()).isEqualTo(TransactionStatus.DENY);
		assertThat(denied.fraudStatus()).isEqualTo(FraudStatus.DENY);
		assertThatExceptionOfType(MidtransApiException.class).isThrownBy(() -> this.client.approve("ORDER-CH1"))
			.satisfies((ex) -> assertThat(ex.getMidtransStatusCode()).isEqualTo("412"));
	}

	@Test
	void cancelIsAllowedBeforeSettlementOnly() {
		this.client.charge(ChargeRequest.gopay("ORDER-CANCEL", 10_000).build());
		TransactionResponse cancelled = this.client.cancel("ORDER-CANCEL");
		assertThat(cancelled.statusCode()).isEqualTo("200");
		assertThat(cancelled.transactionStatus()).isEqualTo(TransactionStatus.CANCEL);
		this.client.charge(ChargeRequest.gopay("ORDER-SETTLED", 10_000).build());
		this.simulator.pay("ORDER-SETTLED");
		assertThatExceptionOfType(MidtransApiException.class).isThrownBy(() -> this.client.cancel("ORDER-SETTLED"))
			.satisfies((ex) -> assertThat(ex.getMidtransStatusCode()).isEqualTo("412"));
		assertThat(this.client.status("ORDER-CANCEL").statusCode()).isEqualTo("202");
	}

	@Test
	void expireActionAnswers407AndOnlyForPending() {
		this.client.charge(ChargeRequest.cstore("ORDER-EXPIRE", 10_000, Store.INDOMARET).build());
		TransactionResponse expired = this.client.expire("ORDER-EXPIRE");
		assertThat(expired.statusCode()).isEqualTo("407");
		assertThat(expired.statusMessage()).isEqualTo("Success, transaction has expired");
		assertThatExceptionOfType(MidtransApiException.class).isThrownBy(() -> this.client.expire("ORDER-EXPIRE"))
			.satisfies((ex) -> assertThat(ex.getMidtransStatusCode()).isEqualTo("412"));
	}

	@Test
	void authorizedCardIsCaptured() {
		TransactionResponse charge = this.client
			.charge(ChargeRequest.builder(PaymentType.CREDIT_CARD, "ORDER-AUTH", 100_000)
				.creditCard(CreditCardOptions.token("481111-1114-x").withAuthentication(false).authorizeOnly())
				.build());
		assertThat(charge.transactionStatus()).isEqualTo(TransactionStatus.AUTHORIZE);
		TransactionResponse captured = this.client.capture(CaptureRequest.full(charge.transactionId()));
		assertThat(captured.transactionStatus()).isEqualTo(TransactionStatus.CAPTURE);
		assertThatExceptionOfType(MidtransApiException.class)
			.isThrownBy(() -> this.client.capture(CaptureRequest.full(charge.transactionId())))
			.satisfies((ex) -> assertThat(ex.getMidtransStatusCode()).isEqualTo("412"));
	}

	@Test
	void illegalScenarioMovesThrow() {
		this.client.charge(ChargeRequest.gopay("ORDER-ILLEGAL", 10_000).build());
		this.simulator.pay("ORDER-ILLEGAL");
		assertThatIllegalStateException().isThrownBy(() -> this.simulator.pay("ORDER-ILLEGAL"))
			.withMessageContaining("ORDER-ILLEGAL")
			.withMessageContaining("settlement");
		assertThatIllegalStateException().isThrownBy(() -> this.simulator.expire("ORDER-ILLEGAL"));
		assertThatIllegalStateException().isThrownBy(() -> this.simulator.deny("ORDER-ILLEGAL"))
			.withMessageContaining("reversal");
		assertThatIllegalStateException().isThrownBy(() -> this.simulator.challenge("ORDER-ILLEGAL"));
		assertThatIllegalStateException().isThrownBy(() -> this.simulator.settle("ORDER-ILLEGAL"));
		assertThatIllegalStateException().isThrownBy(() -> this.simulator.pay("NO-SUCH-ORDER"))
			.withMessageContaining("no transaction");
	}

	@Test
	void permataSettlementMayBeReversedToDeny() {
		this.client.charge(ChargeRequest.bankTransfer("ORDER-PERMATA", 10_000, Bank.PERMATA).build());
		this.simulator.pay("ORDER-PERMATA");
		assertThat(this.simulator.deny("ORDER-PERMATA").transactionStatus()).isEqualTo("deny");
	}

	@Test
	void partialThenFullRefund() {
		settledGopay("ORDER-REFUND", 100_000);
		RefundResponse partial = this.client.refund("ORDER-REFUND", RefundRequest.of("refund-1", 30_000, "damaged"));
		assertThat(partial.statusCode()).isEqualTo("200");
		assertThat(partial.transactionStatus()).isEqualTo(TransactionStatus.PARTIAL_REFUND);
		assertThat(partial.refundAmount()).isEqualByComparingTo("30000");
		assertThat(partial.refundKey()).isEqualTo("refund-1");
		assertThat(partial.refundChargebackId()).isEqualTo(1L);
		RefundResponse rest = this.client.refund("ORDER-REFUND", RefundRequest.full("refund-2", null));
		assertThat(rest.transactionStatus()).isEqualTo(TransactionStatus.REFUND);
		assertThat(rest.refundAmount()).isEqualByComparingTo("70000");
		TransactionResponse status = this.client.status("ORDER-REFUND");
		assertThat(status.transactionStatus()).isEqualTo(TransactionStatus.REFUND);
		assertThat(status.refundAmount()).isEqualByComparingTo("100000");
		assertThat(status.refunds()).extracting(TransactionResponse.Refund::refundKey)
			.containsExactly("refund-1", "refund-2");
		assertThat(this.simulator.transaction("ORDER-REFUND").orElseThrow().refundAmount()).isEqualTo(100_000);
	}

	@Test
	void sameRefundKeyRefundsOnce() {
		settledGopay("ORDER-KEY", 100_000);
		RefundResponse first = this.client.refund("ORDER-KEY", RefundRequest.of("key-1", 10_000, null));
		RefundResponse again = this.client.refund("ORDER-KEY", RefundRequest.of("key-1", 10_000, null));
		assertThat(again.refundChargebackId()).isEqualTo(first.refundChargebackId());
		assertThat(again.refundChargebackUuid()).isEqualTo(first.refundChargebackUuid());
		TransactionSnapshot snapshot = this.simulator.transaction("ORDER-KEY").orElseThrow();
		assertThat(snapshot.refunds()).hasSize(1);
		assertThat(snapshot.refundAmount()).isEqualTo(10_000);
	}

	@Test
	void refundOverTheRemainingAmountIsRejectedWith414() {
		settledGopay("ORDER-OVER", 100_000);
		this.client.directRefund("ORDER-OVER", RefundRequest.of("key-1", 60_000, null));
		assertThatExceptionOfType(MidtransApiException.class)
			.isThrownBy(() -> this.client.refund("ORDER-OVER", RefundRequest.of("key-2", 50_000, null)))
			.satisfies((ex) -> assertThat(ex.getMidtransStatusCode()).isEqualTo("414"));
		assertThat(this.simulator.transaction("ORDER-OVER").orElseThrow().refunds()).singleElement()
			.satisfies((refund) -> assertThat(refund.direct()).isTrue());
	}

	@Test
	void refundOfAnUnsettledTransactionIsRejectedWith412() {
		this.client.charge(ChargeRequest.gopay("ORDER-PENDING", 10_000).build());
		assertThatExceptionOfType(MidtransApiException.class)
			.isThrownBy(() -> this.client.refund("ORDER-PENDING", RefundRequest.full("key", null)))
			.satisfies((ex) -> assertThat(ex.getMidtransStatusCode()).isEqualTo("412"));
	}

	@Test
	void idempotencyKeyReplaysTheStoredAnswerForFiveMinutes() {
		RequestOptions key = RequestOptions.none().withIdempotencyKey("charge-key-1");
		TransactionResponse first = this.client.charge(ChargeRequest.gopay("ORDER-IDEM", 10_000).build(), key);
		TransactionResponse replay = this.client.charge(ChargeRequest.gopay("ORDER-IDEM", 10_000).build(), key);
		assertThat(replay.transactionId()).isEqualTo(first.transactionId());
		assertThat(replay.statusCode()).isEqualTo("201");
		assertThat(this.simulator.transactions()).hasSize(1);
		this.fixture.clock.advance(Duration.ofMinutes(5).plusSeconds(1));
		assertThatExceptionOfType(MidtransDuplicateOrderException.class)
			.isThrownBy(() -> this.client.charge(ChargeRequest.gopay("ORDER-IDEM", 10_000).build(), key));
	}

	@Test
	void failedAnswersAreNotStoredForTheIdempotencyKey() {
		RequestOptions key = RequestOptions.none().withIdempotencyKey("cancel-key");
		assertThatExceptionOfType(MidtransApiException.class).isThrownBy(() -> this.client.cancel("ORDER-LATER", key));
		this.client.charge(ChargeRequest.gopay("ORDER-LATER", 10_000).build());
		assertThat(this.client.cancel("ORDER-LATER", key).transactionStatus()).isEqualTo(TransactionStatus.CANCEL);
	}

	@Test
	void concurrentChargesOfOneOrderCreateExactlyOneTransaction() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<String>> results = new ArrayList<>();
			for (int i = 0; i < 16; i++) {
				results.add(pool.submit(() -> {
					try {
						return this.client.charge(ChargeRequest.gopay("ORDER-RACE", 10_000).build()).statusCode();
					}
					catch (MidtransDuplicateOrderException ex) {
						return "406";
					}
				}));
			}
			List<String> codes = new ArrayList<>();
			for (Future<String> result : results) {
				codes.add(result.get(10, TimeUnit.SECONDS));
			}
			assertThat(codes).containsOnlyOnce("201").containsOnly("201", "406");
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.simulator.transactions()).hasSize(1);
		assertThat(this.simulator.chargeCount("ORDER-RACE")).isEqualTo(16);
	}

	private void settledGopay(String orderId, long amount) {
		this.client.charge(ChargeRequest.gopay(orderId, amount).build());
		this.simulator.pay(orderId);
	}

}
