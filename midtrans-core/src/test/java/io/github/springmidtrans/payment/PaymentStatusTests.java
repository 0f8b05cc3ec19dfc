package io.github.springmidtrans.payment;

import java.time.Instant;
import java.util.EnumSet;

import io.github.springmidtrans.client.internal.MidtransJson;
import io.github.springmidtrans.client.model.Bank;
import io.github.springmidtrans.client.model.ChargeRequest;
import io.github.springmidtrans.client.model.TransactionResponse;
import io.github.springmidtrans.client.model.TransactionStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The forward-only transition table of {@link PaymentStatus} and how
 * {@link MidtransPayment#apply} follows it, with no database.
 */
class PaymentStatusTests {

	private static final Instant NOW = Instant.parse("2026-11-24T03:00:00Z");

	@Test
	void finalStatesGoNowhere() {
		for (PaymentStatus status : EnumSet.of(PaymentStatus.CANCEL, PaymentStatus.EXPIRE, PaymentStatus.FAILURE,
				PaymentStatus.REFUND, PaymentStatus.CHARGEBACK, PaymentStatus.FAILED)) {
			assertThat(status.isFinal()).as(status.name()).isTrue();
			for (PaymentStatus next : PaymentStatus.values()) {
				assertThat(status.canMoveTo(next)).as(status + " -> " + next).isFalse();
			}
		}
	}

	@ParameterizedTest
	@EnumSource(PaymentStatus.class)
	void nothingMovesBackToPendingOrInitiatedOrStaysPut(PaymentStatus status) {
		assertThat(status.canMoveTo(PaymentStatus.INITIATED)).isFalse();
		assertThat(status.canMoveTo(status)).isFalse();
		if (status != PaymentStatus.INITIATED) {
			assertThat(status.canMoveTo(PaymentStatus.PENDING)).as(status.name()).isFalse();
		}
	}

	@Test
	void paidPaymentsMoveOnlyToReversals() {
		assertThat(EnumSet.allOf(PaymentStatus.class).stream().filter(PaymentStatus.SETTLEMENT::canMoveTo))
			.containsExactlyInAnyOrder(PaymentStatus.DENY, PaymentStatus.REFUND, PaymentStatus.PARTIAL_REFUND,
					PaymentStatus.CHARGEBACK, PaymentStatus.PARTIAL_CHARGEBACK);
		assertThat(PaymentStatus.PARTIAL_REFUND.canMoveTo(PaymentStatus.SETTLEMENT)).isFalse();
		assertThat(PaymentStatus.REFUND.canMoveTo(PaymentStatus.PARTIAL_REFUND)).isFalse();
	}

	@Test
	void everyMidtransStatusHasALocalOneButUnknown() {
		for (TransactionStatus status : TransactionStatus.values()) {
			assertThat(PaymentStatus.of(status) == null).as(status.name())
				.isEqualTo(status == TransactionStatus.UNKNOWN);
		}
	}

	@Test
	void applyFollowsTheTable() {
		MidtransPayment payment = payment();

		assertThat(payment.apply(answer("pending"), NOW).outcome()).isEqualTo(StatusChange.Outcome.APPLIED);
		StatusChange settled = payment.apply(answer("settlement"), NOW);
		assertThat(settled.becamePaid()).isTrue();
		assertThat(payment.apply(answer("pending"), NOW).outcome()).isEqualTo(StatusChange.Outcome.STALE);
		assertThat(payment.apply(answer("settlement"), NOW).outcome()).isEqualTo(StatusChange.Outcome.UNCHANGED);
		assertThat(payment.apply(answer("brand_new_status"), NOW).outcome())
			.isEqualTo(StatusChange.Outcome.UNKNOWN_STATUS);
		assertThat(payment.getStatus()).isEqualTo(PaymentStatus.SETTLEMENT);
	}

	@Test
	void flagIsSetOnceAndClearingResumesChecksOfWaitingPayments() {
		MidtransPayment payment = payment();
		payment.apply(answer("pending"), NOW);

		assertThat(payment.flag(PaymentFlag.AMOUNT_MISMATCH, "1 vs 150000", NOW)).isTrue();
		assertThat(payment.flag(PaymentFlag.AMOUNT_MISMATCH, "again", NOW)).isFalse();
		assertThat(payment.getNextCheckAt()).isNull();
		assertThat(payment.toString()).contains("flag=AMOUNT_MISMATCH");
		assertThat(payment.clearFlag(NOW)).isTrue();
		assertThat(payment.isFlagged()).isFalse();
		assertThat(payment.getNextCheckAt()).isEqualTo(NOW);
	}

	private static MidtransPayment payment() {
		return new MidtransPayment(ChargeRequest.bankTransfer("ORDER-1", 150_000, Bank.BCA).build(), null, null, "key",
				NOW);
	}

	private static TransactionResponse answer(String status) {
		return MidtransJson.newMapper()
			.readValue("{\"order_id\":\"ORDER-1\",\"gross_amount\":\"150000.00\",\"transaction_status\":\"" + status
					+ "\"}", TransactionResponse.class);
	}

}
