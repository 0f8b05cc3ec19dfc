package io.github.springmidtrans.invoice;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.github.springmidtrans.client.model.InvoiceCustomer;
import io.github.springmidtrans.client.model.InvoiceItem;
import io.github.springmidtrans.client.model.InvoiceRequest;
import io.github.springmidtrans.client.model.InvoiceResponse;
import io.github.springmidtrans.client.model.InvoiceVirtualAccount;
import io.github.springmidtrans.internal.Columns;
import io.github.springmidtrans.payment.PaymentFlag;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * An invoice: recorded with its order id and invoice number before Midtrans is asked to
 * create it, then kept in step with Midtrans. Status changes only through
 * intention-revealing methods that consult {@link InvoiceStatus}' transition table;
 * concurrent writers are serialised by a row lock and checked by {@code @Version}. The
 * periodic overdue check moves invoices with one bulk update (see
 * {@link InvoiceService#markOverdue(Instant)}), which also increments the version.
 *
 * @since 0.1.0
 */
@Entity(name = "MidtransInvoice")
@Table(name = "midtrans_invoice")
public class MidtransInvoice {

	private static final int MAX_ERROR = 1000;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(name = "order_id", nullable = false, unique = true, length = 36, updatable = false)
	private String orderId;

	@Column(name = "invoice_number", nullable = false, unique = true, length = 40, updatable = false)
	private String invoiceNumber;

	@Column(name = "midtrans_invoice_id", unique = true, length = 64)
	private @Nullable String midtransInvoiceId;

	@Column(name = "idempotency_key", nullable = false, length = 46, updatable = false)
	private String idempotencyKey;

	@Convert(converter = InvoiceStatusConverter.class)
	@Column(name = "status", nullable = false, length = 16)
	private InvoiceStatus status;

	@Column(name = "payment_type", nullable = false, length = 32)
	private String paymentType;

	@Column(name = "customer_id", length = 36)
	private @Nullable String customerId;

	@Column(name = "customer_name", length = 255)
	private @Nullable String customerName;

	@Column(name = "customer_email", length = 255)
	private @Nullable String customerEmail;

	@Column(name = "customer_phone", length = 32)
	private @Nullable String customerPhone;

	@Column(name = "gross_amount", precision = 19, scale = 2)
	private @Nullable BigDecimal grossAmount;

	@Column(name = "invoice_date", nullable = false)
	private Instant invoiceDate;

	@Column(name = "due_date", nullable = false)
	private Instant dueDate;

	@Column(name = "pdf_url", length = 2048)
	private @Nullable String pdfUrl;

	@Column(name = "payment_link_url", length = 2048)
	private @Nullable String paymentLinkUrl;

	@Column(name = "va_numbers", length = 1000)
	private @Nullable String vaNumbers;

	@Column(name = "invoice_request", length = 16000)
	private @Nullable String invoiceRequest;

	@Column(name = "paid_order_id", length = 100)
	private @Nullable String paidOrderId;

	@Column(name = "paid_at")
	private @Nullable Instant paidAt;

	@Column(name = "voided_at")
	private @Nullable Instant voidedAt;

	@Column(name = "overdue_at")
	private @Nullable Instant overdueAt;

	@Column(name = "attempts", nullable = false)
	private int attempts;

	@Column(name = "last_error", length = MAX_ERROR)
	private @Nullable String lastError;

	@Enumerated(EnumType.STRING)
	@Column(name = "flag", length = 32)
	private @Nullable PaymentFlag flag;

	@Column(name = "flag_detail", length = MAX_ERROR)
	private @Nullable String flagDetail;

	// Eager: few rows, and services hand out invoices after their transaction ended.
	@OneToMany(mappedBy = "invoice", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
	@OrderBy("id")
	private List<MidtransInvoiceItem> items = new ArrayList<>();

	@Version
	@Column(name = "version", nullable = false)
	private long version;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	/** For JPA only. */
	protected MidtransInvoice() {
		this.orderId = "";
		this.invoiceNumber = "";
		this.idempotencyKey = "";
		this.status = InvoiceStatus.INITIATED;
		this.paymentType = "";
		this.invoiceDate = Instant.EPOCH;
		this.dueDate = Instant.EPOCH;
		this.createdAt = Instant.EPOCH;
		this.updatedAt = Instant.EPOCH;
	}

	MidtransInvoice(InvoiceRequest request, @Nullable String requestJson, String idempotencyKey, Instant now) {
		this.orderId = request.orderId();
		this.invoiceNumber = request.invoiceNumber();
		this.idempotencyKey = idempotencyKey;
		this.status = InvoiceStatus.INITIATED;
		this.paymentType = request.paymentType().wireValue();
		InvoiceCustomer customer = request.customerDetails();
		this.customerId = customer.id();
		this.customerName = customer.name();
		this.customerEmail = customer.email();
		this.customerPhone = customer.phone();
		this.invoiceDate = request.invoiceDate().toInstant();
		this.dueDate = request.dueDate().toInstant();
		this.invoiceRequest = requestJson;
		for (InvoiceItem item : request.itemDetails()) {
			this.items.add(new MidtransInvoiceItem(this, item));
		}
		this.createdAt = now;
		this.updatedAt = now;
	}

	/**
	 * Apply what Midtrans says about this invoice (the answer of create or get). A
	 * forward move changes the status; any answer fills in the Midtrans id, amount and
	 * payment details; a backward move is stale and leaves the status alone.
	 * @param answer Midtrans' view of the invoice
	 * @param now the time of the update
	 * @return what changed
	 */
	InvoiceChange apply(InvoiceResponse answer, Instant now) {
		InvoiceStatus previous = this.status;
		fillDetails(answer);
		InvoiceStatus next = InvoiceStatus.of(answer.status());
		if (next == null) {
			return InvoiceChange.unknown(previous);
		}
		if (next == previous) {
			return InvoiceChange.unchanged(previous);
		}
		if (!previous.canMoveTo(next)) {
			return InvoiceChange.stale(previous, next);
		}
		this.status = next;
		if (next == InvoiceStatus.PAID && this.paidAt == null) {
			this.paidAt = (answer.paidDate() != null) ? answer.paidDate().toInstant() : now;
		}
		if (next == InvoiceStatus.VOIDED && this.voidedAt == null) {
			this.voidedAt = now;
		}
		if (next == InvoiceStatus.OVERDUE && this.overdueAt == null) {
			this.overdueAt = now;
		}
		this.lastError = null;
		touch(now);
		return InvoiceChange.applied(previous, next);
	}

	/**
	 * Record that a payment of this invoice settled.
	 * @param paymentOrderId the order id of the payment, if known
	 * @param paidAt when it was paid
	 * @param now the time of the update
	 * @return what changed; unchanged when already paid, stale when voided or expired
	 */
	InvoiceChange markPaid(@Nullable String paymentOrderId, Instant paidAt, Instant now) {
		InvoiceChange change = move(InvoiceStatus.PAID, now);
		if (change.applied()) {
			this.paidOrderId = paymentOrderId;
			this.paidAt = paidAt;
		}
		return change;
	}

	/**
	 * Record that Midtrans voided this invoice.
	 * @param now the time
	 * @return what changed
	 */
	InvoiceChange markVoided(Instant now) {
		InvoiceChange change = move(InvoiceStatus.VOIDED, now);
		if (change.applied()) {
			this.voidedAt = now;
		}
		return change;
	}

	/**
	 * Record that Midtrans refused to create the invoice.
	 * @param reason Midtrans' explanation, safe to store
	 * @param now the time
	 * @return what changed; stale unless the invoice was still initiated
	 */
	InvoiceChange markFailed(String reason, Instant now) {
		InvoiceChange change = move(InvoiceStatus.FAILED, now);
		if (change.applied()) {
			this.lastError = Columns.fit(reason, MAX_ERROR);
		}
		return change;
	}

	/**
	 * Record a failed attempt whose outcome is unknown or transient; the status stays.
	 * @param error what failed, safe to store
	 * @param now the time
	 */
	void recordAttemptFailure(String error, Instant now) {
		this.attempts++;
		this.lastError = Columns.fit(error, MAX_ERROR);
		touch(now);
	}

	private InvoiceChange move(InvoiceStatus next, Instant now) {
		InvoiceStatus previous = this.status;
		if (previous == next) {
			return InvoiceChange.unchanged(previous);
		}
		if (!previous.canMoveTo(next)) {
			return InvoiceChange.stale(previous, next);
		}
		this.status = next;
		touch(now);
		return InvoiceChange.applied(previous, next);
	}

	private void fillDetails(InvoiceResponse answer) {
		if (this.midtransInvoiceId == null && answer.id() != null) {
			this.midtransInvoiceId = answer.id();
		}
		if (answer.grossAmount() != null) {
			this.grossAmount = answer.grossAmount();
		}
		if (answer.pdfUrl() != null) {
			this.pdfUrl = Columns.fit(answer.pdfUrl(), 2048);
		}
		if (answer.paymentLinkUrl() != null) {
			this.paymentLinkUrl = Columns.fit(answer.paymentLinkUrl(), 2048);
		}
		if (answer.dueDate() != null) {
			this.dueDate = answer.dueDate().toInstant();
		}
		StringBuilder numbers = new StringBuilder();
		for (InvoiceVirtualAccount account : answer.virtualAccounts()) {
			if (account.bank() != null && account.number() != null) {
				numbers.append((numbers.length() > 0) ? "," : "")
					.append(account.bank().wireValue())
					.append('=')
					.append(account.number());
			}
		}
		if (numbers.length() > 0) {
			this.vaNumbers = Columns.fit(numbers.toString(), 1000);
		}
	}

	/**
	 * Set the invoice aside for a person: Midtrans reported a payment or an invoice that
	 * does not match what was recorded (another amount or order id). The status stays.
	 * @param flag what did not match
	 * @param detail what Midtrans reported against what was recorded
	 * @param now the time
	 * @return {@code true} when the flag is new
	 */
	boolean flag(PaymentFlag flag, String detail, Instant now) {
		if (flag == this.flag) {
			return false;
		}
		this.flag = flag;
		this.flagDetail = Columns.fit(detail, MAX_ERROR);
		touch(now);
		return true;
	}

	/**
	 * Record which payment paid the invoice, when Midtrans' own invoice answer moved it
	 * to paid.
	 * @param paymentOrderId the order id of the paying transaction
	 */
	void recordPaidBy(String paymentOrderId) {
		if (this.paidOrderId == null) {
			this.paidOrderId = paymentOrderId;
		}
	}

	/**
	 * What Midtrans reported against the recorded invoice, when it was set aside for a
	 * person.
	 * @return the flag, or {@code null} when none
	 */
	public @Nullable PaymentFlag getFlag() {
		return this.flag;
	}

	/**
	 * What did not match, in words.
	 * @return the detail, or {@code null} when not flagged
	 */
	public @Nullable String getFlagDetail() {
		return this.flagDetail;
	}

	private void touch(Instant now) {
		this.updatedAt = now;
	}

	/**
	 * Database id.
	 * @return the id, {@code null} before the first flush
	 */
	public @Nullable Long getId() {
		return this.id;
	}

	/**
	 * The merchant's order id of the invoice, unique.
	 * @return the order id
	 */
	public String getOrderId() {
		return this.orderId;
	}

	/**
	 * The invoice number, unique.
	 * @return the number
	 */
	public String getInvoiceNumber() {
		return this.invoiceNumber;
	}

	/**
	 * Midtrans' invoice id, once Midtrans answered the creation.
	 * @return the id or {@code null}
	 */
	public @Nullable String getMidtransInvoiceId() {
		return this.midtransInvoiceId;
	}

	/**
	 * The {@code X-Idempotency-Key} sent with every creation attempt.
	 * @return the key
	 */
	public String getIdempotencyKey() {
		return this.idempotencyKey;
	}

	/**
	 * The local status.
	 * @return the status
	 */
	public InvoiceStatus getStatus() {
		return this.status;
	}

	/**
	 * {@code payment_link} or {@code virtual_account}.
	 * @return the payment type
	 */
	public String getPaymentType() {
		return this.paymentType;
	}

	/**
	 * The merchant's customer id.
	 * @return the id or {@code null}
	 */
	public @Nullable String getCustomerId() {
		return this.customerId;
	}

	/**
	 * The customer's name.
	 * @return the name or {@code null}
	 */
	public @Nullable String getCustomerName() {
		return this.customerName;
	}

	/**
	 * The customer's email.
	 * @return the email or {@code null}
	 */
	public @Nullable String getCustomerEmail() {
		return this.customerEmail;
	}

	/**
	 * The customer's phone.
	 * @return the phone or {@code null}
	 */
	public @Nullable String getCustomerPhone() {
		return this.customerPhone;
	}

	/**
	 * The total to pay, as Midtrans computed it.
	 * @return the amount, {@code null} until Midtrans answered
	 */
	public @Nullable BigDecimal getGrossAmount() {
		return this.grossAmount;
	}

	/**
	 * The invoice date.
	 * @return the date
	 */
	public Instant getInvoiceDate() {
		return this.invoiceDate;
	}

	/**
	 * The due date.
	 * @return the date
	 */
	public Instant getDueDate() {
		return this.dueDate;
	}

	/**
	 * The invoice PDF.
	 * @return the URL or {@code null}
	 */
	public @Nullable String getPdfUrl() {
		return this.pdfUrl;
	}

	/**
	 * The payment page of a {@code payment_link} invoice.
	 * @return the URL or {@code null}
	 */
	public @Nullable String getPaymentLinkUrl() {
		return this.paymentLinkUrl;
	}

	/**
	 * The virtual account numbers of a {@code virtual_account} invoice, by bank
	 * ({@code bca_va} ...).
	 * @return the numbers, empty until Midtrans answered
	 */
	public Map<String, String> getVaNumbers() {
		Map<String, String> numbers = new LinkedHashMap<>();
		if (this.vaNumbers != null) {
			for (String pair : this.vaNumbers.split(",")) {
				int equals = pair.indexOf('=');
				if (equals > 0) {
					numbers.put(pair.substring(0, equals), pair.substring(equals + 1));
				}
			}
		}
		return Collections.unmodifiableMap(numbers);
	}

	/**
	 * The invoice as sent to Midtrans, as JSON; used to send an interrupted creation
	 * again.
	 * @return the JSON or {@code null}
	 */
	public @Nullable String getInvoiceRequest() {
		return this.invoiceRequest;
	}

	/**
	 * The order id of the payment that paid the invoice, when a settled payment marked it
	 * paid.
	 * @return the order id or {@code null}
	 */
	public @Nullable String getPaidOrderId() {
		return this.paidOrderId;
	}

	/**
	 * When the invoice was paid.
	 * @return the time or {@code null}
	 */
	public @Nullable Instant getPaidAt() {
		return this.paidAt;
	}

	/**
	 * When the invoice was voided.
	 * @return the time or {@code null}
	 */
	public @Nullable Instant getVoidedAt() {
		return this.voidedAt;
	}

	/**
	 * When the invoice was first seen overdue.
	 * @return the time or {@code null}
	 */
	public @Nullable Instant getOverdueAt() {
		return this.overdueAt;
	}

	/**
	 * Number of failed attempts to reach Midtrans.
	 * @return the count
	 */
	public int getAttempts() {
		return this.attempts;
	}

	/**
	 * The last error.
	 * @return the error or {@code null}
	 */
	public @Nullable String getLastError() {
		return this.lastError;
	}

	/**
	 * The lines.
	 * @return the items, read-only
	 */
	public List<MidtransInvoiceItem> getItems() {
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
				|| (other instanceof MidtransInvoice invoice && this.id != null && Objects.equals(this.id, invoice.id));
	}

	@Override
	public int hashCode() {
		return MidtransInvoice.class.hashCode();
	}

	@Override
	public String toString() {
		return "MidtransInvoice[orderId=" + this.orderId + ", invoiceNumber=" + this.invoiceNumber + ", status="
				+ this.status + ", grossAmount=" + this.grossAmount + "]";
	}

}
