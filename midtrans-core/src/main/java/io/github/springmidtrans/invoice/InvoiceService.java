package io.github.springmidtrans.invoice;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

import io.github.springmidtrans.client.MidtransApiException;
import io.github.springmidtrans.client.MidtransClient;
import io.github.springmidtrans.internal.ShortTransactions;
import io.github.springmidtrans.client.MidtransDuplicateOrderException;
import io.github.springmidtrans.client.MidtransException;
import io.github.springmidtrans.client.RequestOptions;
import io.github.springmidtrans.client.internal.MidtransJson;
import io.github.springmidtrans.client.model.DocumentType;
import io.github.springmidtrans.client.model.FraudStatus;
import io.github.springmidtrans.client.model.InvoiceRequest;
import io.github.springmidtrans.client.model.InvoiceResponse;
import io.github.springmidtrans.client.model.TransactionResponse;
import io.github.springmidtrans.client.model.TransactionStatus;
import io.github.springmidtrans.payment.MidtransPayment;
import io.github.springmidtrans.payment.PaymentLookup;
import io.github.springmidtrans.payment.PaymentFlag;
import io.github.springmidtrans.payment.PaymentSettledEvent;
import jakarta.persistence.EntityManager;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Creates invoices through the Midtrans Invoicing API and keeps them in the database, so
 * that one intent never becomes two invoices.
 *
 * <p>
 * Creation works in three visible phases, like
 * {@link io.github.springmidtrans.payment.PaymentService}: (1) a short transaction
 * records the invoice under its order id and invoice number, with an
 * {@code X-Idempotency-Key} fixed once; (2) Midtrans is called with no transaction open;
 * (3) a short transaction applies the answer to the locked row through the forward-only
 * {@link InvoiceStatus} table. Events are published after the transaction that recorded
 * them completed. Methods that call Midtrans refuse to run inside a database transaction.
 *
 * <pre>{@code
 * InvoiceRequest request = InvoiceRequest
 *     .virtualAccount("inv-order-1", invoiceService.newInvoiceNumber(), invoiceDate, dueDate, customer,
 *             InvoiceVirtualAccount.of(InvoiceVaBank.BCA_VA))
 *     .item(InvoiceItem.of("SKU-1", "Coffee beans", 2, 75_000))
 *     .build();
 * MidtransInvoice invoice = invoiceService.create(request);
 * }</pre>
 *
 * @since 0.1.0
 */
public class InvoiceService {

	/** The invoice number prefix used unless another is configured. */
	public static final String DEFAULT_INVOICE_NUMBER_PREFIX = "INV";

	private static final Logger logger = LoggerFactory.getLogger(InvoiceService.class);

	private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9]{1,20}");

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

	private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

	private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

	private static final String INVOICE_ID = "midtrans_invoice_id";

	private final MidtransClient client;

	private final MidtransInvoiceRepository invoices;

	private final EntityManager entityManager;

	private final ShortTransactions<Object> transactions;

	private final Clock clock;

	private final String invoiceNumberPrefix;

	private final SecureRandom random = new SecureRandom();

	private final JsonMapper json = MidtransJson.newMapper();

	/**
	 * Create a service whose invoice numbers start with
	 * {@value #DEFAULT_INVOICE_NUMBER_PREFIX}.
	 * @param client the Midtrans client
	 * @param entityManager a shared, transaction-bound entity manager
	 * @param transactionManager the transaction manager of that entity manager
	 * @param publisher where invoice events go
	 * @param clock the clock for timestamps and invoice numbers
	 */
	public InvoiceService(MidtransClient client, EntityManager entityManager,
			PlatformTransactionManager transactionManager, ApplicationEventPublisher publisher, Clock clock) {
		this(client, entityManager, transactionManager, publisher, clock, DEFAULT_INVOICE_NUMBER_PREFIX);
	}

	/**
	 * Create a service.
	 * @param client the Midtrans client
	 * @param entityManager a shared, transaction-bound entity manager
	 * @param transactionManager the transaction manager of that entity manager
	 * @param publisher where invoice events go
	 * @param clock the clock for timestamps and invoice numbers
	 * @param invoiceNumberPrefix the prefix of generated invoice numbers: 1 to 20 letters
	 * or digits
	 * @throws IllegalArgumentException when the prefix is not letters and digits
	 */
	public InvoiceService(MidtransClient client, EntityManager entityManager,
			PlatformTransactionManager transactionManager, ApplicationEventPublisher publisher, Clock clock,
			String invoiceNumberPrefix) {
		if (invoiceNumberPrefix == null || !PREFIX.matcher(invoiceNumberPrefix).matches()) {
			throw new IllegalArgumentException(
					"Invoice number prefix must be 1 to 20 letters or digits but was '" + invoiceNumberPrefix + "'");
		}
		this.client = client;
		this.invoices = new MidtransInvoiceRepository(entityManager);
		this.entityManager = entityManager;
		this.transactions = new ShortTransactions<>(transactionManager, publisher, "InvoiceService");
		this.clock = clock;
		this.invoiceNumberPrefix = invoiceNumberPrefix;
	}

	/**
	 * A new invoice number: {@code <prefix>-<yyyyMMdd>-<8 random characters>}, the date
	 * in Asia/Jakarta, for example {@code INV-20261124-7K3QX9MD}. The random part (40
	 * bits, Crockford base 32) makes a collision practically impossible; the unique key
	 * on {@code invoice_number} refuses one if it happens.
	 * @return the number, at most 38 characters
	 */
	public String newInvoiceNumber() {
		StringBuilder number = new StringBuilder(this.invoiceNumberPrefix).append('-')
			.append(DAY.format(this.clock.instant().atZone(JAKARTA)))
			.append('-');
		for (int i = 0; i < 8; i++) {
			number.append(ALPHABET[this.random.nextInt(ALPHABET.length)]);
		}
		return number.toString();
	}

	/**
	 * Create an invoice: record it as {@link InvoiceStatus#INITIATED} under its order id
	 * and invoice number, call {@code POST /v1/invoices} with the invoice's
	 * {@code X-Idempotency-Key}, and apply the answer. Calling it again with the same
	 * order id is safe: an initiated invoice is sent again with the same key (Midtrans
	 * answers the first result within five minutes), any other returns as stored without
	 * a call.
	 * @param request the invoice (use {@link #newInvoiceNumber()} for its number)
	 * @return the invoice as it stands after Midtrans' answer
	 * @throws MidtransDuplicateOrderException when Midtrans already has an invoice with
	 * this order id but this row does not know its Midtrans id (an earlier attempt landed
	 * more than five minutes ago): the invoice stays initiated; adopt it with
	 * {@link #reconcile(String, String)}
	 * @throws MidtransException when Midtrans refuses (the invoice is then
	 * {@link InvoiceStatus#FAILED}) or cannot be reached (it stays initiated; call again)
	 * @throws IllegalArgumentException for a quotation: this service creates invoices
	 * only
	 * @throws IllegalStateException when the order id is already used by a different
	 * invoice, or when called inside a database transaction
	 */
	public MidtransInvoice create(InvoiceRequest request) {
		this.transactions.requireNone("create", "invoice");
		if (request.documentType() == DocumentType.QUOTATION) {
			throw new IllegalArgumentException(
					"Invoice of order '" + request.orderId() + "' is a quotation: quotations are not supported");
		}
		MidtransInvoice invoice = this.transactions.runRecording((raised) -> initiate(request));
		if (invoice.getStatus() != InvoiceStatus.INITIATED) {
			return invoice;
		}
		return send(invoice, request);
	}

	/**
	 * Send an interrupted creation again from the stored request, with the same order id
	 * and idempotency key: for an invoice still {@link InvoiceStatus#INITIATED} after a
	 * crash or a timeout. Any other invoice returns as stored.
	 * @param orderId the invoice's order id
	 * @return the invoice afterwards
	 * @throws InvoiceNotFoundException when no such invoice is stored
	 * @throws MidtransException as for {@link #create(InvoiceRequest)}
	 */
	public MidtransInvoice resumeCreate(String orderId) {
		this.transactions.requireNone("resumeCreate", "invoice");
		MidtransInvoice invoice = find(orderId);
		if (invoice.getStatus() != InvoiceStatus.INITIATED) {
			return invoice;
		}
		String stored = invoice.getInvoiceRequest();
		if (stored == null) {
			throw new IllegalStateException("Invoice '" + orderId + "' has no stored request to send again");
		}
		return send(invoice, this.json.readValue(stored, InvoiceRequest.class));
	}

	/**
	 * Adopt an invoice Midtrans created for this order id in an earlier attempt whose
	 * answer was lost: read it ({@code GET /v1/invoices/{invoice_id}}), check that it
	 * belongs to this order id, and apply it.
	 * @param orderId the invoice's order id
	 * @param midtransInvoiceId Midtrans' invoice id (from the dashboard, or a payment's
	 * {@code metadata.midtrans_invoice_id})
	 * @return the invoice afterwards
	 * @throws InvoiceNotFoundException when no such invoice is stored
	 * @throws IllegalArgumentException when Midtrans' invoice has another order id
	 * @throws MidtransException when Midtrans cannot be reached or does not know the id
	 */
	public MidtransInvoice reconcile(String orderId, String midtransInvoiceId) {
		this.transactions.requireNone("reconcile", "invoice");
		find(orderId);
		InvoiceResponse answer = this.client.invoices().get(midtransInvoiceId);
		if (!orderId.equals(answer.orderId())) {
			throw new IllegalArgumentException("Midtrans invoice '" + midtransInvoiceId + "' belongs to order '"
					+ answer.orderId() + "', not '" + orderId + "'");
		}
		return applyAnswer(orderId, answer);
	}

	/**
	 * Read the invoice from Midtrans ({@code GET /v1/invoices/{invoice_id}}) and apply
	 * it. Safe to repeat; a stale answer changes nothing.
	 * @param orderId the invoice's order id
	 * @return the invoice afterwards
	 * @throws InvoiceNotFoundException when no such invoice is stored
	 * @throws IllegalStateException when Midtrans has not answered the creation yet (no
	 * Midtrans id is known)
	 * @throws MidtransException when Midtrans cannot be reached or answers an error
	 */
	public MidtransInvoice refreshStatus(String orderId) {
		this.transactions.requireNone("refreshStatus", "invoice");
		String midtransInvoiceId = requireMidtransId(find(orderId));
		return applyAnswer(orderId, this.client.invoices().get(midtransInvoiceId));
	}

	/**
	 * Void a pending or overdue invoice ({@code PATCH /v1/invoices/{invoice_id}/void}).
	 * When Midtrans refuses with a conflict ("Invoice cannot be canceled": it was paid,
	 * expired or already voided meanwhile, for example by an earlier attempt that timed
	 * out), the invoice is read and applied instead, so the returned status tells what
	 * happened. A voided invoice returns at once.
	 * @param orderId the invoice's order id
	 * @return the invoice afterwards: {@link InvoiceStatus#VOIDED} unless Midtrans
	 * reports it paid or expired
	 * @throws InvoiceNotFoundException when no such invoice is stored
	 * @throws IllegalStateException when the invoice is paid, expired or failed locally,
	 * or was never created at Midtrans
	 * @throws MidtransException when Midtrans cannot be reached or answers another error
	 */
	public MidtransInvoice voidInvoice(String orderId) {
		this.transactions.requireNone("voidInvoice", "invoice");
		MidtransInvoice invoice = find(orderId);
		if (invoice.getStatus() == InvoiceStatus.VOIDED) {
			return invoice;
		}
		if (invoice.getStatus().isFinal()) {
			throw new IllegalStateException(
					"Invoice '" + orderId + "' is " + invoice.getStatus() + " and cannot be voided");
		}
		String midtransInvoiceId = requireMidtransId(invoice);
		try {
			this.client.invoices().voidInvoice(midtransInvoiceId);
		}
		catch (MidtransApiException ex) {
			if (ex.getHttpStatus() != 409) {
				throw ex;
			}
			logger.info("Midtrans refused to void invoice '{}' ({}); reading its status", orderId,
					ex.getStatusMessage());
			return applyAnswer(orderId, this.client.invoices().get(midtransInvoiceId));
		}
		return this.transactions.run((raised) -> {
			MidtransInvoice locked = lock(orderId);
			Instant now = this.clock.instant();
			collect(raised, locked, locked.markVoided(now), now);
			return locked;
		});
	}

	/**
	 * Mark the invoice of a settled payment paid. The invoice is the one named by the
	 * payment's {@code metadata.midtrans_invoice_id}, or else the one whose order id is
	 * the payment's. A payment smaller than the invoice's total does not pay it. Safe to
	 * call more than once: the invoice is marked paid, and {@link InvoicePaidEvent}
	 * published, once. Wire it as a listener of {@link PaymentSettledEvent}. An event
	 * that says the payment cannot pay an invoice
	 * ({@link PaymentSettledEvent#mayPayInvoice()} {@code false}) returns at once, with
	 * no database work.
	 * @param event the settled payment
	 * @return the invoice the payment paid, if it is one
	 */
	public Optional<MidtransInvoice> onPaymentSettled(PaymentSettledEvent event) {
		if (Boolean.FALSE.equals(event.mayPayInvoice())) {
			// Read with the settlement: no invoice has its order id, its metadata names
			// none.
			return Optional.empty();
		}
		return this.transactions.run((raised) -> {
			Optional<MidtransPayment> payment = PaymentLookup.byOrderId(this.entityManager, event.orderId());
			String midtransInvoiceId = payment.map((found) -> invoiceIdIn(found.getMetadata())).orElse(null);
			Instant paidAt = payment.map(MidtransPayment::getSettlementTime).orElse(null);
			return markPaid(midtransInvoiceId, event.orderId(), event.grossAmount(),
					(paidAt != null) ? paidAt : event.occurredAt(), raised);
		});
	}

	/**
	 * Mark an invoice paid from a transaction Midtrans reports (a confirmed notification
	 * or status answer) when no payment row exists for it: Midtrans creates the
	 * transactions of invoice payments itself. The transaction only points at an invoice
	 * (through {@code metadata.midtrans_invoice_id}, or the invoice's order id); the
	 * invoice is then read from Midtrans ({@code GET /v1/invoices/{invoice_id}}) and only
	 * that answer about that invoice is applied. The invoice is paid when Midtrans says
	 * so and both Midtrans' invoice and the transaction carry the recorded amount due; a
	 * partial payment, an over-payment or an answer about another order id flags the
	 * invoice for a person ({@link InvoiceFlaggedEvent}) instead. Only a settlement, or a
	 * capture with an accepted (or no) fraud verdict, is looked at. Must not be called
	 * inside a database transaction.
	 * @param transaction the transaction Midtrans reported
	 * @return the invoice the transaction points at, if it is one
	 * @throws MidtransException when Midtrans cannot be reached
	 */
	public Optional<MidtransInvoice> applyPayment(TransactionResponse transaction) {
		boolean accepted = transaction.fraudStatus() == null || transaction.fraudStatus() == FraudStatus.ACCEPT;
		boolean paid = transaction.transactionStatus() == TransactionStatus.SETTLEMENT
				|| (transaction.transactionStatus() == TransactionStatus.CAPTURE && accepted);
		String orderId = transaction.orderId();
		BigDecimal amount = transaction.grossAmount();
		if (!paid || orderId == null || amount == null) {
			return Optional.empty();
		}
		this.transactions.requireNone("applyPayment", "invoice");
		Object pointer = transaction.metadata().get(INVOICE_ID);
		Optional<MidtransInvoice> found = this.transactions.run((raised) -> {
			Optional<MidtransInvoice> byId = (pointer != null)
					? this.invoices.findByMidtransInvoiceId(pointer.toString()) : Optional.empty();
			return byId.isPresent() ? byId : this.invoices.findByOrderId(orderId);
		});
		if (found.isEmpty()) {
			return Optional.empty();
		}
		MidtransInvoice invoice = found.get();
		String midtransInvoiceId = invoice.getMidtransInvoiceId();
		if (midtransInvoiceId == null) {
			logger.warn("Payment '{}' points at invoice '{}', whose Midtrans id is unknown: not marked paid; "
					+ "adopt it with reconcile", orderId, invoice.getOrderId());
			return found;
		}
		// Midtrans' own word about this very invoice, read with no transaction open.
		InvoiceResponse answer = this.client.invoices().get(midtransInvoiceId);
		return Optional.of(this.transactions.run((raised) -> {
			MidtransInvoice locked = lock(invoice.getOrderId());
			Instant now = this.clock.instant();
			Mismatch mismatch = mismatch(locked, answer);
			BigDecimal due = locked.getGrossAmount();
			boolean paidAtMidtrans = answer.status() == io.github.springmidtrans.client.model.InvoiceStatus.PAID;
			if (mismatch == null && paidAtMidtrans && due != null && amount.compareTo(due) != 0) {
				// Midtrans says paid, but not by this amount: a partial or an
				// over-payment.
				mismatch = new Mismatch(PaymentFlag.AMOUNT_MISMATCH, "payment '" + orderId + "' of "
						+ amount.toPlainString() + " for an invoice of " + due.toPlainString());
			}
			if (mismatch != null) {
				flag(locked, mismatch, raised, now);
				return locked;
			}
			InvoiceChange change = locked.apply(answer, now);
			if (change.applied() && locked.getStatus() == InvoiceStatus.PAID) {
				locked.recordPaidBy(orderId);
				logger.info("Invoice '{}' paid by payment '{}', confirmed by Midtrans", locked.getOrderId(), orderId);
			}
			collect(raised, locked, change, now);
			return locked;
		}));
	}

	/**
	 * Move every pending invoice whose due date is before {@code now} to
	 * {@link InvoiceStatus#OVERDUE} in one {@code UPDATE} statement, and publish one
	 * {@link InvoicesOverdueEvent} when any moved. Backs the periodic
	 * {@code checkOverdueInvoices} task. No row is loaded, so no per-invoice event is
	 * published; Midtrans itself is not called (a later {@link #refreshStatus(String)}
	 * agrees: Midtrans marks such invoices overdue too). Safe to repeat.
	 * @param now the time to compare due dates with
	 * @return the number of invoices moved
	 */
	public int markOverdue(Instant now) {
		return this.transactions.run((raised) -> {
			int moved = this.invoices.markOverdue(now);
			if (moved > 0) {
				logger.info("{} invoice(s) past their due date marked overdue", moved);
				raised.add(new InvoicesOverdueEvent(moved, now));
			}
			return moved;
		});
	}

	/**
	 * Find an invoice.
	 * @param orderId the invoice's order id
	 * @return the invoice, if stored
	 */
	public Optional<MidtransInvoice> findByOrderId(String orderId) {
		return this.transactions.run((raised) -> this.invoices.findByOrderId(orderId));
	}

	/**
	 * One page of invoices, newest first, for listings. Page on with the smallest id of
	 * the previous page.
	 * @param status only invoices in this status, or {@code null} for all
	 * @param beforeId only invoices with a smaller id ({@code Long.MAX_VALUE} for the
	 * first page)
	 * @param limit page size, positive
	 * @return the page
	 * @throws IllegalArgumentException when the limit is not positive
	 */
	public List<MidtransInvoice> findRecent(@Nullable InvoiceStatus status, long beforeId, int limit) {
		if (limit <= 0) {
			throw new IllegalArgumentException("Page size must be positive, got " + limit);
		}
		return this.transactions.run((raised) -> this.invoices.findRecent(status, beforeId, limit));
	}

	private MidtransInvoice initiate(InvoiceRequest request) {
		Optional<MidtransInvoice> existing = this.invoices.lockByOrderId(request.orderId());
		if (existing.isPresent()) {
			MidtransInvoice invoice = existing.get();
			if (!invoice.getInvoiceNumber().equals(request.invoiceNumber())) {
				throw new IllegalStateException("Order id '" + request.orderId() + "' is already used by invoice '"
						+ invoice.getInvoiceNumber() + "'");
			}
			return invoice;
		}
		String idempotencyKey = UUID.randomUUID() + "-invoice";
		return this.invoices.add(new MidtransInvoice(request, this.json.writeValueAsString(request), idempotencyKey,
				this.clock.instant()));
	}

	private MidtransInvoice send(MidtransInvoice invoice, InvoiceRequest request) {
		String orderId = invoice.getOrderId();
		InvoiceResponse answer;
		try {
			answer = this.client.invoices()
				.create(request, RequestOptions.none().withIdempotencyKey(invoice.getIdempotencyKey()));
		}
		catch (MidtransDuplicateOrderException ex) {
			if (invoice.getMidtransInvoiceId() != null) {
				return applyAnswer(orderId, this.client.invoices().get(invoice.getMidtransInvoiceId()));
			}
			// Landed earlier, but its id is unknown: no endpoint finds an invoice by
			// order id.
			logger.warn("Invoice '{}' already exists at Midtrans but its id is unknown; adopt it with reconcile",
					orderId);
			recordFailure(orderId, "Midtrans already has an invoice for this order id; its Midtrans id is unknown");
			throw ex;
		}
		catch (MidtransException ex) {
			if (ex.isRetryable()) {
				recordFailure(orderId, ex.getMessage());
			}
			else {
				this.transactions.run((raised) -> {
					MidtransInvoice locked = lock(orderId);
					Instant now = this.clock.instant();
					collect(raised, locked, locked.markFailed(ex.getMessage(), now), now);
					return locked;
				});
			}
			throw ex;
		}
		return applyAnswer(orderId, answer);
	}

	private void recordFailure(String orderId, String error) {
		this.transactions.run((raised) -> {
			lock(orderId).recordAttemptFailure(error, this.clock.instant());
			return null;
		});
	}

	private MidtransInvoice applyAnswer(String orderId, InvoiceResponse answer) {
		return this.transactions.run((raised) -> {
			MidtransInvoice invoice = lock(orderId);
			Instant now = this.clock.instant();
			Mismatch mismatch = mismatch(invoice, answer);
			if (mismatch != null) {
				flag(invoice, mismatch, raised, now);
				return invoice;
			}
			InvoiceChange change = invoice.apply(answer, now);
			if (change.applied()) {
				logger.info("Invoice '{}' moved {} -> {}", orderId, change.previous(), invoice.getStatus());
			}
			else if (change.outcome() == InvoiceChange.Outcome.STALE) {
				logger.debug("Invoice '{}' is {}: stale update to {} ignored", orderId, change.previous(),
						change.status());
			}
			collect(raised, invoice, change, now);
			return invoice;
		});
	}

	private Optional<MidtransInvoice> markPaid(@Nullable String midtransInvoiceId, String paymentOrderId,
			BigDecimal amount, Instant paidAt, List<Object> raised) {
		Optional<MidtransInvoice> found = (midtransInvoiceId != null)
				? this.invoices.lockByMidtransInvoiceId(midtransInvoiceId) : Optional.empty();
		if (found.isEmpty()) {
			found = this.invoices.lockByOrderId(paymentOrderId);
		}
		if (found.isEmpty()) {
			return Optional.empty();
		}
		MidtransInvoice invoice = found.get();
		BigDecimal total = invoice.getGrossAmount();
		Instant now = this.clock.instant();
		if (total != null && amount.compareTo(total) != 0) {
			// A partial or an over-payment is a decision for a person, not a paid
			// invoice.
			flag(invoice, PaymentFlag.AMOUNT_MISMATCH, "payment '" + paymentOrderId + "' of " + amount.toPlainString()
					+ " for an invoice of " + total.toPlainString(), raised, now);
			return Optional.of(invoice);
		}
		InvoiceChange change = invoice.markPaid(paymentOrderId, paidAt, now);
		if (change.applied()) {
			logger.info("Invoice '{}' paid by payment '{}'", invoice.getOrderId(), paymentOrderId);
		}
		collect(raised, invoice, change, now);
		return Optional.of(invoice);
	}

	/**
	 * What differs between Midtrans' invoice and the recorded one: the order id (exactly)
	 * and the amount due, once both are known.
	 */
	private static @Nullable Mismatch mismatch(MidtransInvoice invoice, InvoiceResponse answer) {
		if (answer.orderId() != null && !answer.orderId().equals(invoice.getOrderId())) {
			return new Mismatch(PaymentFlag.ORDER_ID_MISMATCH, "Midtrans invoice '" + answer.id()
					+ "' belongs to order '" + answer.orderId() + "', recorded '" + invoice.getOrderId() + "'");
		}
		BigDecimal recorded = invoice.getGrossAmount();
		if (recorded != null && answer.grossAmount() != null && answer.grossAmount().compareTo(recorded) != 0) {
			return new Mismatch(PaymentFlag.AMOUNT_MISMATCH, "Midtrans reports invoice '" + invoice.getOrderId()
					+ "' for " + answer.grossAmount().toPlainString() + ", recorded " + recorded.toPlainString());
		}
		return null;
	}

	private void flag(MidtransInvoice invoice, Mismatch mismatch, List<Object> raised, Instant now) {
		flag(invoice, mismatch.flag(), mismatch.detail(), raised, now);
	}

	private void flag(MidtransInvoice invoice, PaymentFlag flag, String detail, List<Object> raised, Instant now) {
		if (invoice.flag(flag, detail, now)) {
			logger.error("Invoice '{}' flagged {}: {}. Not marked paid; a person must look at it", invoice.getOrderId(),
					flag, detail);
			raised.add(new InvoiceFlaggedEvent(invoice.getOrderId(), invoice.getInvoiceNumber(),
					invoice.getMidtransInvoiceId(), invoice.getStatus(), invoice.getGrossAmount(), flag, detail, now));
		}
	}

	private @Nullable String invoiceIdIn(@Nullable String metadataJson) {
		if (metadataJson == null) {
			return null;
		}
		JsonNode id = this.json.readTree(metadataJson).get(INVOICE_ID);
		return (id != null && !id.isNull()) ? id.asString() : null;
	}

	private static void collect(List<Object> raised, MidtransInvoice invoice, InvoiceChange change, Instant now) {
		if (!change.applied()) {
			return;
		}
		InvoiceStatus previous = change.previous();
		InvoiceStatus status = invoice.getStatus();
		String orderId = invoice.getOrderId();
		String number = invoice.getInvoiceNumber();
		String midtransId = invoice.getMidtransInvoiceId();
		if (previous == InvoiceStatus.INITIATED && status != InvoiceStatus.FAILED) {
			raised.add(new InvoiceCreatedEvent(orderId, number, midtransId, status, invoice.getGrossAmount(),
					invoice.getDueDate(), now));
		}
		Object event = switch (status) {
			case PAID -> new InvoicePaidEvent(orderId, number, midtransId, previous, invoice.getGrossAmount(),
					invoice.getPaidOrderId(), (invoice.getPaidAt() != null) ? invoice.getPaidAt() : now, now);
			case VOIDED -> new InvoiceVoidedEvent(orderId, number, midtransId, previous, now);
			case OVERDUE, EXPIRED, FAILED ->
				new InvoiceStatusChangedEvent(orderId, number, midtransId, previous, status, now);
			default -> null;
		};
		if (event != null) {
			raised.add(event);
		}
	}

	private MidtransInvoice find(String orderId) {
		return this.transactions
			.run((raised) -> this.invoices.findByOrderId(orderId).orElseThrow(() -> notFound(orderId)));
	}

	private MidtransInvoice lock(String orderId) {
		return this.invoices.lockByOrderId(orderId).orElseThrow(() -> notFound(orderId));
	}

	private static String requireMidtransId(MidtransInvoice invoice) {
		String id = invoice.getMidtransInvoiceId();
		if (id == null) {
			throw new IllegalStateException("Invoice '" + invoice.getOrderId()
					+ "' has no Midtrans id yet: Midtrans has not answered its creation");
		}
		return id;
	}

	private static InvoiceNotFoundException notFound(String orderId) {
		return new InvoiceNotFoundException("No invoice with order id '" + orderId + "' is stored");
	}

	/** What differs between Midtrans' answer and the recorded invoice. */
	private record Mismatch(PaymentFlag flag, String detail) {

	}

}
