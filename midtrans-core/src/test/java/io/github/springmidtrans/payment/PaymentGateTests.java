package io.github.springmidtrans.payment;

import java.math.BigDecimal;
import java.time.Instant;

import io.github.springmidtrans.client.internal.MidtransJson;
import io.github.springmidtrans.client.model.Bank;
import io.github.springmidtrans.client.model.ChargeRequest;
import io.github.springmidtrans.client.model.RefundResponse;
import io.github.springmidtrans.client.model.TransactionResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link PaymentGate}: every rule, with no database.
 */
class PaymentGateTests {

	private static final JsonMapper JSON = MidtransJson.newMapper();

	private final MidtransPayment recorded = new MidtransPayment(
			ChargeRequest.bankTransfer("Ord-aBc9", 150_000, Bank.BCA).build(), null, null, "key",
			Instant.parse("2026-11-24T03:00:00Z"));

	@Test
	void answerAboutTheRecordedIntentPasses() {
		assertThat(check("""
				{"order_id":"Ord-aBc9","gross_amount":"150000.00","currency":"IDR","transaction_status":"settlement",
				 "payment_type":"bank_transfer"}
				""", PaymentGate.Check.ADOPTING)).isNull();
	}

	@Test
	void orderIdsCompareExactly() {
		assertThat(check(
				"{\"order_id\":\"Ord-AbC9\",\"gross_amount\":\"150000.00\",\"transaction_status\":\"settlement\"}",
				PaymentGate.Check.STANDARD))
			.extracting(PaymentGate.Mismatch::flag)
			.isEqualTo(PaymentFlag.ORDER_ID_MISMATCH);
		assertThat(check("{\"order_id\":\"Ord-aBc9 \",\"gross_amount\":\"150000.00\"}", PaymentGate.Check.STANDARD))
			.extracting(PaymentGate.Mismatch::flag)
			.isEqualTo(PaymentFlag.ORDER_ID_MISMATCH);
	}

	@Test
	void amountsCompareByValueNotScale() {
		assertThat(check("{\"gross_amount\":\"150000\",\"transaction_status\":\"settlement\"}",
				PaymentGate.Check.STANDARD))
			.isNull();
		assertThat(check("{\"gross_amount\":\"150000.01\",\"transaction_status\":\"settlement\"}",
				PaymentGate.Check.STANDARD))
			.satisfies((mismatch) -> {
				assertThat(mismatch.flag()).isEqualTo(PaymentFlag.AMOUNT_MISMATCH);
				assertThat(mismatch.detail()).contains("150000.01").contains("recorded 150000");
			});
	}

	@Test
	void moneyMovingAnswerWithoutAnAmountDoesNotPass() {
		assertThat(check("{\"transaction_status\":\"settlement\"}", PaymentGate.Check.STANDARD))
			.extracting(PaymentGate.Mismatch::flag)
			.isEqualTo(PaymentFlag.AMOUNT_MISMATCH);
		assertThat(check("{\"transaction_status\":\"refund\"}", PaymentGate.Check.STANDARD)).isNotNull();
		// A status that moves no money may come without one (an expiry, a cancel).
		assertThat(check("{\"transaction_status\":\"expire\"}", PaymentGate.Check.STANDARD)).isNull();
	}

	@Test
	void currencyMustBeTheRecordedOne() {
		assertThat(check("{\"gross_amount\":\"150000.00\",\"currency\":\"USD\"}", PaymentGate.Check.STANDARD))
			.extracting(PaymentGate.Mismatch::flag)
			.isEqualTo(PaymentFlag.CURRENCY_MISMATCH);
	}

	@Test
	void refundedTotalsAboveTheGrossAmountDoNotPass() {
		assertThat(check("""
				{"gross_amount":"150000.00","transaction_status":"refund","refund_amount":"150000.01"}
				""", PaymentGate.Check.STANDARD)).extracting(PaymentGate.Mismatch::flag)
			.isEqualTo(PaymentFlag.REFUND_MISMATCH);
		assertThat(check("""
				{"gross_amount":"150000.00","transaction_status":"partial_refund",
				 "refunds":[{"refund_key":"a","refund_amount":"100000"},{"refund_key":"b","refund_amount":"60000"}]}
				""", PaymentGate.Check.STANDARD)).extracting(PaymentGate.Mismatch::flag)
			.isEqualTo(PaymentFlag.REFUND_MISMATCH);
		assertThat(check("""
				{"gross_amount":"150000.00","transaction_status":"refund","refund_amount":"150000.00"}
				""", PaymentGate.Check.STANDARD)).isNull();
	}

	@Test
	void paymentMethodMattersOnlyWhenAdopting() {
		String gopay = "{\"gross_amount\":\"150000.00\",\"transaction_status\":\"settlement\",\"payment_type\":\"gopay\"}";
		assertThat(check(gopay, PaymentGate.Check.STANDARD)).isNull();
		assertThat(check(gopay, PaymentGate.Check.ADOPTING)).extracting(PaymentGate.Mismatch::flag)
			.isEqualTo(PaymentFlag.PAYMENT_TYPE_MISMATCH);
	}

	@Test
	void partialCaptureAcceptsTheCapturedAmountToo() {
		String captured = "{\"gross_amount\":\"100000.00\",\"transaction_status\":\"capture\"}";
		assertThat(check(captured, PaymentGate.Check.capturing(100_000))).isNull();
		assertThat(check(captured, PaymentGate.Check.STANDARD)).isNotNull();
	}

	@Test
	void refundAnswersMustNameTheRecordedKeyAndAmount() {
		MidtransRefund refund = new MidtransRefund(this.recorded, "rf-1", new BigDecimal("25000"), null, false,
				Instant.parse("2026-11-24T03:00:00Z"));

		assertThat(PaymentGate.checkRefund(refund, refundAnswer("Ord-aBc9", "rf-1", "25000.00"))).isNull();
		assertThat(PaymentGate.checkRefund(refund, refundAnswer("Ord-aBc9", null, "25000"))).isNull();
		assertThat(PaymentGate.checkRefund(refund, refundAnswer("Ord-aBc9", "RF-1", "25000")))
			.extracting(PaymentGate.Mismatch::flag)
			.isEqualTo(PaymentFlag.REFUND_MISMATCH);
		assertThat(PaymentGate.checkRefund(refund, refundAnswer("Ord-aBc9", "rf-1", "150000")))
			.extracting(PaymentGate.Mismatch::flag)
			.isEqualTo(PaymentFlag.REFUND_MISMATCH);
		assertThat(PaymentGate.checkRefund(refund, refundAnswer("ORD-ABC9", "rf-1", "25000")))
			.extracting(PaymentGate.Mismatch::flag)
			.isEqualTo(PaymentFlag.ORDER_ID_MISMATCH);
	}

	private PaymentGate.Mismatch check(String json, PaymentGate.Check check) {
		return PaymentGate.check(this.recorded, JSON.readValue(json, TransactionResponse.class), check);
	}

	private static RefundResponse refundAnswer(String orderId, String key, String amount) {
		return JSON.readValue("{\"status_code\":\"200\",\"order_id\":\"" + orderId + "\""
				+ ((key != null) ? ",\"refund_key\":\"" + key + "\"" : "") + ",\"refund_amount\":\"" + amount + "\"}",
				RefundResponse.class);
	}

}
