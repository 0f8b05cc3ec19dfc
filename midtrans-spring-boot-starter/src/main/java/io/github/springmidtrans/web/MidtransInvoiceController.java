package io.github.springmidtrans.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.github.springmidtrans.client.model.InvoiceCustomer;
import io.github.springmidtrans.client.model.InvoiceItem;
import io.github.springmidtrans.client.model.InvoicePaymentLink;
import io.github.springmidtrans.client.model.InvoiceRequest;
import io.github.springmidtrans.client.model.InvoiceVaBank;
import io.github.springmidtrans.client.model.InvoiceVirtualAccount;
import io.github.springmidtrans.invoice.InvoiceNotFoundException;
import io.github.springmidtrans.invoice.InvoiceService;
import io.github.springmidtrans.invoice.InvoiceStatus;
import io.github.springmidtrans.invoice.MidtransInvoice;
import io.github.springmidtrans.invoice.MidtransInvoiceItem;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * REST API over {@link InvoiceService}: create, list, read and void invoices, under
 * {@code midtrans.web.api.base-path} + {@code /invoices}. Answers never carry idempotency
 * keys or the stored request. The API moves money: the application must protect it.
 *
 * @since 0.1.0
 */
@RestController
@RequestMapping(path = "${midtrans.web.api.base-path:/midtrans/api}/invoices", produces = "application/json")
public class MidtransInvoiceController {

	private final InvoiceService invoices;

	/**
	 * Create the controller.
	 * @param invoices the invoice service
	 */
	public MidtransInvoiceController(InvoiceService invoices) {
		this.invoices = invoices;
	}

	/**
	 * Create an invoice through Midtrans' Invoicing API. Repeating the same body is safe:
	 * the order id identifies the invoice.
	 * @param body the invoice
	 * @return 201 with the invoice as it stands after Midtrans' answer
	 */
	@PostMapping(consumes = "application/json")
	public ResponseEntity<InvoiceView> create(@RequestBody InvoiceBody body) {
		String number = (body.invoiceNumber() != null && !body.invoiceNumber().isBlank()) ? body.invoiceNumber()
				: this.invoices.newInvoiceNumber();
		MidtransInvoice invoice = this.invoices.create(body.toInvoiceRequest(number));
		URI location = ServletUriComponentsBuilder.fromCurrentRequestUri()
			.path("/{orderId}")
			.buildAndExpand(invoice.getOrderId())
			.toUri();
		return ResponseEntity.created(location).body(InvoiceView.of(invoice));
	}

	/**
	 * List invoices, newest first.
	 * @param status only invoices in this status (an {@link InvoiceStatus} name, any
	 * case)
	 * @param limit page size, 1 to 100
	 * @param before only invoices with a smaller id: the previous page's
	 * {@code nextBefore}
	 * @return the page
	 */
	@GetMapping
	public MidtransApiPage<InvoiceView> list(@RequestParam(required = false) @Nullable String status,
			@RequestParam(defaultValue = "" + ApiRequests.DEFAULT_LIMIT) int limit,
			@RequestParam(required = false) @Nullable Long before) {
		int size = ApiRequests.limit(limit);
		List<MidtransInvoice> page = this.invoices.findRecent(ApiRequests.status(status, InvoiceStatus.class),
				ApiRequests.before(before), size);
		return new MidtransApiPage<>(page.stream().map(InvoiceView::of).toList(),
				ApiRequests.nextBefore(page, size, MidtransInvoice::getId));
	}

	/**
	 * Read an invoice as stored.
	 * @param orderId the invoice's order id
	 * @return the invoice
	 */
	@GetMapping("/{orderId}")
	public InvoiceView get(@PathVariable String orderId) {
		return InvoiceView.of(this.invoices.findByOrderId(orderId)
			.orElseThrow(() -> new InvoiceNotFoundException("No invoice with order id '" + orderId + "' is stored")));
	}

	/**
	 * Void a pending or overdue invoice.
	 * @param orderId the invoice's order id
	 * @return the invoice afterwards
	 */
	@PostMapping("/{orderId}/void")
	public InvoiceView voidInvoice(@PathVariable String orderId) {
		return InvoiceView.of(this.invoices.voidInvoice(orderId));
	}

	/**
	 * An invoice as the REST API accepts it (camelCase JSON).
	 *
	 * @param orderId the order id, unique per invoice (required)
	 * @param invoiceNumber the invoice number; generated when absent
	 * @param invoiceDate the invoice date, ISO-8601 with offset; now when absent
	 * @param dueDate the due date, ISO-8601 with offset (required)
	 * @param paymentType {@code virtual_account} or {@code payment_link} (required)
	 * @param virtualAccounts the banks offered for {@code virtual_account}, such as
	 * {@code bca_va}
	 * @param enabledPayments the payment methods offered for {@code payment_link}; all
	 * when absent
	 * @param customer the customer (required, with a name)
	 * @param items the items (at least one)
	 * @param notes notes printed on the invoice
	 */
	public record InvoiceBody(@Nullable String orderId, @Nullable String invoiceNumber,
			@Nullable OffsetDateTime invoiceDate, @Nullable OffsetDateTime dueDate, @Nullable String paymentType,
			@Nullable List<String> virtualAccounts, @Nullable List<String> enabledPayments,
			@Nullable InvoiceCustomerBody customer, @Nullable List<InvoiceItemBody> items, @Nullable String notes) {

		InvoiceRequest toInvoiceRequest(String number) {
			String id = ApiRequests.required(this.orderId, "orderId");
			OffsetDateTime due = ApiRequests.required(this.dueDate, "dueDate");
			OffsetDateTime date = (this.invoiceDate != null) ? this.invoiceDate
					: OffsetDateTime.now(ZoneOffset.ofHours(7)).withNano(0);
			InvoiceCustomerBody buyer = ApiRequests.required(this.customer, "customer");
			InvoiceCustomer invoiceCustomer = InvoiceCustomer.of(buyer.id(),
					ApiRequests.required(buyer.name(), "customer.name"), buyer.email(), buyer.phone());
			String type = ApiRequests.required(this.paymentType, "paymentType");
			InvoiceRequest.Builder builder = switch (type) {
				case "virtual_account" -> InvoiceRequest.virtualAccount(id, number, date, due, invoiceCustomer,
						ApiRequests.map(ApiRequests.required(this.virtualAccounts, "virtualAccounts"), (bank) -> {
							InvoiceVaBank vaBank = InvoiceVaBank.fromWireValue(bank);
							if (vaBank == null || vaBank == InvoiceVaBank.UNKNOWN) {
								throw new IllegalArgumentException("virtualAccounts bank '" + bank + "' is not known");
							}
							return InvoiceVirtualAccount.of(vaBank);
						}).toArray(InvoiceVirtualAccount[]::new));
				case "payment_link" -> {
					InvoiceRequest.Builder link = InvoiceRequest.paymentLink(id, number, date, due, invoiceCustomer);
					if (this.enabledPayments != null && !this.enabledPayments.isEmpty()) {
						link.paymentLinkOptions(InvoicePaymentLink.of(this.enabledPayments.toArray(String[]::new)));
					}
					yield link;
				}
				default -> throw new IllegalArgumentException(
						"paymentType must be virtual_account or payment_link, got '" + type + "'");
			};
			builder.items(ApiRequests.map(this.items,
					(item) -> InvoiceItem.of(item.itemId(),
							ApiRequests.required(item.description(), "items[].description"),
							ApiRequests.required(item.quantity(), "items[].quantity"),
							ApiRequests.required(item.price(), "items[].price"))));
			if (this.notes != null) {
				builder.notes(this.notes);
			}
			return builder.build();
		}

	}

	/**
	 * The customer of an invoice.
	 *
	 * @param id the merchant's customer id
	 * @param name the name (required)
	 * @param email the email address
	 * @param phone the phone number
	 */
	public record InvoiceCustomerBody(@Nullable String id, @Nullable String name, @Nullable String email,
			@Nullable String phone) {

	}

	/**
	 * An item of an invoice.
	 *
	 * @param itemId the merchant's item id
	 * @param description what it is (required)
	 * @param quantity how many (required)
	 * @param price the unit price in whole rupiah (required)
	 */
	public record InvoiceItemBody(@Nullable String itemId, @Nullable String description, @Nullable Integer quantity,
			@Nullable Long price) {

	}

	/**
	 * An invoice as the REST API shows it: ids and values, never its idempotency key or
	 * stored request.
	 *
	 * @param id the local id, for paging
	 * @param orderId the order id
	 * @param invoiceNumber the invoice number
	 * @param midtransInvoiceId Midtrans' invoice id
	 * @param status the local status
	 * @param paymentType {@code virtual_account} or {@code payment_link}
	 * @param grossAmount the total
	 * @param invoiceDate the invoice date
	 * @param dueDate the due date
	 * @param customerId the merchant's customer id
	 * @param customerName the customer's name
	 * @param customerEmail the customer's email address
	 * @param customerPhone the customer's phone number
	 * @param pdfUrl the PDF
	 * @param paymentLinkUrl the payment page
	 * @param vaNumbers virtual account numbers by bank
	 * @param paidOrderId the order id of the payment that paid it
	 * @param paidAt when it was paid
	 * @param voidedAt when it was voided
	 * @param overdueAt when it became overdue
	 * @param createdAt when the row was created
	 * @param updatedAt when the row last changed
	 * @param items the items
	 */
	public record InvoiceView(@Nullable Long id, String orderId, String invoiceNumber,
			@Nullable String midtransInvoiceId, InvoiceStatus status, String paymentType,
			@Nullable BigDecimal grossAmount, Instant invoiceDate, Instant dueDate, @Nullable String customerId,
			@Nullable String customerName, @Nullable String customerEmail, @Nullable String customerPhone,
			@Nullable String pdfUrl, @Nullable String paymentLinkUrl, Map<String, String> vaNumbers,
			@Nullable String paidOrderId, @Nullable Instant paidAt, @Nullable Instant voidedAt,
			@Nullable Instant overdueAt, Instant createdAt, Instant updatedAt, List<InvoiceItemView> items) {

		static InvoiceView of(MidtransInvoice invoice) {
			return new InvoiceView(invoice.getId(), invoice.getOrderId(), invoice.getInvoiceNumber(),
					invoice.getMidtransInvoiceId(), invoice.getStatus(), invoice.getPaymentType(),
					invoice.getGrossAmount(), invoice.getInvoiceDate(), invoice.getDueDate(), invoice.getCustomerId(),
					invoice.getCustomerName(), invoice.getCustomerEmail(), invoice.getCustomerPhone(),
					invoice.getPdfUrl(), invoice.getPaymentLinkUrl(), invoice.getVaNumbers(), invoice.getPaidOrderId(),
					invoice.getPaidAt(), invoice.getVoidedAt(), invoice.getOverdueAt(), invoice.getCreatedAt(),
					invoice.getUpdatedAt(), invoice.getItems().stream().map(InvoiceItemView::of).toList());
		}

	}

	/**
	 * An item of an invoice.
	 *
	 * @param itemId the merchant's item id
	 * @param description what it is
	 * @param quantity how many
	 * @param price the unit price
	 * @param discountPercentage the discount, in percent
	 */
	public record InvoiceItemView(@Nullable String itemId, String description, int quantity, BigDecimal price,
			@Nullable Integer discountPercentage) {

		static InvoiceItemView of(MidtransInvoiceItem item) {
			return new InvoiceItemView(item.getItemId(), item.getDescription(), item.getQuantity(), item.getPrice(),
					item.getDiscountPercentage());
		}

	}

}
