package io.github.springmidtrans.test;

import io.github.springmidtrans.client.NotificationSignature;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Core API's transaction bodies: the summary an action answers, the full status
 * object (which a notification repeats, signed) and a refund's answer.
 */
final class TransactionBodies {

	/** Midtrans' {@code status_message} of a status answer that found the transaction. */
	static final String FOUND = "Success, transaction is found";

	private final String serverKey;

	private final String merchantId;

	TransactionBodies(String serverKey, String merchantId) {
		this.serverKey = serverKey;
		this.merchantId = merchantId;
	}

	/**
	 * The fields every transaction body carries, the payment method's included.
	 */
	void common(ObjectNode body, SimulatedTransaction tx) {
		body.put("transaction_id", tx.transactionId);
		body.put("order_id", tx.orderId);
		body.put("merchant_id", this.merchantId);
		body.put("gross_amount", Wire.amount(tx.grossAmount));
		body.put("currency", "IDR");
		body.put("payment_type", tx.paymentType);
		body.put("transaction_time", Wire.time(tx.transactionTime));
		body.put("transaction_status", tx.status);
		if (tx.fraudStatus != null) {
			body.put("fraud_status", tx.fraudStatus);
		}
		if (tx.expiryTime != null) {
			body.put("expiry_time", Wire.time(tx.expiryTime));
		}
		if (tx.settlementTime != null) {
			body.put("settlement_time", Wire.time(tx.settlementTime));
		}
		body.setAll(tx.methodFields.deepCopy());
	}

	/**
	 * The answer of an action (cancel, expire, approve, deny, capture).
	 */
	ObjectNode summary(SimulatedTransaction tx, String statusCode, String message) {
		ObjectNode body = Wire.object();
		body.put("status_code", statusCode);
		body.put("status_message", message);
		common(body, tx);
		return body;
	}

	/**
	 * The answer of {@code GET /v2/{id}/status}.
	 */
	ObjectNode status(SimulatedTransaction tx) {
		return statusBody(tx, statusCodeOf(tx.status), FOUND);
	}

	/**
	 * The body of an HTTP notification: the status object with the notification's
	 * {@code status_code}, signed with it.
	 */
	ObjectNode notification(SimulatedTransaction tx) {
		return statusBody(tx, notificationCodeOf(tx.status), "midtrans payment notification");
	}

	private ObjectNode statusBody(SimulatedTransaction tx, String statusCode, String message) {
		ObjectNode body = summary(tx, statusCode, message);
		body.setAll(tx.echoedFields.deepCopy());
		if (!tx.refunds.isEmpty()) {
			body.put("refund_amount", Wire.amount(tx.refundAmount()));
			ArrayNode refunds = body.putArray("refunds");
			for (SimulatedTransaction.Refund refund : tx.refunds) {
				ObjectNode entry = refunds.addObject();
				entry.put("refund_chargeback_id", refund.id());
				entry.put("refund_chargeback_uuid", refund.uuid());
				entry.put("refund_amount", Wire.amount(refund.amount()));
				entry.put("created_at", Wire.time(refund.createdAt()));
				if (refund.reason() != null) {
					entry.put("reason", refund.reason());
				}
				entry.put("refund_key", refund.key());
				entry.put("refund_method", "online");
				if (refund.bankConfirmedAt() != null) {
					entry.put("bank_confirmed_at", Wire.time(refund.bankConfirmedAt()));
				}
			}
		}
		String grossAmount = Wire.amount(tx.grossAmount);
		body.put("signature_key", NotificationSignature.compute(tx.orderId, statusCode, grossAmount, this.serverKey));
		return body;
	}

	/**
	 * The answer of an approved refund; a direct refund is approved by the bank.
	 */
	ObjectNode refund(SimulatedTransaction tx, SimulatedTransaction.Refund refund) {
		ObjectNode body = Wire.object();
		body.put("status_code", "200");
		body.put("status_message", refund.direct() ? "Success, refund request is approved by the bank"
				: "Success, refund request is approved");
		body.put("transaction_id", tx.transactionId);
		body.put("order_id", tx.orderId);
		body.put("payment_type", tx.paymentType);
		body.put("transaction_time", Wire.time(tx.transactionTime));
		body.put("transaction_status", tx.status);
		body.put("gross_amount", Wire.amount(tx.grossAmount));
		body.put("currency", "IDR");
		body.put("refund_chargeback_id", refund.id());
		body.put("refund_chargeback_uuid", refund.uuid());
		body.put("refund_amount", Wire.amount(refund.amount()));
		body.put("refund_key", refund.key());
		return body;
	}

	/**
	 * The answer of a direct refund the bank refused: {@code status_code} 202, the
	 * transaction's status unchanged and nothing refunded.
	 */
	ObjectNode rejectedRefund(SimulatedTransaction tx, long refundId, String refundKey) {
		ObjectNode body = Wire.object();
		body.put("status_code", "202");
		body.put("status_message", "Refund denied by the bank");
		body.put("transaction_id", tx.transactionId);
		body.put("order_id", tx.orderId);
		body.put("gross_amount", Wire.amount(tx.grossAmount));
		body.put("payment_type", tx.paymentType);
		body.put("transaction_time", Wire.time(tx.transactionTime));
		body.put("transaction_status", tx.status);
		body.put("refund_chargeback_id", refundId);
		body.put("refund_amount", Wire.amount(0));
		body.put("refund_key", refundKey);
		return body;
	}

	/** {@code status_code} of a status answer. */
	static String statusCodeOf(String status) {
		return switch (status) {
			case "pending" -> "201";
			case "deny", "cancel", "failure" -> "202";
			case "expire" -> "407";
			default -> "200";
		};
	}

	/** {@code status_code} of a notification. */
	static String notificationCodeOf(String status) {
		return switch (status) {
			case "pending" -> "201";
			case "deny", "cancel", "expire", "failure" -> "202";
			default -> "200";
		};
	}

}
