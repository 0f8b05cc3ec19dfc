package io.github.springmidtrans.test;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Core API's calls on an existing transaction: status (and its B2B list), cancel,
 * expire, approve, deny, capture and refund, with the states each one accepts. Used under
 * the engine's lock only.
 */
final class SimulatorTransactionActions {

	private static final Pattern REFUND_KEY = Pattern.compile("[A-Za-z0-9_\\-]{1,100}");

	/** Payment types Midtrans cannot refund through the API. */
	private static final Set<String> NOT_REFUNDABLE = Set.of("bank_transfer", "echannel", "cstore");

	private final SimulatorLedger ledger;

	private final TransactionBodies bodies;

	private final Clock clock;

	SimulatorTransactionActions(SimulatorLedger ledger, TransactionBodies bodies, Clock clock) {
		this.ledger = ledger;
		this.bodies = bodies;
		this.clock = clock;
	}

	Answer status(String id) {
		SimulatedTransaction tx = this.ledger.find(id);
		if (tx == null) {
			return SimulatorErrors.transactionNotFound();
		}
		return Answer.ok(this.bodies.status(tx));
	}

	Answer statusB2b(String id, HttpUrl url) {
		SimulatedTransaction tx = this.ledger.find(id);
		if (tx == null) {
			return SimulatorErrors.transactionNotFound();
		}
		ObjectNode body = Wire.object();
		body.put("status_code", "200");
		body.put("status_message", "Success, transactions are retrieved");
		ArrayNode transactions = body.putArray("transactions");
		String page = url.queryParameter("page");
		if (page == null || "0".equals(page.trim())) {
			transactions.add(this.bodies.status(tx));
		}
		return Answer.ok(body);
	}

	Answer cancel(String id) {
		SimulatedTransaction tx = this.ledger.find(id);
		if (tx == null) {
			return SimulatorErrors.transactionNotFound();
		}
		if (!Set.of("pending", "authorize", "capture").contains(tx.status)) {
			return SimulatorErrors.cannotModify();
		}
		this.ledger.transition(tx, "cancel", tx.fraudStatus);
		return Answer.ok(this.bodies.summary(tx, "200", "Success, transaction is canceled"));
	}

	Answer expire(String id) {
		SimulatedTransaction tx = this.ledger.find(id);
		if (tx == null) {
			return SimulatorErrors.transactionNotFound();
		}
		if (!"pending".equals(tx.status)) {
			return SimulatorErrors.cannotModify();
		}
		this.ledger.transition(tx, "expire", tx.fraudStatus);
		return Answer.ok(this.bodies.summary(tx, "407", "Success, transaction has expired"));
	}

	Answer approve(String id) {
		SimulatedTransaction tx = this.ledger.find(id);
		if (tx == null) {
			return SimulatorErrors.transactionNotFound();
		}
		if (!"challenge".equals(tx.fraudStatus) || !"capture".equals(tx.status)) {
			return SimulatorErrors.cannotModify();
		}
		this.ledger.transition(tx, "capture", "accept");
		return Answer.ok(this.bodies.summary(tx, "200", "Success, transaction is approved"));
	}

	Answer deny(String id) {
		SimulatedTransaction tx = this.ledger.find(id);
		if (tx == null) {
			return SimulatorErrors.transactionNotFound();
		}
		if (!"challenge".equals(tx.fraudStatus) || !"capture".equals(tx.status)) {
			return SimulatorErrors.cannotModify();
		}
		this.ledger.transition(tx, "deny", "deny");
		return Answer.ok(this.bodies.summary(tx, "200", "Success, transaction is denied"));
	}

	Answer capture(@Nullable JsonNode json) {
		String id = Wire.text(json, "transaction_id");
		if (id == null || id.isBlank()) {
			return SimulatorErrors.validation(List.of("transaction_id is required"));
		}
		SimulatedTransaction tx = this.ledger.find(id);
		if (tx == null) {
			return SimulatorErrors.transactionNotFound();
		}
		JsonNode amount = json.get("gross_amount");
		if (amount != null && !amount.isNull()) {
			Long value = Wire.wholeRupiah(amount);
			if (value == null || value <= 0 || value > tx.grossAmount) {
				return SimulatorErrors
					.validation(List.of("gross_amount must be a whole number between 1 and the authorized amount"));
			}
		}
		if (!"authorize".equals(tx.status)) {
			return SimulatorErrors.cannotModify();
		}
		if (tx.denyNextCapture) {
			// The bank refuses: the authorization stands, nothing is notified.
			tx.denyNextCapture = false;
			ObjectNode refused = this.bodies.summary(tx, "202", "Capture transaction is denied by the bank");
			refused.put("channel_response_code", "05");
			refused.put("channel_response_message", "Do not honor");
			return Answer.ok(refused);
		}
		this.ledger.transition(tx, "capture", tx.fraudStatus);
		return Answer.ok(this.bodies.summary(tx, "200", "Success, Credit Card capture transaction is successful"));
	}

	Answer refund(String id, @Nullable JsonNode json, boolean direct) {
		SimulatedTransaction tx = this.ledger.find(id);
		if (tx == null) {
			return SimulatorErrors.transactionNotFound();
		}
		String refundKey = Wire.text(json, "refund_key");
		if (refundKey != null && !REFUND_KEY.matcher(refundKey).matches()) {
			return SimulatorErrors.validation(List.of("refund_key may only contain letters, digits, '_' and '-'"));
		}
		if (refundKey != null) {
			SimulatedTransaction.Refund existing = tx.refund(refundKey);
			if (existing != null) {
				// The same key retries the same refund: answer it again, refund nothing.
				return Answer.ok(this.bodies.refund(tx, existing));
			}
		}
		if (!("settlement".equals(tx.status) || "partial_refund".equals(tx.status))
				|| NOT_REFUNDABLE.contains(tx.paymentType)) {
			return SimulatorErrors.cannotModify();
		}
		long remaining = tx.grossAmount - tx.refundAmount();
		long amount = remaining;
		JsonNode amountNode = (json != null) ? json.get("amount") : null;
		if (amountNode != null && !amountNode.isNull()) {
			Long value = Wire.wholeRupiah(amountNode);
			if (value == null) {
				return SimulatorErrors.validation(List.of("amount must be a whole number of rupiah"));
			}
			amount = value;
		}
		if (amount <= 0 || amount > remaining) {
			return Answer.ok(Wire.error("414", "Refund request is rejected due to invalid amount"));
		}
		String key = (refundKey != null) ? refundKey : "refund-" + UUID.randomUUID();
		if (direct && tx.rejectNextDirectRefund) {
			// The bank refuses: nothing is refunded or notified, and the same key may try
			// again.
			tx.rejectNextDirectRefund = false;
			return Answer.ok(this.bodies.rejectedRefund(tx, tx.refunds.size() + 1L, key));
		}
		SimulatedTransaction.Refund refund = new SimulatedTransaction.Refund(tx.refunds.size() + 1L,
				UUID.randomUUID().toString(), key, amount, Wire.text(json, "reason"), this.clock.instant(), direct,
				null);
		tx.refunds.add(refund);
		// Midtrans notifies a refund twice: first without, then with bank_confirmed_at.
		this.ledger.transition(tx, (tx.refundAmount() == tx.grossAmount) ? "refund" : "partial_refund", tx.fraudStatus);
		SimulatedTransaction.Refund confirmed = refund.confirmedAt(this.clock.instant());
		tx.refunds.set(tx.refunds.size() - 1, confirmed);
		this.ledger.notify(tx);
		return Answer.ok(this.bodies.refund(tx, confirmed));
	}

}
