package io.github.springmidtrans.client;

import io.github.springmidtrans.client.model.InvoiceRequest;
import io.github.springmidtrans.client.model.InvoiceResponse;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Invoices through the Invoicing API ({@code /v1/invoices}). Obtain it from
 * {@link MidtransClient}; thread-safe.
 *
 * <p>
 * This API reports errors with real HTTP statuses and {@code error_messages}: 400 arrives
 * as {@link MidtransValidationException}, 404 as {@link MidtransNotFoundException}, a
 * reused order id (409) as {@link MidtransDuplicateOrderException}, 5xx as a retryable
 * {@link MidtransServerException}. Paying an invoice produces an ordinary transaction
 * notification whose {@code metadata.midtrans_invoice_id} names the invoice.
 *
 * @since 0.1.0
 */
public final class InvoiceApi {

	private final HttpTransport transport;

	InvoiceApi(HttpTransport transport) {
		this.transport = transport;
	}

	/**
	 * Create and publish an invoice: {@code POST /v1/invoices} (Midtrans answers HTTP
	 * 201).
	 *
	 * <p>
	 * A retry with the same order id is refused as a duplicate
	 * ({@link MidtransDuplicateOrderException}) once the first attempt landed; pass an
	 * idempotency key with {@link #create(InvoiceRequest, RequestOptions)} to get the
	 * first answer back instead.
	 * @param request the invoice
	 * @return the created invoice with its id, status and payment details
	 * @throws MidtransValidationException when Midtrans rejects the request
	 * @throws MidtransDuplicateOrderException when the order id was used before
	 * @throws MidtransException for other failures
	 * @see <a href="https://docs.midtrans.com/reference/create-invoice">Create
	 * Invoice</a>
	 */
	public InvoiceResponse create(InvoiceRequest request) {
		return create(request, RequestOptions.none());
	}

	/**
	 * Create an invoice with an idempotency key (sent as {@code X-Idempotency-Key}; the
	 * same key within five minutes creates the invoice once): {@code POST /v1/invoices}.
	 * @param request the invoice
	 * @param options headers for this call
	 * @return the created invoice
	 * @throws MidtransException when Midtrans refuses or cannot be reached
	 * @see #create(InvoiceRequest)
	 */
	public InvoiceResponse create(InvoiceRequest request, RequestOptions options) {
		MidtransOperation operation = MidtransOperation.INVOICE_CREATE;
		HttpUrl url = this.transport.url("v1", "invoices").build();
		return MidtransClient.required(
				this.transport.send(operation, "POST", url, request, options, request.orderId(), InvoiceResponse.class),
				operation, request.orderId());
	}

	/**
	 * Read an invoice: {@code GET /v1/invoices/{invoice_id}}. Safe to repeat.
	 * @param invoiceId Midtrans' invoice id ({@link InvoiceResponse#id()}), not the order
	 * id
	 * @return the invoice
	 * @throws MidtransNotFoundException when Midtrans does not know the id
	 * @throws MidtransException for other failures
	 * @see <a href="https://docs.midtrans.com/reference/get-invoice">Get Invoice</a>
	 */
	public InvoiceResponse get(String invoiceId) {
		MidtransOperation operation = MidtransOperation.INVOICE_GET;
		HttpUrl url = this.transport.url("v1", "invoices", MidtransClient.requireId(invoiceId)).build();
		return MidtransClient.required(this.transport.send(operation, "GET", url, null, RequestOptions.none(),
				invoiceId, InvoiceResponse.class), operation, invoiceId);
	}

	/**
	 * Void a {@code pending} or {@code overdue} invoice: {@code PATCH
	 * /v1/invoices/{invoice_id}/void}. Repeating it on a voided invoice is refused (HTTP
	 * 409), so read the invoice to reconcile after a timeout.
	 * @param invoiceId Midtrans' invoice id
	 * @throws MidtransNotFoundException when Midtrans does not know the id
	 * @throws MidtransApiException when the invoice cannot be voided (HTTP 409 "Invoice
	 * cannot be canceled", for example because it is paid) or Midtrans answers
	 * {@code "success": false}
	 * @throws MidtransException for other failures
	 * @see <a href="https://docs.midtrans.com/reference/void-invoice">Void Invoice</a>
	 */
	public void voidInvoice(String invoiceId) {
		MidtransOperation operation = MidtransOperation.INVOICE_VOID;
		HttpUrl url = this.transport.url("v1", "invoices", MidtransClient.requireId(invoiceId), "void").build();
		JsonNode answer = this.transport.send(operation, "PATCH", url, null, RequestOptions.none(), invoiceId,
				JsonNode.class);
		if (answer != null && answer.has("success") && !isTrue(answer.get("success"))) {
			String message = ResponseClassifier.statusMessage(answer);
			throw new MidtransApiException(
					"Midtrans " + operation.description() + HttpTransport.subjectText(operation, invoiceId)
							+ " failed: the answer reports success false" + ((message != null) ? ": " + message : ""),
					operation, invoiceId, 200, null, message);
		}
	}

	private static boolean isTrue(@Nullable JsonNode value) {
		return value != null && (value.isBoolean() ? value.booleanValue() : "true".equalsIgnoreCase(value.asString()));
	}

}
