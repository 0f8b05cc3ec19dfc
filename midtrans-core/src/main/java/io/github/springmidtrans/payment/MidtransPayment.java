package io.github.springmidtrans.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.github.springmidtrans.client.model.ChargeRequest;
import io.github.springmidtrans.client.model.CustomerDetails;
import io.github.springmidtrans.client.model.FraudStatus;
import io.github.springmidtrans.client.model.ItemDetail;
import io.github.springmidtrans.client.model.PaymentType;
import io.github.springmidtrans.client.model.SnapRequest;
import io.github.springmidtrans.client.model.TransactionResponse;
import io.github.springmidtrans.internal.Columns;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import org.hibernate.annotations.FetchMode;
import org.hibernate.annotations.FetchProfile;
import org.hibernate.annotations.FetchProfileOverride;
import org.jspecify.annotations.Nullable;

/**
 * A payment: one Midtrans order, from the moment its order id is reserved to its final
 * state. Status changes only through {@link #apply(TransactionResponse, Instant)} and
 * {@link #markFailed(String, Instant)}, which consult {@link PaymentStatus}' transition
 * table; concurrent writers are serialised by a row lock and checked by {@code @Version}.
 *
 * @since 0.1.0
 */
@Entity(name = "MidtransPayment")
@Table(name = "midtrans_payment")
@FetchProfile(name = MidtransPayment.WITHOUT_ITEMS)
public class MidtransPayment {

	/**
	 * The fetch profile of a read that leaves the items unread, enabled on the query. An
	 * entity graph would do the same, but Hibernate does not keep the SQL of a query with
	 * a graph: it would translate the query again on every execution.
	 */
	static final String WITHOUT_ITEMS = "midtrans-payment-without-items";

	private static final int MAX_ERROR = 1000;

	/** The metadata key of an invoice's payment, naming the Midtrans invoice. */
	private static final String INVOICE_POINTER = "midtrans_invoice_id";

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(name = "order_id", nullable = false, unique = true, length = 100, updatable = false)
	private String orderId;

	@Column(name = "transaction_id", length = 64)
	private @Nullable String transactionId;

	// Null for a Snap checkout until the customer picks a method.
	@Column(name = "payment_type", length = 32)
	private @Nullable String paymentType;

	@Column(name = "bank", length = 32)
	private @Nullable String bank;

	@Column(name = "gross_amount", nullable = false, precision = 19, scale = 2)
	private BigDecimal grossAmount;

	@Column(name = "currency", nullable = false, length = 3)
	private String currency = "IDR";

	@Convert(converter = PaymentStatusConverter.class)
	@Column(name = "status", nullable = false, length = 32)
	private PaymentStatus status;

	@Column(name = "transaction_status", length = 32)
	private @Nullable String transactionStatus;

	@Column(name = "fraud_status", length = 16)
	private @Nullable String fraudStatus;

	@Column(name = "status_code", length = 8)
	private @Nullable String statusCode;

	@Column(name = "status_message", length = 255)
	private @Nullable String statusMessage;

	@Column(name = "customer_first_name", length = 255)
	private @Nullable String customerFirstName;

	@Column(name = "customer_last_name", length = 255)
	private @Nullable String customerLastName;

	@Column(name = "customer_email", length = 255)
	private @Nullable String customerEmail;

	@Column(name = "customer_phone", length = 255)
	private @Nullable String customerPhone;

	@Column(name = "va_number", length = 64)
	private @Nullable String vaNumber;

	@Column(name = "bill_key", length = 32)
	private @Nullable String billKey;

	@Column(name = "biller_code", length = 16)
	private @Nullable String billerCode;

	@Column(name = "payment_code", length = 64)
	private @Nullable String paymentCode;

	@Column(name = "redirect_url", length = 2048)
	private @Nullable String redirectUrl;

	@Column(name = "deeplink_url", length = 2048)
	private @Nullable String deeplinkUrl;

	@Column(name = "qr_code_url", length = 2048)
	private @Nullable String qrCodeUrl;

	@Column(name = "qr_string", length = 4000)
	private @Nullable String qrString;

	@Column(name = "transaction_time")
	private @Nullable Instant transactionTime;

	@Column(name = "settlement_time")
	private @Nullable Instant settlementTime;

	@Column(name = "expiry_time")
	private @Nullable Instant expiryTime;

	@Column(name = "refunded_amount", nullable = false, precision = 19, scale = 2)
	private BigDecimal refundedAmount = BigDecimal.ZERO;

	@Column(name = "custom_field1", length = 255)
	private @Nullable String customField1;

	@Column(name = "custom_field2", length = 255)
	private @Nullable String customField2;

	@Column(name = "custom_field3", length = 255)
	private @Nullable String customField3;

	@Column(name = "metadata", length = 8000)
	private @Nullable String metadata;

	@Column(name = "charge_request", length = 16000)
	private @Nullable String chargeRequest;

	@Column(name = "charge_response", length = 16000)
	private @Nullable String chargeResponse;

	@Column(name = "idempotency_key", nullable = false, length = 46, updatable = false)
	private String idempotencyKey;

	@Column(name = "attempts", nullable = false)
	private int attempts;

	@Column(name = "failed_checks", nullable = false)
	private int failedChecks;

	@Column(name = "last_error", length = MAX_ERROR)
	private @Nullable String lastError;

	@Column(name = "next_check_at")
	private @Nullable Instant nextCheckAt;

	@Column(name = "subscription_id")
	private @Nullable Long subscriptionId;

	@Column(name = "snap", nullable = false)
	private boolean snap;

	@Column(name = "snap_token", length = 255)
	private @Nullable String snapToken;

	@Column(name = "snap_redirect_url", length = 2048)
	private @Nullable String snapRedirectUrl;

	@Column(name = "snap_page_expiry_time")
	private @Nullable Instant snapPageExpiryTime;

	@Convert(converter = PaymentFlagConverter.class)
	@Column(name = "flag", length = 32)
	private @Nullable PaymentFlag flag;

	@Column(name = "flag_detail", length = 1000)
	private @Nullable String flagDetail;

	@Column(name = "flagged_at")
	private @Nullable Instant flaggedAt;

	// Eager: few rows, and services hand out payments after their transaction ended.
	@OneToMany(mappedBy = "payment", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
	@FetchProfileOverride(profile = WITHOUT_ITEMS, fetch = FetchType.LAZY, mode = FetchMode.SELECT)
	@OrderBy("id")
	private List<MidtransPaymentItem> items = new ArrayList<>();

	@Version
	@Column(name = "version", nullable = false)
	private long version;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	/**
	 * Whether an invoice with this payment's order id existed when the row was last read
	 * under lock; {@code null} when it was not read that way. Not stored.
	 */
	@Transient
	private @Nullable Boolean invoiceWithOrderId;

	/** For JPA only. */
	protected MidtransPayment() {
		this.orderId = "";
		this.paymentType = "";
		this.grossAmount = BigDecimal.ZERO;
		this.status = PaymentStatus.INITIATED;
		this.idempotencyKey = "";
		this.createdAt = Instant.EPOCH;
		this.updatedAt = Instant.EPOCH;
	}

	MidtransPayment(ChargeRequest request, @Nullable String chargeRequestJson, @Nullable String metadataJson,
			String idempotencyKey, Instant now) {
		this.orderId = request.orderId();
		this.paymentType = request.paymentType().wireValue();
		this.grossAmount = BigDecimal.valueOf(request.transactionDetails().grossAmount());
		this.status = PaymentStatus.INITIATED;
		if (request.bankTransfer() != null) {
			this.bank = request.bankTransfer().bank().wireValue();
		}
		CustomerDetails customer = request.customerDetails();
		if (customer != null) {
			this.customerFirstName = customer.firstName();
			this.customerLastName = customer.lastName();
			this.customerEmail = customer.email();
			this.customerPhone = customer.phone();
		}
		this.customField1 = request.customField1();
		this.customField2 = request.customField2();
		this.customField3 = request.customField3();
		this.metadata = metadataJson;
		this.chargeRequest = chargeRequestJson;
		this.idempotencyKey = idempotencyKey;
		for (ItemDetail item : request.itemDetails()) {
			this.items.add(new MidtransPaymentItem(this, item));
		}
		this.createdAt = now;
		this.updatedAt = now;
		this.nextCheckAt = now;
	}

	MidtransPayment(SnapRequest request, String snapRequestJson, @Nullable String metadataJson, String idempotencyKey,
			Instant now) {
		this.orderId = request.orderId();
		this.paymentType = null;
		this.snap = true;
		this.grossAmount = BigDecimal.valueOf(request.grossAmount());
		this.status = PaymentStatus.INITIATED;
		CustomerDetails customer = request.customerDetails();
		if (customer != null) {
			this.customerFirstName = customer.firstName();
			this.customerLastName = customer.lastName();
			this.customerEmail = customer.email();
			this.customerPhone = customer.phone();
		}
		this.customField1 = request.customField1();
		this.customField2 = request.customField2();
		this.customField3 = request.customField3();
		this.metadata = metadataJson;
		this.chargeRequest = snapRequestJson;
		this.idempotencyKey = idempotencyKey;
		for (ItemDetail item : request.itemDetails()) {
			this.items.add(new MidtransPaymentItem(this, item));
		}
		this.createdAt = now;
		this.updatedAt = now;
		this.nextCheckAt = now;
	}

	/**
	 * A payment Midtrans created on its own schedule: a subscription's renewal charge. It
	 * starts {@link PaymentStatus#INITIATED}, linked to its subscription; apply the
	 * transaction to it to move it. Used by the subscription service.
	 * @param orderId the order id Midtrans gave the charge
	 * @param grossAmount the amount charged
	 * @param paymentType the payment method as Midtrans names it
	 * @param subscriptionId the database id of the subscription
	 * @param now the time
	 * @return a new, unsaved payment
	 */
	static MidtransPayment renewalOf(String orderId, BigDecimal grossAmount, String paymentType, long subscriptionId,
			Instant now) {
		MidtransPayment payment = new MidtransPayment();
		payment.orderId = orderId;
		payment.grossAmount = grossAmount;
		payment.paymentType = paymentType;
		// Never sent: Midtrans made this charge. The column needs a unique-looking value.
		payment.idempotencyKey = "rn-" + UUID.randomUUID();
		payment.subscriptionId = subscriptionId;
		payment.createdAt = now;
		payment.updatedAt = now;
		payment.nextCheckAt = now;
		return payment;
	}

	/**
	 * Link this payment to the subscription that produced it (a renewal charge). Used by
	 * the subscription service, with the row locked.
	 * @param subscriptionId the database id of the subscription
	 * @param now the time
	 * @return {@code true} when the link is new, {@code false} when it was already there
	 * @throws IllegalStateException when the payment belongs to another subscription
	 */
	boolean linkToSubscription(long subscriptionId, Instant now) {
		if (this.subscriptionId != null) {
			if (this.subscriptionId != subscriptionId) {
				throw new IllegalStateException("Payment '" + this.orderId + "' already belongs to subscription "
						+ this.subscriptionId + ", not " + subscriptionId);
			}
			return false;
		}
		this.subscriptionId = subscriptionId;
		touch(now);
		return true;
	}

	/**
	 * Apply what Midtrans says about this payment (a charge answer, a status check or a
	 * notification). A forward move changes the status and copies the answer's details;
	 * an answer for the current status only fills in details not known yet and records a
	 * larger refunded amount; anything else is stale and changes nothing.
	 * @param answer Midtrans' view of the transaction
	 * @param now the time of the update
	 * @return what changed
	 */
	StatusChange apply(TransactionResponse answer, Instant now) {
		// Midtrans answered: a back-off from failed checks starts over.
		this.failedChecks = 0;
		PaymentStatus previous = this.status;
		boolean wasPaid = isPaid();
		PaymentStatus next = PaymentStatus.of(answer.transactionStatus());
		if (next == null) {
			return StatusChange.unknown(previous);
		}
		BigDecimal refundedBefore = this.refundedAmount;
		// A Snap checkout learns its transaction only once the customer picks a method:
		// the first answer with a payment type replaces the placeholders (page expiry).
		boolean firstDetails = this.paymentType == null && answer.paymentType() != null
				&& answer.paymentType() != PaymentType.UNKNOWN;
		if (next == previous) {
			boolean fraudMoved = moveFraudStatus(answer.fraudStatus());
			boolean refundedMore = raiseRefunded(answer.refundAmount());
			fillDetails(answer, firstDetails);
			// The customer's choice on the Snap page is news (a method, a number to pay
			// to), though the status stays pending: it counts as a change.
			if (!fraudMoved && !refundedMore && !firstDetails) {
				return StatusChange.unchanged(previous);
			}
			touch(now);
			return StatusChange.applied(previous, this.status, !wasPaid && isPaid(),
					this.refundedAmount.subtract(refundedBefore));
		}
		if (!previous.canMoveTo(next)) {
			return StatusChange.stale(previous, next);
		}
		this.status = next;
		this.transactionStatus = (answer.transactionStatus() != null) ? answer.transactionStatus().wireValue()
				: this.transactionStatus;
		if (answer.fraudStatus() != null) {
			this.fraudStatus = answer.fraudStatus().wireValue();
		}
		this.statusCode = answer.statusCode();
		this.statusMessage = Columns.fit(answer.statusMessage(), 255);
		raiseRefunded(answer.refundAmount());
		fillDetails(answer, true);
		this.lastError = null;
		this.nextCheckAt = next.isAwaitingPayment() ? now : null;
		touch(now);
		return StatusChange.applied(previous, next, !wasPaid && isPaid(), this.refundedAmount.subtract(refundedBefore));
	}

	/**
	 * Record that Snap created the checkout session: the payment is pending, with no
	 * payment type until the customer picks one on the page. Until the page expires it
	 * counts as its expiry time, so the periodic expiry job looks at it then.
	 * @param token the Snap token
	 * @param redirectUrl the hosted page
	 * @param pageExpiryTime when the page stops accepting a choice
	 * @param now the time
	 * @return what changed; stale unless the payment was still initiated
	 */
	StatusChange markSnapCreated(String token, @Nullable String redirectUrl, Instant pageExpiryTime, Instant now) {
		PaymentStatus previous = this.status;
		if (!this.snap) {
			throw new IllegalStateException("Payment '" + this.orderId + "' is not a Snap checkout");
		}
		if (previous != PaymentStatus.INITIATED) {
			return StatusChange.stale(previous, PaymentStatus.PENDING);
		}
		// No transaction_status yet: Midtrans has no transaction until a method is
		// picked.
		this.status = PaymentStatus.PENDING;
		this.snapToken = token;
		this.snapRedirectUrl = redirectUrl;
		this.snapPageExpiryTime = pageExpiryTime;
		this.expiryTime = (this.expiryTime != null) ? this.expiryTime : pageExpiryTime;
		this.lastError = null;
		this.nextCheckAt = now;
		touch(now);
		return StatusChange.applied(previous, PaymentStatus.PENDING, false, BigDecimal.ZERO);
	}

	/**
	 * Expire a Snap checkout whose page expired before the customer picked a payment
	 * method: Midtrans never created a transaction, and now nobody can.
	 * @param now the time, after the page expiry
	 * @return what changed; stale unless the payment still awaits a choice
	 */
	StatusChange markSnapPageExpired(Instant now) {
		PaymentStatus previous = this.status;
		if (!isAwaitingSnapChoice() || this.snapPageExpiryTime == null || now.isBefore(this.snapPageExpiryTime)) {
			return StatusChange.stale(previous, PaymentStatus.EXPIRE);
		}
		this.status = PaymentStatus.EXPIRE;
		this.statusMessage = "Snap page expired before a payment method was chosen";
		this.nextCheckAt = null;
		touch(now);
		return StatusChange.applied(previous, PaymentStatus.EXPIRE, false, BigDecimal.ZERO);
	}

	/**
	 * Whether this is a Snap checkout whose customer has not picked a payment method yet
	 * (Midtrans answers a status check with 404 until then).
	 * @return {@code true} while pending without a payment type
	 */
	public boolean isAwaitingSnapChoice() {
		return this.snap && this.status == PaymentStatus.PENDING && this.paymentType == null;
	}

	/**
	 * Record that Midtrans refused the charge: no transaction exists.
	 * @param reason Midtrans' explanation, safe to store
	 * @param now the time
	 * @return what changed; stale unless the payment was still initiated
	 */
	StatusChange markFailed(String reason, Instant now) {
		PaymentStatus previous = this.status;
		if (!previous.canMoveTo(PaymentStatus.FAILED)) {
			return StatusChange.stale(previous, PaymentStatus.FAILED);
		}
		this.status = PaymentStatus.FAILED;
		this.lastError = Columns.fit(reason, MAX_ERROR);
		this.nextCheckAt = null;
		touch(now);
		return StatusChange.applied(previous, PaymentStatus.FAILED, false, BigDecimal.ZERO);
	}

	/**
	 * Record a failed attempt whose outcome is unknown or transient; the status stays.
	 * @param error what failed, safe to store
	 * @param retryAt when a periodic check should look at this payment again
	 * @param now the time
	 */
	void recordAttemptFailure(String error, Instant retryAt, Instant now) {
		this.attempts++;
		this.lastError = Columns.fit(error, MAX_ERROR);
		this.nextCheckAt = retryAt;
		touch(now);
	}

	/**
	 * Record a periodic check that could not read the payment: the next check waits out a
	 * back-off that grows with each consecutive failure. A payment no longer awaiting
	 * payment, or set aside for a person, keeps having no next check.
	 * @param error what failed, safe to store
	 * @param backOff the back-off of failed checks
	 * @param now the time
	 * @return when the payment is checked next, or {@code null} when it is not
	 */
	@Nullable Instant recordCheckFailure(String error, CheckBackOff backOff, Instant now) {
		this.failedChecks++;
		this.lastError = Columns.fit(error, MAX_ERROR);
		if (this.status.isAwaitingPayment() && this.flag == null) {
			this.nextCheckAt = backOff.next(this.failedChecks, now);
		}
		touch(now);
		return this.nextCheckAt;
	}

	/**
	 * Record that Midtrans refused an action on this payment (a capture denied, a direct
	 * refund rejected): nothing moved at Midtrans, so the status stays.
	 * @param refusal what was refused and what Midtrans said, safe to store
	 * @param now the time
	 */
	void recordRefusal(String refusal, Instant now) {
		this.lastError = Columns.fit(refusal, MAX_ERROR);
		touch(now);
	}

	/**
	 * Set the payment aside for a person: Midtrans reported something that does not match
	 * the recorded intent. The status stays; the periodic status check leaves the payment
	 * alone until the flag is cleared.
	 * @param flag what did not match
	 * @param detail what Midtrans reported against what was recorded, safe to store
	 * @param now the time
	 * @return {@code true} when the flag is new, {@code false} when the payment already
	 * carried this flag
	 */
	boolean flag(PaymentFlag flag, String detail, Instant now) {
		if (flag == this.flag) {
			return false;
		}
		this.flag = flag;
		this.flagDetail = Columns.fit(detail, MAX_ERROR);
		this.flaggedAt = now;
		this.nextCheckAt = null;
		touch(now);
		return true;
	}

	/**
	 * Clear the flag after a person looked at the payment; periodic checks resume when it
	 * still waits for the customer.
	 * @param now the time
	 * @return {@code true} when a flag was cleared
	 */
	boolean clearFlag(Instant now) {
		if (this.flag == null) {
			return false;
		}
		this.flag = null;
		this.flagDetail = null;
		this.flaggedAt = null;
		this.nextCheckAt = this.status.isAwaitingPayment() ? now : null;
		touch(now);
		return true;
	}

	/**
	 * Count an attempt to reach Midtrans.
	 * @param now the time
	 */
	void countAttempt(Instant now) {
		this.attempts++;
		touch(now);
	}

	/**
	 * Keep the raw charge answer, for audit.
	 * @param json the body Midtrans answered
	 */
	void keepChargeResponse(@Nullable String json) {
		this.chargeResponse = json;
	}

	/**
	 * Whether Midtrans considers the money received: settlement, or capture with fraud
	 * verdict accept (or none).
	 * @return {@code true} when paid
	 */
	public boolean isPaid() {
		boolean accepted = this.fraudStatus == null || FraudStatus.ACCEPT.wireValue().equals(this.fraudStatus);
		return (this.status == PaymentStatus.SETTLEMENT || this.status == PaymentStatus.CAPTURE) && accepted;
	}

	/**
	 * Whether fraud detection asked the merchant to approve or deny.
	 * @return {@code true} while on challenge
	 */
	public boolean isChallenged() {
		return FraudStatus.CHALLENGE.wireValue().equals(this.fraudStatus) && this.status == PaymentStatus.CAPTURE;
	}

	/**
	 * Whether the payment is past its expiry time and still waiting.
	 * @param now the time to compare with
	 * @return {@code true} when stale
	 */
	public boolean isExpiredAt(Instant now) {
		return this.status == PaymentStatus.PENDING && this.expiryTime != null && this.expiryTime.isBefore(now);
	}

	private boolean moveFraudStatus(@Nullable FraudStatus fraud) {
		if (fraud == null || fraud == FraudStatus.UNKNOWN || fraud.wireValue().equals(this.fraudStatus)) {
			return false;
		}
		// Only a challenge can be resolved; an accepted or denied verdict never changes
		// back.
		if (this.fraudStatus == null || FraudStatus.CHALLENGE.wireValue().equals(this.fraudStatus)) {
			this.fraudStatus = fraud.wireValue();
			return true;
		}
		return false;
	}

	private boolean raiseRefunded(@Nullable BigDecimal refunded) {
		if (refunded != null && refunded.compareTo(this.refundedAmount) > 0) {
			this.refundedAmount = refunded;
			return true;
		}
		return false;
	}

	private void fillDetails(TransactionResponse answer, boolean overwrite) {
		this.transactionId = pick(this.transactionId, answer.transactionId(), overwrite);
		if (answer.paymentType() != null && answer.paymentType() != PaymentType.UNKNOWN) {
			this.paymentType = answer.paymentType().wireValue();
		}
		this.bank = pick(this.bank, answer.bank(), false);
		if (!answer.vaNumbers().isEmpty()) {
			this.bank = pick(this.bank, answer.vaNumbers().get(0).bank(), false);
		}
		String number = (answer.vaNumbers().isEmpty() && answer.permataVaNumber() == null) ? null
				: answer.paymentNumber();
		this.vaNumber = pick(this.vaNumber, number, overwrite);
		this.billKey = pick(this.billKey, answer.billKey(), overwrite);
		this.billerCode = pick(this.billerCode, answer.billerCode(), overwrite);
		this.paymentCode = pick(this.paymentCode, answer.paymentCode(), overwrite);
		this.redirectUrl = pick(this.redirectUrl, answer.redirectUrl(), overwrite);
		this.qrString = pick(this.qrString, Columns.fit(answer.qrString(), 4000), overwrite);
		answer.action("deeplink-redirect")
			.ifPresent((action) -> this.deeplinkUrl = pick(this.deeplinkUrl, action.url(), overwrite));
		answer.action("generate-qr-code")
			.ifPresent((action) -> this.qrCodeUrl = pick(this.qrCodeUrl, action.url(), overwrite));
		if (answer.transactionTime() != null) {
			this.transactionTime = pick(this.transactionTime, answer.transactionTime().toInstant(), overwrite);
		}
		if (answer.settlementTime() != null) {
			this.settlementTime = pick(this.settlementTime, answer.settlementTime().toInstant(), overwrite);
		}
		if (answer.expiryTime() != null) {
			this.expiryTime = pick(this.expiryTime, answer.expiryTime().toInstant(), overwrite);
		}
		if (this.transactionStatus == null && answer.transactionStatus() != null) {
			this.transactionStatus = answer.transactionStatus().wireValue();
		}
	}

	private static <T> @Nullable T pick(@Nullable T current, @Nullable T candidate, boolean overwrite) {
		if (candidate == null) {
			return current;
		}
		return (overwrite || current == null) ? candidate : current;
	}

	private void touch(Instant now) {
		this.updatedAt = now;
	}

	/**
	 * What Midtrans reported against the recorded intent, when the payment was set aside
	 * for a person.
	 * @return the flag, or {@code null} when none
	 */
	public @Nullable PaymentFlag getFlag() {
		return this.flag;
	}

	/**
	 * Whether the payment was set aside for a person.
	 * @return {@code true} when flagged
	 */
	public boolean isFlagged() {
		return this.flag != null;
	}

	/**
	 * What did not match, in words.
	 * @return the detail, or {@code null} when not flagged
	 */
	public @Nullable String getFlagDetail() {
		return this.flagDetail;
	}

	/**
	 * When the payment was flagged.
	 * @return the time, or {@code null} when not flagged
	 */
	public @Nullable Instant getFlaggedAt() {
		return this.flaggedAt;
	}

	/**
	 * Database id.
	 * @return the id, {@code null} before the first flush
	 */
	public @Nullable Long getId() {
		return this.id;
	}

	/**
	 * The merchant's order id, unique.
	 * @return the order id
	 */
	public String getOrderId() {
		return this.orderId;
	}

	/**
	 * Midtrans' transaction id, once known.
	 * @return the id or {@code null}
	 */
	public @Nullable String getTransactionId() {
		return this.transactionId;
	}

	/**
	 * Payment method as Midtrans names it ({@code bank_transfer}, {@code gopay} ...).
	 * @return the payment type, {@code null} for a Snap checkout until the customer picks
	 * a method
	 */
	public @Nullable String getPaymentType() {
		return this.paymentType;
	}

	/**
	 * Bank of a virtual account or card.
	 * @return the bank or {@code null}
	 */
	public @Nullable String getBank() {
		return this.bank;
	}

	/**
	 * The amount charged.
	 * @return the gross amount
	 */
	public BigDecimal getGrossAmount() {
		return this.grossAmount;
	}

	/**
	 * The currency, {@code IDR}.
	 * @return the currency
	 */
	public String getCurrency() {
		return this.currency;
	}

	/**
	 * The local status.
	 * @return the status
	 */
	public PaymentStatus getStatus() {
		return this.status;
	}

	/**
	 * Midtrans' last {@code transaction_status} that was applied.
	 * @return the status text or {@code null}
	 */
	public @Nullable String getTransactionStatus() {
		return this.transactionStatus;
	}

	/**
	 * Midtrans' fraud verdict.
	 * @return {@code accept}, {@code challenge}, {@code deny} or {@code null}
	 */
	public @Nullable String getFraudStatus() {
		return this.fraudStatus;
	}

	/**
	 * Midtrans' last {@code status_code} that was applied.
	 * @return the code or {@code null}
	 */
	public @Nullable String getStatusCode() {
		return this.statusCode;
	}

	/**
	 * Midtrans' last status message that was applied.
	 * @return the message or {@code null}
	 */
	public @Nullable String getStatusMessage() {
		return this.statusMessage;
	}

	/**
	 * Customer first name.
	 * @return the name or {@code null}
	 */
	public @Nullable String getCustomerFirstName() {
		return this.customerFirstName;
	}

	/**
	 * Customer last name.
	 * @return the name or {@code null}
	 */
	public @Nullable String getCustomerLastName() {
		return this.customerLastName;
	}

	/**
	 * Customer email.
	 * @return the email or {@code null}
	 */
	public @Nullable String getCustomerEmail() {
		return this.customerEmail;
	}

	/**
	 * Customer phone.
	 * @return the phone or {@code null}
	 */
	public @Nullable String getCustomerPhone() {
		return this.customerPhone;
	}

	/**
	 * Virtual account number to pay to (including Permata's).
	 * @return the number or {@code null}
	 */
	public @Nullable String getVaNumber() {
		return this.vaNumber;
	}

	/**
	 * Mandiri bill key.
	 * @return the key or {@code null}
	 */
	public @Nullable String getBillKey() {
		return this.billKey;
	}

	/**
	 * Mandiri biller code.
	 * @return the code or {@code null}
	 */
	public @Nullable String getBillerCode() {
		return this.billerCode;
	}

	/**
	 * Convenience store payment code.
	 * @return the code or {@code null}
	 */
	public @Nullable String getPaymentCode() {
		return this.paymentCode;
	}

	/**
	 * Page to send the customer to (3DS, Akulaku, Kredivo).
	 * @return the URL or {@code null}
	 */
	public @Nullable String getRedirectUrl() {
		return this.redirectUrl;
	}

	/**
	 * App deeplink (GoPay, ShopeePay).
	 * @return the URL or {@code null}
	 */
	public @Nullable String getDeeplinkUrl() {
		return this.deeplinkUrl;
	}

	/**
	 * QR code image URL (GoPay, QRIS).
	 * @return the URL or {@code null}
	 */
	public @Nullable String getQrCodeUrl() {
		return this.qrCodeUrl;
	}

	/**
	 * Raw QRIS payload, to render as a QR code.
	 * @return the payload or {@code null}
	 */
	public @Nullable String getQrString() {
		return this.qrString;
	}

	/**
	 * When Midtrans created the transaction.
	 * @return the time or {@code null}
	 */
	public @Nullable Instant getTransactionTime() {
		return this.transactionTime;
	}

	/**
	 * When the payment settled.
	 * @return the time or {@code null}
	 */
	public @Nullable Instant getSettlementTime() {
		return this.settlementTime;
	}

	/**
	 * When an unpaid payment expires.
	 * @return the time or {@code null}
	 */
	public @Nullable Instant getExpiryTime() {
		return this.expiryTime;
	}

	/**
	 * Total refunded, as Midtrans reports it.
	 * @return the amount, zero when nothing was refunded
	 */
	public BigDecimal getRefundedAmount() {
		return this.refundedAmount;
	}

	/**
	 * First custom field.
	 * @return the value or {@code null}
	 */
	public @Nullable String getCustomField1() {
		return this.customField1;
	}

	/**
	 * Second custom field.
	 * @return the value or {@code null}
	 */
	public @Nullable String getCustomField2() {
		return this.customField2;
	}

	/**
	 * Third custom field.
	 * @return the value or {@code null}
	 */
	public @Nullable String getCustomField3() {
		return this.customField3;
	}

	/**
	 * Metadata sent with the charge, as JSON.
	 * @return the JSON or {@code null}
	 */
	public @Nullable String getMetadata() {
		return this.metadata;
	}

	/**
	 * The charge as sent to Midtrans, as JSON (card tokens removed); used to re-drive a
	 * charge interrupted before Midtrans answered.
	 * @return the JSON or {@code null}
	 */
	public @Nullable String getChargeRequest() {
		return this.chargeRequest;
	}

	/**
	 * Midtrans' answer to the charge, as JSON.
	 * @return the JSON or {@code null}
	 */
	public @Nullable String getChargeResponse() {
		return this.chargeResponse;
	}

	/**
	 * Idempotency key sent with every charge attempt for this payment.
	 * @return the key
	 */
	public String getIdempotencyKey() {
		return this.idempotencyKey;
	}

	/**
	 * Number of failed attempts to reach Midtrans.
	 * @return the count
	 */
	public int getAttempts() {
		return this.attempts;
	}

	/**
	 * Consecutive periodic checks that could not read this payment; the next check waits
	 * longer with each. Back to zero once Midtrans answers.
	 * @return the count
	 * @since 0.1.0
	 */
	public int getFailedChecks() {
		return this.failedChecks;
	}

	/**
	 * The last error, if the last attempt failed.
	 * @return the error or {@code null}
	 */
	public @Nullable String getLastError() {
		return this.lastError;
	}

	/**
	 * When the periodic status check should look at this payment next.
	 * @return the time or {@code null} once final
	 */
	public @Nullable Instant getNextCheckAt() {
		return this.nextCheckAt;
	}

	/**
	 * The subscription this payment renews, for a subscription's renewal charge.
	 * @return the subscription's database id or {@code null}
	 */
	public @Nullable Long getSubscriptionId() {
		return this.subscriptionId;
	}

	/**
	 * Whether this payment is a Snap checkout (hosted payment page) rather than a Core
	 * API charge.
	 * @return {@code true} for Snap
	 */
	public boolean isSnap() {
		return this.snap;
	}

	/**
	 * The Snap token, for {@code window.snap.pay(token)}. It lets anyone holding it open
	 * the checkout: hand it to the paying customer only, never log it.
	 * @return the token, {@code null} before Snap answered or for a Core API charge
	 */
	public @Nullable String getSnapToken() {
		return this.snapToken;
	}

	/**
	 * The hosted Snap page, for redirect mode.
	 * @return the URL or {@code null}
	 */
	public @Nullable String getSnapRedirectUrl() {
		return this.snapRedirectUrl;
	}

	/**
	 * When the Snap page stops accepting a choice of payment method.
	 * @return the time or {@code null}
	 */
	public @Nullable Instant getSnapPageExpiryTime() {
		return this.snapPageExpiryTime;
	}

	/**
	 * Whether the Snap page can still be opened to pay.
	 * @param now the time to compare with
	 * @return {@code true} for a pending Snap checkout before its page expiry
	 */
	public boolean isSnapPageOpenAt(Instant now) {
		return this.snap && this.snapToken != null && this.status == PaymentStatus.PENDING
				&& this.snapPageExpiryTime != null && now.isBefore(this.snapPageExpiryTime);
	}

	/**
	 * The order lines.
	 * @return the items, read-only
	 */
	public List<MidtransPaymentItem> getItems() {
		return Collections.unmodifiableList(this.items);
	}

	/**
	 * Optimistic lock version.
	 * @return the version
	 */
	public long getVersion() {
		return this.version;
	}

	/**
	 * When the row was created.
	 * @return the time
	 */
	public Instant getCreatedAt() {
		return this.createdAt;
	}

	/**
	 * When the row last changed.
	 * @return the time
	 */
	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	@Override
	public boolean equals(Object other) {
		return this == other
				|| (other instanceof MidtransPayment payment && this.id != null && Objects.equals(this.id, payment.id));
	}

	/**
	 * Record what the locked read found about an invoice with this payment's order id.
	 */
	void invoiceWithOrderId(boolean found) {
		this.invoiceWithOrderId = found;
	}

	/**
	 * Whether a settlement of this payment may pay an invoice, as far as the locked read
	 * that is applying it knows: an invoice with the payment's order id exists, or the
	 * payment's metadata names a Midtrans invoice ({@code midtrans_invoice_id}). The
	 * invoice itself is found, and its amount checked, by the invoice service.
	 * @return {@code null} when the payment was not read under lock
	 */
	@Nullable Boolean mayPayInvoice() {
		if (this.invoiceWithOrderId == null) {
			return null;
		}
		return this.invoiceWithOrderId || (this.metadata != null && this.metadata.contains(INVOICE_POINTER));
	}

	@Override
	public int hashCode() {
		return MidtransPayment.class.hashCode();
	}

	@Override
	public String toString() {
		return "MidtransPayment[orderId=" + this.orderId + ", status=" + this.status + ", grossAmount="
				+ this.grossAmount + ", paymentType=" + this.paymentType + (this.snap ? ", snap" : "")
				+ ((this.flag != null) ? ", flag=" + this.flag : "") + "]";
	}

}
