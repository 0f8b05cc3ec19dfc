package io.github.springmidtrans.test;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import tools.jackson.databind.node.ObjectNode;

/**
 * What a customer, a bank or fraud detection does to a transaction, played by a test
 * through {@link MidtransSimulator}: pay, settle, deny, expire, challenge. Each move
 * checks the state it starts from and fails with the rule when Midtrans would not make
 * it. Used under the engine's lock only.
 */
final class SimulatorScenarios {

	private final SimulatorLedger ledger;

	private final Clock clock;

	SimulatorScenarios(SimulatorLedger ledger, Clock clock) {
		this.ledger = ledger;
		this.clock = clock;
	}

	TransactionSnapshot pay(String orderId) {
		SimulatedTransaction tx = target(orderId);
		if (!"pending".equals(tx.status)) {
			throw illegal(tx, "be paid", "only a pending transaction can be paid");
		}
		if ("credit_card".equals(tx.paymentType)) {
			SimulatorCharges.approveCard(tx.methodFields, "05");
			this.ledger.transition(tx, tx.authorizeOnly ? "authorize" : "capture", "accept");
		}
		else {
			paidDetails(tx);
			this.ledger.transition(tx, "settlement", tx.fraudStatus);
		}
		return tx.snapshot();
	}

	TransactionSnapshot settle(String orderId) {
		SimulatedTransaction tx = target(orderId);
		if (!"capture".equals(tx.status)) {
			throw illegal(tx, "settle", "only a captured card transaction settles");
		}
		if ("challenge".equals(tx.fraudStatus)) {
			throw illegal(tx, "settle", "it is challenged by fraud detection; approve or deny it first");
		}
		this.ledger.transition(tx, "settlement", tx.fraudStatus);
		return tx.snapshot();
	}

	TransactionSnapshot deny(String orderId) {
		SimulatedTransaction tx = target(orderId);
		boolean reversal = "settlement".equals(tx.status) && reversible(tx);
		if (!("pending".equals(tx.status) || "authorize".equals(tx.status) || reversal)) {
			throw illegal(tx, "be denied", "only pending or authorized transactions can be denied, and a settlement "
					+ "only for Permata VA, Mandiri Bill and Indomaret (reversal)");
		}
		this.ledger.transition(tx, "deny", "credit_card".equals(tx.paymentType) ? "deny" : tx.fraudStatus);
		return tx.snapshot();
	}

	TransactionSnapshot expire(String orderId) {
		SimulatedTransaction tx = target(orderId);
		if (!("pending".equals(tx.status) || "authorize".equals(tx.status))) {
			throw illegal(tx, "expire", "only pending or authorized transactions expire");
		}
		this.ledger.transition(tx, "expire", tx.fraudStatus);
		return tx.snapshot();
	}

	TransactionSnapshot challenge(String orderId) {
		SimulatedTransaction tx = target(orderId);
		if (!"credit_card".equals(tx.paymentType) || !"pending".equals(tx.status)) {
			throw illegal(tx, "be challenged",
					"only a pending card transaction (charged with 3DS) can be captured with fraud status challenge");
		}
		SimulatorCharges.approveCard(tx.methodFields, "05");
		this.ledger.transition(tx, "capture", "challenge");
		return tx.snapshot();
	}

	TransactionSnapshot denyNextCapture(String orderId) {
		SimulatedTransaction tx = target(orderId);
		if (!"authorize".equals(tx.status)) {
			throw illegal(tx, "have its capture denied", "only an authorized transaction is captured");
		}
		tx.denyNextCapture = true;
		return tx.snapshot();
	}

	TransactionSnapshot rejectNextDirectRefund(String orderId) {
		SimulatedTransaction tx = target(orderId);
		if (!("settlement".equals(tx.status) || "partial_refund".equals(tx.status))) {
			throw illegal(tx, "have its direct refund rejected", "only a settled transaction is refunded");
		}
		tx.rejectNextDirectRefund = true;
		return tx.snapshot();
	}

	private SimulatedTransaction target(String orderId) {
		SimulatedTransaction tx = this.ledger.find(orderId);
		if (tx == null) {
			throw new IllegalStateException("The simulator has no transaction for order '" + orderId + "'");
		}
		return tx;
	}

	private static IllegalStateException illegal(SimulatedTransaction tx, String what, String rule) {
		return new IllegalStateException("Order '" + tx.orderId + "' cannot " + what + ": it is " + tx.status
				+ ((tx.fraudStatus != null) ? " (fraud status " + tx.fraudStatus + ")" : "") + "; " + rule);
	}

	private static boolean reversible(SimulatedTransaction tx) {
		return tx.methodFields.has("permata_va_number") || "echannel".equals(tx.paymentType)
				|| "indomaret".equals(Wire.text(tx.methodFields, "store"));
	}

	/**
	 * The fields a payment method adds once paid.
	 */
	private void paidDetails(SimulatedTransaction tx) {
		Instant now = this.clock.instant();
		switch (tx.paymentType) {
			case "bank_transfer" -> {
				ObjectNode paid = tx.methodFields.putArray("payment_amounts").addObject();
				paid.put("paid_at", Wire.time(now));
				paid.put("amount", Wire.amount(tx.grossAmount));
			}
			case "gopay" -> tx.methodFields.put("payment_option_type", "GOPAY_WALLET");
			case "qris" -> {
				tx.methodFields.put("transaction_type", "on-us");
				tx.methodFields.put("issuer",
						Optional.ofNullable(Wire.text(tx.methodFields, "acquirer")).orElse("gopay"));
			}
			case "shopeepay" -> tx.methodFields.put("shopeepay_reference_number", SimulatorCharges.digits(16));
			case "cstore" -> tx.methodFields.put("approval_code", SimulatorCharges.digits(12));
			default -> {
			}
		}
	}

}
