package io.github.springmidtrans.payment;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import io.github.springmidtrans.client.model.PaymentType;
import io.github.springmidtrans.client.model.RefundResponse;
import io.github.springmidtrans.client.model.TransactionResponse;
import org.jspecify.annotations.Nullable;

/**
 * The one check every Midtrans answer passes before it may change a payment: is it about
 * the intent this application recorded? A charge answer, a duplicate reconciliation, a
 * status check, a confirmed notification, a refund answer, a renewal or an invoice
 * payment is compared with the recorded order id (exactly), gross amount and currency,
 * and a refund answer with the recorded refund key and amount. Only when nothing differs
 * does the transition table decide what happens; a difference sets the payment aside for
 * a person instead ({@link PaymentFlag}).
 *
 * <p>
 * Pure: no database, no clock, no network, so every rule has a fast test.
 */
final class PaymentGate {

	/** Statuses in which Midtrans holds the customer's money, or has given some back. */
	private static final Set<PaymentStatus> MONEY_MOVED = Set.of(PaymentStatus.CAPTURE, PaymentStatus.SETTLEMENT,
			PaymentStatus.REFUND, PaymentStatus.PARTIAL_REFUND, PaymentStatus.CHARGEBACK,
			PaymentStatus.PARTIAL_CHARGEBACK);

	private PaymentGate() {
	}

	/**
	 * Compare an answer about a transaction with the recorded payment.
	 * @param recorded the payment as recorded
	 * @param answer what Midtrans reported
	 * @param check what else to compare
	 * @return the mismatch, or {@code null} when the answer is about the recorded intent
	 */
	static @Nullable Mismatch check(MidtransPayment recorded, TransactionResponse answer, Check check) {
		String orderId = recorded.getOrderId();
		if (answer.orderId() != null && !answer.orderId().equals(orderId)) {
			return new Mismatch(PaymentFlag.ORDER_ID_MISMATCH,
					"Midtrans answered about order '" + answer.orderId() + "' when asked about '" + orderId + "'");
		}
		if (answer.currency() != null && !answer.currency().equalsIgnoreCase(recorded.getCurrency())) {
			return new Mismatch(PaymentFlag.CURRENCY_MISMATCH, "Midtrans reports currency " + answer.currency()
					+ " for order '" + orderId + "', recorded " + recorded.getCurrency());
		}
		BigDecimal amount = answer.grossAmount();
		PaymentStatus next = PaymentStatus.of(answer.transactionStatus());
		if (amount == null) {
			if (next != null && MONEY_MOVED.contains(next)) {
				return new Mismatch(PaymentFlag.AMOUNT_MISMATCH, "Midtrans reports order '" + orderId + "' as "
						+ answer.transactionStatus().wireValue() + " without a gross_amount");
			}
		}
		else if (!check.accepts(recorded.getGrossAmount(), amount)) {
			return new Mismatch(PaymentFlag.AMOUNT_MISMATCH, "Midtrans reports gross_amount " + amount.toPlainString()
					+ " for order '" + orderId + "', recorded " + recorded.getGrossAmount().toPlainString());
		}
		BigDecimal gross = (amount != null) ? amount : recorded.getGrossAmount();
		if (answer.refundAmount() != null && answer.refundAmount().compareTo(gross) > 0) {
			return new Mismatch(PaymentFlag.REFUND_MISMATCH,
					"Midtrans reports refund_amount " + answer.refundAmount().toPlainString() + " for order '" + orderId
							+ "' of " + gross.toPlainString());
		}
		BigDecimal listed = sum(answer.refunds());
		if (listed.compareTo(gross) > 0) {
			return new Mismatch(PaymentFlag.REFUND_MISMATCH, "Midtrans lists refunds of " + listed.toPlainString()
					+ " for order '" + orderId + "' of " + gross.toPlainString());
		}
		if (check.paymentType() && recorded.getPaymentType() != null && answer.paymentType() != null
				&& answer.paymentType() != PaymentType.UNKNOWN
				&& !answer.paymentType().wireValue().equals(recorded.getPaymentType())) {
			return new Mismatch(PaymentFlag.PAYMENT_TYPE_MISMATCH, "Midtrans holds order '" + orderId + "' as a "
					+ answer.paymentType().wireValue() + " transaction, recorded " + recorded.getPaymentType());
		}
		return null;
	}

	/**
	 * Compare a refund answer with the recorded refund.
	 * @param refund the refund as recorded
	 * @param answer what Midtrans answered to it
	 * @return the mismatch, or {@code null} when the answer is about the recorded refund
	 */
	static @Nullable Mismatch checkRefund(MidtransRefund refund, RefundResponse answer) {
		String key = refund.getRefundKey();
		if (answer.orderId() != null && !answer.orderId().equals(refund.getOrderId())) {
			return new Mismatch(PaymentFlag.ORDER_ID_MISMATCH, "Midtrans answered refund '" + key + "' about order '"
					+ answer.orderId() + "', recorded '" + refund.getOrderId() + "'");
		}
		if (answer.refundKey() != null && !answer.refundKey().equals(key)) {
			return new Mismatch(PaymentFlag.REFUND_MISMATCH,
					"Midtrans answered refund '" + key + "' with refund_key '" + answer.refundKey() + "'");
		}
		if (answer.refundAmount() != null && answer.refundAmount().compareTo(refund.getAmount()) != 0) {
			return new Mismatch(PaymentFlag.REFUND_MISMATCH,
					"Midtrans answered refund '" + key + "' with refund_amount " + answer.refundAmount().toPlainString()
							+ ", recorded " + refund.getAmount().toPlainString());
		}
		return null;
	}

	/**
	 * Compare the refund Midtrans lists under a recorded refund's key (in a status
	 * answer) with the recorded refund.
	 * @param refund the refund as recorded
	 * @param listed what Midtrans lists under its key
	 * @return the mismatch, or {@code null} when it is the recorded refund
	 */
	static @Nullable Mismatch checkListedRefund(MidtransRefund refund, TransactionResponse.Refund listed) {
		BigDecimal amount = listed.refundAmount();
		if (amount == null || amount.compareTo(refund.getAmount()) != 0) {
			return new Mismatch(PaymentFlag.REFUND_MISMATCH,
					"Midtrans lists refund '" + refund.getRefundKey() + "' of "
							+ ((amount != null) ? amount.toPlainString() : "no amount") + ", recorded "
							+ refund.getAmount().toPlainString());
		}
		return null;
	}

	private static BigDecimal sum(List<TransactionResponse.Refund> refunds) {
		BigDecimal total = BigDecimal.ZERO;
		for (TransactionResponse.Refund refund : refunds) {
			if (refund.refundAmount() != null) {
				total = total.add(refund.refundAmount());
			}
		}
		return total;
	}

	/**
	 * What differs between an answer and the recorded intent.
	 *
	 * @param flag the kind of difference
	 * @param detail what Midtrans reported against what was recorded
	 */
	record Mismatch(PaymentFlag flag, String detail) {

	}

	/**
	 * What a check compares beyond order id, currency and amount.
	 *
	 * @param captureAmount an amount the merchant asked to capture, also accepted
	 * @param paymentType whether Midtrans' payment method must be the recorded one (when
	 * adopting a transaction found under the order id)
	 */
	record Check(@Nullable BigDecimal captureAmount, boolean paymentType) {

		/** Order id, currency and gross amount. */
		static final Check STANDARD = new Check(null, false);

		/** Also the payment method: adopting a transaction found under the order id. */
		static final Check ADOPTING = new Check(null, true);

		Check adopting() {
			return new Check(this.captureAmount, true);
		}

		static Check capturing(long amount) {
			return new Check(BigDecimal.valueOf(amount), false);
		}

		boolean accepts(BigDecimal recorded, BigDecimal reported) {
			return reported.compareTo(recorded) == 0
					|| (this.captureAmount != null && reported.compareTo(this.captureAmount) == 0);
		}

	}

}
