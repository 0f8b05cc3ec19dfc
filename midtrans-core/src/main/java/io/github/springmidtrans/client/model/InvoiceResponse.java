package io.github.springmidtrans.client.model;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.OptBoolean;
import org.jspecify.annotations.Nullable;

/**
 * An invoice as Midtrans describes it: the answer of create and get. Amounts are exact;
 * dates keep the offset Midtrans sent ({@code +0700}). Anything not modelled is in
 * {@link #raw()}.
 *
 * @param id Midtrans' invoice id, used to get and void it
 * @param orderId the order id; payments of the invoice carry
 * {@code metadata.midtrans_invoice_id}
 * @param invoiceNumber the invoice number
 * @param status the state
 * @param grossAmount the total to pay
 * @param invoiceDate the invoice date
 * @param dueDate the due date
 * @param publishedDate when it was published
 * @param paidDate when it was paid
 * @param invoiceTitle the PDF title before payment
 * @param invoicePaidTitle the PDF title after payment
 * @param paymentType {@code payment_link} or {@code virtual_account}
 * @param pdfUrl the invoice PDF
 * @param paidPdfUrl the PDF after payment
 * @param paymentLinkUrl the payment page ({@code payment_link} invoices)
 * @param virtualAccounts the virtual accounts with their numbers ({@code virtual_account}
 * invoices)
 * @param customerDetails the customer
 * @param itemDetails the lines
 * @param amount discount, shipping and tax totals
 * @param taxMode the tax mode
 * @param taxes the taxes with their calculated amounts
 * @param notes the notes
 * @param reference the merchant's reference
 * @param documentType {@code invoice} or {@code quotation}
 * @param raw the complete body
 * @since 0.1.0
 */
public record InvoiceResponse(@Nullable String id, @Nullable String orderId, @Nullable String invoiceNumber,
		@Nullable InvoiceStatus status, @Nullable BigDecimal grossAmount, @Nullable OffsetDateTime invoiceDate,
		@Nullable OffsetDateTime dueDate, @Nullable OffsetDateTime publishedDate, @Nullable OffsetDateTime paidDate,
		@Nullable String invoiceTitle, @Nullable String invoicePaidTitle, @Nullable InvoicePaymentType paymentType,
		@Nullable String pdfUrl, @Nullable String paidPdfUrl, @Nullable String paymentLinkUrl,
		List<InvoiceVirtualAccount> virtualAccounts, @Nullable InvoiceCustomer customerDetails,
		List<InvoiceItem> itemDetails, @Nullable Amount amount, @Nullable TaxMode taxMode, List<Tax> taxes,
		@Nullable String notes, @Nullable String reference, @Nullable DocumentType documentType,
		@JsonIgnore @JacksonInject(value = "midtrans.raw", useInput = OptBoolean.FALSE,
				optional = OptBoolean.TRUE) @Nullable RawJson raw) {

	public InvoiceResponse {
		virtualAccounts = (virtualAccounts != null) ? List.copyOf(virtualAccounts) : List.of();
		itemDetails = (itemDetails != null) ? List.copyOf(itemDetails) : List.of();
		taxes = (taxes != null) ? List.copyOf(taxes) : List.of();
	}

	/**
	 * Whether the invoice is paid. Midtrans keeps {@code paid} even when the payment is
	 * later refunded.
	 * @return {@code true} when {@code paid}
	 */
	@JsonIgnore
	public boolean isPaid() {
		return this.status == InvoiceStatus.PAID;
	}

	@Override
	public String toString() {
		return "InvoiceResponse[id=" + this.id + ", orderId=" + this.orderId + ", invoiceNumber=" + this.invoiceNumber
				+ ", status=" + this.status + ", grossAmount=" + this.grossAmount + ", paymentType=" + this.paymentType
				+ ", dueDate=" + this.dueDate + "]";
	}

	/**
	 * Invoice-level amounts as Midtrans reports them (numbers or numeric strings).
	 *
	 * @param discount the discount
	 * @param shipping the shipping fee
	 * @param vat the deprecated VAT amount
	 * @param totalTax the total of all taxes
	 * @param baseAmount the amount taxes were computed on
	 */
	public record Amount(@Nullable BigDecimal discount, @Nullable BigDecimal shipping, @Nullable BigDecimal vat,
			@Nullable BigDecimal totalTax, @Nullable BigDecimal baseAmount) {

	}

	/**
	 * A tax with the amount Midtrans calculated.
	 *
	 * @param name the label
	 * @param type {@code percentage} or {@code fixed}
	 * @param value the percentage or amount
	 * @param calculatedAmount the resulting tax in rupiah
	 */
	public record Tax(@Nullable String name, @Nullable TaxType type, @Nullable BigDecimal value,
			@Nullable BigDecimal calculatedAmount) {

	}

}
