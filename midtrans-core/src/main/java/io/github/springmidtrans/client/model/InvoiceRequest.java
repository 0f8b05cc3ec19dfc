package io.github.springmidtrans.client.model;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * An invoice ({@code POST /v1/invoices}). Build one per payment type:
 *
 * <pre>{@code
 * InvoiceRequest request = InvoiceRequest
 *     .virtualAccount("inv-order-1", "INV/2025/001", invoiceDate, dueDate,
 *             InvoiceCustomer.of("C-1", "Budi Utomo", "budi@example.com", "6281234567890"),
 *             InvoiceVirtualAccount.of(InvoiceVaBank.BCA_VA))
 *     .item(InvoiceItem.of("SKU-1", "Coffee beans", 2, 75_000))
 *     .build();
 * }</pre>
 *
 * The record checks what Midtrans would reject: the order id's characters and length, a
 * due date after the invoice date, at least one item, a customer name, virtual accounts
 * for a {@code virtual_account} invoice, taxes for {@code inclusive} tax mode, and the
 * quotation dates of a quotation.
 *
 * @param orderId the order id, unique per invoice: 1 to 36 characters of
 * {@code a-z 0-9 - _ ~ .}
 * @param invoiceNumber the invoice number, at most 40 characters
 * @param invoiceDate the date printed on the invoice
 * @param dueDate when payment is due; after the invoice date
 * @param invoiceTitle the PDF title before payment, at most 20 characters
 * @param invoicePaidTitle the PDF title after payment, at most 20 characters
 * @param customerDetails the billed customer
 * @param paymentType {@code payment_link} or {@code virtual_account}
 * @param paymentLink payment link options ({@code payment_link} invoices only)
 * @param virtualAccounts the virtual accounts offered; required for
 * {@code virtual_account}
 * @param itemDetails the lines, at least one
 * @param notes notes printed on the invoice, at most 1000 characters
 * @param reference the merchant's reference, at most 90 characters
 * @param amount discount and shipping
 * @param taxMode {@code exclusive} or {@code inclusive}; {@code null} for the dashboard
 * default
 * @param taxes the taxes; required for {@code inclusive}
 * @param documentType {@code invoice} (the default) or {@code quotation}
 * @param quotationDate when a quotation is issued; required for quotations
 * @param quotationValidityDate until when a quotation is valid; required for quotations
 * @since 0.1.0
 */
public record InvoiceRequest(String orderId, String invoiceNumber, OffsetDateTime invoiceDate, OffsetDateTime dueDate,
		@Nullable String invoiceTitle, @Nullable String invoicePaidTitle, InvoiceCustomer customerDetails,
		InvoicePaymentType paymentType, @Nullable InvoicePaymentLink paymentLink,
		List<InvoiceVirtualAccount> virtualAccounts, List<InvoiceItem> itemDetails, @Nullable String notes,
		@Nullable String reference, @Nullable InvoiceAmount amount, @Nullable TaxMode taxMode, List<InvoiceTax> taxes,
		@Nullable DocumentType documentType, @Nullable OffsetDateTime quotationDate,
		@Nullable OffsetDateTime quotationValidityDate) {

	// Midtrans documents [a-z 0-9 - _ ~ .]; upper case is let through rather than
	// guessed at.
	private static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9\\-_~.]{1,36}");

	public InvoiceRequest {
		if (orderId == null || !ORDER_ID.matcher(orderId).matches()) {
			throw new IllegalArgumentException(
					"Invoice order id must be 1 to 36 characters of a-z 0-9 - _ ~ . but was '" + orderId + "'");
		}
		virtualAccounts = (virtualAccounts != null) ? List.copyOf(virtualAccounts) : List.of();
		itemDetails = (itemDetails != null) ? List.copyOf(itemDetails) : List.of();
		taxes = (taxes != null) ? List.copyOf(taxes) : List.of();
		check(invoiceNumber != null && !invoiceNumber.isBlank() && invoiceNumber.length() <= 40, orderId,
				"invoice_number must be 1 to 40 characters");
		check(invoiceDate != null && dueDate != null, orderId, "invoice_date and due_date are required");
		check(dueDate.isAfter(invoiceDate), orderId, "due_date must be after invoice_date");
		check(maxLength(invoiceTitle, 20) && maxLength(invoicePaidTitle, 20), orderId,
				"invoice titles are at most 20 characters");
		check(customerDetails != null && customerDetails.name() != null && !customerDetails.name().isBlank(), orderId,
				"customer_details.name is required");
		check(maxLength(customerDetails.name(), 40) && maxLength(customerDetails.id(), 36), orderId,
				"customer_details.name is at most 40 characters and id at most 36");
		String phone = customerDetails.phone();
		check(phone == null || (phone.length() <= 15 && !phone.startsWith("0")), orderId,
				"customer_details.phone is at most 15 characters and must not start with 0");
		check(paymentType != null && paymentType != InvoicePaymentType.UNKNOWN, orderId,
				"payment_type must be payment_link or virtual_account");
		check(paymentType != InvoicePaymentType.VIRTUAL_ACCOUNT || !virtualAccounts.isEmpty(), orderId,
				"a virtual_account invoice needs at least one virtual account");
		for (InvoiceVirtualAccount account : virtualAccounts) {
			check(account.bank() != null && account.bank() != InvoiceVaBank.UNKNOWN, orderId,
					"each virtual account needs a known bank");
			check(account.number() == null || account.number().chars().allMatch(Character::isDigit), orderId,
					"virtual account numbers are digits only");
		}
		check(paymentType != InvoicePaymentType.VIRTUAL_ACCOUNT || paymentLink == null, orderId,
				"payment_link options do not fit a virtual_account invoice");
		check(!itemDetails.isEmpty(), orderId, "at least one item is required");
		check(maxLength(notes, 1000) && maxLength(reference, 90), orderId,
				"notes are at most 1000 characters and reference at most 90");
		check(taxMode != TaxMode.UNKNOWN, orderId, "tax_mode must be exclusive or inclusive");
		check(taxMode != TaxMode.INCLUSIVE || !taxes.isEmpty(), orderId, "inclusive tax mode needs taxes");
		check(documentType != DocumentType.UNKNOWN, orderId, "document_type must be invoice or quotation");
		if (documentType == DocumentType.QUOTATION) {
			check(quotationDate != null && quotationValidityDate != null, orderId,
					"a quotation needs quotation_date and quotation_validity_date");
			check(quotationValidityDate.isAfter(quotationDate), orderId,
					"quotation_validity_date must be after quotation_date");
		}
	}

	/**
	 * Start an invoice paid through a payment link.
	 * @param orderId the order id
	 * @param invoiceNumber the invoice number
	 * @param invoiceDate the invoice date
	 * @param dueDate the due date
	 * @param customer the customer
	 * @return a builder
	 */
	public static Builder paymentLink(String orderId, String invoiceNumber, OffsetDateTime invoiceDate,
			OffsetDateTime dueDate, InvoiceCustomer customer) {
		return new Builder(orderId, invoiceNumber, invoiceDate, dueDate, customer, InvoicePaymentType.PAYMENT_LINK);
	}

	/**
	 * Start an invoice paid into virtual accounts.
	 * @param orderId the order id
	 * @param invoiceNumber the invoice number
	 * @param invoiceDate the invoice date
	 * @param dueDate the due date
	 * @param customer the customer
	 * @param accounts the virtual accounts offered, at least one
	 * @return a builder
	 */
	public static Builder virtualAccount(String orderId, String invoiceNumber, OffsetDateTime invoiceDate,
			OffsetDateTime dueDate, InvoiceCustomer customer, InvoiceVirtualAccount... accounts) {
		Builder builder = new Builder(orderId, invoiceNumber, invoiceDate, dueDate, customer,
				InvoicePaymentType.VIRTUAL_ACCOUNT);
		builder.virtualAccounts.addAll(Arrays.asList(accounts));
		return builder;
	}

	private static boolean maxLength(@Nullable String value, int max) {
		return value == null || value.length() <= max;
	}

	private static void check(boolean condition, String orderId, String problem) {
		if (!condition) {
			throw new IllegalArgumentException("Invoice of order '" + orderId + "' is invalid: " + problem);
		}
	}

	/**
	 * Builds an {@link InvoiceRequest}; {@link #build()} checks it.
	 */
	public static final class Builder {

		private final String orderId;

		private final String invoiceNumber;

		private final OffsetDateTime invoiceDate;

		private final OffsetDateTime dueDate;

		private final InvoiceCustomer customer;

		private final InvoicePaymentType paymentType;

		private final List<InvoiceVirtualAccount> virtualAccounts = new ArrayList<>();

		private final List<InvoiceItem> items = new ArrayList<>();

		private final List<InvoiceTax> taxes = new ArrayList<>();

		private @Nullable InvoicePaymentLink paymentLink;

		private @Nullable String invoiceTitle;

		private @Nullable String invoicePaidTitle;

		private @Nullable String notes;

		private @Nullable String reference;

		private @Nullable InvoiceAmount amount;

		private @Nullable TaxMode taxMode;

		private @Nullable DocumentType documentType;

		private @Nullable OffsetDateTime quotationDate;

		private @Nullable OffsetDateTime quotationValidityDate;

		private Builder(String orderId, String invoiceNumber, OffsetDateTime invoiceDate, OffsetDateTime dueDate,
				InvoiceCustomer customer, InvoicePaymentType paymentType) {
			this.orderId = orderId;
			this.invoiceNumber = invoiceNumber;
			this.invoiceDate = invoiceDate;
			this.dueDate = dueDate;
			this.customer = customer;
			this.paymentType = paymentType;
		}

		/**
		 * Add a line.
		 * @param item the line
		 * @return this builder
		 */
		public Builder item(InvoiceItem item) {
			this.items.add(Objects.requireNonNull(item, "item"));
			return this;
		}

		/**
		 * Add lines.
		 * @param items the lines
		 * @return this builder
		 */
		public Builder items(List<InvoiceItem> items) {
			items.forEach(this::item);
			return this;
		}

		/**
		 * Set the payment link options of a {@code payment_link} invoice.
		 * @param paymentLink the options
		 * @return this builder
		 */
		public Builder paymentLinkOptions(InvoicePaymentLink paymentLink) {
			this.paymentLink = paymentLink;
			return this;
		}

		/**
		 * Set the PDF titles before and after payment.
		 * @param title the title before payment, may be {@code null}
		 * @param paidTitle the title after payment, may be {@code null}
		 * @return this builder
		 */
		public Builder titles(@Nullable String title, @Nullable String paidTitle) {
			this.invoiceTitle = title;
			this.invoicePaidTitle = paidTitle;
			return this;
		}

		/**
		 * Set the notes printed on the invoice.
		 * @param notes the notes
		 * @return this builder
		 */
		public Builder notes(String notes) {
			this.notes = notes;
			return this;
		}

		/**
		 * Set the merchant's reference.
		 * @param reference the reference
		 * @return this builder
		 */
		public Builder reference(String reference) {
			this.reference = reference;
			return this;
		}

		/**
		 * Set the discount and shipping.
		 * @param amount the adjustments
		 * @return this builder
		 */
		public Builder amount(InvoiceAmount amount) {
			this.amount = amount;
			return this;
		}

		/**
		 * Set the tax mode and taxes.
		 * @param mode exclusive or inclusive
		 * @param taxes the taxes
		 * @return this builder
		 */
		public Builder taxes(TaxMode mode, InvoiceTax... taxes) {
			this.taxMode = mode;
			this.taxes.addAll(Arrays.asList(taxes));
			return this;
		}

		/**
		 * Make this a quotation instead of an invoice.
		 * @param quotationDate when the quotation is issued
		 * @param validUntil until when it is valid
		 * @return this builder
		 */
		public Builder quotation(OffsetDateTime quotationDate, OffsetDateTime validUntil) {
			this.documentType = DocumentType.QUOTATION;
			this.quotationDate = quotationDate;
			this.quotationValidityDate = validUntil;
			return this;
		}

		/**
		 * Build and check the request.
		 * @return the request
		 * @throws IllegalArgumentException when Midtrans would reject it
		 */
		public InvoiceRequest build() {
			return new InvoiceRequest(this.orderId, this.invoiceNumber, this.invoiceDate, this.dueDate,
					this.invoiceTitle, this.invoicePaidTitle, this.customer, this.paymentType, this.paymentLink,
					this.virtualAccounts, this.items, this.notes, this.reference, this.amount, this.taxMode, this.taxes,
					this.documentType, this.quotationDate, this.quotationValidityDate);
		}

	}

}
