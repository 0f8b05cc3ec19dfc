package io.github.springmidtrans.test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * One transaction held by the simulator. Mutable; only touched while holding the engine's
 * lock.
 */
final class SimulatedTransaction {

	final String transactionId;

	final String orderId;

	final String paymentType;

	final long grossAmount;

	final Instant transactionTime;

	/** Fields of the payment method kept in every status answer and notification. */
	final ObjectNode methodFields;

	/** Fields only in the charge answer: actions, redirect_url. */
	final ObjectNode chargeOnlyFields;

	/** custom_field1..3 and metadata as sent. */
	final ObjectNode echoedFields;

	final List<String> overrideUrls;

	final List<String> appendUrls;

	/** Card charged with {@code type: authorize}: a paid 3DS becomes authorize. */
	final boolean authorizeOnly;

	final List<Refund> refunds = new ArrayList<>();

	@Nullable Instant expiryTime;

	/** Whether the bank refuses the next capture of this authorization. */
	boolean denyNextCapture;

	/** Whether the bank refuses the next direct refund of this transaction. */
	boolean rejectNextDirectRefund;

	@Nullable Instant settlementTime;

	String status;

	@Nullable String fraudStatus;

	SimulatedTransaction(String transactionId, String orderId, String paymentType, long grossAmount,
			Instant transactionTime, ObjectNode methodFields, ObjectNode chargeOnlyFields, ObjectNode echoedFields,
			List<String> overrideUrls, List<String> appendUrls, boolean authorizeOnly, String status,
			@Nullable String fraudStatus, @Nullable Instant expiryTime) {
		this.transactionId = transactionId;
		this.orderId = orderId;
		this.paymentType = paymentType;
		this.grossAmount = grossAmount;
		this.transactionTime = transactionTime;
		this.methodFields = methodFields;
		this.chargeOnlyFields = chargeOnlyFields;
		this.echoedFields = echoedFields;
		this.overrideUrls = List.copyOf(overrideUrls);
		this.appendUrls = List.copyOf(appendUrls);
		this.authorizeOnly = authorizeOnly;
		this.status = status;
		this.fraudStatus = fraudStatus;
		this.expiryTime = expiryTime;
	}

	long refundAmount() {
		return this.refunds.stream().mapToLong(Refund::amount).sum();
	}

	@Nullable Refund refund(String refundKey) {
		return this.refunds.stream().filter((refund) -> refund.key().equals(refundKey)).findFirst().orElse(null);
	}

	/** An order id may be charged again once its transaction is expired or cancelled. */
	boolean orderIdReusable() {
		return "expire".equals(this.status) || "cancel".equals(this.status);
	}

	TransactionSnapshot snapshot() {
		List<TransactionSnapshot.Refund> copies = this.refunds.stream()
			.map((refund) -> new TransactionSnapshot.Refund(refund.id(), refund.key(), refund.amount(), refund.reason(),
					refund.createdAt(), refund.direct()))
			.toList();
		return new TransactionSnapshot(this.orderId, this.transactionId, this.paymentType, this.status,
				this.fraudStatus, this.grossAmount, refundAmount(), copies, this.transactionTime, this.expiryTime,
				this.settlementTime);
	}

	record Refund(long id, String uuid, String key, long amount, @Nullable String reason, Instant createdAt,
			boolean direct, @Nullable Instant bankConfirmedAt) {

		/** The same refund, confirmed by the bank. */
		Refund confirmedAt(Instant at) {
			return new Refund(this.id, this.uuid, this.key, this.amount, this.reason, this.createdAt, this.direct, at);
		}

	}

}
